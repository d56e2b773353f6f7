/** Scorecards: the individual scorecards, read and graded against the Ente tree. May import core to planning. */
export { gradeStrategicObjectives, type EnteObjective, type SchedaContext, type GradedScheda } from './scheda-check';
export { splitObjective, readScheda, type SchedaReading } from './scheda-read';
