import { Dec, fail, formatQuantity, ok, quantity, type Quantity, type Result, type SuggestionMethod } from '../core';
import { formatDate, type Actual, type Target } from '../cells';

/**
 * A target no easier than the past results: the last actual value or the mean of the baseline
 * years (profile), rounded to the decimals the figures are written with, towards the demanding side
 * (up for `>=`, down for `<=`), and never easier than the current target.
 */
export function suggestTarget(baselines: readonly Actual[], current: Target, method: SuggestionMethod): Result<Target> {
  if (current.kind !== 'atLeast' && current.kind !== 'atMost') {
    return fail('no-suggestion', 'Nessun target suggerito: solo i target «>=» e «<=» si confrontano con la baseline.');
  }
  const unit = current.threshold.unit;
  const past = baselines.filter((b): b is Quantity => b.kind === 'quantity');
  if (past.length === 0) return fail('no-baseline', 'Nessun target suggerito: nessun valore di baseline leggibile.');
  if (past.some((b) => b.unit !== null && unit !== null && b.unit !== unit)) {
    return fail('incompatible-units', 'Nessun target suggerito: la baseline e il target hanno unità diverse.');
  }
  const used = method === 'ultimo' ? past.slice(-1) : past;
  const reference = used.reduce((sum, b) => sum.plus(b.amount), new Dec(0)).div(used.length);
  const decimals = Math.max(current.threshold.decimals, ...used.map((b) => b.decimals));
  // A percentage's decimals are those of its points: the fraction has two more.
  const places = unit === '%' ? decimals + 2 : decimals;
  const atLeast = current.kind === 'atLeast';
  const rounded = reference.toDecimalPlaces(places, atLeast ? Dec.ROUND_CEIL : Dec.ROUND_FLOOR);
  const threshold = current.threshold.amount;
  const demanding = atLeast ? Dec.max(rounded, threshold) : Dec.min(rounded, threshold);
  return ok({ kind: current.kind, threshold: quantity(demanding, unit, decimals) });
}

const OPERATOR_TEXT: Readonly<Record<'atLeast' | 'atMost' | 'equal', string>> = { atLeast: '>= ', atMost: '<= ', equal: '' };

/** A target as Integra writes it: ">= 405 N.", "<= -19 gg", "100,00 %", "Entro 30-06-2025". */
export function formatTarget(target: Target): string {
  if (target.kind === 'deadline') return `Entro ${formatDate(target.date)}`;
  return OPERATOR_TEXT[target.kind] + formatQuantity(target.threshold, target.threshold.decimals);
}
