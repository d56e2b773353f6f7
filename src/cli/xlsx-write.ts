/** Writes the Overshooting sheet as .xlsx (ExcelJS). Text is always written as text. */
import ExcelJS from 'exceljs';
import { layOutOvershootingSheet, type OvershootingSheet, type SheetValue } from '../engine';
import { replaceFile } from './output-path';

/** A solid fill of the given ARGB colour. */
export function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
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
