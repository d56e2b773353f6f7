/**
 * Custom functions PERF.*: thin wrappers over the engine, registered in the shared runtime.
 * Their metadata (functions.json) is generated from these JSDoc blocks at build time.
 */
import { achievement, parseActual, parseTarget } from '../engine';
import { excelError, firstCell } from './excel-values';

/**
 * Achievement of an indicator under the SMVP, as a fraction between 0 and 1.
 * @customfunction RAGGIUNGIMENTO
 * @param target The target, e.g. ">= 1.000 N.", "<= 2 gg", "Entro 30-06-2024".
 * @param valore The actual value: Integra text, a number, a date or a percentage.
 * @returns The achievement (format the cell as a percentage).
 */
export function raggiungimento(target: any, valore: any): number {
  const t = parseTarget(firstCell(target));
  if (!t.ok) throw excelError('value', t.error.message);
  const v = parseActual(firstCell(valore));
  if (!v.ok) throw excelError('value', v.error.message);
  const outcome = achievement(t.value, v.value);
  if (!outcome.ok) throw excelError('value', outcome.error.message);
  if (outcome.value.kind === 'notMeasurable') throw excelError('notAvailable', 'Valore non disponibile: indicatore non misurabile.');
  return outcome.value.value.toNumber();
}
