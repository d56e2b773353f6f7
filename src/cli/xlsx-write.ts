/** Writes grids and the Overshooting sheet as .xlsx (ExcelJS). Text is always written as text. */
import ExcelJS from 'exceljs';
import type { Grid, OvershootingSheet, SheetValue } from '../engine';

const FLAGGED_FILL = 'FFFCE4D6';
const EXTERNAL_FILL = 'FF92D050';
const HEADER_FILL = 'FFD9E1F2';

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

const WIDTHS = [48, 14, 40, 40, 28, 16, 22, 14, 14, 14, 12];

/** The Overshooting sheet: the annex's eleven columns, flagged rows highlighted, a summary below. */
export function addOvershootingSheet(workbook: ExcelJS.Workbook, model: OvershootingSheet, name = 'Overshooting'): void {
  const sheet = workbook.addWorksheet(name);
  WIDTHS.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.getCell(1, 1).value = model.title;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  sheet.getCell(2, 1).value = 'Righe evidenziate: in overshooting. In verde i target fissati dal Ministero.';
  const headerRow = 4;
  model.header.forEach((h, i) => {
    const cell = sheet.getCell(headerRow, i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = solid(HEADER_FILL);
  });
  model.lines.forEach((line, i) => {
    const r = headerRow + 1 + i;
    line.cells.forEach((value, c) => {
      const cell = sheet.getCell(r, c + 1);
      put(cell, value);
      if (line.flagged) cell.fill = solid(FLAGGED_FILL);
    });
    if (line.external) sheet.getCell(r, model.targetColumn + 1).fill = solid(EXTERNAL_FILL);
  });
  let r = headerRow + model.lines.length + 2;
  for (const [label, value] of model.summary) {
    sheet.getCell(r, 1).value = label;
    sheet.getCell(r, 1).font = { bold: true };
    put(sheet.getCell(r, 2), value);
    r += 1;
  }
  sheet.views = [{ state: 'frozen', ySplit: headerRow }];
}

export async function saveWorkbook(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  await workbook.xlsx.writeFile(path);
}
