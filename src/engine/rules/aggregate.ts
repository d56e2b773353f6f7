import { DEFAULT_PROFILE, fail, type Result, type SmvpProfile } from '../core';
import { isBlankCell, parseAchievementCell, parseWeight, type CellLike } from '../cells';
import { rollUp, type Rollup, type Weighted } from './rollup';

/** A weight and an achievement side by side, with where they are (for messages). */
export interface WeightedCell {
  readonly weight: CellLike;
  readonly value: CellLike;
  readonly place: string;
}

/**
 * The SMVP weighted mean (§3) of cells as users lay them out: pairs blank on both sides are skipped
 * (the rows between groups), a value without a weight is an error, and a missing value (N/D) counts
 * as the profile says.
 */
export function aggregateCells(cells: readonly WeightedCell[], profile: SmvpProfile = DEFAULT_PROFILE): Result<Rollup> {
  const children: Weighted[] = [];
  for (const { weight, value, place } of cells) {
    if (isBlankCell(weight) && isBlankCell(value)) continue;
    const w = parseWeight(weight);
    if (!w.ok) return fail(w.error.code, `${w.error.message} (${place})`);
    const p = parseAchievementCell(value);
    if (!p.ok) return fail(p.error.code, `${p.error.message} (${place})`);
    children.push({ weight: w.value, achievement: p.value });
  }
  if (children.length === 0) return fail('empty', 'Nessuna coppia peso-valore da aggregare.');
  return rollUp(children, profile);
}
