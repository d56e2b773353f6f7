/**
 * Writes the Cruscotto into the workbook: a new sheet, never over an existing one, with plain values
 * and native charts over them, so that it reads without the add-in.
 *
 * Chart APIs, from @types/office-js 1.0.612 (node_modules/@types/office-js/index.d.ts) and Microsoft's
 * "Work with charts using the Excel JavaScript API" (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-charts),
 * all within the manifest's ExcelApi 1.9:
 * - Worksheet.charts (l. 37261), ChartCollection.add(type, sourceData, seriesBy) (l. 43426): ExcelApi 1.1;
 * - Chart.title / ChartTitle.text (l. 43588, 46824), Chart.legend / ChartLegend.position (l. 43560,
 *   46429), Chart.setPosition(startCell, endCell) (l. 43794, "the chart's width and height will be set
 *   to fully cover up" endCell): ExcelApi 1.1;
 * - Chart.series / ChartSeriesCollection.getItemAt (l. 43581, 44034), ChartSeries.name (l. 44315),
 *   ChartSeries.format.fill.setSolidColor and format.line.color (l. 44095, 44531, 44538, 47061,
 *   47329): ExcelApi 1.1; ChartSeries.chartType (l. 44151): ExcelApi 1.7, a series of another type
 *   than its chart makes a combination chart;
 * - Chart.axes.valueAxis (l. 43539, 44820), ChartAxis.minimum / maximum (l. 45024, 45017): ExcelApi
 *   1.1; ChartAxis.numberFormat (l. 45059): ExcelApi 1.8.
 */
import { uniqueSheetName, type DashboardChart, type DashboardSheet } from '../engine';
import { writePlacedCells } from './placed-cells';
import { syncWithin, type SyncPolicy } from './sync';

/** Estimated bytes per written row: six values with their formats, and a fill. */
const WRITE_BYTES_PER_ROW = 1_200;

function addChart(sheet: Excel.Worksheet, model: DashboardChart): void {
  const { source } = model;
  // By columns, said rather than left to "Auto", which guesses from the shape on desktop (d.ts, enum
  // ChartSeriesBy): one Tipo would be plotted by rows, as one series.
  const chart = sheet.charts.add(model.type, sheet.getRangeByIndexes(source.row, source.col, source.rowCount, source.columnCount), 'Columns');
  chart.title.text = model.title;
  chart.legend.position = 'Bottom';
  chart.setPosition(model.from, model.to);
  model.series.forEach((s, i) => {
    const series = chart.series.getItemAt(i);
    series.name = s.name;
    if (s.line) {
      series.chartType = 'Line';
      series.format.line.color = `#${s.color}`;
    } else {
      series.format.fill.setSolidColor(`#${s.color}`);
    }
  });
  if (model.valueAxis !== null) {
    const axis = chart.axes.valueAxis;
    axis.minimum = model.valueAxis.min;
    axis.maximum = model.valueAxis.max;
    axis.numberFormat = model.valueAxis.format;
  }
}

/** Returns the name of the new sheet; it is activated. Two syncs, plus one per extra web batch. */
export async function writeDashboardSheet(model: DashboardSheet, policy: SyncPolicy): Promise<string> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await syncWithin(context, policy);
    const name = uniqueSheetName(model.baseName, sheets.items.map((s) => s.name));
    const sheet = sheets.add(name);
    await writePlacedCells(context, sheet, model, WRITE_BYTES_PER_ROW, policy, () => {
      // The charts read cells written above, in this batch or an earlier one.
      model.widths.forEach((w, col) => (sheet.getRangeByIndexes(0, col, 1, 1).format.columnWidth = w * 7));
      model.charts.forEach((chart) => addChart(sheet, chart));
      sheet.activate();
    });
    return name;
  });
}
