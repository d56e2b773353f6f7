import { bySeverity, DEFAULT_PROFILE, finding, type Dec, type Finding, type SmvpProfile } from './core';
import { parseWeight, toCellInput, type CellLike } from './cells';
import { semaforo, type Semaforo } from './rules';
import { buildTree, evaluateForest, flatten, validateTree, type EvaluatedNode, type Level } from './trees';
import {
  LAYOUT_NAMES, readAnnex, readTreeReport, recogniseLayout, sheetRow, type AnnexInput, type Grid, type Layout, type LayoutKind,
} from './sheets';
import { buildOvershootingReport, type OvershootingReport } from './reports';
import { checkAlbero, readAlberoReading, type AlberoContext, type AlberoRow, type LegendEntry } from './planning';
import { gradeStrategicObjectives, readScheda, type SchedaContext } from './scorecards';

/** One recomputed node, as the CLI's JSON and the pane show it. Fractions at full precision. */
export interface NodeReport {
  readonly row: number | null;
  readonly level: Level;
  readonly code: string;
  readonly label: string;
  readonly weight: string | null;
  readonly stated: string | null;
  readonly computed: string | null;
  readonly semaforo: Semaforo | null;
  readonly cell: string | null;
}

export interface SheetReport {
  readonly name: string;
  readonly layout: LayoutKind | null;
  readonly nodes: readonly NodeReport[];
  readonly findings: readonly Finding[];
  readonly overshooting: OvershootingReport | null;
  /** The recomputed trees (tree reports only). */
  readonly roots: readonly EvaluatedNode[];
  /** Planning tree compared with last year's tree: targets raised or lowered, objectives added or dropped. */
  readonly legend: readonly LegendEntry[];
  /** 1-based sheet row of the report's header; null when no layout was recognised. */
  readonly headerRow: number | null;
}

function percentOf(stated: EvaluatedNode['statedAchievement']): Dec | null {
  return stated?.ok === true && stated.value.kind === 'quantity' ? stated.value.amount : null;
}

function nodeReport(node: EvaluatedNode, profile: SmvpProfile): NodeReport {
  const { row } = node;
  return {
    row: row.sheetRow ?? null,
    level: row.level,
    code: row.code,
    label: row.label,
    weight: node.weight?.ok ? node.weight.value.toString() : null,
    stated: percentOf(node.statedAchievement)?.toString() ?? null,
    computed: node.achievement?.toString() ?? null,
    semaforo: node.achievement === null ? null : semaforo(node.achievement, profile),
    cell: row.addresses?.stated ?? null,
  };
}

/** A cell as a set key: its value and the format that gives it meaning. */
function cellKey(cell: CellLike | undefined): string {
  const { value, numberFormat } = toCellInput(cell ?? null);
  return `${String(value)}\u0001${numberFormat ?? ''}`;
}

/**
 * The indicators of a recomputed tree as annex lines, with the readings the recomputation made; one
 * line per indicator even when printed twice.
 */
function indicatorsOf(nodes: readonly EvaluatedNode[]): AnnexInput[] {
  const seen = new Set<string>();
  const out: AnnexInput[] = [];
  for (const { row, indicator } of nodes) {
    if (row.level !== 'indicatore' || indicator === undefined) continue;
    const key = `${row.code}\u0000${cellKey(row.target)}\u0000${cellKey(row.value)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      row: row.sheetRow ?? 0,
      code: row.code,
      label: row.label,
      tipo: '',
      description: '',
      algorithm: '',
      measures: toCellInput(row.measures ?? null),
      value: toCellInput(row.value ?? null),
      target: toCellInput(row.target ?? null),
      external: row.external === true,
      addresses: { target: row.addresses?.target, value: row.addresses?.value },
      reading: { target: indicator.target, actual: indicator.actual, unitGuessed: indicator.unitGuess !== undefined },
    });
  }
  return out;
}

function unrecognisedLayout(name: string): Finding {
  const known = Object.values(LAYOUT_NAMES).join(', ');
  return finding('layout-non-riconosciuto', undefined, `Layout non riconosciuto nel foglio «${name}»: nessuna riga di intestazione nota (${known}).`);
}

function plainNode(row: AlberoRow): NodeReport {
  const weight = row.weight === undefined ? undefined : parseWeight(row.weight);
  return {
    row: row.sheetRow ?? null,
    level: row.level,
    code: row.code,
    label: row.label,
    weight: weight?.ok ? weight.value.toString() : null,
    stated: null,
    computed: null,
    semaforo: null,
    cell: null,
  };
}

/** A recomputed tree report: its node list, findings and the overshooting of its indicators. */
function treeReport(grid: Grid, layout: Layout, roots: readonly EvaluatedNode[], readingFindings: readonly Finding[], profile: SmvpProfile): SheetReport {
  const all = flatten(roots);
  const nodes = all.map((n) => nodeReport(n, profile));
  const findings = [...readingFindings, ...validateTree(roots, profile)].sort(bySeverity);
  const overshooting = buildOvershootingReport(indicatorsOf(all), profile);
  return { name: grid.name, layout: layout.kind, nodes, findings, overshooting, roots, legend: [], headerRow: sheetRow(grid, layout.headerRow) };
}

/** What a planning tree and a scorecard are checked against: the other sheets of their workbook. */
export interface WorkbookContext {
  readonly albero?: AlberoContext;
  readonly scheda?: SchedaContext;
}

/**
 * Reads a sheet, recognises its report, recomputes it and lists every inconsistency. A planning tree
 * and a scorecard are checked against what `context` holds of the other sheets (see analyseWorkbook).
 */
export function analyseSheet(grid: Grid, profile: SmvpProfile = DEFAULT_PROFILE, context: WorkbookContext = {}): SheetReport {
  return analyseRecognised(grid, recogniseLayout(grid), profile, context);
}

function analyseRecognised(grid: Grid, layout: Layout | undefined, profile: SmvpProfile, context: WorkbookContext): SheetReport {
  if (layout === undefined) return { name: grid.name, nodes: [], overshooting: null, roots: [], legend: [], layout: null, findings: [unrecognisedLayout(grid.name)], headerRow: null };
  const empty = { name: grid.name, nodes: [], overshooting: null, roots: [], legend: [], headerRow: sheetRow(grid, layout.headerRow) };
  if (layout.kind === 'overshooting') {
    const report = buildOvershootingReport(readAnnex(grid, layout), profile);
    return { ...empty, layout: layout.kind, findings: [...report.findings].sort(bySeverity), overshooting: report };
  }
  if (layout.kind === 'albero') {
    const { rows, findings } = readAlberoReading(grid, layout);
    const check = checkAlbero(rows, context.albero ?? {}, profile);
    return { ...empty, layout: layout.kind, nodes: rows.map(plainNode), findings: [...findings, ...check.findings].sort(bySeverity), legend: check.legend };
  }
  if (layout.kind === 'schede') {
    const reading = readScheda(grid, layout);
    const graded = evaluateForest(buildTree(reading.rows), profile).map((root) => gradeStrategicObjectives(root, context.scheda ?? {}, profile));
    const findings = [...reading.findings, ...graded.flatMap((g) => g.findings)];
    return treeReport(grid, layout, graded.map((g) => g.root), findings, profile);
  }
  const reading = readTreeReport(grid, layout);
  const roots = evaluateForest(buildTree(reading.rows), profile);
  return treeReport(grid, layout, roots, reading.findings, profile);
}

/**
 * The context a planning tree is checked against, from the reports of the other sheets of its
 * workbook: the first overshooting annex and the first Ente or unit report (last year's tree).
 */
function alberoContext(reports: readonly SheetReport[]): AlberoContext {
  const annex = reports.find((r) => r.layout === 'overshooting');
  const lines = annex?.overshooting?.lines;
  const tree = reports.find((r) => r.layout === 'ente' || r.layout === 'unita');
  return {
    ...(annex === undefined || lines === undefined ? {} : { overshooting: { sheet: annex.name, lines } }),
    ...(tree === undefined ? {} : { previous: { sheet: tree.name, rows: flatten(tree.roots).map((n) => n.row) } }),
  };
}

/** The OS grado of the first Ente report among the workbook's other sheets. */
function schedaContext(reports: readonly SheetReport[]): SchedaContext {
  const ente = reports.find((r) => r.layout === 'ente');
  if (ente === undefined) return {};
  const os = flatten(ente.roots)
    .filter((node) => node.row.level === 'os')
    .map((node) => ({ code: node.row.code, label: node.row.label, achievement: node.achievement }));
  return { ente: { sheet: ente.name, os } };
}

const DEPENDENT_LAYOUTS: ReadonlySet<LayoutKind> = new Set<LayoutKind>(['albero', 'schede']);

const dependsOnOthers = (layout: Layout | undefined): boolean => layout !== undefined && DEPENDENT_LAYOUTS.has(layout.kind);

/** A planning tree or a scorecard: checked against the other sheets of its workbook (the pane asks before reading them). */
export function needsOtherSheets(grid: Grid): boolean {
  return dependsOnOthers(recogniseLayout(grid));
}

/** Every sheet of a workbook, each recognised once; planning trees and scorecards are checked against the others' reports. */
export function analyseWorkbook(grids: readonly Grid[], profile: SmvpProfile = DEFAULT_PROFILE): SheetReport[] {
  const sheets = grids.map((grid) => ({ grid, layout: recogniseLayout(grid) }));
  const others = new Map(sheets.filter((s) => !dependsOnOthers(s.layout)).map((s) => [s.grid, analyseRecognised(s.grid, s.layout, profile, {})]));
  const reports = [...others.values()];
  if (others.size === sheets.length) return reports;
  // Built once for all the plans and cards of the workbook.
  const context: WorkbookContext = { albero: alberoContext(reports), scheda: schedaContext(reports) };
  return sheets.map((s) => others.get(s.grid) ?? analyseRecognised(s.grid, s.layout, profile, context));
}
