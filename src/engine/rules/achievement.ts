import {
  clamp01, Dec, DEFAULT_PROFILE, fail, ok, ONE, ZERO, type Quantity, type Result, type SmvpProfile,
} from '../core';
import { dateFromSerial, type Actual, type ComparisonKind, type DateValue, type Missing, type Target } from '../cells';

export interface Measured {
  readonly kind: 'measured';
  readonly value: Dec;
  readonly met: boolean;
}

export type Outcome = Measured | { readonly kind: 'notMeasurable'; readonly reason: Missing['reason'] };

/** A target and a value that can be compared: both numbers, or both days. */
export type Pair =
  | { readonly kind: ComparisonKind; readonly t: Dec; readonly v: Dec; readonly threshold: Quantity; readonly actual: Quantity }
  | { readonly kind: 'deadline'; readonly deadline: DateValue; readonly date: DateValue };

/**
 * Checks that value and target are of the same nature. A unitless number against a deadline is a
 * date serial (what Excel passes for a date cell); a percentage never meets a count.
 */
export function pairUp(target: Target, actual: Quantity | DateValue): Result<Pair> {
  if (target.kind === 'deadline') {
    if (actual.kind === 'date') return ok({ kind: 'deadline', deadline: target.date, date: actual });
    if (actual.unit !== null) {
      return fail('incompatible-value', 'Il target è una scadenza ma il valore non è una data.');
    }
    const date = dateFromSerial(actual.amount.toNumber());
    return date.ok ? ok({ kind: 'deadline', deadline: target.date, date: date.value }) : date;
  }
  if (actual.kind === 'date') {
    return fail('incompatible-value', 'Il valore è una data ma il target è numerico.');
  }
  const tu = target.threshold.unit;
  const vu = actual.unit;
  if (tu !== null && vu !== null && (tu === '%') !== (vu === '%')) {
    return fail('incompatible-units', `Unità incompatibili: target in «${tu}», valore in «${vu}».`);
  }
  return ok({ kind: target.kind, t: target.threshold.amount, v: actual.amount, threshold: target.threshold, actual });
}

/** Days after the deadline; zero or negative when on time. */
export function daysLate(pair: Extract<Pair, { kind: 'deadline' }>): number {
  return pair.date.serial - pair.deadline.serial;
}

/** SMVP §2: achievement of one indicator at full precision, capped to [0, 1]. */
export function achievementOfPair(pair: Pair, profile: SmvpProfile = DEFAULT_PROFILE): Measured {
  if (pair.kind === 'deadline') {
    const late = daysLate(pair);
    if (late <= 0) return measured(ONE, true);
    const rule = profile.deadline;
    return measured(rule.rule === 'zero' ? ZERO : clamp01(ONE.minus(new Dec(late).div(rule.days))), false);
  }
  const { t, v } = pair;
  switch (pair.kind) {
    case 'atLeast':
      if (v.greaterThanOrEqualTo(t)) return measured(ONE, true);
      if (t.greaterThan(ZERO) && !v.isNegative()) return measured(clamp01(v.div(t)), false);
      return measured(relativeShortfall(t.minus(v), t), false);
    case 'atMost':
      if (v.lessThanOrEqualTo(t)) return measured(ONE, true);
      if (t.greaterThan(ZERO) && v.greaterThan(ZERO)) return measured(clamp01(t.div(v)), false);
      return measured(relativeShortfall(v.minus(t), t), false);
    case 'equal':
      if (v.equals(t)) return measured(ONE, true);
      return measured(relativeShortfall(v.minus(t).abs(), t), false);
  }
}

/** max(0, 1 − gap/|t|), and 0 when the target is 0 (no scale to measure the gap against). */
function relativeShortfall(gap: Dec, t: Dec): Dec {
  return t.isZero() ? ZERO : clamp01(ONE.minus(gap.div(t.abs())));
}

function measured(value: Dec, met: boolean): Measured {
  return { kind: 'measured', value, met };
}

export function achievement(target: Target, actual: Actual, profile: SmvpProfile = DEFAULT_PROFILE): Result<Outcome> {
  if (actual.kind === 'missing') return ok({ kind: 'notMeasurable', reason: actual.reason });
  const pair = pairUp(target, actual);
  return pair.ok ? ok(achievementOfPair(pair.value, profile)) : pair;
}
