/**
 * What the «Albero» tab computes from a report, apart from React: which nodes open by default, the
 * figures a what-if changes, the rows of the year-at-a-glance charts. Pure, so jest tests it alone.
 */
import {
  capitalised, excerpt, NO_TIPO, formatDate, formatPercent, formatPercentPair, formatQuantity, formatTarget, levelAndName, nodeIds, rowName, whatIf,
  type Actual, type Change, type Dec, type EvaluatedNode, type NodeId, type OvershootingReport, type SmvpProfile,
  type TreeRow,
} from '../engine';

/** A node's depth in its forest: "0" is a root, "0.2.1" three levels down. */
export const depthOf = (id: NodeId): number => id.split('.').length - 1;

/** The ids of the node's ancestors, the root first: "0.2.1" → ["0", "0.2"]. */
export function ancestorsOf(id: NodeId): NodeId[] {
  const parts = id.split('.');
  return parts.slice(0, -1).map((_p, i) => parts.slice(0, i + 1).join('.'));
}

/**
 * The nodes open when the tab first shows: the first two levels, so the Ente's ambiti and their OS
 * (a unit report's areas, ao and objectives; a scorecard's objectives) show. A node whose children
 * are all indicators stays closed: indicators show one click away.
 */
export function openByDefault(ids: ReadonlyMap<NodeId, EvaluatedNode>): NodeId[] {
  const opens = (node: EvaluatedNode) => node.children.some((c) => c.row.level !== 'indicatore');
  return [...ids].filter(([id, node]) => depthOf(id) < 2 && opens(node)).map(([id]) => id);
}

/** The cell Excel selects for a node: its stated achievement, else its code. */
export function cellOf(row: TreeRow): string | null {
  return row.addresses?.stated ?? row.addresses?.code ?? null;
}

/** The sheet row of a node, for «Vai alla riga 88»: read, else taken from its cell. */
export function sheetRowOf(row: TreeRow): number | null {
  if (row.sheetRow !== undefined) return row.sheetRow;
  const digits = /\d+$/.exec(cellOf(row) ?? '');
  return digits === null ? null : Number(digits[0]);
}

/** A node's name in the tree (its code, else its label) and the label beside it, not repeated. */
export function nameAndLabel(row: TreeRow): { readonly name: string; readonly label: string } {
  return { name: excerpt(rowName(row)), label: row.code === '' ? '' : excerpt(row.label) };
}

/** «Ambito 1», «Area Dirigenziale 1», «Obiettivo strategico 701»: a node named with its level, for charts. */
export function levelTitle(row: TreeRow): string {
  return capitalised(levelAndName(row));
}

/** A figure as the pane prints it: the profile's decimals, or the «n.c.» of a figure that cannot be computed. */
export function figureText(achievement: Dec | null, profile: SmvpProfile, notComputable: string): string {
  return achievement === null ? notComputable : formatPercent(achievement, profile.displayDecimals);
}

/**
 * An official and a what-if figure side by side, with enough decimals to tell them apart (at most six
 * more than the profile's): a change of a thousandth of a point never reads «99,62% → 99,62%».
 */
export function figurePair(before: Dec | null, after: Dec | null, profile: SmvpProfile, notComputable: string): readonly [string, string] {
  if (before === null || after === null) return [figureText(before, profile, notComputable), figureText(after, profile, notComputable)];
  return formatPercentPair(before, after, profile.displayDecimals);
}

export interface FigureChange {
  readonly before: Dec | null;
  readonly after: Dec | null;
  /** The node of the what-if tree, for its own readings (a typed value the engine cannot read). */
  readonly tried: EvaluatedNode;
}

/** The nodes whose figure differs between the official trees and the what-if ones, by id (the ids match: same shape). */
export function figureChanges(official: ReadonlyMap<NodeId, EvaluatedNode>, tried: ReadonlyMap<NodeId, EvaluatedNode>): Map<NodeId, FigureChange> {
  const changes = new Map<NodeId, FigureChange>();
  for (const [id, node] of official) {
    const other = tried.get(id);
    if (other === undefined) continue;
    const before = node.achievement;
    const after = other.achievement;
    const same = before === null || after === null ? before === after : before.equals(after);
    if (!same) changes.set(id, { before, after, tried: other });
  }
  return changes;
}

export type WhatIfOutcome =
  | { readonly ok: true; readonly ids: ReadonlyMap<NodeId, EvaluatedNode>; readonly changed: ReadonlyMap<NodeId, FigureChange> }
  | { readonly ok: false; readonly message: string };

/**
 * The what-if trees and what they change. The engine reads typed text as a cell and reports what it
 * cannot read on the node; anything it throws is caught here too, so a typed value never breaks the pane.
 */
export function tryWhatIf(roots: readonly EvaluatedNode[], official: ReadonlyMap<NodeId, EvaluatedNode>, changes: ReadonlyMap<NodeId, Change>, profile: SmvpProfile): WhatIfOutcome {
  try {
    const ids = nodeIds(whatIf(roots, changes, profile));
    return { ok: true, ids, changed: figureChanges(official, ids) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/** The fields of a what-if form: typed text, empty when the cell is left as it is. */
export interface ChangeDraft {
  readonly value: string;
  readonly target: string;
  readonly weight: string;
}

/** The change a form asks for: only the fields typed in, as typed; null when none is. */
export function changeOf(draft: ChangeDraft): Change | null {
  const typed = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());
  const value = typed(draft.value);
  const target = typed(draft.target);
  const weight = typed(draft.weight);
  if (value === undefined && target === undefined && weight === undefined) return null;
  return { ...(value === undefined ? {} : { value }), ...(target === undefined ? {} : { target }), ...(weight === undefined ? {} : { weight }) };
}

/**
 * What the engine could not read on a what-if node, in its words: a weight (the node then leaves its
 * parent's mean) or a target or value (the node is «n.c.»). Null when it read them all.
 */
export function unreadableOf(node: EvaluatedNode): { readonly field: 'weight' | 'figure'; readonly message: string } | null {
  if (node.weight !== undefined && !node.weight.ok) return { field: 'weight', message: node.weight.error.message };
  const outcome = node.indicator?.outcome;
  return outcome !== undefined && !outcome.ok ? { field: 'figure', message: outcome.error.message } : null;
}

/** An actual value as Integra writes it («184 N.», «07-05-2024»); null when missing. */
function actualText(actual: Actual): string | null {
  if (actual.kind === 'missing') return null;
  return actual.kind === 'date' ? formatDate(actual) : formatQuantity(actual, actual.decimals);
}

/** An indicator's target and value as read, typed as in the cell: the what-if form shows them as placeholders. */
export function indicatorReadings(node: EvaluatedNode): { readonly target: string | null; readonly value: string | null } {
  const ind = node.indicator;
  if (ind === undefined) return { target: null, value: null };
  return {
    target: ind.target.ok ? formatTarget(ind.target.value) : null,
    value: ind.actual.ok ? actualText(ind.actual.value) : null,
  };
}

/** A bar of the year-at-a-glance chart: a node of the first two levels under the Ente (or of a unit report's areas). */
export interface ChartRow {
  readonly id: NodeId;
  /** 0 for an ambito (area), 1 for an OS (ao) under it. */
  readonly depth: 0 | 1;
  /** What the bar is labelled with: «Ambito 2» at the top, the bare code «701» under it. */
  readonly name: string;
  /** The node in full, for the text alternative: «Obiettivo strategico 701 Tutela della legalità». */
  readonly title: string;
  readonly achievement: Dec | null;
}

/**
 * The chart's bars: under a single Ente its ambiti and their OS; otherwise (unit reports, scorecards)
 * the roots and their children: areas and ao, the card and its objectives. Indicators have no bar.
 */
export function chartRows(roots: readonly EvaluatedNode[]): ChartRow[] {
  const single = roots.length === 1 && roots[0].row.level === 'ente';
  const tops = single ? roots[0].children.map((node, i) => ({ node, id: `0.${i}` })) : roots.map((node, i) => ({ node, id: String(i) }));
  const row = (node: EvaluatedNode, id: NodeId, depth: 0 | 1): ChartRow => {
    const { name, label } = nameAndLabel(node.row);
    const title = levelTitle(node.row);
    return { id, depth, name: depth === 0 ? title : name, title: label === '' ? title : `${title} ${label}`, achievement: node.achievement };
  };
  const below = (node: EvaluatedNode, id: NodeId): ChartRow[] =>
    node.children.flatMap((c, i) => (c.row.level === 'indicatore' ? [] : [row(c, `${id}.${i}`, 1)]));
  return tops.flatMap(({ node, id }) => (node.row.level === 'indicatore' ? [] : [row(node, id, 0), ...below(node, id)]));
}

/**
 * The flagged indicators by Tipo, largest first, when the report names a Tipo (an annex does); null
 * when every key is empty or the engine's NO_TIPO, so the chart shows flagged / total instead.
 */
export function overshootingByTipo(report: OvershootingReport): Array<readonly [string, number]> | null {
  const entries = Object.entries(report.byTipo).filter(([, n]) => n > 0);
  if (entries.every(([tipo]) => tipo.trim() === '' || tipo === NO_TIPO)) return null;
  return entries.sort((a, b) => b[1] - a[1]);
}
