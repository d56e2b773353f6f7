/** Writes the cells of a sheet the engine laid out (the Overshooting sheet, the Cruscotto) into a new worksheet. */
import { literalText, type PlacedCell } from '../engine';
import { batches, syncWithin, type SyncPolicy } from './sync';

const TEXT_FORMAT = '@';

export interface PlacedSheet {
  readonly cells: readonly PlacedCell[];
  readonly rowCount: number;
  readonly columnCount: number;
}

function filled<T>(rows: number, cols: number, value: T): T[][] {
  return Array.from({ length: rows }, () => Array<T>(cols).fill(value));
}

/**
 * Values and formats by bands of rows, one sync each (more than one only over the web's payload
 * limit, at `bytesPerRow`); `finish` queues what goes with the last band (widths, charts, activation).
 */
export async function writePlacedCells(context: Excel.RequestContext, sheet: Excel.Worksheet, layout: PlacedSheet, bytesPerRow: number, policy: SyncPolicy, finish: () => void): Promise<void> {
  const byRow = new Map<number, PlacedCell[]>();
  for (const c of layout.cells) {
    const row = byRow.get(c.row);
    if (row === undefined) byRow.set(c.row, [c]);
    else row.push(c);
  }
  const parts = batches(layout.rowCount, bytesPerRow, policy.payloadLimit);
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
    if (i === parts.length - 1) finish();
    await syncWithin(context, policy);
  }
}
