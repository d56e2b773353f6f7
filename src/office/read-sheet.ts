/** Reads the active sheet's used range into the engine's plain grid: values, formats, colours. */
import type { Grid, GridCell } from '../engine';
import { batches, syncWithin, type SyncPolicy } from './sync';

/** Estimated bytes per cell of values + number format + fill and font colour, generous for long labels. */
const READ_BYTES_PER_CELL = 400;

const NO_FILL = 'FFFFFF';
const AUTOMATIC_FONT = '000000';

function hex(color: string | undefined, none: string): string | undefined {
  const h = color?.replace('#', '').toUpperCase();
  return h === undefined || h === '' || h === none ? undefined : h;
}

function gridCell(value: unknown, numberFormat: unknown, props: Excel.CellProperties | undefined): GridCell | undefined {
  if (value === '' || value === null || value === undefined) return undefined;
  const fill = hex(props?.format?.fill?.color, NO_FILL);
  const fontColor = hex(props?.format?.font?.color, AUTOMATIC_FONT);
  return {
    value: typeof value === 'number' || typeof value === 'boolean' ? value : String(value),
    ...(typeof numberFormat === 'string' && numberFormat !== 'General' ? { numberFormat } : {}),
    ...(fill === undefined ? {} : { fill }),
    ...(fontColor === undefined ? {} : { fontColor }),
  };
}

/**
 * One sync for the size of the sheet, then one per batch: a single batch unless the sheet is over the
 * web's payload limit or Excel's read limit in cells. The used range counts cells with values only:
 * by default Excel's also counts formatting-only cells (a coloured column reaches row 1,048,576).
 */
async function readWorksheet(context: Excel.RequestContext, sheet: Excel.Worksheet, policy: SyncPolicy): Promise<Grid> {
  sheet.load('name');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  await syncWithin(context, policy);
  if (used.isNullObject) return { name: sheet.name, rows: [] };
  const rows: Array<Array<GridCell | undefined>> = [];
  for (const batch of batches(used.rowCount, READ_BYTES_PER_CELL * used.columnCount, policy.payloadLimit, Math.floor(policy.readCellLimit / used.columnCount))) {
    const range = sheet.getRangeByIndexes(used.rowIndex + batch.start, used.columnIndex, batch.count, used.columnCount);
    range.load('values,numberFormat');
    const props = range.getCellProperties({ format: { fill: { color: true }, font: { color: true } } });
    await syncWithin(context, policy);
    range.values.forEach((line, r) => rows.push(line.map((v, c) => gridCell(v, range.numberFormat[r]?.[c], props.value[r]?.[c]))));
  }
  return { name: sheet.name, rows, origin: { row: used.rowIndex, col: used.columnIndex } };
}

export async function readActiveSheet(policy: SyncPolicy): Promise<Grid> {
  return Excel.run((context) => readWorksheet(context, context.workbook.worksheets.getActiveWorksheet(), policy));
}

/** The workbook's other sheets: a planning tree is checked against last year's report and annex. */
export async function readOtherSheets(except: string, policy: SyncPolicy): Promise<Grid[]> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await syncWithin(context, policy);
    const grids: Grid[] = [];
    for (const sheet of sheets.items) {
      if (sheet.name !== except) grids.push(await readWorksheet(context, sheet, policy));
    }
    return grids;
  });
}
