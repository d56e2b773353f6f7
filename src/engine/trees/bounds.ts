import { Dec, DEFAULT_PROFILE, quantity, type Quantity, type SmvpProfile } from '../core';
import { achievement, rollUp } from '../rules';
import type { EvaluatedNode, IndicatorEvaluation } from './evaluate';

/** The range of true values a printed figure can stand for: ±half a unit of its last decimal. */
export interface Bounds {
  readonly lo: Dec;
  readonly hi: Dec;
}

/**
 * The values an achievement can take given the precision of its inputs: one range, or several when
 * the rule jumps (at a zero target the achievement is 0% or 100%, nothing between).
 */
export type Span = readonly Bounds[];

/** Half a unit of the d-th decimal, computed once per number of decimals. */
const halfUnits: Dec[] = [];

function halfUnit(decimals: number): Dec {
  halfUnits[decimals] ??= new Dec(10).pow(-decimals).div(2);
  return halfUnits[decimals];
}

/**
 * Relative noise of a double Excel computed: its 15 significant digits are exact, the last ones of a
 * long computation (a weighted mean of many figures) may not be.
 */
const DOUBLE_NOISE = new Dec(10).pow(-13);

export function printedBounds(q: Quantity): Bounds {
  if (q.double === true) {
    const noise = q.amount.abs().times(DOUBLE_NOISE);
    return { lo: q.amount.minus(noise), hi: q.amount.plus(noise) };
  }
  // A count without decimals is exact (26 N.); a percentage without decimals (97%) was rounded.
  if (q.decimals === 0 && q.unit !== '%') return { lo: q.amount, hi: q.amount };
  // A percentage's decimals are those of its printed points: 96,77 % is 0.9677 ± 0.00005.
  const half = halfUnit(q.unit === '%' ? q.decimals + 2 : q.decimals);
  return { lo: q.amount.minus(half), hi: q.amount.plus(half) };
}

function overlaps(a: Bounds, b: Bounds): boolean {
  return a.lo.lessThanOrEqualTo(b.hi) && b.lo.lessThanOrEqualTo(a.hi);
}

export function contains(b: Bounds, d: Dec): boolean {
  return b.lo.lessThanOrEqualTo(d) && d.lessThanOrEqualTo(b.hi);
}

export function spanOverlaps(span: Span, b: Bounds): boolean {
  return span.some((s) => overlaps(s, b));
}

const point = (d: Dec): Bounds => ({ lo: d, hi: d });

function hull(span: Span): Bounds {
  return { lo: Dec.min(...span.map((b) => b.lo)), hi: Dec.max(...span.map((b) => b.hi)) };
}

/** Sorted, with overlapping ranges joined. */
function merged(span: Span): Span {
  const sorted = [...span].sort((a, b) => a.lo.comparedTo(b.lo));
  const out: Bounds[] = [];
  for (const b of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && b.lo.lessThanOrEqualTo(last.hi)) out[out.length - 1] = { lo: last.lo, hi: Dec.max(last.hi, b.hi) };
    else out.push(b);
  }
  return out;
}

/**
 * Achievements of an indicator whose value was printed with few decimals. The rule is continuous in
 * the value except at a zero target, where it only takes the values at the range's ends and at 0.
 */
function indicatorSpan(ind: IndicatorEvaluation, achieved: Dec, profile: SmvpProfile): Span {
  if (ind.source === 'measures' || !ind.target.ok || !ind.actual.ok || ind.actual.value.kind !== 'quantity') return [point(achieved)];
  const v = ind.actual.value;
  const range = printedBounds(v);
  const t = ind.target.value;
  const candidates = [range.lo, range.hi];
  const threshold = t.kind === 'deadline' ? undefined : t.threshold.amount;
  if (threshold !== undefined && contains(range, threshold)) candidates.push(threshold);
  const outcomes = [achieved];
  for (const c of candidates) {
    const o = achievement(t, quantity(c, v.unit, v.decimals), profile);
    if (o.ok && o.value.kind === 'measured') outcomes.push(o.value.value);
  }
  const points = outcomes.map(point);
  return threshold?.isZero() === true ? merged(points) : [hull(points)];
}

/** More combinations than this and each child counts with its whole range (more lenient, never stricter). */
const MAX_COMBINATIONS = 64;

/** Every choice of one range per child. */
function combinations(spans: readonly Span[]): Bounds[][] {
  return spans.reduce<Bounds[][]>((acc, span) => acc.flatMap((chosen) => span.map((b) => [...chosen, b])), [[]]);
}

/**
 * The achievements a node can take given the precision of the values it was computed from: a stated
 * figure inside them differs from the recomputed one by rounding only. null when not computed.
 */
export function achievementSpan(node: EvaluatedNode, profile: SmvpProfile = DEFAULT_PROFILE): Span | null {
  if (node.achievement === null) return null;
  if (node.indicator !== undefined) return indicatorSpan(node.indicator, node.achievement, profile);
  const children = node.children.flatMap((c) => (c.weight === undefined || !c.weight.ok ? [] : [{ weight: c.weight.value, span: achievementSpan(c, profile) }]));
  let spans = children.map((c) => c.span ?? [point(new Dec(0))]);
  if (spans.reduce((n, s) => n * s.length, 1) > MAX_COMBINATIONS) spans = spans.map((s) => [hull(s)]);
  const out: Bounds[] = [];
  for (const chosen of combinations(spans)) {
    const side = (pick: (b: Bounds) => Dec) =>
      rollUp(
        children.map((c, i) => ({ weight: c.weight, achievement: c.span === null ? null : pick(chosen[i]) })),
        profile,
      );
    const lo = side((b) => b.lo);
    const hi = side((b) => b.hi);
    if (!lo.ok || !hi.ok || lo.value.value === null || hi.value.value === null) return [point(node.achievement)];
    out.push({ lo: lo.value.value, hi: hi.value.value });
  }
  return merged(out);
}
