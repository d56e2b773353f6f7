import { Dec, HUNDRED } from './decimal';
import type { Quantity } from './quantity';

/** Rounds for display only: half up, as Integra prints. */
function roundHalfUp(d: Dec, decimals: number): Dec {
  return d.toDecimalPlaces(decimals, Dec.ROUND_HALF_UP);
}

function italianDigits(d: Dec, decimals: number, grouping: boolean): string {
  const fixed = roundHalfUp(d, decimals).toFixed(decimals);
  const negative = fixed.startsWith('-');
  const [int, frac] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = grouping ? int.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : int;
  const sign = negative && !/^[0.,]*$/.test(int + (frac ?? '')) ? '-' : '';
  return sign + grouped + (frac === undefined ? '' : `,${frac}`);
}

/** "99,62%" from 0.99617…; no thousands separator, as in Integra ("1350,00%"). */
export function formatPercent(fraction: Dec, decimals = 2): string {
  return `${italianDigits(fraction.times(HUNDRED), decimals, false)}%`;
}

/**
 * Two percentages side by side in a message, with enough decimals to tell them apart (at least
 * `decimals`, at most six more): never «dichiarato 96,77%, ricalcolato 96,77%».
 */
export function formatPercentPair(a: Dec, b: Dec, decimals = 2): readonly [string, string] {
  let d = decimals;
  while (d < decimals + 6 && formatPercent(a, d) === formatPercent(b, d)) d += 1;
  return [formatPercent(a, d), formatPercent(b, d)];
}

/** "18.231.161.719,00" */
export function formatNumber(d: Dec, decimals = 2): string {
  return italianDigits(d, decimals, true);
}

/** "1.250,00 N.", "96,77 %", "-24,31 gg", "18.231.161.719,00 €" */
export function formatQuantity(q: Pick<Quantity, 'amount' | 'unit'>, decimals = 2): string {
  switch (q.unit) {
    case '%':
      return `${formatNumber(q.amount.times(HUNDRED), decimals)} %`;
    case 'N':
      return `${formatNumber(q.amount, decimals)} N.`;
    case null:
      return formatNumber(q.amount, decimals);
    default:
      return `${formatNumber(q.amount, decimals)} ${q.unit}`;
  }
}

/** The text with its first letter upper case: a name that opens a sentence or a heading. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A count with its noun in agreement: "1 errore", "2 errori", "0 errori". */
export function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
