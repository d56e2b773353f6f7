import { fail, ok, ONE, type Dec, type Result } from '../core';
import { parseActual } from './actual';
import type { CellLike } from './cell';

/**
 * Reads an achievement as a fraction: "96,77 %" text, a percentage cell (0.9677) or a plain fraction.
 * null when the cell has none (empty, N/D). A plain 96,77 is refused rather than guessed: it could
 * be 96,77% or a typing slip, and an achievement is never above 100%.
 */
export function parseAchievementCell(cell: CellLike): Result<Dec | null> {
  const parsed = parseActual(cell);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if (v.kind === 'missing') return ok(null);
  if (v.kind === 'date') return fail('invalid-number', 'Raggiungimento non valido: è una data.');
  if (v.unit !== null && v.unit !== '%') {
    return fail('incompatible-units', `Raggiungimento non valido: atteso un valore percentuale, trovato «${v.unit}».`);
  }
  if (v.amount.isNegative() || v.amount.greaterThan(ONE)) {
    const shown = v.unit === '%' ? `${v.amount.times(100).toString()}%` : v.amount.toString();
    return fail('invalid-number', `Raggiungimento fuori da 0-100%: ${shown.replace('.', ',')} (scrivere ad es. 96,77% oppure 0,9677).`);
  }
  return ok(v.amount);
}

/** A tolerance or threshold as a fraction: "110%" text, 1,1 or a percentage cell. */
export function parseFractionCell(cell: CellLike, what: string): Result<Dec> {
  const parsed = parseActual(cell);
  if (!parsed.ok) return fail(parsed.error.code, `${what}: ${parsed.error.message}`);
  const v = parsed.value;
  if (v.kind !== 'quantity' || (v.unit !== null && v.unit !== '%') || v.amount.isNegative()) {
    return fail('invalid-number', `${what} non valida: atteso un numero o una percentuale non negativa (ad es. 110%).`);
  }
  return ok(v.amount);
}
