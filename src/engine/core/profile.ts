import { Dec } from './decimal';
import { excerpt } from './excerpt';
import {
  exactPercent, integerIn, isRecord, oneOf, plainDecimal, shown, unknownKeys, type JsonProblem,
} from './json-check';
import type { EngineError } from './result';

/** How a late deadline scores: 0 at once, or a linear decay to 0 over `days` days. */
export type DeadlineRule = { readonly rule: 'zero' } | { readonly rule: 'linear'; readonly days: number };

/**
 * Every parameter of the SMVP rules (SMVP.md): one profile per workbook. Fractions are decimals
 * (0.95 is 95%) so that thresholds compare exactly with full-precision achievements.
 */
export interface SmvpProfile {
  readonly name: string;
  /** verde when p ≥ green; rosso when p ≤ red; giallo in between. */
  readonly semaphore: { readonly green: Dec; readonly red: Dec };
  /** An indicator is in overshooting when value/target − 1 is above this. */
  readonly overshootingTolerance: Dec;
  /** Largest accepted distance of sibling weights from 100%. */
  readonly weightTolerance: Dec;
  readonly deadline: DeadlineRule;
  /** A not measurable indicator is left out of its parent's mean, or counted as 0%. */
  readonly missingValue: 'exclude' | 'zero';
  /** Decimals shown for percentages; Integra prints two, rounded half up. */
  readonly displayDecimals: number;
  /** What a suggested target starts from: the last actual value, or the mean of the baseline years. */
  readonly suggestedTarget: SuggestionMethod;
}

export type SuggestionMethod = 'ultimo' | 'media';
export const SUGGESTION_METHODS: readonly SuggestionMethod[] = ['ultimo', 'media'];

export const MODENA_2024: SmvpProfile = {
  name: 'Modena 2024',
  semaphore: { green: new Dec('0.95'), red: new Dec('0.60') },
  overshootingTolerance: new Dec('1.10'),
  weightTolerance: new Dec('0.0001'),
  deadline: { rule: 'zero' },
  missingValue: 'exclude',
  displayDecimals: 2,
  suggestedTarget: 'ultimo',
};

export const DEFAULT_PROFILE = MODENA_2024;

/** The profiles the add-in ships, by name; a workbook may also store its own (profileFromJson). */
const SHIPPED_PROFILES: readonly SmvpProfile[] = [MODENA_2024];

export function profileByName(name: string): SmvpProfile | undefined {
  const wanted = name.trim().toLowerCase();
  return SHIPPED_PROFILES.find((p) => p.name.toLowerCase() === wanted);
}

/** The JSON form: decimals as strings, so nothing is lost to binary floating point. */
export interface SmvpProfileJson {
  name: string;
  semaphore: { green: string; red: string };
  overshootingTolerance: string;
  weightTolerance: string;
  deadline: { rule: 'zero' } | { rule: 'linear'; days: number };
  missingValue: 'exclude' | 'zero';
  displayDecimals: number;
  suggestedTarget: SuggestionMethod;
}

/** Decimals in plain notation, the only one profileFromJson reads (toString would write 1e-7). */
export function profileToJson(p: SmvpProfile): SmvpProfileJson {
  return {
    name: p.name,
    semaphore: { green: p.semaphore.green.toFixed(), red: p.semaphore.red.toFixed() },
    overshootingTolerance: p.overshootingTolerance.toFixed(),
    weightTolerance: p.weightTolerance.toFixed(),
    deadline: p.deadline.rule === 'zero' ? { rule: 'zero' } : { rule: 'linear', days: p.deadline.days },
    missingValue: p.missingValue,
    displayDecimals: p.displayDecimals,
    suggestedTarget: p.suggestedTarget,
  };
}

export type ProfileProblem = JsonProblem;

/**
 * A Result whose failure also lists every problem with its JSON path; `error.message` joins them all,
 * for whoever shows one message (a workbook's damaged profile, a custom function's #VALUE!).
 */
export type ProfileResult =
  | { readonly ok: true; readonly value: SmvpProfile }
  | { readonly ok: false; readonly error: EngineError; readonly errors: readonly ProfileProblem[] };

function rejected(errors: readonly ProfileProblem[]): ProfileResult {
  const listed = errors.map((e) => (e.path === '' ? e.message : `${e.path}: ${e.message}`)).join('; ');
  return { ok: false, error: { code: 'invalid-profile', message: `Profilo SMVP non valido: ${listed}` }, errors };
}

const KEYS = ['name', 'semaphore', 'overshootingTolerance', 'weightTolerance', 'deadline', 'missingValue', 'displayDecimals', 'suggestedTarget'] as const satisfies ReadonlyArray<keyof SmvpProfileJson>;

/** A decimal parameter's rule: the test, and its statement as the messages give it. */
interface DecimalRule {
  readonly holds: (d: Dec) => boolean;
  readonly what: string;
  readonly rule: string;
}

/**
 * rosso above 0%, or rosso would be 0% alone (with a tiny verde, everything verde); verde at most 100%,
 * so 100% is verde; rosso below verde, so giallo lies between. Each threshold, then the two together.
 */
const SEMAPHORE_RULE = '0% < rosso < verde ≤ 100%';
const GREEN: DecimalRule = { holds: (d) => d.greaterThan(0) && d.lessThanOrEqualTo(1), what: 'verde', rule: SEMAPHORE_RULE };
const RED: DecimalRule = { holds: (d) => d.greaterThan(0) && d.lessThan(1), what: 'rosso', rule: SEMAPHORE_RULE };

/**
 * The tolerance is compared with value/target − 1 (overshooting.ts): 110% flags values above 210% of
 * target. At 0 every target merely exceeded would be in overshooting; above 1000% (eleven times the
 * target) the check is in effect off, while the 2024 annex flags excesses from 144% to 1250%.
 */
const OVERSHOOTING: DecimalRule = { holds: (d) => d.greaterThan(0) && d.lessThanOrEqualTo(10), what: 'tolleranza', rule: '0% < tolleranza ≤ 1000%' };

/**
 * Weights are printed with two decimals: rounding moves their sum by hundredths of a point, so a gap
 * above one point is a real mistake, and a larger tolerance (at 100, none is ever seen) would hide it.
 */
const WEIGHTS: DecimalRule = { holds: (d) => !d.isNegative() && d.lessThanOrEqualTo('0.01'), what: 'scarto', rule: '0% ≤ scarto ≤ 1% (1 punto percentuale)' };

/** A late deadline decays over at most a year, the length of the performance cycle. */
const MAX_DEADLINE_DAYS = 366;
/** Integra prints two; six already show a percentage to a millionth of a point. */
const MAX_DISPLAY_DECIMALS = 6;

const DEADLINE_RULES = ['zero', 'linear'] as const;
const MISSING_VALUES = ['exclude', 'zero'] as const;

/** The decimal at `path`; undefined, with a problem, when not in plain decimal notation or out of its rule. */
function readDecimal(problems: ProfileProblem[], path: string, v: unknown, rule: DecimalRule): Dec | undefined {
  const d = plainDecimal(v);
  if (d === null) {
    problems.push({ path, message: `deve essere un numero in notazione decimale semplice, come "0.95" per 95%, non ${shown(v)}.` });
    return undefined;
  }
  if (rule.holds(d)) return d;
  problems.push({ path, message: `${rule.what} ${excerpt(exactPercent(d))} fuori regola: serve ${rule.rule}.` });
  return undefined;
}

/** Either threshold may be left out: it is the base's, and still ordered against the other. */
function readSemaphore(problems: ProfileProblem[], v: unknown, base: SmvpProfile['semaphore']): SmvpProfile['semaphore'] | undefined {
  if (!isRecord(v)) {
    problems.push({ path: 'semaphore', message: `deve essere un oggetto {"green": …, "red": …}, non ${shown(v)}.` });
    return undefined;
  }
  problems.push(...unknownKeys(v, ['green', 'red'], 'semaphore'));
  const green = v.green === undefined ? base.green : readDecimal(problems, 'semaphore.green', v.green, GREEN);
  const red = v.red === undefined ? base.red : readDecimal(problems, 'semaphore.red', v.red, RED);
  if (green === undefined || red === undefined) return undefined;
  if (red.lessThan(green)) return { green, red };
  problems.push({ path: 'semaphore', message: `rosso ${excerpt(exactPercent(red))} non è minore del verde ${excerpt(exactPercent(green))}: serve ${SEMAPHORE_RULE}.` });
  return undefined;
}

function readDeadline(problems: ProfileProblem[], v: unknown): DeadlineRule | undefined {
  if (!isRecord(v)) {
    problems.push({ path: 'deadline', message: `deve essere {"rule": "zero"} o {"rule": "linear", "days": N}, non ${shown(v)}.` });
    return undefined;
  }
  problems.push(...unknownKeys(v, ['rule', 'days'], 'deadline'));
  const rule = oneOf(problems, 'deadline.rule', v.rule, DEADLINE_RULES);
  if (rule === 'zero') {
    if (v.days === undefined) return { rule };
    problems.push({ path: 'deadline.days', message: 'vale solo con "rule": "linear".' });
  } else if (rule === 'linear') {
    const days = integerIn(problems, 'deadline.days', v.days, 1, MAX_DEADLINE_DAYS);
    if (days !== undefined) return { rule, days };
  }
  return undefined;
}

function readName(problems: ProfileProblem[], v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim() !== '') return v;
  problems.push({ path: 'name', message: `deve essere un testo non vuoto, non ${shown(v)}.` });
  return undefined;
}

/**
 * Reads a profile from JSON (text or parsed) and checks it as a whole: every key known, every number
 * in plain decimal notation, every parameter within its rule. Fields left out take `base`'s value, so
 * a stored profile survives the addition of new parameters; a field present but wrong is never
 * replaced. Every problem is reported, each with its path.
 */
export function profileFromJson(input: unknown, base: SmvpProfile = DEFAULT_PROFILE): ProfileResult {
  const text = typeof input === 'string' ? parseJson(input) : { json: input };
  if (text === undefined) return rejected([{ path: '', message: 'il testo non è JSON valido.' }]);
  const json = text.json;
  if (!isRecord(json)) return rejected([{ path: '', message: `atteso un oggetto JSON {…}, non ${shown(json)}.` }]);
  const problems = unknownKeys(json, KEYS, '');
  // A field left out is the base's; one present is read, and is undefined when it has a problem.
  const field = <K extends keyof SmvpProfile>(key: K, read: (v: unknown) => SmvpProfile[K] | undefined) => (json[key] === undefined ? base[key] : read(json[key]));
  const profile = {
    name: field('name', (v) => readName(problems, v)),
    semaphore: field('semaphore', (v) => readSemaphore(problems, v, base.semaphore)),
    overshootingTolerance: field('overshootingTolerance', (v) => readDecimal(problems, 'overshootingTolerance', v, OVERSHOOTING)),
    weightTolerance: field('weightTolerance', (v) => readDecimal(problems, 'weightTolerance', v, WEIGHTS)),
    deadline: field('deadline', (v) => readDeadline(problems, v)),
    missingValue: field('missingValue', (v) => oneOf(problems, 'missingValue', v, MISSING_VALUES)),
    displayDecimals: field('displayDecimals', (v) => integerIn(problems, 'displayDecimals', v, 0, MAX_DISPLAY_DECIMALS)),
    suggestedTarget: field('suggestedTarget', (v) => oneOf(problems, 'suggestedTarget', v, SUGGESTION_METHODS)),
  };
  return problems.length === 0 && isComplete(profile) ? { ok: true, value: profile } : rejected(problems);
}

function parseJson(text: string): { readonly json: unknown } | undefined {
  try {
    return { json: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** True when no field was left undefined by a problem. */
function isComplete(p: { [K in keyof SmvpProfile]: SmvpProfile[K] | undefined }): p is SmvpProfile {
  return Object.values(p).every((v) => v !== undefined);
}
