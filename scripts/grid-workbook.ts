/** Grids written as worksheets, for the seeds, the bench and the round-trip test (the CLI never writes a grid). */
import type ExcelJS from 'exceljs';
import { solid } from '../src/cli/xlsx-write';
import type { Grid } from '../src/engine';

/** Adds a sheet holding a grid as it is: values, number formats and fills. */
export function addGridSheet(workbook: ExcelJS.Workbook, grid: Grid, widths: readonly number[] = []): void {
  const sheet = workbook.addWorksheet(grid.name);
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  grid.rows.forEach((line, r) => {
    line.forEach((cell, c) => {
      if (cell === undefined || cell.value === null || cell.value === undefined) return;
      const target = sheet.getCell(r + 1, c + 1);
      target.value = cell.value;
      if (cell.numberFormat !== undefined) target.numFmt = cell.numberFormat;
      if (cell.fill !== undefined) target.fill = solid(`FF${cell.fill}`);
    });
  });
}
