/** How Excel hands values to custom functions, and how errors go back to it. */
import type { CellScalar } from '../engine';

/** Excel passes a single cell as a scalar and a range as a 2-D array; a 1×1 range is its cell. */
export function firstCell(arg: unknown): CellScalar {
  let v = arg;
  while (Array.isArray(v)) v = v[0];
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined ? v : String(v);
}

export type ExcelErrorKind = 'value' | 'notAvailable';

/** An Excel error (#VALUE!, #N/A) carrying an Italian message that Excel shows on the cell. */
export function excelError(kind: ExcelErrorKind, message: string): CustomFunctions.Error {
  const code = kind === 'value' ? CustomFunctions.ErrorCode.invalidValue : CustomFunctions.ErrorCode.notAvailable;
  return new CustomFunctions.Error(code, message);
}
