/**
 * What a spreadsheet cell can hand the engine, whether it comes from Office.js, from ExcelJS or from
 * a custom function argument: a scalar plus, when known, its number format.
 */
export type CellScalar = string | number | boolean | null | undefined;

export interface CellInput {
  readonly value: CellScalar;
  /** Excel number format, e.g. "0.00%" or "dd/mm/yyyy"; tells a percentage or a date from a number. */
  readonly numberFormat?: string;
  /** A formula saved without its result (a file written by a library, not by Excel): unknown, not empty. */
  readonly formulaWithoutValue?: true;
}

export type CellLike = CellScalar | CellInput;

/** No figure in a text: empty, spaces, or the dash Integra prints for none. The one definition every reader uses. */
export function isBlank(text: string): boolean {
  const t = text.trim();
  return t === '' || t === '-';
}

/** A cell without a figure: nothing, or blank text. A formula without its result is not blank: its value is unknown. */
export function isBlankCell(cell: CellLike | undefined): boolean {
  if (cell === undefined) return true;
  const { value, formulaWithoutValue } = toCellInput(cell);
  if (formulaWithoutValue === true) return false;
  return value === null || value === undefined || (typeof value === 'string' && isBlank(value));
}

export function toCellInput(cell: CellLike): CellInput {
  return cell !== null && typeof cell === 'object' ? cell : { value: cell };
}

/** Excel's error values, in English and as Italian Excel shows them (#N/D, #VALORE!, …). */
const EXCEL_ERRORS = new Set([
  '#N/A',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
  '#BUSY!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#UNKNOWN!',
  '#N/D',
  '#VALORE!',
  '#RIF!',
  '#NOME?',
  '#NULLO!',
  '#ESPANSIONE!',
  '#CAMPO!',
]);

export function isExcelError(text: string): boolean {
  return EXCEL_ERRORS.has(text.trim().toUpperCase());
}

/** Strips quoted literals and bracketed sections ([Red], [$-410]) so only the format codes remain. */
function formatCodes(format: string): string {
  return format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
}

export function isPercentFormat(format: string | undefined): boolean {
  return format !== undefined && formatCodes(format).includes('%');
}

export function isDateFormat(format: string | undefined): boolean {
  if (format === undefined) return false;
  const codes = formatCodes(format).toLowerCase();
  // "d", "m" and "y" codes (day, month, year) make a date; "mm" alone next to "h"/"s" is minutes.
  return /[dy]/.test(codes) || (/m/.test(codes) && !/[hs]/.test(codes) && !/general/.test(codes));
}

/**
 * How many decimals a format shows for a number stored with `stored` decimals (a percentage counts
 * its points' decimals, as the caller passes them): "0.00%" shows 2, "#,##0.##" up to 2, "0" none.
 * General and formats the reader cannot place show the number as stored.
 */
export function shownDecimals(format: string | undefined, stored: number): number {
  if (format === undefined) return stored;
  const codes = formatCodes(format.split(';')[0]);
  if (/general/i.test(codes) || /e[+-]/i.test(codes) || !/[0#?]/.test(codes)) return stored;
  const fraction = /\.([0#?]*)/.exec(codes)?.[1] ?? '';
  const required = fraction.replace(/[#?]/g, '').length;
  return Math.max(required, Math.min(fraction.length, stored));
}
