/** Rules: the SMVP rules on figures already read (achievement, roll-up, semaphore, overshooting, deviation). May import core and cells. */
export {
  pairUp, daysLate, achievementOfPair, achievement, type Measured, type Outcome, type Pair,
} from './achievement';
export { aggregateCells, type WeightedCell } from './aggregate';
export { deviation, type Deviation } from './deviation';
export { overshooting, type OvershootingOutcome } from './overshooting';
export { rollUp, type Weighted, type Rollup } from './rollup';
export { semaforo, SEMAPHORE_FILLS, type Semaforo } from './semaphore';
export { valueToTarget } from './value-to-target';
