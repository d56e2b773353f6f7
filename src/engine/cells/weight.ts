import { Dec, excerpt, fail, HUNDRED, ok, ONE, parseQuantityText, type Result } from '../core';
import { excelErrorMessage, FORMULA_WITHOUT_VALUE } from './actual';
import { isBlank, isExcelError, isPercentFormat, toCellInput, type CellLike } from './cell';

/**
 * Reads a weight as a fraction: "33,33%" text, a percentage-formatted number (0.3333), or a plain
 * number. A plain number above 1 can only mean percentage points (50 is 50%), never 5000%.
 */
export function parseWeight(cell: CellLike): Result<Dec> {
  const { value, numberFormat, formulaWithoutValue } = toCellInput(cell);
  if (formulaWithoutValue === true) return fail('formula-without-value', FORMULA_WITHOUT_VALUE);
  if (value === null || value === undefined || (typeof value === 'string' && isBlank(value))) {
    return fail('invalid-weight', 'Peso mancante.');
  }
  if (typeof value === 'boolean') return fail('invalid-weight', 'Peso non valido: valore logico.');
  let amount: Dec;
  let percent = false;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail('invalid-weight', `Peso non valido: ${value}.`);
    amount = new Dec(value);
    percent = isPercentFormat(numberFormat);
  } else {
    if (isExcelError(value)) return fail('excel-error', excelErrorMessage(value));
    const q = parseQuantityText(value);
    if (!q.ok || (q.value.unit !== null && q.value.unit !== '%')) {
      return fail('invalid-weight', `Peso non leggibile: «${excerpt(value.trim())}» (atteso ad es. 33,33%).`);
    }
    amount = q.value.amount;
    percent = q.value.unit === '%';
  }
  if (amount.isNegative()) return fail('invalid-weight', `Peso negativo: ${value}.`);
  return ok(!percent && amount.greaterThan(ONE) ? amount.div(HUNDRED) : amount);
}
