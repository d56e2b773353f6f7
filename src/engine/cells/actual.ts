import { Dec, fail, ok, parseQuantityText, quantity, type Quantity, type Result } from '../core';
import {
  isBlank, isDateFormat, isExcelError, isPercentFormat, shownDecimals, toCellInput, type CellLike,
} from './cell';
import { dateFromSerial, looksLikeDate, parseItalianDate, type DateValue } from './dates';

/** A value the SMVP does not have: the indicator is not measurable (not the same as 0). */
export interface Missing {
  readonly kind: 'missing';
  readonly reason: 'empty' | 'n/d';
}

export type Actual = Quantity | DateValue | Missing;

const NOT_AVAILABLE = /^(n\s*[./]?\s*d\.?|n\.?\s*a\.?|non disponibile)$/i;

function decimalsOf(n: number): number {
  const s = new Dec(n).toFixed();
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * Significant digits from which a stored number is a computed double (188/600 is stored as
 * 0.31333333333333335), not a figure typed or rounded to what it shows.
 */
const DOUBLE_DIGITS = 15;

/**
 * A real Excel number: a date when its format says so, a fraction when formatted as a percentage.
 * Its precision is the one it carries: a computed double is exact to double precision; a shorter
 * number (0.88 formatted "0.00%") counts the decimals its format shows, as the same figure printed
 * as text would ("88,00%").
 */
export function numberCell(n: number, numberFormat: string | undefined): Result<Quantity | DateValue> {
  if (!Number.isFinite(n)) return fail('invalid-number', `Numero non valido: ${n}.`);
  if (isDateFormat(numberFormat)) return dateFromSerial(n);
  const amount = new Dec(n);
  const percent = isPercentFormat(numberFormat);
  const unit = percent ? '%' : null;
  const stored = Math.max(0, decimalsOf(n) - (percent ? 2 : 0));
  if (!Number.isInteger(n) && amount.precision() >= DOUBLE_DIGITS) return ok({ ...quantity(amount, unit, stored), double: true });
  return ok(quantity(amount, unit, shownDecimals(numberFormat, stored)));
}

export const FORMULA_WITHOUT_VALUE = 'Formula senza valore calcolato: aprire il file in Excel e salvarlo, così che le formule abbiano il loro risultato.';

export function excelErrorMessage(text: string): string {
  return `La cella contiene l'errore di Excel ${text.trim().toUpperCase()}: correggere la formula o il dato.`;
}

/** Reads an actual value (Valore / Consuntivo) from text or from a real Excel value. */
export function parseActual(cell: CellLike): Result<Actual> {
  const { value, numberFormat, formulaWithoutValue } = toCellInput(cell);
  if (formulaWithoutValue === true) return fail('formula-without-value', FORMULA_WITHOUT_VALUE);
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
