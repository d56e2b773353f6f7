/**
 * What a report's *valori misure* say about its value, the same for a tree and for the overshooting
 * annex: measures that cannot be read, and a stated value that the measures contradict.
 */
import { finding, formatQuantity, type EngineError, type Finding, type Result } from '../core';
import type { Actual } from '../cells';
import { contains, printedBounds } from './bounds';

/** The measures cannot be read: the stated value is used instead, and the reader is told. */
export function unreadableMeasuresFinding(name: string, cell: string | undefined, error: EngineError): Finding {
  return finding('misure-illeggibili', cell, `${name}: valori misure non leggibili (${error.message}) — usato il valore dichiarato.`);
}

/**
 * The stated value against the value computed from the measures (which is the one used): a finding
 * when the stated figure, at the precision it is printed with, cannot be the computed one.
 */
export function valueVsMeasuresFinding(name: string, cell: string | undefined, stated: Result<Actual>, measured: Result<Actual>): Finding | undefined {
  if (!stated.ok || stated.value.kind !== 'quantity' || !measured.ok || measured.value.kind !== 'quantity') return undefined;
  const s = stated.value;
  const computed = measured.value.amount;
  if (contains(printedBounds(s), computed)) return undefined;
  return finding(
    'valore-diverso-dalle-misure',
    cell,
    `${name}: il valore dichiarato ${formatQuantity(s)} non corrisponde ai valori misure (${formatQuantity({ amount: computed, unit: s.unit }, 4)}). Verificare il consuntivo o le misure.`,
    { stated: s.amount, computed },
  );
}
