/** Writes the Overshooting sheet into the workbook: a new sheet, never over an existing one. */
import { layOutOvershootingSheet, literalText, uniqueSheetName, type OvershootingSheet, type PlacedCell } from '../engine';
import { batches, syncWithin, type SyncPolicy } from './sync';

/** Estimated bytes per written row: eleven values with their formats, and a fill. */
const WRITE_BYTES_PER_ROW = 2_000;
const TEXT_FORMAT = '@';

function filled<T>(rows: number, cols: number, value: T): T[][] {
  return Array.from({ length: rows }, () => Array<T>(cols).fill(value));
}

/** Returns the name of the new sheet; it is activated. Two syncs, plus one per extra web batch. */
export async function writeOvershootingSheet(model: OvershootingSheet, policy: SyncPolicy): Promise<string> {
  const layout = layOutOvershootingSheet(model);
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await syncWithin(context, policy);
    const name = uniqueSheetName('Overshooting', sheets.items.map((s) => s.name));
    const sheet = sheets.add(name);
    const byRow = new Map<number, PlacedCell[]>();
    for (const c of layout.cells) {
      const line = byRow.get(c.row);
      if (line === undefined) byRow.set(c.row, [c]);
      else line.push(c);
    }
    const parts = batches(layout.rowCount, WRITE_BYTES_PER_ROW, policy.payloadLimit);
    for (const [i, part] of parts.entries()) {
      // Text cells get the text format (and formula-like text its apostrophe): nothing is reinterpreted.
      const values = filled<string | number>(part.count, layout.columnCount, '');
      const formats = filled(part.count, layout.columnCount, 'General');
      const styled: PlacedCell[] = [];
      for (let r = 0; r < part.count; r += 1) {
        for (const c of byRow.get(part.start + r) ?? []) {
          if ('text' in c.value) {
            values[r][c.col] = literalText(c.value.text);
            formats[r][c.col] = TEXT_FORMAT;
          } else {
            values[r][c.col] = c.value.number;
            formats[r][c.col] = c.value.format;
          }
          if (c.fill !== undefined || c.bold === true) styled.push(c);
        }
      }
      const range = sheet.getRangeByIndexes(part.start, 0, part.count, layout.columnCount);
      range.numberFormat = formats;
      range.values = values;
      for (const c of styled) {
        const cell = sheet.getCell(c.row, c.col);
        if (c.fill !== undefined) cell.format.fill.color = `#${c.fill}`;
        if (c.bold === true) cell.format.font.bold = true;
      }
      if (i === parts.length - 1) {
        layout.widths.forEach((w, col) => (sheet.getRangeByIndexes(0, col, 1, 1).format.columnWidth = w * 7));
        sheet.freezePanes.freezeRows(layout.frozenRows);
        sheet.activate();
      }
      await syncWithin(context, policy);
    }
    return name;
  });
}
