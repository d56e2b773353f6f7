/** Writes grids and the Overshooting sheet as .xlsx (ExcelJS). Text is always written as text. */
import ExcelJS from 'exceljs';
import { layOutOvershootingSheet, type Grid, type OvershootingSheet, type SheetValue } from '../engine';
import { replaceFile } from './output-path';

function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

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

function put(cell: ExcelJS.Cell, value: SheetValue): void {
  if ('text' in value) {
    cell.value = value.text;
  } else {
    cell.value = value.number;
    cell.numFmt = value.format;
  }
}

/** The Overshooting sheet, laid out by the engine: values, formats, fills; text written as text. */
export function addOvershootingSheet(workbook: ExcelJS.Workbook, model: OvershootingSheet, name = 'Overshooting'): void {
  const layout = layOutOvershootingSheet(model);
  const sheet = workbook.addWorksheet(name);
  layout.widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  for (const placed of layout.cells) {
    const cell = sheet.getCell(placed.row + 1, placed.col + 1);
    put(cell, placed.value);
    if (placed.bold === true) cell.font = { bold: true };
    if (placed.fill !== undefined) cell.fill = solid(`FF${placed.fill}`);
  }
  sheet.views = [{ state: 'frozen', ySplit: layout.frozenRows }];
}

/** Saves whole or not at all: a failed save leaves `path` as it was. */
export async function saveWorkbook(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  await replaceFile(path, Buffer.from(await workbook.xlsx.writeBuffer()));
}
