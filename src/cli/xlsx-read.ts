/** Reads .xlsx files into the engine's plain grids (ExcelJS), with a clear reason when it cannot. */
import { open } from 'node:fs/promises';
import type { Cell, CellValue, Worksheet } from 'exceljs';
import { columnLetters, type Grid, type GridCell } from '../engine';
import { oversizedWorkbook } from './xlsx-guard';
import { EXCEL_MAX_CELL_CHARS, EXCEL_MAX_ROWS, MAX_FILE_BYTES } from './xlsx-limits';

export type LoadResult = { readonly ok: true; readonly grids: Grid[] } | { readonly ok: false; readonly message: string };

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Why a file that is not a readable .xlsx cannot be used, from its first bytes. */
function whyNotXlsx(bytes: Buffer): string | undefined {
  if (bytes.length === 0) return 'il file è vuoto.';
  if (bytes.subarray(0, 8).equals(OLE)) {
    // An encrypted .xlsx is an OLE container holding an "EncryptedPackage" stream.
    return bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))
      ? 'il file è protetto da password: aprirlo in Excel, togliere la password e salvarlo di nuovo.'
      : 'è un file Excel 97-2003 (.xls): aprirlo in Excel e salvarlo come .xlsx.';
  }
  if (!bytes.subarray(0, 4).equals(ZIP)) return 'non è un file .xlsx (formato non riconosciuto).';
  return undefined;
}

type ExcelValue = CellValue;

/** A cell that cannot be used as it is: the whole file is refused, naming it. */
class UnusableCell extends Error {}

function scalar(value: ExcelValue): GridCell['value'] {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
  if ('error' in value) return value.error;
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return scalar((value as { result?: ExcelValue }).result ?? null);
  if ('text' in value) return String(value.text);
  return null;
}

/** A formula saved without its result (files written by a library, not by Excel): its value is unknown, not empty. */
function formulaWithoutValue(value: ExcelValue): boolean {
  if (value === null || typeof value !== 'object' || value instanceof Date) return false;
  return ('formula' in value || 'sharedFormula' in value) && (value as { result?: ExcelValue }).result === undefined;
}

function rgb(argb: string | undefined): string | undefined {
  return argb === undefined ? undefined : argb.slice(-6);
}

function gridCell(cell: Cell, where: string): GridCell {
  const value = scalar(cell.value);
  if (typeof value === 'string' && value.length > EXCEL_MAX_CELL_CHARS) {
    throw new UnusableCell(`la cella ${where} ha ${value.length.toLocaleString('it-IT')} caratteri, oltre i ${EXCEL_MAX_CELL_CHARS.toLocaleString('it-IT')} che Excel ammette: il file non è stato scritto da Excel o è danneggiato.`);
  }
  const fill = cell.fill?.type === 'pattern' ? rgb(cell.fill.fgColor?.argb) : undefined;
  const font = rgb(cell.font?.color?.argb);
  const numberFormat = cell.numFmt;
  return {
    value,
    ...(numberFormat ? { numberFormat } : {}),
    ...(fill ? { fill } : {}),
    ...(font ? { fontColor: font } : {}),
    ...(formulaWithoutValue(cell.value) ? { formulaWithoutValue: true as const } : {}),
  };
}

/** The sheet as a dense grid: every row and every cell up to the last one present, holes as undefined. */
function gridOf(sheet: Worksheet): Grid {
  // Checked before iterating: a single cell at row 50,000,000 makes ExcelJS walk every row number.
  if (sheet.rowCount > EXCEL_MAX_ROWS) {
    throw new UnusableCell(`il foglio «${sheet.name}» ha celle alla riga ${sheet.rowCount.toLocaleString('it-IT')}, oltre le ${EXCEL_MAX_ROWS.toLocaleString('it-IT')} righe di Excel: il file non è stato scritto da Excel o è danneggiato.`);
  }
  const rows: Array<Array<GridCell | undefined>> = Array.from({ length: sheet.rowCount }, () => []);
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    const line: Array<GridCell | undefined> = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master.address !== cell.address) return; // a merge holds its value once
      line[c - 1] = gridCell(cell, `«${sheet.name}»!${columnLetters(c - 1)}${r}`);
    });
    rows[r - 1] = Array.from(line);
  });
  return { name: sheet.name, rows };
}

/** The file's bytes, when it is a regular file within the size limit; otherwise why not. */
async function readBounded(path: string): Promise<Buffer | string> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `File non trovato: ${path}` : `Impossibile leggere ${path} (${code ?? String(e)}).`;
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return `${path} è una cartella, non un file .xlsx.`;
    if (!info.isFile()) return `${path} non è un file su disco (dispositivo, pipe o socket): indicare un file .xlsx.`;
    if (info.size > MAX_FILE_BYTES) {
      return `${path}: il file pesa ${(info.size / 1024 / 1024).toFixed(1)} MB, oltre il limite di ${MAX_FILE_BYTES / 1024 / 1024} MB; un report Integra pesa meno di 1 MB.`;
    }
    return await handle.readFile();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return `Impossibile leggere ${path} (${code ?? String(e)}).`;
  } finally {
    await handle.close();
  }
}

export async function readWorkbook(path: string): Promise<LoadResult> {
  const bytes = await readBounded(path);
  if (typeof bytes === 'string') return { ok: false, message: bytes };
  const reason = whyNotXlsx(bytes) ?? oversizedWorkbook(bytes);
  if (reason !== undefined) return { ok: false, message: `${path}: ${reason}` };
  // ExcelJS takes some 0.3 s to load: only for a file that passed the checks above, which refuse a
  // device, a zip bomb or a sheet of too many cells without it.
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    return { ok: false, message: `${path}: file danneggiato o non leggibile come .xlsx (${e instanceof Error ? e.message : String(e)}).` };
  }
  let grids: Grid[];
  try {
    grids = workbook.worksheets.map(gridOf);
  } catch (e) {
    if (e instanceof UnusableCell) return { ok: false, message: `${path}: ${e.message}` };
    throw e;
  }
  if (grids.length === 0) return { ok: false, message: `${path}: la cartella di lavoro non contiene fogli.` };
  return { ok: true, grids };
}
