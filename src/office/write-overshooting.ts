/** Writes the Overshooting sheet into the workbook: a new sheet, never over an existing one. */
import { layOutOvershootingSheet, uniqueSheetName, type OvershootingSheet } from '../engine';
import { writePlacedCells } from './placed-cells';
import { syncWithin, type SyncPolicy } from './sync';

/** Estimated bytes per written row: eleven values with their formats, and a fill. */
const WRITE_BYTES_PER_ROW = 2_000;

/** Returns the name of the new sheet; it is activated. Two syncs, plus one per extra web batch. */
export async function writeOvershootingSheet(model: OvershootingSheet, policy: SyncPolicy): Promise<string> {
  const layout = layOutOvershootingSheet(model);
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await syncWithin(context, policy);
    const name = uniqueSheetName('Overshooting', sheets.items.map((s) => s.name));
    const sheet = sheets.add(name);
    await writePlacedCells(context, sheet, layout, WRITE_BYTES_PER_ROW, policy, () => {
      layout.widths.forEach((w, col) => (sheet.getRangeByIndexes(0, col, 1, 1).format.columnWidth = w * 7));
      sheet.freezePanes.freezeRows(layout.frozenRows);
      sheet.activate();
    });
    return name;
  });
}
