import {
  Dec, DEFAULT_PROFILE, finding, formatPercent, formatQuantity, readingFindingCode, type Finding,
  type Quantity, type SmvpProfile,
} from '../core';
import { parseActual, parseTarget, parseWeight, type Actual, type Target } from '../cells';
import {
  buildTree, matchAcrossYears, rowNameInMessage, weightFindings, withParents, type Level, type Matchable, type TreeNode,
  type TreeRow, type YearMatching, type YearPair,
} from '../trees';
import type { AnnexLine } from '../reports';
import type { AlberoRow } from './albero-read';
import { formatTarget, suggestTarget } from './target-suggestion';

/** What the rest of the workbook tells about the plan: last year's tree and overshooting annex. */
export interface AlberoContext {
  /** The previous year's tree (an Ente or unit report), whose targets precede the plan's first year. */
  readonly previous?: { readonly sheet: string; readonly rows: readonly TreeRow[] };
  /** The last overshooting annex. */
  readonly overshooting?: { readonly sheet: string; readonly lines: readonly AnnexLine[] };
}

/**
 * The legend of the Integra planning tree, computed by comparing two years' trees; `rinominato` is
 * ours: the same indicator or objective under a new code (found by its description).
 */
export type LegendChange = 'incrementato' | 'diminuito' | 'eliminato' | 'aggiunto' | 'rinominato';

export interface LegendEntry {
  readonly code: string;
  readonly change: LegendChange;
  /** The cell that wears the legend's colour; null for what the plan no longer has. */
  readonly cell: string | null;
  /** For `rinominato`: last year's code. */
  readonly previousCode?: string;
}

export interface AlberoCheck {
  readonly findings: readonly Finding[];
  readonly legend: readonly LegendEntry[];
}

/** SMVP §3: the weights under every node, and the ambiti themselves, add up to 100%. */
function planWeightFindings(rows: readonly AlberoRow[], profile: SmvpProfile): Finding[] {
  const weighted = (nodes: readonly TreeNode[]) => nodes.map((n) => ({ row: n.row, weight: parseWeight(n.row.weight ?? null) }));
  const out: Finding[] = [];
  const visit = (node: TreeNode) => {
    if (node.children.length === 0) return;
    out.push(...weightFindings(rowNameInMessage(node.row), weighted(node.children), profile));
    node.children.forEach(visit);
  };
  const roots = buildTree(rows);
  if (roots.length > 0) out.push(...weightFindings("l'Ente (ambiti)", weighted(roots), profile));
  roots.forEach(visit);
  return out;
}

interface ReadTarget {
  readonly year: number;
  readonly address: string;
  readonly target: Target;
}

/** An indicator's baselines and targets, read once for every check; unreadable ones are findings. */
interface Figures {
  readonly row: AlberoRow;
  readonly baselines: readonly Actual[];
  readonly targets: readonly ReadTarget[];
  readonly unreadable: readonly Finding[];
}

function readFigures(row: AlberoRow): Figures {
  const unreadable: Finding[] = [];
  const baselines: Actual[] = [];
  for (const b of row.baselines) {
    const v = parseActual(b.cell);
    if (v.ok) baselines.push(v.value);
    else unreadable.push(finding(readingFindingCode(v.error, 'valore-illeggibile'), b.address, `Baseline ${b.year} di ${rowNameInMessage(row)}: ${v.error.message}`));
  }
  const targets: ReadTarget[] = [];
  for (const t of row.targets) {
    const parsed = parseTarget(t.cell);
    if (parsed.ok) targets.push({ year: t.year, address: t.address, target: parsed.value });
    else unreadable.push(finding(readingFindingCode(parsed.error, 'target-illeggibile'), t.address, `Target ${t.year} di ${rowNameInMessage(row)}: ${parsed.error.message}`));
  }
  return { row, baselines, targets, unreadable };
}

/** The first plan year's target, when that cell is readable. */
function firstTarget({ row, targets }: Figures): ReadTarget | undefined {
  return targets[0] !== undefined && targets[0].year === row.targets[0]?.year ? targets[0] : undefined;
}

type Comparison = Extract<Target, { kind: 'atLeast' | 'atMost' | 'equal' }>;

function comparable(t: Target): t is Comparison {
  return t.kind !== 'deadline';
}

/** Whether two thresholds can be compared: same unit, or one of them without a unit. */
function sameUnit(a: Quantity, b: Quantity): boolean {
  return a.unit === null || b.unit === null || a.unit === b.unit;
}

/** Whether `next` asks for less than `before` (a lower `>=`, a higher `<=`). */
function easier(next: Target, before: Target): boolean {
  if (!comparable(next) || !comparable(before) || next.kind !== before.kind || !sameUnit(next.threshold, before.threshold)) return false;
  if (next.kind === 'atLeast') return next.threshold.amount.lessThan(before.threshold.amount);
  if (next.kind === 'atMost') return next.threshold.amount.greaterThan(before.threshold.amount);
  return false;
}

function lastActual(baselines: readonly Actual[]): Quantity | undefined {
  const past = baselines.filter((b): b is Quantity => b.kind === 'quantity');
  return past[past.length - 1];
}

function describeQuantity(q: Quantity): string {
  return formatQuantity(q, q.decimals);
}

/** The plan's checks on one indicator: readable figures, challenging targets, a suggestion for each flag. */
function indicatorFindings(figures: Figures, previousTarget: Target | undefined, profile: SmvpProfile): Finding[] {
  const { row, baselines, targets } = figures;
  const out = [...figures.unreadable];
  const last = lastActual(baselines);
  const lastYear = row.baselines[row.baselines.length - 1]?.year;
  targets.forEach(({ year, address, target }, i) => {
    const reasons: string[] = [];
    if (last !== undefined && comparable(target) && sameUnit(target.threshold, last)) {
      const below = target.kind === 'atLeast' && target.threshold.amount.lessThan(last.amount);
      const above = target.kind === 'atMost' && target.threshold.amount.greaterThan(last.amount);
      if (below || above) reasons.push(`${below ? 'inferiore' : 'superiore'} all'ultimo consuntivo (${lastYear}: ${describeQuantity(last)})`);
    }
    const before = i === 0 ? (previousTarget === undefined ? undefined : { year: year - 1, target: previousTarget }) : targets[i - 1];
    const lowered = before !== undefined && easier(target, before.target);
    if (lowered) reasons.push(`meno impegnativo del target ${before.year} «${formatTarget(before.target)}»${row.note === '' ? ' senza una nota che lo motivi' : ''}`);
    if (reasons.length === 0) return;
    // A lower target explained by a note is only noted; any other reason stands.
    const explained = row.note !== '' && reasons.length === 1 && lowered;
    const suggested = explained ? undefined : moreDemanding(baselines, target, profile);
    const message = `${rowNameInMessage(row)}: target ${year} «${formatTarget(target)}» ${reasons.join(' e ')}: target non sfidante.${explained ? ` Nota: «${row.note}».` : suggestionText(suggested)}`;
    const details = { severity: explained ? 'nota' : 'avviso', suggested: suggested === undefined ? undefined : formatTarget(suggested) } as const;
    out.push(finding('target-non-sfidante', address, message, details));
  });
  return out;
}

/** The suggested target when it asks for more than `current`; undefined when `current` is already as demanding. */
function moreDemanding(baselines: readonly Actual[], current: Target, profile: SmvpProfile): Target | undefined {
  const s = suggestTarget(baselines, current, profile.suggestedTarget);
  return s.ok && easier(current, s.value) ? s.value : undefined;
}

function suggestionText(suggested: Target | undefined): string {
  return suggested === undefined ? '' : ` Target suggerito: «${formatTarget(suggested)}».`;
}

function targetOf(cell: TreeRow['target']): Target | undefined {
  if (cell === undefined) return undefined;
  const t = parseTarget(cell);
  return t.ok ? t.value : undefined;
}

/** SMVP §5 → §8: every indicator in overshooting last year, and what the plan did with its target. */
function overshootingFollowUp(indicators: readonly Figures[], context: AlberoContext, profile: SmvpProfile): Finding[] {
  const annex = context.overshooting;
  if (annex === undefined) return [];
  // Every line is matched, not only the flagged ones: a plan indicator goes to its real predecessor.
  const matching = matchAcrossYears(
    annex.lines.map((line) => ({ line, level: 'indicatore' as const, code: line.input.code, label: line.input.label })),
    indicators.map((figures) => ({ figures, level: 'indicatore' as const, code: figures.row.code, label: figures.row.label })),
  );
  const successor = new Map(matching.pairs.map((p) => [p.before.line, p.now.figures]));
  const out: Finding[] = [];
  for (const line of annex.lines) {
    const { input, outcome } = line;
    if (outcome === null || !outcome.flagged) continue;
    const was = `${input.code} era in overshooting nel foglio «${annex.sheet}» (valore vs target ${formatPercent(outcome.valueVsTarget, profile.displayDecimals)})`;
    const figures = successor.get(line);
    if (figures === undefined) {
      out.push(finding('overshooting-seguito', undefined, `${was} e non è più nell'albero.`));
      continue;
    }
    const { row } = figures;
    const next = firstTarget(figures);
    const old = targetOf(input.target);
    if (next === undefined || old === undefined) continue;
    // Every indicator followed up gets its suggestion, even when the new target already meets it.
    const s = suggestTarget(figures.baselines, next.target, profile.suggestedTarget);
    const suggested = s.ok ? s.value : undefined;
    const advice = suggestionText(suggested);
    const details = { suggested: suggested === undefined ? undefined : formatTarget(suggested) };
    const renamed = row.code === input.code ? '' : ` (ora ${row.code})`;
    const raised = easier(old, next.target);
    out.push(
      raised
        ? finding('overshooting-seguito', next.address, `${was}${renamed}: target ${next.year} innalzato da «${formatTarget(old)}» a «${formatTarget(next.target)}».${advice}`, details)
        : finding('overshooting-non-seguito', next.address, `${was}${renamed}: il target ${next.year} «${formatTarget(next.target)}» non è stato innalzato rispetto a «${formatTarget(old)}».${advice}`, details),
    );
  }
  return out;
}

const COMPARED_LEVELS: readonly Level[] = ['ambito', 'os', 'oo', 'indicatore'];

type Past = Matchable & { readonly row: TreeRow };
type Planned = Matchable & { readonly row: AlberoRow };

/**
 * Last year's objectives and indicators found in the plan, one to one (year-match.ts). A code printed
 * twice in one year (an indicator shared by two objectives) is one row, its first.
 */
function matchYears(rows: readonly AlberoRow[], previous: readonly TreeRow[]): YearMatching<Past, Planned> {
  const compared = <M extends Matchable>(list: readonly M[]) => {
    const seen = new Set<string>();
    return list.filter((r) => {
      const key = `${r.level}\u0000${r.code === '' ? r.label : r.code}`;
      if (!COMPARED_LEVELS.includes(r.level) || key.endsWith('\u0000') || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
  return matchAcrossYears(compared(withParents(previous)), compared(withParents(rows)));
}

function renamedFinding(pair: YearPair<Past, Planned>, sheet: string): Finding {
  const row = pair.now.row;
  const old = pair.before.row;
  const where = `${rowNameInMessage(old)} (riga ${old.sheetRow ?? '?'} del foglio «${sheet}»)`;
  if (pair.kind === 'probabile') {
    const close = formatPercent(new Dec(pair.similarity ?? 0), 0);
    return finding('corrispondenza-probabile', row.addresses?.code, `${rowNameInMessage(row)} è probabilmente ${where} con un nuovo codice: descrizioni simili al ${close}. Confermare; se sono ${row.level === 'indicatore' ? 'indicatori' : 'obiettivi'} diversi, il primo è aggiunto e il secondo eliminato.`);
  }
  return finding('obiettivo-rinominato', row.addresses?.code, `${rowNameInMessage(row)} è ${where} con un nuovo codice: stessa descrizione.`);
}

/** The seed's legend: targets raised or lowered, objectives renamed, added or dropped, against last year's tree. */
function legendOf(matching: YearMatching<Past, Planned>, indicators: readonly Figures[], sheet: string): { legend: LegendEntry[]; findings: Finding[] } {
  const legend: LegendEntry[] = [];
  const findings: Finding[] = [];
  const figuresOf = new Map(indicators.map((f) => [f.row, f]));
  for (const pair of matching.pairs) {
    const { row } = pair.now;
    const figures = figuresOf.get(row);
    const next = figures === undefined ? undefined : firstTarget(figures);
    const was = targetOf(pair.before.row.target);
    if (next !== undefined && was !== undefined && comparable(next.target) && comparable(was) && sameUnit(next.target.threshold, was.threshold)) {
      const cmp = next.target.threshold.amount.comparedTo(was.threshold.amount);
      if (cmp !== 0) legend.push({ code: row.code, change: cmp > 0 ? 'incrementato' : 'diminuito', cell: next.address });
    }
    // A code that differs only in punctuation is the same code (D4.3.1_MIMIT, D4.3_1.MIMIT).
    if (pair.kind === 'descrizione' || pair.kind === 'probabile') {
      legend.push({ code: row.code, change: 'rinominato', cell: row.addresses?.code ?? null, previousCode: pair.before.row.code });
      findings.push(renamedFinding(pair, sheet));
    }
  }
  for (const { row } of matching.added) {
    legend.push({ code: row.code, change: 'aggiunto', cell: row.addresses?.code ?? null });
    findings.push(finding('obiettivo-aggiunto', row.addresses?.code, `${rowNameInMessage(row)} (${row.level}) non era nel foglio «${sheet}»: aggiunto.`));
  }
  for (const { row: old } of matching.removed) {
    legend.push({ code: old.code, change: 'eliminato', cell: null });
    findings.push(finding('obiettivo-eliminato', undefined, `${rowNameInMessage(old)} (${old.level}, riga ${old.sheetRow ?? '?'} del foglio «${sheet}») non è più nell'albero: eliminato.`));
  }
  return { legend, findings };
}

/** What an OIV checks when the plan is approved (SMVP §3, §5, §8). */
export function checkAlbero(rows: readonly AlberoRow[], context: AlberoContext = {}, profile: SmvpProfile = DEFAULT_PROFILE): AlberoCheck {
  const matching = context.previous === undefined ? undefined : matchYears(rows, context.previous.rows);
  const predecessor = new Map(matching?.pairs.map((p) => [p.now.row, p.before.row]) ?? []);
  const figures = rows.filter((r) => r.level === 'indicatore').map(readFigures);
  const findings = [
    ...planWeightFindings(rows, profile),
    ...figures.flatMap((f) => indicatorFindings(f, targetOf(predecessor.get(f.row)?.target), profile)),
    ...overshootingFollowUp(figures, context, profile),
  ];
  if (matching === undefined || context.previous === undefined) return { findings, legend: [] };
  const legend = legendOf(matching, figures, context.previous.sheet);
  return { findings: [...findings, ...legend.findings], legend: legend.legend };
}
