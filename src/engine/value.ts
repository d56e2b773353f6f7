import { isDateFormat, isExcelError, isPercentFormat, toCellInput, type CellLike } from './cell';
import { dateFromSerial, looksLikeDate, parseItalianDate, type DateValue } from './dates';
import { Dec } from './decimal';
import { quantity, parseQuantityText, type Quantity } from './quantity';
import { fail, ok, type Result } from './result';

/** A value the SMVP does not have: the indicator is not measurable (not the same as 0). */
export interface Missing {
  readonly kind: 'missing';
  readonly reason: 'empty' | 'n/d';
}

export type Actual = Quantity | DateValue | Missing;

const NOT_AVAILABLE = /^(n\s*[./]?\s*d\.?|n\.?\s*a\.?|non disponibile)$/i;

export function isBlank(text: string): boolean {
  return text.trim() === '' || text.trim() === '-';
}

function decimalsOf(n: number): number {
  const s = new Dec(n).toFixed();
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** A real Excel number: a date when its format says so, a fraction when formatted as a percentage. */
export function numberCell(n: number, numberFormat: string | undefined): Result<Quantity | DateValue> {
  if (!Number.isFinite(n)) return fail('invalid-number', `Numero non valido: ${n}.`);
  if (isDateFormat(numberFormat)) return dateFromSerial(n);
  if (isPercentFormat(numberFormat)) return ok(quantity(new Dec(n), '%', Math.max(0, decimalsOf(n) - 2)));
  return ok(quantity(new Dec(n), null, decimalsOf(n)));
}

export function excelErrorMessage(text: string): string {
  return `La cella contiene l'errore di Excel ${text.trim().toUpperCase()}: correggere la formula o il dato.`;
}

/** Reads an actual value (Valore / Consuntivo) from text or from a real Excel value. */
export function parseActual(cell: CellLike): Result<Actual> {
  const { value, numberFormat } = toCellInput(cell);
  if (value === null || value === undefined) return ok({ kind: 'missing', reason: 'empty' });
  if (typeof value === 'number') return numberCell(value, numberFormat);
  if (typeof value === 'boolean') return fail('invalid-number', `Valore non numerico: ${value ? 'VERO' : 'FALSO'}.`);
  const text = value.trim();
  if (isBlank(text)) return ok({ kind: 'missing', reason: 'empty' });
  if (NOT_AVAILABLE.test(text)) return ok({ kind: 'missing', reason: 'n/d' });
  if (isExcelError(text)) return fail('excel-error', excelErrorMessage(text));
  if (looksLikeDate(text)) return parseItalianDate(text);
  return parseQuantityText(text);
}

export function isNotAvailableText(text: string): boolean {
  return NOT_AVAILABLE.test(text.trim());
}
