import { toCellInput } from './cell';
import type { Dec } from './decimal';
import { evaluateForest, walk, type EvaluatedNode } from './evaluate';
import { bySeverity, type Finding } from './findings';
import type { Grid } from './grid';
import { LAYOUT_NAMES, recogniseLayout, type LayoutKind } from './layout';
import { buildOvershootingReport, type AnnexInput, type OvershootingReport } from './overshooting-report';
import { DEFAULT_PROFILE, type SmvpProfile } from './profile';
import { readAnnex, readTreeReport, type ReportRow } from './read-report';
import { semaforo, type Semaforo } from './semaphore';
import { buildTree, type Level } from './tree';
import { validateTree } from './validate';
import { parseActual } from './value';

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
}

function percentOf(cell: ReportRow['stated']): Dec | null {
  const p = parseActual(cell ?? null);
  return p.ok && p.value.kind === 'quantity' ? p.value.amount : null;
}

function nodeReport(node: EvaluatedNode, profile: SmvpProfile): NodeReport {
  const { row } = node;
  return {
    row: row.sheetRow ?? null,
    level: row.level,
    code: row.code,
    label: row.label,
    weight: node.weight?.ok ? node.weight.value.toString() : null,
    stated: percentOf(row.stated)?.toString() ?? null,
    computed: node.achievement?.toString() ?? null,
    semaforo: node.achievement === null ? null : semaforo(node.achievement, profile),
    cell: row.addresses?.stated ?? null,
  };
}

/** The indicators of a tree report as annex lines; one line per indicator even when printed twice. */
function indicatorsOf(rows: readonly ReportRow[]): AnnexInput[] {
  const seen = new Set<string>();
  const out: AnnexInput[] = [];
  for (const r of rows) {
    if (r.level !== 'indicatore') continue;
    const key = JSON.stringify([r.code, r.target, r.value]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      row: r.sheetRow ?? 0,
      code: r.code,
      label: r.label,
      tipo: '',
      description: '',
      algorithm: '',
      measures: toCellInput(r.measures ?? null),
      value: toCellInput(r.value ?? null),
      target: toCellInput(r.target ?? null),
      external: r.external,
      addresses: { target: r.addresses?.target, value: r.addresses?.value },
    });
  }
  return out;
}

export function unrecognisedLayout(name: string): Finding {
  const known = Object.values(LAYOUT_NAMES).join(', ');
  return {
    severity: 'errore',
    code: 'layout-non-riconosciuto',
    cell: '',
    message: `Layout non riconosciuto nel foglio «${name}»: nessuna riga di intestazione nota (${known}).`,
  };
}

/** Reads a sheet, recognises its report, recomputes it and lists every inconsistency. */
export function analyseSheet(grid: Grid, profile: SmvpProfile = DEFAULT_PROFILE): SheetReport {
  const layout = recogniseLayout(grid);
  if (layout === undefined) {
    return { name: grid.name, layout: null, nodes: [], findings: [unrecognisedLayout(grid.name)], overshooting: null, roots: [] };
  }
  if (layout.kind === 'overshooting') {
    const report = buildOvershootingReport(readAnnex(grid, layout), profile);
    return { name: grid.name, layout: layout.kind, nodes: [], findings: [...report.findings].sort(bySeverity), overshooting: report, roots: [] };
  }
  const rows = readTreeReport(grid, layout);
  const roots = evaluateForest(buildTree(rows), profile);
  const nodes = roots.flatMap((root) => [...walk(root)].map((n) => nodeReport(n, profile)));
  const findings = validateTree(roots, profile).sort(bySeverity);
  const overshooting = buildOvershootingReport(indicatorsOf(rows), profile);
  return { name: grid.name, layout: layout.kind, nodes, findings, overshooting, roots };
}
