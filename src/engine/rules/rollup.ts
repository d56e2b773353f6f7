import { Dec, DEFAULT_PROFILE, fail, ok, ONE, ZERO, type Result, type SmvpProfile } from '../core';

export interface Weighted {
  readonly weight: Dec;
  /** null: not measurable (left out, or counted as 0%, as the profile says). */
  readonly achievement: Dec | null;
}

export interface Rollup {
  /** Σ wᵢ·pᵢ / Σ wᵢ over the children that count; null when none can be measured. */
  readonly value: Dec | null;
  readonly weightSum: Dec;
  /** Whether Σ wᵢ is 100% within the profile's tolerance (33,33 + 33,33 + 33,34 is). */
  readonly weightsOk: boolean;
  /** Children left out because not measurable. */
  readonly excluded: number;
}

/** SMVP §3: the weighted mean of the children, normalised by the sum of their weights. */
export function rollUp(children: readonly Weighted[], profile: SmvpProfile = DEFAULT_PROFILE): Result<Rollup> {
  let weightSum = ZERO;
  let countedWeight = ZERO;
  let weightedSum = ZERO;
  let counted = 0;
  let excluded = 0;
  for (const { weight, achievement } of children) {
    if (weight.isNegative() || !weight.isFinite()) {
      return fail('invalid-weight', `Peso non valido: ${weight.toString()}.`);
    }
    weightSum = weightSum.plus(weight);
    const p = achievement ?? (profile.missingValue === 'zero' ? ZERO : null);
    if (p === null) {
      excluded += 1;
      continue;
    }
    counted += 1;
    countedWeight = countedWeight.plus(weight);
    weightedSum = weightedSum.plus(weight.times(p));
  }
  const weightsOk = weightSum.minus(ONE).abs().lessThanOrEqualTo(profile.weightTolerance);
  if (counted === 0) return ok({ value: null, weightSum, weightsOk, excluded });
  if (countedWeight.isZero()) return fail('zero-weights', 'Tutti i pesi sono zero: la media pesata non è calcolabile.');
  return ok({ value: weightedSum.div(countedWeight), weightSum, weightsOk, excluded });
}
