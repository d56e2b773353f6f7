import { achievement } from './achievement';
import { Dec } from './decimal';
import type { EvaluatedNode, IndicatorEvaluation } from './evaluate';
import { DEFAULT_PROFILE, type SmvpProfile } from './profile';
import { quantity, type Quantity } from './quantity';
import { rollUp } from './rollup';

/** The range of true values a printed figure can stand for: ±half a unit of its last decimal. */
export interface Bounds {
  readonly lo: Dec;
  readonly hi: Dec;
}

/** Half a unit of the d-th decimal, computed once per number of decimals. */
const halfUnits: Dec[] = [];

function halfUnit(decimals: number): Dec {
  halfUnits[decimals] ??= new Dec(10).pow(-decimals).div(2);
  return halfUnits[decimals];
}

export function printedBounds(q: Quantity): Bounds {
  if (q.decimals === 0) return { lo: q.amount, hi: q.amount };
  // A percentage's decimals are those of its printed points: 96,77 % is 0.9677 ± 0.00005.
  const half = halfUnit(q.unit === '%' ? q.decimals + 2 : q.decimals);
  return { lo: q.amount.minus(half), hi: q.amount.plus(half) };
}

export function overlaps(a: Bounds, b: Bounds): boolean {
  return a.lo.lessThanOrEqualTo(b.hi) && b.lo.lessThanOrEqualTo(a.hi);
}

export function contains(b: Bounds, d: Dec): boolean {
  return b.lo.lessThanOrEqualTo(d) && d.lessThanOrEqualTo(b.hi);
}

/** Achievement range of an indicator whose value was printed with few decimals. */
function indicatorBounds(ind: IndicatorEvaluation, point: Dec, profile: SmvpProfile): Bounds {
  if (ind.source === 'measures' || !ind.target.ok || !ind.actual.ok || ind.actual.value.kind !== 'quantity') {
    return { lo: point, hi: point };
  }
  const v = ind.actual.value;
  const { lo, hi } = printedBounds(v);
  const candidates = [lo, hi];
  const t = ind.target.value;
  if (t.kind === 'equal' && contains({ lo, hi }, t.threshold.amount)) candidates.push(t.threshold.amount);
  let min = point;
  let max = point;
  for (const c of candidates) {
    const o = achievement(t, quantity(c, v.unit, v.decimals), profile);
    if (o.ok && o.value.kind === 'measured') {
      min = Dec.min(min, o.value.value);
      max = Dec.max(max, o.value.value);
    }
  }
  return { lo: min, hi: max };
}

/**
 * The range a node's achievement can take given the precision of the values it was computed from:
 * a stated figure inside it differs from the recomputed one by rounding only.
 */
export function achievementBounds(node: EvaluatedNode, profile: SmvpProfile = DEFAULT_PROFILE): Bounds | null {
  if (node.achievement === null) return null;
  if (node.indicator !== undefined) return indicatorBounds(node.indicator, node.achievement, profile);
  const children = node.children.flatMap((c) => {
    if (c.weight === undefined || !c.weight.ok) return [];
    return [{ weight: c.weight.value, bounds: achievementBounds(c, profile) }];
  });
  const side = (pick: (b: Bounds) => Dec) =>
    rollUp(
      children.map((c) => ({ weight: c.weight, achievement: c.bounds === null ? null : pick(c.bounds) })),
      profile,
    );
  const lo = side((b) => b.lo);
  const hi = side((b) => b.hi);
  if (!lo.ok || !hi.ok || lo.value.value === null || hi.value.value === null) return { lo: node.achievement, hi: node.achievement };
  return { lo: lo.value.value, hi: hi.value.value };
}
