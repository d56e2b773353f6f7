import { DEFAULT_PROFILE, ok, ONE, ZERO, type Dec, type Quantity, type Result, type SmvpProfile } from '../core';
import type { DateValue, Target } from '../cells';
import { achievementOfPair, pairUp } from './achievement';

/** One row of the *Dimensioni Performance e Overshooting* annex, at full precision. */
export interface OvershootingOutcome {
  readonly achievement: Dec;
  /** Only higher-is-better quantitative indicators (`>= t`, t > 0) can be in overshooting. */
  readonly eligible: boolean;
  /** v / t, uncapped; null when not eligible. */
  readonly ratio: Dec | null;
  /** ratio − 100%; null when not eligible. */
  readonly excess: Dec | null;
  readonly flagged: boolean;
  /** The annex's VALORE vs TARGET: the ratio when flagged, otherwise the (capped) achievement. */
  readonly valueVsTarget: Dec;
  /** The annex's OVERSHOOTING: the excess when flagged, otherwise 0. */
  readonly overshooting: Dec;
}

/**
 * SMVP §5: in overshooting when the excess over target is above the profile's tolerance (110%). A
 * value whose unit had to be guessed (`unitCertain` false) is never flagged: no flag rests on a guess.
 */
export function overshooting(
  target: Target,
  actual: Quantity | DateValue,
  profile: SmvpProfile = DEFAULT_PROFILE,
  unitCertain = true,
): Result<OvershootingOutcome> {
  const pair = pairUp(target, actual);
  if (!pair.ok) return pair;
  const achievement = achievementOfPair(pair.value, profile).value;
  const p = pair.value;
  const eligible = unitCertain && p.kind === 'atLeast' && p.t.greaterThan(ZERO);
  const ratio = eligible ? p.v.div(p.t) : null;
  const excess = ratio === null ? null : ratio.minus(ONE);
  const flagged = excess !== null && excess.greaterThan(profile.overshootingTolerance);
  return ok({
    achievement,
    eligible,
    ratio,
    excess,
    flagged,
    valueVsTarget: flagged && ratio !== null ? ratio : achievement,
    overshooting: flagged && excess !== null ? excess : ZERO,
  });
}
