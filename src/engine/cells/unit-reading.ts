import { finding, formatPercent, HUNDRED, quantity, type Finding, type Quantity } from '../core';
import type { Actual } from './actual';
import type { Target } from './target';

/** How a value without unit was read against a target in %: 0,95 as a fraction, 95 as points. */
export type UnitGuess = 'fraction' | 'points';

export interface UnitReading {
  readonly actual: Actual;
  /** Set when the value had no unit and one had to be chosen. */
  readonly guess?: UnitGuess;
}

function asPercent(v: Quantity, guess: UnitGuess): Quantity {
  const amount = guess === 'points' ? v.amount.div(HUNDRED) : v.amount;
  const decimals = guess === 'points' ? v.decimals : Math.max(0, v.decimals - 2);
  return { ...quantity(amount, '%', decimals), ...(v.double === true ? { double: true as const } : {}) };
}

/**
 * A value without unit (95, or 0,95, in a cell with no percent format) against a target in %: above 1
 * it can only be percentage points (95 is 95%, 2 is 2%), as for weights; up to 1 a fraction (0,95 is
 * 95%). The caller says how it was read. 0 means 0% either way.
 */
export function readAgainstTarget(target: Target, actual: Actual): UnitReading {
  if (target.kind === 'deadline' || target.threshold.unit !== '%' || actual.kind !== 'quantity' || actual.unit !== null) return { actual };
  const v = actual.amount;
  if (v.isZero()) return { actual: asPercent(actual, 'fraction') };
  const guess: UnitGuess = v.abs().greaterThan(1) ? 'points' : 'fraction';
  return { actual: asPercent(actual, guess), guess };
}

/** The avviso on a value read against a % target without its unit. */
export function ambiguousUnitFinding(name: string, cell: string | undefined, read: Actual): Finding {
  const shown = read.kind === 'quantity' ? formatPercent(read.amount) : '';
  return finding('unita-ambigua', cell, `${name}: il valore non ha il segno % ma il target è in percentuale; è stato letto come ${shown}. Scriverlo come percentuale (es. «${shown.replace('%', ' %')}» o con il formato percentuale) per togliere l'ambiguità. L'overshooting non è valutato su questo valore.`);
}
