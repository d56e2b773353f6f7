/**
 * Custom functions PERF.*: thin wrappers over the engine, registered in the shared runtime.
 * English metadata (functions.json) is generated from these JSDoc blocks at build time; the Italian
 * names and descriptions (functions-it.json) come from functions.it.json.
 * Parameters are `any`: Excel hands over text, numbers, booleans or null, and also rich values (data
 * types) and errors, which excel-values.ts reads or refuses before the engine reads the rest.
 */
import {
  achievement,
  DEFAULT_PROFILE,
  evaluateIndicator,
  rollUp,
  formatTarget,
  parseActual,
  suggestTarget,
  type Actual,
  aggregateCells,
  deviation,
  evaluateMeasures,
  overshooting,
  semaforo,
  valueToTarget,
  parseAchievementCell,
  parseFractionCell,
  profileFromJson,
  profileToJson,
  type CellScalar,
  type Dec,
  type MeasuresValue,
  type SmvpProfile,
  type Weighted,
  type WeightedCell,
} from '../engine';
import {
  excelError, firstCell, matrix, orValueError, placeInRange, readActual, readLiveAchievement, readLiveWeight, readProfile, readSuggestionMethod, readTarget,
} from './excel-values';

/**
 * Achievement of an indicator under the SMVP, as a fraction between 0 and 1.
 * @customfunction RAGGIUNGIMENTO ACHIEVEMENT
 * @param target The target, e.g. ">= 1.000 N.", "<= 2 gg", "Entro 30-06-2024".
 * @param actual The actual value: Integra text, a number, a date or a percentage.
 * @param [profile] SMVP profile: its name or its parameters as JSON (default: Modena 2024).
 * @returns The achievement (format the cell as a percentage).
 */
export function perfAchievement(target: any, actual: any, profile?: any): number {
  const outcome = orValueError(achievement(readTarget(target), readActual(actual), readProfile(profile)));
  if (outcome.kind === 'notMeasurable') throw excelError('notAvailable', 'Valore non disponibile: indicatore non misurabile.');
  return outcome.value.toNumber();
}

/**
 * Actual value over target, not capped at 100%. Empty for deadlines and zero targets.
 * @customfunction RAPPORTO RATIO
 * @param target The target, e.g. ">= 30 N.".
 * @param actual The actual value.
 * @returns The ratio (format the cell as a percentage), or an empty text.
 */
export function perfRatio(target: any, actual: any): number | string {
  const ratio = orValueError(valueToTarget(readTarget(target), readActual(actual)));
  return ratio === null ? '' : ratio.toNumber();
}

/**
 * Weighted mean of achievements under the SMVP (weights normalised by their sum).
 * @customfunction AGGREGA ROLLUP
 * @param weights The weights: fractions, percentages or text such as "33,33%".
 * @param values The achievements, in a range of the same shape as the weights.
 * @returns The weighted achievement (format the cell as a percentage).
 */
export function perfRollup(weights: any[][], values: any[][]): number {
  const w = matrix(weights, 'pesi');
  const v = matrix(values, 'valori');
  const shape = (m: unknown[][]) => `${m.length}×${m[0]?.length ?? 0}`;
  if (w.length !== v.length || w.some((row, r) => row.length !== v[r].length)) {
    throw excelError('value', `Pesi e valori devono avere la stessa forma: pesi ${shape(w)}, valori ${shape(v)}.`);
  }
  const cells: WeightedCell[] = w.flatMap((row, r) =>
    row.map((weight, c) => ({ weight, value: v[r][c], place: placeInRange(r, c) })),
  );
  const rollup = orValueError(aggregateCells(cells));
  if (rollup.value === null) throw excelError('notAvailable', 'Nessun valore misurabile da aggregare.');
  return rollup.value.toNumber();
}

/**
 * Achievement of an indicator as the SMVP recomputation reads its report row: from its measures when
 * they can be read, else from its value. For the live column (Ricalcolato SMVP).
 * @customfunction INDICATORE INDICATOR
 * @param target The target, e.g. ">= 1.000 N.".
 * @param actual The value as the report states it.
 * @param [measures] The measures (Valori misure), e.g. "8.270 N. / 630,56 N.": when readable, the value is computed from them.
 * @param [valueFormat] "%" when the value cell is formatted as a percentage (a function sees the number, not its format).
 * @param [profile] SMVP profile: its name or its parameters as JSON (default: Modena 2024).
 * @returns The achievement (format the cell as a percentage); #N/A when the value is missing.
 */
export function perfIndicator(target: any, actual: any, measures?: any, valueFormat?: any, profile?: any): number {
  const format = firstCell(valueFormat, 'formato_valore');
  const value = firstCell(actual, 'valore');
  const percent = typeof format === 'string' && format.includes('%');
  const row = {
    level: 'indicatore' as const,
    code: '',
    label: '',
    target: firstCell(target, 'target'),
    value: percent && typeof value === 'number' ? { value, numberFormat: '0%' } : value,
    measures: measuresCell(firstCell(measures, 'valori_misure')),
  };
  const outcome = orValueError(evaluateIndicator(row, readProfile(profile)).outcome);
  if (outcome.kind === 'notMeasurable') throw excelError('notAvailable', 'Valore non disponibile: indicatore non misurabile.');
  return outcome.value.toNumber();
}

/** Measures are text: a bare 0 is an empty cell, which Excel on Windows hands to a function as 0 (OfficeDev/office-js issue 4702). */
const measuresCell = (cell: CellScalar): CellScalar => (cell === 0 ? null : cell);

/**
 * Weighted mean of a node's children as the SMVP recomputation makes it: weight and achievement cell
 * of each child in turn, wherever they are; a child whose achievement is missing or an error counts
 * as the profile says, one whose weight cannot be read is left out.
 * @customfunction MEDIA_PESATA WEIGHTEDMEAN
 * @param weightsAndValues Weight, achievement, weight, achievement, …; an odd last argument is the SMVP profile.
 * @returns The weighted achievement (format the cell as a percentage); #N/A when no child can be measured.
 */
export function perfWeightedMean(weightsAndValues: any[]): number {
  const args = [...weightsAndValues];
  const profile = args.length % 2 === 1 ? readProfile(args.pop()) : DEFAULT_PROFILE;
  const children: Weighted[] = [];
  for (let i = 0; i < args.length; i += 2) {
    const weight = readLiveWeight(args[i], i / 2 + 1);
    if (weight !== null) children.push({ weight, achievement: readLiveAchievement(args[i + 1], i / 2 + 1) });
  }
  const rollup = orValueError(rollUp(children, profile));
  if (rollup.value === null) throw excelError('notAvailable', 'Nessun figlio misurabile.');
  return rollup.value.toNumber();
}

/**
 * Semaphore of an achievement under the SMVP: verde, giallo or rosso.
 * @customfunction SEMAFORO TRAFFICLIGHT
 * @param achieved The achievement: a fraction, a percentage or text such as "96,77 %".
 * @param [profile] SMVP profile: its name or its parameters as JSON (default: Modena 2024).
 * @returns verde, giallo or rosso.
 */
export function perfTrafficLight(achieved: any, profile?: any): string {
  const p = orValueError(parseAchievementCell(firstCell(achieved, 'raggiungimento')));
  if (p === null) throw excelError('notAvailable', 'Raggiungimento non disponibile.');
  return semaforo(p, readProfile(profile));
}

/** The default profile with the tolerance given, checked by the profile's own rule (0% < tolleranza ≤ 1000%). */
function withTolerance(tolerance: Dec): SmvpProfile {
  const r = profileFromJson({ ...profileToJson(DEFAULT_PROFILE), overshootingTolerance: tolerance.toFixed() });
  if (!r.ok) throw excelError('value', `Tolleranza non valida: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.value;
}

/**
 * Excess of the actual value over the target when beyond the tolerance, else 0.
 * @customfunction OVERSHOOTING OVERSHOOTING
 * @param target The target, e.g. ">= 30 N.".
 * @param actual The actual value.
 * @param [tolerance] Excess tolerated before overshooting, e.g. 110% (default: the profile's).
 * @returns The excess (format the cell as a percentage), or 0.
 */
export function perfOvershooting(target: any, actual: any, tolerance?: any): number {
  const t = firstCell(tolerance, 'tolleranza');
  const profile = t === null || t === undefined || t === '' ? DEFAULT_PROFILE : withTolerance(orValueError(parseFractionCell(t, 'Tolleranza')));
  return orValueError(overshooting(readTarget(target), readActual(actual), profile)).overshooting.toNumber();
}

/**
 * Deviation of the actual value from the target, in the target's unit (days for deadlines).
 * @customfunction SCOSTAMENTO DEVIATION
 * @param target The target, e.g. "<= 2 gg" or "Entro 30-06-2024".
 * @param actual The actual value.
 * @returns Actual minus target; for a deadline, the days late (negative when early).
 */
export function perfDeviation(target: any, actual: any): number {
  return orValueError(deviation(readTarget(target), readActual(actual))).amount.toNumber();
}

/**
 * Actual value computed from its measures, as Integra prints them.
 * @customfunction CONSUNTIVO ACTUAL
 * @param measures The measures, e.g. "8.270 N. / 630,56 N." or "(15.248 N. - 18.283 N.) / 18.283 N.".
 * @returns The value (percentages as fractions, dates as date serials).
 */
export function perfActual(measures: any): number {
  const m = firstCell(measures, 'valori_misure');
  if (typeof m === 'number') return m;
  if (typeof m !== 'string' || m.trim() === '') throw excelError('value', 'Valori misure mancanti: indicare ad es. "8.270 N. / 630,56 N.".');
  const value: MeasuresValue = orValueError(evaluateMeasures(m));
  return value.kind === 'date' ? value.serial : value.amount.toNumber();
}

/**
 * A target no easier than past results: the last baseline or their mean, rounded to the figures'
 * decimals towards the demanding side, never easier than the current target.
 * @customfunction TARGET_SUGGERITO SUGGESTEDTARGET
 * @param baseline The baseline values, oldest first (empty cells and N/D are skipped).
 * @param target The current target, e.g. ">= 12 N.": gives the operator and the unit.
 * @param [method] "ultimo" (the last value, default) or "media" (the mean of the values); also "last", "mean".
 * @returns The suggested target as Integra writes it, e.g. ">= 19,14 N.".
 */
export function perfSuggestedTarget(baseline: any[][], target: any, method?: any): string {
  const values: Actual[] = matrix(baseline, 'baseline').flatMap((row, r) =>
    row.flatMap((cell, c) => {
      const read = parseActual(cell);
      if (!read.ok) throw excelError('value', `«baseline», ${placeInRange(r, c)}: ${read.error.message}`);
      return read.value.kind === 'missing' ? [] : [read.value];
    }),
  );
  return formatTarget(orValueError(suggestTarget(values, readTarget(target, 'target_attuale'), readSuggestionMethod(method))));
}
