/**
 * The Cruscotto written through the Office.js adapter on the mock: a new sheet beside any existing
 * one, its values and formats, the charts over them with their series, axis and place, in two syncs.
 */
import { join } from 'node:path';
import { readWorkbook } from '../../src/cli/xlsx-read';
import { analyseWorkbook, dashboardSheet, DEFAULT_PROFILE, type DashboardSheet, type SheetReport } from '../../src/engine';
import { READ_CELL_LIMIT, WEB_PAYLOAD_LIMIT, type SyncPolicy } from '../../src/office/sync';
import { writeDashboardSheet } from '../../src/office/write-dashboard';
import { mockExcel, type ExcelMock } from '../support/excel-mock';

const DESKTOP: SyncPolicy = { payloadLimit: Number.POSITIVE_INFINITY, readCellLimit: READ_CELL_LIMIT, timeoutMs: 5_000 };
const WEB: SyncPolicy = { payloadLimit: WEB_PAYLOAD_LIMIT, readCellLimit: READ_CELL_LIMIT, timeoutMs: 5_000 };
const SEEDS = join(__dirname, '..', '..', 'seeds');

async function report(file: string): Promise<SheetReport> {
  const read = await readWorkbook(join(SEEDS, file));
  if (!read.ok) throw new Error(read.message);
  return analyseWorkbook(read.grids)[0];
}

let model: DashboardSheet;

beforeAll(async () => {
  model = dashboardSheet(await report('integra-ente-2024.xlsx'), await report('integra-overshooting-2024.xlsx'), DEFAULT_PROFILE, new Date(2025, 2, 14));
});

/** Every cell written on a new sheet, value and number format, by "row,col" (0-based), from the written bands. */
function written(mock: ExcelMock, sheet: string): Map<string, { value: unknown; format: unknown }> {
  const cells = new Map<string, { value: unknown; format: unknown }>();
  for (const [key, band] of mock.added.get(sheet) ?? []) {
    const at = /^R(\d+)C(\d+):\d+x\d+$/.exec(key);
    if (at === null || band.values === undefined) continue;
    band.values.forEach((line, r) =>
      line.forEach((value, c) => cells.set(`${Number(at[1]) + r},${Number(at[2]) + c}`, { value, format: band.numberFormat?.[r][c] })),
    );
  }
  return cells;
}

function install(mock: ExcelMock): ExcelMock {
  (global as Record<string, unknown>).Excel = mock.excel;
  return mock;
}

describe('writeDashboardSheet', () => {
  test('a new sheet beside an existing Cruscotto, which is left alone; activated; two syncs', async () => {
    const mock = install(mockExcel([], { sheetName: 'Ente', otherSheets: ['cruscotto'] }));
    const name = await writeDashboardSheet(model, DESKTOP);
    expect(name).toBe('Cruscotto (2)');
    // Adding over the existing name would have failed the sync (ItemAlreadyExists); nothing was written there.
    expect([...mock.added.keys()]).toEqual(['Cruscotto (2)']);
    expect(mock.activated).toEqual(['Cruscotto (2)']);
    expect(mock.syncs).toHaveLength(2);
  });

  test('figures as numbers with their percentage formats, text as text', async () => {
    const mock = install(mockExcel([]));
    const name = await writeDashboardSheet(model, DESKTOP);
    const cells = written(mock, name);
    expect(cells.get('0,0')).toEqual({ value: 'Cruscotto della performance: foglio «Ente»', format: '@' });
    expect(cells.get('1,1')).toEqual({ value: 45730, format: 'dd/mm/yyyy' });
    const source = model.charts[0].source;
    const rowOf = (category: string) => [...Array(source.rowCount).keys()].map((i) => source.row + i).find((r) => cells.get(`${r},0`)?.value === category)!;
    expect(cells.get(`${rowOf('OS 701')},1`)).toEqual({ value: 0.988, format: '0.00%' });
    expect(cells.get(`${rowOf('OS 701')},2`)).toEqual({ value: 0.95, format: '0.00%' });
    expect(cells.get(`${rowOf('OS 701')},3`)).toEqual({ value: 0.6, format: '0.00%' });
    expect(cells.get(`${rowOf('OS 701')},4`)).toEqual({ value: 'verde', format: '@' });
    const tipi = model.charts[1].source;
    expect(cells.get(`${tipi.row + 1},0`)).toEqual({ value: 'Efficacia', format: '@' });
    expect(cells.get(`${tipi.row + 1},1`)).toEqual({ value: 6, format: '0' });
  });

  test('the charts: type, source band by columns, title, legend, place, series and value axis', async () => {
    const mock = install(mockExcel([]));
    const name = await writeDashboardSheet(model, DESKTOP);
    const charts = mock.charts.get(name)!;
    expect(charts).toHaveLength(2);
    const [achievements, tipi] = charts;
    const band = (i: number) => {
      const { row, col, rowCount, columnCount } = model.charts[i].source;
      return `R${row}C${col}:${rowCount}x${columnCount}`;
    };
    expect(achievements).toEqual({
      type: 'ColumnClustered',
      source: band(0),
      seriesBy: 'Columns',
      title: 'Raggiungimento per ambito e OS',
      legend: 'Bottom',
      position: [model.charts[0].from, model.charts[0].to],
      valueAxis: { minimum: 0, maximum: 1, numberFormat: '0%' },
      series: [
        { name: 'Raggiungimento', fill: '#4472C4' },
        { name: 'Soglia verde', chartType: 'Line', line: '#00B050' },
        { name: 'Soglia rossa', chartType: 'Line', line: '#FF0000' },
      ],
    });
    expect(tipi).toEqual({
      type: 'ColumnStacked',
      source: band(1),
      seriesBy: 'Columns',
      title: 'Indicatori in overshooting per tipo',
      legend: 'Bottom',
      position: [model.charts[1].from, model.charts[1].to],
      valueAxis: {},
      series: [
        { name: 'In overshooting', fill: '#ED7D31' },
        { name: 'Non in overshooting', fill: '#BFBFBF' },
      ],
    });
    // Each source's top-left cell is empty and its first row names the series, as the chart reads them.
    const cells = written(mock, name);
    model.charts.forEach(({ source, series }) => {
      expect(cells.get(`${source.row},0`)?.value).toBe('');
      expect(series.map((_s, i) => cells.get(`${source.row},${i + 1}`)?.value)).toEqual(series.map((s) => s.name));
    });
  });

  test('text that looks like a formula is written as text', async () => {
    const tree = { name: 'Prova', nodes: [{ level: 'os' as const, code: '-1', label: '=SOMMA(A1:A3)', computed: '1' }], overshooting: null };
    const mock = install(mockExcel([]));
    const name = await writeDashboardSheet(dashboardSheet(tree, null, DEFAULT_PROFILE, new Date(2025, 0, 1)), DESKTOP);
    const cells = written(mock, name);
    const label = [...cells.values()].find((c) => String(c.value).includes('SOMMA'));
    expect(label).toEqual({ value: "'=SOMMA(A1:A3)", format: '@' });
    expect([...cells.values()].filter((c) => typeof c.value === 'string' && /^[=+\-@]/.test(c.value))).toEqual([]);
  });

  test('on the web too: two syncs, within the payload limit', async () => {
    const mock = install(mockExcel([]));
    await writeDashboardSheet(model, WEB);
    expect(mock.syncs).toHaveLength(2);
    expect(Math.max(...mock.syncs)).toBeLessThanOrEqual(WEB.payloadLimit);
  });

  test('a failed write leaves no chart behind', async () => {
    const mock = install(mockExcel([], { syncFault: (n) => (n === 2 ? 'fail' : undefined) }));
    await expect(writeDashboardSheet(model, DESKTOP)).rejects.toThrow(/GeneralException/);
    expect(mock.charts.size).toBe(0);
    expect(mock.added.size).toBe(0);
  });
});
