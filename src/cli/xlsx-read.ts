/** Reads .xlsx files into the engine's plain grids (ExcelJS), with a clear reason when it cannot. */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Grid, GridCell } from '../engine';

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

type ExcelValue = ExcelJS.CellValue;

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

function rgb(argb: string | undefined): string | undefined {
  return argb === undefined ? undefined : argb.slice(-6);
}

function gridOf(sheet: ExcelJS.Worksheet): Grid {
  const rows: GridCell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    const line: GridCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master.address !== cell.address) return; // a merge holds its value once
      const fill = cell.fill?.type === 'pattern' ? rgb(cell.fill.fgColor?.argb) : undefined;
      const font = rgb(cell.font?.color?.argb);
      const numberFormat = cell.numFmt;
      line[c - 1] = {
        value: scalar(cell.value),
        ...(numberFormat ? { numberFormat } : {}),
        ...(fill ? { fill } : {}),
        ...(font ? { fontColor: font } : {}),
      };
    });
    rows[r - 1] = line;
  });
  return { name: sheet.name, rows: Array.from(rows, (row) => row ?? []) };
}

export async function readWorkbook(path: string): Promise<LoadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? `File non trovato: ${path}` : `Impossibile leggere ${path} (${code ?? String(e)}).` };
  }
  const reason = whyNotXlsx(bytes);
  if (reason !== undefined) return { ok: false, message: `${path}: ${reason}` };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    return { ok: false, message: `${path}: file danneggiato o non leggibile come .xlsx (${e instanceof Error ? e.message : String(e)}).` };
  }
  const grids = workbook.worksheets.map(gridOf);
  if (grids.length === 0) return { ok: false, message: `${path}: la cartella di lavoro non contiene fogli.` };
  return { ok: true, grids };
}
