import { Dec, type SmvpProfile } from '../core';
import { serialFromYmd } from '../cells';
import { SEMAPHORE_FILLS, semaforo } from '../rules';
import type { Level } from '../trees';
import { columnLetters } from '../sheets';
import { NO_TIPO, type OvershootingReport } from './overshooting-report';
import type { PlacedCell, SheetValue } from './overshooting-sheet';

/** A recomputed node as the dashboard needs it; a SheetReport's NodeReport fits. `computed` is a decimal string or null. */
export interface DashboardNode {
  readonly level: Level;
  readonly code: string;
  readonly label: string;
  readonly computed: string | null;
}

/** The tree report the dashboard pictures (a SheetReport fits): its nodes in tree order and its indicators' overshooting. */
export interface DashboardTree {
  readonly name: string;
  readonly nodes: readonly DashboardNode[];
  readonly overshooting: OvershootingReport | null;
}

/** The workbook's overshooting annex (a SheetReport of layout `overshooting` fits). */
export interface DashboardAnnex {
  readonly name: string;
  readonly overshooting: OvershootingReport | null;
}

/** A block of cells, 0-based. */
export interface CellBox {
  readonly row: number;
  readonly col: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

export interface DashboardSeries {
  readonly name: string;
  /** Drawn as a line over the columns (the semaphore thresholds). */
  readonly line: boolean;
  /** RGB hex without '#'. */
  readonly color: string;
}

export interface DashboardChart {
  readonly type: 'ColumnClustered' | 'ColumnStacked';
  readonly title: string;
  /** Header row (the series names) over one row per category; the first column holds the categories; series by columns. */
  readonly source: CellBox;
  /** `source` in A1 notation ("A8:D22"). */
  readonly address: string;
  /** One per column of `source` after the first, in order. */
  readonly series: readonly DashboardSeries[];
  /** A fixed value axis (achievements: 0–100%), or null for Excel's own scale. */
  readonly valueAxis: { readonly min: number; readonly max: number; readonly format: string } | null;
  /** Top-left and bottom-right cells the chart covers, A1 ("H6", "O25"). */
  readonly from: string;
  readonly to: string;
}

/** The *Cruscotto* sheet: plain values (no formulas) and native charts over them. */
export interface DashboardSheet {
  /** The sheet's name before uniqueSheetName: «Cruscotto». */
  readonly baseName: string;
  readonly cells: readonly PlacedCell[];
  readonly rowCount: number;
  readonly columnCount: number;
  /** Column widths in characters. */
  readonly widths: readonly number[];
  readonly charts: readonly DashboardChart[];
}

const PERCENT = '0.00%';
const HEADER_FILL = 'D9E1F2';
const COLORS = { figure: '4472C4', green: '00B050', red: 'FF0000', flagged: 'ED7D31', notFlagged: 'BFBFBF' } as const;
const WIDTHS = [28, 16, 16, 14, 18, 48];
/** Charts sit right of the tables, from column H, each at least CHART_ROWS rows high. */
const CHART_COL = 7;
const CHART_COLUMNS = 8;
const CHART_ROWS = 20;
/**
 * The top-left cell of a chart's range stays empty: Excel then takes its first row as the series'
 * names and its first column as the categories, whatever they look like (Jon Peltier, «Good chart
 * data»: the blank top-left cell).
 */
const CORNER = '';

/** The levels pictured: an Ente report's ambiti and OS, a unit report's areas and AO. */
const SHORT_NAMES: Partial<Record<Level, string>> = { ambito: 'Ambito', os: 'OS', area: 'Area', ao: 'AO' };

const text = (t: string): SheetValue => ({ text: t });
const percent = (d: Dec): SheetValue => ({ number: d.toNumber(), format: PERCENT });
const count = (n: number): SheetValue => ({ number: n, format: '0' });
const a1 = (row: number, col: number): string => `${columnLetters(col)}${row + 1}`;

/** «Ambito 1», «OS 301», «AO1», «Area Dirigenziale 1»: short enough for a chart's axis, never a bare number. */
function category(node: DashboardNode, short: string): string {
  const name = node.code === '' ? node.label : node.code;
  return new RegExp(`^${short}(?!\\p{L})`, 'iu').test(name) ? name : `${short} ${name}`;
}

/** Per Tipo, in order of appearance: indicators with a computed grado, and those in overshooting. */
function byTipo(report: OvershootingReport): Array<{ tipo: string; flagged: number; total: number }> {
  const out = new Map<string, { tipo: string; flagged: number; total: number }>();
  for (const { input, outcome } of report.lines) {
    if (outcome === null) continue;
    const tipo = input.tipo === '' ? NO_TIPO : input.tipo;
    const entry = out.get(tipo) ?? { tipo, flagged: 0, total: 0 };
    entry.total += 1;
    if (outcome.flagged) entry.flagged += 1;
    out.set(tipo, entry);
  }
  return [...out.values()];
}

const share = (flagged: number, total: number): Dec => (total === 0 ? new Dec(0) : new Dec(flagged).div(total));

/** A chart over `rows` categories under the header row `header`, drawn right of its table from row `top`; `bottom` is its last row. */
function placed(top: number, header: number, rows: number, columns: number) {
  const bottom = top + Math.max(CHART_ROWS, rows + 3) - 1;
  const where = {
    source: { row: header, col: 0, rowCount: rows + 1, columnCount: columns },
    address: `${a1(header, 0)}:${a1(header + rows, columns - 1)}`,
    from: a1(top, CHART_COL),
    to: a1(bottom, CHART_COL + CHART_COLUMNS - 1),
  };
  return { where, bottom };
}

/** The cells laid out so far, with the look of each. */
class Cells {
  readonly all: PlacedCell[] = [];

  put(row: number, col: number, value: SheetValue, look: Pick<PlacedCell, 'bold' | 'fill'> = {}): void {
    this.all.push({ row, col, value, ...look });
  }

  header(row: number, titles: readonly string[]): void {
    titles.forEach((t, col) => this.put(row, col, text(t), { bold: true, fill: HEADER_FILL }));
  }
}

/** Where a section ended: its next free row, and the last row of its chart (-1 without one). */
interface SectionEnd {
  readonly next: number;
  readonly chartBottom: number;
}

/** Each pictured node's figure against the thresholds, from row `top`: columns, with green and red as lines across them. */
function achievements(cells: Cells, charts: DashboardChart[], nodes: readonly DashboardNode[], profile: SmvpProfile, top: number): SectionEnd {
  const pictured = nodes.filter((n) => SHORT_NAMES[n.level] !== undefined);
  const units = pictured.some((n) => n.level === 'area' || n.level === 'ao');
  cells.put(top, 0, text(units ? 'Raggiungimento per area e area organizzativa' : 'Raggiungimento per ambito e obiettivo strategico'), { bold: true });
  const series = [
    { name: 'Raggiungimento', line: false, color: COLORS.figure },
    { name: 'Soglia verde', line: true, color: COLORS.green },
    { name: 'Soglia rossa', line: true, color: COLORS.red },
  ];
  cells.header(top + 1, [CORNER, ...series.map((s) => s.name), 'Semaforo', 'Descrizione']);
  pictured.forEach((node, i) => {
    const r = top + 2 + i;
    const figure = node.computed === null ? null : new Dec(node.computed);
    const light = figure === null ? null : semaforo(figure, profile);
    cells.put(r, 0, text(category(node, SHORT_NAMES[node.level] ?? '')));
    // No figure: an empty cell, which the chart leaves out (text would be plotted as 0).
    cells.put(r, 1, figure === null ? text('') : percent(figure));
    cells.put(r, 2, percent(profile.semaphore.green));
    cells.put(r, 3, percent(profile.semaphore.red));
    cells.put(r, 4, text(light ?? 'non calcolabile'), light === null ? {} : { fill: SEMAPHORE_FILLS[light] });
    cells.put(r, 5, text(node.label));
  });
  const next = top + 2 + pictured.length;
  if (pictured.length === 0) return { next, chartBottom: -1 };
  const { where, bottom } = placed(top, top + 1, pictured.length, series.length + 1);
  const title = units ? 'Raggiungimento per area e AO' : 'Raggiungimento per ambito e OS';
  charts.push({ type: 'ColumnClustered', title, ...where, series, valueAxis: { min: 0, max: 1, format: '0%' } });
  return { next, chartBottom: bottom };
}

/** The indicators by Tipo from row `top`, stacked: each column is a Tipo's indicators, its orange part those in overshooting. */
function overshootingByTipo(cells: Cells, charts: DashboardChart[], report: OvershootingReport, source: string, profile: SmvpProfile, top: number): SectionEnd {
  cells.put(top, 0, text('Indicatori in overshooting per tipo'), { bold: true });
  cells.put(top + 1, 0, text(source));
  const series = [
    { name: 'In overshooting', line: false, color: COLORS.flagged },
    { name: 'Non in overshooting', line: false, color: COLORS.notFlagged },
  ];
  cells.header(top + 2, [CORNER, ...series.map((s) => s.name), 'Indicatori', 'Quota in overshooting']);
  const line = (r: number, label: string, flagged: number, total: number, look: Pick<PlacedCell, 'bold'> = {}) => {
    const figures: SheetValue[] = [text(label), count(flagged), count(total - flagged), count(total), { number: share(flagged, total).toNumber(), format: '0.0%' }];
    figures.forEach((value, col) => cells.put(r, col, value, look));
  };
  const tipi = byTipo(report);
  tipi.forEach((t, i) => line(top + 3 + i, t.tipo, t.flagged, t.total));
  const last = top + 3 + tipi.length;
  line(last, 'Totale', report.flagged, report.total, { bold: true });
  cells.put(last + 1, 0, text('Soglia di tolleranza'));
  cells.put(last + 1, 1, percent(profile.overshootingTolerance));
  if (tipi.length === 0) return { next: last + 2, chartBottom: -1 };
  const { where, bottom } = placed(top, top + 2, tipi.length, series.length + 1);
  charts.push({ type: 'ColumnStacked', title: 'Indicatori in overshooting per tipo', ...where, series, valueAxis: null });
  return { next: last + 2, chartBottom: bottom };
}

/**
 * The *Cruscotto*: each ambito and OS (areas and AO in a unit report) with its recomputed figure
 * against the profile's semaphore thresholds, and the indicators in overshooting by Tipo — from the
 * annex when the workbook has one, else from the tree's own indicators, which carry no Tipo (one
 * «Non indicato» column, split into in and not in overshooting). `generatedOn` is the day
 * written under the title (the engine reads no clock).
 */
export function dashboardSheet(tree: DashboardTree, annex: DashboardAnnex | null, profile: SmvpProfile, generatedOn: Date): DashboardSheet {
  const cells = new Cells();
  const charts: DashboardChart[] = [];
  cells.put(0, 0, text(`Cruscotto della performance: foglio «${tree.name}»`), { bold: true });
  cells.put(1, 0, text('Generato il'));
  cells.put(1, 1, { number: serialFromYmd(generatedOn.getFullYear(), generatedOn.getMonth() + 1, generatedOn.getDate()), format: 'dd/mm/yyyy' });
  const ente = tree.nodes.find((n) => n.level === 'ente')?.computed ?? null;
  if (ente !== null) {
    cells.put(2, 0, text('Raggiungimento Ente'), { bold: true });
    cells.put(2, 1, percent(new Dec(ente)), { bold: true });
  }
  let end = achievements(cells, charts, tree.nodes, profile, ente === null ? 3 : 4);
  const annexReport = annex?.overshooting ?? null;
  const report = annexReport ?? tree.overshooting;
  if (report !== null) {
    const source = annexReport !== null ? `Fonte: allegato «${annex?.name}»` : `Fonte: indicatori del foglio «${tree.name}», che non ne riporta il tipo`;
    // Below the first chart too, so that each chart stands beside its own table.
    end = overshootingByTipo(cells, charts, report, source, profile, Math.max(end.next + 1, end.chartBottom + 2));
  }
  return { baseName: 'Cruscotto', cells: cells.all, rowCount: end.next, columnCount: WIDTHS.length, widths: WIDTHS, charts };
}
