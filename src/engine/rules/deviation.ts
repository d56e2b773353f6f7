import { Dec, ok, type Quantity, type Result, type Unit } from '../core';
import type { DateValue, Target } from '../cells';
import { daysLate, pairUp } from './achievement';

export interface Deviation {
  /** v − t; for a deadline, the days from the deadline (negative = early). Percentages as fractions. */
  readonly amount: Dec;
  readonly unit: Unit | null;
}

/** SMVP §6: the *scostamento* in the target's unit. */
export function deviation(target: Target, actual: Quantity | DateValue): Result<Deviation> {
  const pair = pairUp(target, actual);
  if (!pair.ok) return pair;
  const p = pair.value;
  if (p.kind === 'deadline') return ok({ amount: new Dec(daysLate(p)), unit: 'gg' });
  return ok({ amount: p.v.minus(p.t), unit: p.threshold.unit ?? p.actual.unit });
}
