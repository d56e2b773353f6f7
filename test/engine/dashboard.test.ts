/**
 * The Cruscotto's model on the seeds: each ambito and OS (areas and AO in the unit report) with its
 * recomputed figure and the profile's thresholds, the overshooting by Tipo from the annex or from the
 * tree's own indicators, and the charts over those tables.
 */
import { join } from 'node:path';
import { readWorkbook } from '../../src/cli/xlsx-read';
import {
  analyseWorkbook, dashboardSheet, Dec, DEFAULT_PROFILE, type DashboardSheet, type SheetReport, type SheetValue, type SmvpProfile,
} from '../../src/engine';

const SEEDS = join(__dirname, '..', '..', 'seeds');
const DAY = new Date(2025, 2, 14);

async function sheets(file: string): Promise<SheetReport[]> {
  const read = await readWorkbook(join(SEEDS, file));
  if (!read.ok) throw new Error(read.message);
  return analyseWorkbook(read.grids);
}

let ente: SheetReport;
let unita: SheetReport;
let annex: SheetReport;

beforeAll(async () => {
  [ente] = await sheets('integra-ente-2024.xlsx');
  [unita] = await sheets('integra-unita-2024.xlsx');
  [annex] = await sheets('integra-overshooting-2024.xlsx');
});

/** The model as a grid of values: a number, a text, or undefined for no cell. */
function grid(model: DashboardSheet): Map<string, SheetValue> {
  return new Map(model.cells.map((c) => [`${c.row},${c.col}`, c.value]));
}

const at = (cells: Map<string, SheetValue>, row: number, col: number): SheetValue | undefined => cells.get(`${row},${col}`);
const textAt = (cells: Map<string, SheetValue>, row: number, col: number): string | undefined => {
  const v = at(cells, row, col);
  return v !== undefined && 'text' in v ? v.text : undefined;
};
const numberAt = (cells: Map<string, SheetValue>, row: number, col: number): number | undefined => {
  const v = at(cells, row, col);
  return v !== undefined && 'number' in v ? v.number : undefined;
};

/** The rows of a chart's table: its categories, with each column's value by the series' names. */
function chartTable(model: DashboardSheet, index: number) {
  const cells = grid(model);
  const { source } = model.charts[index];
  const names = Array.from({ length: source.columnCount }, (_v, c) => textAt(cells, source.row, c));
  const rows = Array.from({ length: source.rowCount - 1 }, (_v, i) => source.row + 1 + i);
  return { cells, names, rows, categories: rows.map((r) => textAt(cells, r, 0)) };
}

describe('Cruscotto of the Ente report, with the overshooting annex', () => {
  let model: DashboardSheet;
  beforeAll(() => {
    model = dashboardSheet(ente, annex, DEFAULT_PROFILE, DAY);
  });

  test('title with the sheet it came from, the day as a date, the Ente figure', () => {
    const cells = grid(model);
    expect(model.baseName).toBe('Cruscotto');
    expect(textAt(cells, 0, 0)).toBe('Cruscotto della performance: foglio «Ente»');
    expect(at(cells, 1, 1)).toEqual({ number: 45730, format: 'dd/mm/yyyy' }); // 14/03/2025
    expect(textAt(cells, 2, 0)).toBe('Raggiungimento Ente');
    expect(numberAt(cells, 2, 1)).toBeCloseTo(0.99617, 5);
  });

  test('each ambito and OS in tree order, with its recomputed figure and the thresholds, as percentages', () => {
    const { cells, names, rows, categories } = chartTable(model, 0);
    expect(names).toEqual(['', 'Raggiungimento', 'Soglia verde', 'Soglia rossa']);
    expect(categories).toEqual([
      'Ambito 1', 'OS 301', 'OS 400', 'OS 401', 'OS 402',
      'Ambito 2', 'OS 600', 'OS 601', 'OS 701',
      'Ambito 3', 'OS 801', 'OS 802', 'OS 803',
    ]);
    const row = (name: string) => rows[categories.indexOf(name)];
    expect(at(cells, row('OS 701'), 1)).toEqual({ number: 0.988, format: '0.00%' });
    expect(numberAt(cells, row('Ambito 2'), 1)).toBeCloseTo(0.996, 4);
    expect(numberAt(cells, row('OS 803'), 1)).toBeCloseTo(0.99750, 5);
    for (const r of rows) {
      expect(at(cells, r, 2)).toEqual({ number: 0.95, format: '0.00%' });
      expect(at(cells, r, 3)).toEqual({ number: 0.6, format: '0.00%' });
      expect(textAt(cells, r, 4)).toBe('verde');
    }
    expect(textAt(cells, row('OS 701'), 5)).toBe('Tutela della legalità');
  });

  test('the achievement chart: columns against the green and red thresholds drawn as lines, 0–100%', () => {
    const [chart] = model.charts;
    expect(chart).toMatchObject({ type: 'ColumnClustered', title: 'Raggiungimento per ambito e OS', valueAxis: { min: 0, max: 1, format: '0%' } });
    expect(chart.series.map((s) => [s.name, s.line])).toEqual([
      ['Raggiungimento', false],
      ['Soglia verde', true],
      ['Soglia rossa', true],
    ]);
    expect(chart.source).toEqual({ row: chart.source.row, col: 0, rowCount: 14, columnCount: 4 });
    expect(chart.address).toBe(`A${chart.source.row + 1}:D${chart.source.row + 14}`);
  });

  test('overshooting by Tipo from the annex: its byTipo counts, every Tipo, the total', () => {
    const { cells, names, rows, categories } = chartTable(model, 1);
    expect(names).toEqual(['', 'In overshooting', 'Non in overshooting']);
    expect(categories).toEqual(['Efficacia', 'Outcome', 'Volume', 'Qualità', 'Efficienza', 'Salute economica']);
    const byTipo = annex.overshooting!.byTipo;
    expect(byTipo).toEqual({ Efficacia: 6, Volume: 1, Qualità: 1 });
    categories.forEach((tipo, i) => expect(numberAt(cells, rows[i], 1)).toBe(byTipo[tipo!] ?? 0));
    const indicators = rows.map((r) => numberAt(cells, r, 3)!);
    expect(indicators.reduce((a, b) => a + b)).toBe(93);
    rows.forEach((r) => expect(numberAt(cells, r, 1)! + numberAt(cells, r, 2)!).toBe(numberAt(cells, r, 3)));
    const total = rows[rows.length - 1] + 1;
    expect([textAt(cells, total, 0), numberAt(cells, total, 1), numberAt(cells, total, 3)]).toEqual(['Totale', 8, 93]);
    expect(at(cells, total, 4)).toEqual({ number: 8 / 93, format: '0.0%' });
    expect(textAt(cells, model.charts[1].source.row - 1, 0)).toBe('Fonte: allegato «Overshooting»');
    expect(model.charts[1]).toMatchObject({ type: 'ColumnStacked', title: 'Indicatori in overshooting per tipo', valueAxis: null });
  });

  test('no text cell that Excel would read as a formula; every figure is a number', () => {
    for (const { value } of model.cells) {
      if ('text' in value) expect(value.text).not.toMatch(/^[=+\-@]/);
      else expect(Number.isFinite(value.number)).toBe(true);
    }
    const { cells, rows } = chartTable(model, 0);
    for (const r of rows) for (const c of [1, 2, 3]) expect(typeof numberAt(cells, r, c)).toBe('number');
  });

  test('the charts sit right of the tables, one under the other, each beside its table', () => {
    const row = (a1: string) => Number(/\d+/.exec(a1)![0]) - 1;
    const [first, second] = model.charts;
    expect(first.from).toMatch(/^H\d+$/);
    expect(second.from).toMatch(/^H\d+$/);
    expect(row(second.from)).toBeGreaterThan(row(first.to));
    expect(row(first.to)).toBeGreaterThanOrEqual(first.source.row + first.source.rowCount - 1);
    expect(row(second.from)).toBeLessThanOrEqual(second.source.row);
    expect(model.columnCount).toBeLessThan(7);
  });
});

describe('Cruscotto of other trees and profiles', () => {
  test('a unit report gives its areas and AO; without an annex its own indicators, under «Non indicato»', () => {
    const model = dashboardSheet(unita, null, DEFAULT_PROFILE, DAY);
    const achievements = chartTable(model, 0);
    expect(achievements.categories).toEqual([
      'Area Dirigenziale 1', 'AO1', 'AO3', 'AO4', 'AO6', 'Area Dirigenziale 2', 'AO7', 'Area Staff SG', 'AO Controllo di gestione',
    ]);
    expect(numberAt(achievements.cells, achievements.rows[2], 1)).toBeCloseTo(0.99421, 5);
    expect(model.charts[0].title).toBe('Raggiungimento per area e AO');
    expect(textAt(achievements.cells, model.charts[0].source.row - 1, 0)).toBe('Raggiungimento per area e area organizzativa');
    // No Ente row in a unit report.
    expect(model.cells.some((c) => 'text' in c.value && c.value.text === 'Raggiungimento Ente')).toBe(false);
    const tipi = chartTable(model, 1);
    expect(tipi.categories).toEqual(['Non indicato']);
    const own = unita.overshooting!;
    expect([numberAt(tipi.cells, tipi.rows[0], 1), numberAt(tipi.cells, tipi.rows[0], 3)]).toEqual([own.flagged, own.total]);
    expect(own.flagged).toBe(9);
    expect(textAt(tipi.cells, model.charts[1].source.row - 1, 0)).toBe('Fonte: indicatori del foglio «Unità organizzative», che non ne riporta il tipo');
  });

  test('thresholds and semaphore follow the profile', () => {
    const strict: SmvpProfile = { ...DEFAULT_PROFILE, semaphore: { green: new Dec('0.997'), red: new Dec('0.99') } };
    const model = dashboardSheet(ente, annex, strict, DAY);
    const { cells, rows, categories } = chartTable(model, 0);
    const row = (name: string) => rows[categories.indexOf(name)];
    expect(numberAt(cells, row('OS 701'), 2)).toBe(0.997);
    expect(numberAt(cells, row('OS 701'), 3)).toBe(0.99);
    expect([textAt(cells, row('OS 701'), 4), textAt(cells, row('Ambito 2'), 4), textAt(cells, row('OS 301'), 4)]).toEqual(['rosso', 'giallo', 'verde']);
    expect(model.cells.find((c) => c.row === row('OS 701') && c.col === 4)?.fill).toBe('FFC7CE');
  });

  test('a node without a figure: an empty cell, which the chart leaves out, and «non calcolabile»', () => {
    const tree = {
      name: 'Prova',
      nodes: [
        { level: 'ambito' as const, code: '1', label: 'Uno', computed: '0.5' },
        { level: 'os' as const, code: '101', label: '=SOMMA(A1:A3)', computed: null },
      ],
      overshooting: null,
    };
    const model = dashboardSheet(tree, null, DEFAULT_PROFILE, DAY);
    const { cells, rows } = chartTable(model, 0);
    expect([textAt(cells, rows[1], 0), at(cells, rows[1], 1), textAt(cells, rows[1], 4)]).toEqual(['OS 101', { text: '' }, 'non calcolabile']);
    // Text stays text in the model; the writer keeps it from becoming a formula (test/office/dashboard.test.ts).
    expect(textAt(cells, rows[1], 5)).toBe('=SOMMA(A1:A3)');
    // No overshooting report: no table and no chart for it.
    expect(model.charts).toHaveLength(1);
    expect(model.cells.some((c) => 'text' in c.value && c.value.text === 'Indicatori in overshooting per tipo')).toBe(false);
  });
});
