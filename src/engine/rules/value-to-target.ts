import { ok, type Dec, type Quantity, type Result } from '../core';
import type { DateValue, Target } from '../cells';
import { pairUp } from './achievement';

/**
 * Value over target, uncapped (150% when 300 meets `>= 200`). null where a ratio means nothing: a
 * deadline, or a target of zero.
 */
export function valueToTarget(target: Target, actual: Quantity | DateValue): Result<Dec | null> {
  const pair = pairUp(target, actual);
  if (!pair.ok) return pair;
  const p = pair.value;
  if (p.kind === 'deadline' || p.t.isZero()) return ok(null);
  return ok(p.v.div(p.t));
}
