/**
 * What `smvp` accepts from a file, checked before the work so that any file ends in seconds and well
 * under 1 GB, or is refused saying why. A real Integra report is a few hundred rows, under 1 MB.
 */

/** Excel's own grid: a file with cells beyond it was not written by Excel (ExcelJS itself refuses columns beyond 16,384). */
export const EXCEL_MAX_ROWS = 1_048_576;
/** Excel's limit on the characters of one cell. */
export const EXCEL_MAX_CELL_CHARS = 32_767;

/** The file on disk: ten times the largest report seen; a device or a pipe is never read. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** The workbook's parts once unzipped: a small file that inflates beyond this is a zip bomb. */
export const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;
/** Cells in all sheets: a report has thousands; reading 250,000 takes about two seconds. */
export const MAX_CELLS = 250_000;
