import type { AlberoRow } from './albero-read';
import type { Finding, FindingCode } from './findings';
import { formatPercent, formatQuantity } from './format';
import type { AnnexLine } from './overshooting-report';
import { DEFAULT_PROFILE, type SmvpProfile } from './profile';
import { rollUp } from './rollup';
import type { Quantity } from './quantity';
import { parseTarget, type Target } from './target';
import { formatTarget, suggestTarget } from './target-suggestion';
import { buildTree, type Level, type TreeNode, type TreeRow } from './tree';
import { parseActual, type Actual } from './value';
import { parseWeight } from './weight';

/** What the rest of the workbook tells about the plan: last year's tree and overshooting annex. */
export interface AlberoContext {
  /** The previous year's tree (an Ente or unit report), whose targets precede the plan's first year. */
  readonly previous?: { readonly sheet: string; readonly rows: readonly TreeRow[] };
  /** The last overshooting annex. */
  readonly overshooting?: { readonly sheet: string; readonly lines: readonly AnnexLine[] };
}

/** The legend of the Integra planning tree, computed by comparing two years' trees. */
export type LegendChange = 'incrementato' | 'diminuito' | 'eliminato' | 'aggiunto';

export interface LegendEntry {
  readonly code: string;
  readonly change: LegendChange;
  /** The cell that wears the legend's colour; null for what the plan no longer has. */
  readonly cell: string | null;
}

export interface AlberoCheck {
  readonly findings: readonly Finding[];
  readonly legend: readonly LegendEntry[];
}

/** Codes match across years without their punctuation: Integra writes D4.3.1_MIMIT one year, D4.3_1.MIMIT the next. */
export function codeKey(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function finding(severity: Finding['severity'], code: FindingCode, cell: string, message: string, suggested?: Target): Finding {
  return { severity, code, cell, message, ...(suggested === undefined ? {} : { suggested: formatTarget(suggested) }) };
}

function name(row: TreeRow): string {
  return row.code === '' ? row.label : row.code;
}

/** SMVP §3: the weights under every node, and the ambiti themselves, add up to 100%. */
function weightFindings(rows: readonly AlberoRow[], profile: SmvpProfile): Finding[] {
  const out: Finding[] = [];
  const check = (parent: string, cell: string, children: readonly TreeNode[]) => {
    const weights = children.flatMap((child) => {
      const w = parseWeight(child.row.weight ?? null);
      if (w.ok) return [{ weight: w.value, achievement: null }];
      const where = child.row.addresses?.weight ?? child.row.addresses?.code ?? '';
      out.push(finding('errore', 'peso-illeggibile', where, `Peso di ${name(child.row)}: ${w.error.message}`));
      return [];
    });
    // The roll-up's own weight check (SMVP §3): a plan has no results, only weights.
    const sum = rollUp(weights, profile);
    if (sum.ok && !sum.value.weightsOk) {
      out.push(finding('errore', 'somma-pesi', cell, `I pesi sotto ${parent} sommano a ${formatPercent(sum.value.weightSum, profile.displayDecimals)} invece di 100%: correggere i pesi.`));
    }
  };
  const visit = (node: TreeNode) => {
    if (node.children.length === 0) return;
    check(name(node.row), node.children[0].row.addresses?.weight ?? '', node.children);
    node.children.forEach(visit);
  };
  const roots = buildTree(rows);
  if (roots.length > 0) check("l'Ente (ambiti)", roots[0].row.addresses?.weight ?? '', roots);
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
    else unreadable.push(finding('errore', v.error.code === 'excel-error' ? 'errore-excel' : 'valore-illeggibile', b.address, `Baseline ${b.year} di ${name(row)}: ${v.error.message}`));
  }
  const targets: ReadTarget[] = [];
  for (const t of row.targets) {
    const parsed = parseTarget(t.cell);
    if (parsed.ok) targets.push({ year: t.year, address: t.address, target: parsed.value });
    else unreadable.push(finding('errore', parsed.error.code === 'excel-error' ? 'errore-excel' : 'target-illeggibile', t.address, `Target ${t.year} di ${name(row)}: ${parsed.error.message}`));
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
    const message = `${name(row)}: target ${year} «${formatTarget(target)}» ${reasons.join(' e ')}: target non sfidante.${explained ? ` Nota: «${row.note}».` : suggestionText(suggested)}`;
    out.push(finding(explained ? 'nota' : 'avviso', 'target-non-sfidante', address, message, suggested));
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

function keyOf({ level, code }: Pick<TreeRow, 'level' | 'code'>): string {
  return `${level}:${codeKey(code)}`;
}

/** The first row of each code at the given levels, keyed by level and code without punctuation. */
function rowsByKey<R extends TreeRow>(rows: readonly R[], levels: readonly Level[]): Map<string, R> {
  const map = new Map<string, R>();
  for (const row of rows) {
    if (levels.includes(row.level) && row.code !== '' && !map.has(keyOf(row))) map.set(keyOf(row), row);
  }
  return map;
}

function targetOf(cell: TreeRow['target']): Target | undefined {
  if (cell === undefined) return undefined;
  const t = parseTarget(cell);
  return t.ok ? t.value : undefined;
}

/** SMVP §5 → §8: every indicator in overshooting last year, and what the plan did with its target. */
function overshootingFollowUp(indicators: ReadonlyMap<string, Figures>, context: AlberoContext, profile: SmvpProfile): Finding[] {
  const annex = context.overshooting;
  if (annex === undefined) return [];
  const out: Finding[] = [];
  for (const { input, outcome } of annex.lines) {
    if (outcome === null || !outcome.flagged) continue;
    const was = `${input.code} era in overshooting nel foglio «${annex.sheet}» (valore vs target ${formatPercent(outcome.valueVsTarget, profile.displayDecimals)})`;
    const figures = indicators.get(keyOf({ level: 'indicatore', code: input.code }));
    if (figures === undefined) {
      out.push(finding('nota', 'overshooting-seguito', '', `${was} e non è più nell'albero.`));
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
    const renamed = row.code === input.code ? '' : ` (ora ${row.code})`;
    const raised = easier(old, next.target);
    out.push(
      raised
        ? finding('nota', 'overshooting-seguito', next.address, `${was}${renamed}: target ${next.year} innalzato da «${formatTarget(old)}» a «${formatTarget(next.target)}».${advice}`, suggested)
        : finding('avviso', 'overshooting-non-seguito', next.address, `${was}${renamed}: il target ${next.year} «${formatTarget(next.target)}» non è stato innalzato rispetto a «${formatTarget(old)}».${advice}`, suggested),
    );
  }
  return out;
}

const COMPARED_LEVELS: readonly Level[] = ['ambito', 'os', 'oo', 'indicatore'];

/** The seed's legend: targets raised or lowered, objectives added or dropped, against last year's tree. */
function legendOf(
  rows: readonly AlberoRow[],
  indicators: ReadonlyMap<string, Figures>,
  previous: NonNullable<AlberoContext['previous']>,
): { legend: LegendEntry[]; findings: Finding[] } {
  const legend: LegendEntry[] = [];
  const findings: Finding[] = [];
  const before = rowsByKey(previous.rows, COMPARED_LEVELS);
  const now = rowsByKey(rows, COMPARED_LEVELS);
  for (const [key, row] of now) {
    const old = before.get(key);
    if (old === undefined) {
      legend.push({ code: row.code, change: 'aggiunto', cell: row.addresses?.code ?? null });
      findings.push(finding('nota', 'obiettivo-aggiunto', row.addresses?.code ?? '', `${name(row)} (${row.level}) non era nel foglio «${previous.sheet}»: aggiunto.`));
      continue;
    }
    const figures = indicators.get(key);
    const next = figures === undefined ? undefined : firstTarget(figures);
    const was = targetOf(old.target);
    if (next === undefined || was === undefined || !comparable(next.target) || !comparable(was) || !sameUnit(next.target.threshold, was.threshold)) continue;
    const cmp = next.target.threshold.amount.comparedTo(was.threshold.amount);
    if (cmp !== 0) legend.push({ code: row.code, change: cmp > 0 ? 'incrementato' : 'diminuito', cell: next.address });
  }
  for (const [key, old] of before) {
    if (now.has(key)) continue;
    legend.push({ code: old.code, change: 'eliminato', cell: null });
    findings.push(finding('nota', 'obiettivo-eliminato', '', `${name(old)} (${old.level}, riga ${old.sheetRow ?? '?'} del foglio «${previous.sheet}») non è più nell'albero: eliminato.`));
  }
  return { legend, findings };
}

/** What an OIV checks when the plan is approved (SMVP §3, §5, §8). */
export function checkAlbero(rows: readonly AlberoRow[], context: AlberoContext = {}, profile: SmvpProfile = DEFAULT_PROFILE): AlberoCheck {
  const previous = rowsByKey(context.previous?.rows ?? [], ['indicatore']);
  const figures = rows.filter((r) => r.level === 'indicatore').map(readFigures);
  const indicators = new Map<string, Figures>();
  for (const f of figures) if (!indicators.has(keyOf(f.row))) indicators.set(keyOf(f.row), f);
  const findings = [
    ...weightFindings(rows, profile),
    ...figures.flatMap((f) => indicatorFindings(f, targetOf(previous.get(keyOf(f.row))?.target), profile)),
    ...overshootingFollowUp(indicators, context, profile),
  ];
  if (context.previous === undefined) return { findings, legend: [] };
  const legend = legendOf(rows, indicators, context.previous);
  return { findings: [...findings, ...legend.findings], legend: legend.legend };
}
