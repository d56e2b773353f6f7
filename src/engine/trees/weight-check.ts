import { finding, formatPercent, readingFindingCode, type Dec, type Finding, type Result, type SmvpProfile } from '../core';
import { rollUp, type Weighted } from '../rules';
import { rowNameInMessage, type TreeRow } from './tree';

export interface WeightedRow {
  readonly row: TreeRow;
  readonly weight: Result<Dec>;
}

/**
 * SMVP §3 on the weights of one node's children, for the reports and the planning tree alike: a
 * finding per unreadable weight; with every weight read, one when they are all zero or do not add up
 * to 100% within the profile's tolerance. `parent` names the node in the messages.
 */
export function weightFindings(parent: string, children: readonly WeightedRow[], profile: SmvpProfile): Finding[] {
  const weights: Weighted[] = [];
  const unreadable: Finding[] = [];
  for (const { row, weight } of children) {
    if (weight.ok) weights.push({ weight: weight.value, achievement: null });
    else unreadable.push(finding(readingFindingCode(weight.error, 'peso-illeggibile'), row.addresses?.weight ?? row.addresses?.code, `Peso di ${rowNameInMessage(row)}: ${weight.error.message}`));
  }
  // With a weight unreadable the sum is unknown: its own finding says so, no second one on the sum.
  if (unreadable.length > 0 || children.length === 0) return unreadable;
  const cell = children[0].row.addresses?.weight ?? children[0].row.addresses?.code;
  const sum = rollUp(weights, profile);
  if (!sum.ok) return [finding('peso-illeggibile', cell, `Pesi sotto ${parent}: ${sum.error.message}`)];
  const { weightSum, weightsOk } = sum.value;
  if (weightSum.isZero()) return [finding('pesi-nulli', cell, `I pesi sotto ${parent} sono tutti zero: la media pesata non è calcolabile. Correggere i pesi.`)];
  if (weightsOk) return [];
  const shown = formatPercent(weightSum, profile.displayDecimals);
  return [finding('somma-pesi', cell, `I pesi sotto ${parent} sommano a ${shown} invece di 100%: correggere i pesi (la media è normalizzata sulla loro somma).`, { computed: weightSum })];
}
