import { Dec } from './decimal';
import { fail, ok, type Result } from './result';

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
export const SHIPPED_PROFILES: readonly SmvpProfile[] = [MODENA_2024];

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

export function profileToJson(p: SmvpProfile): SmvpProfileJson {
  return {
    name: p.name,
    semaphore: { green: p.semaphore.green.toString(), red: p.semaphore.red.toString() },
    overshootingTolerance: p.overshootingTolerance.toString(),
    weightTolerance: p.weightTolerance.toString(),
    deadline: p.deadline.rule === 'zero' ? { rule: 'zero' } : { rule: 'linear', days: p.deadline.days },
    missingValue: p.missingValue,
    displayDecimals: p.displayDecimals,
    suggestedTarget: p.suggestedTarget,
  };
}

function decimalField(path: string, v: unknown, fallback: Dec): Result<Dec> {
  if (v === undefined) return ok(fallback);
  if ((typeof v !== 'string' && typeof v !== 'number') || String(v).trim() === '') {
    return fail('invalid-profile', `Profilo SMVP: «${path}» deve essere un numero.`);
  }
  try {
    const d = new Dec(v);
    if (d.isFinite() && !d.isNegative()) return ok(d);
  } catch {
    // decimal.js throws on malformed text: reported below like any other bad number
  }
  return fail('invalid-profile', `Profilo SMVP: «${path}» non è un numero valido (${String(v)}).`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads a profile from JSON (text or parsed). Fields left out take the default profile's value, so
 * a stored profile survives the addition of new parameters. Every problem is a typed failure.
 */
export function profileFromJson(input: unknown, base: SmvpProfile = DEFAULT_PROFILE): Result<SmvpProfile> {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input) as unknown;
    } catch {
      return fail('invalid-profile', 'Profilo SMVP: il testo non è JSON valido.');
    }
  }
  if (!isRecord(json)) return fail('invalid-profile', 'Profilo SMVP: atteso un oggetto.');
  const sem = isRecord(json.semaphore) ? json.semaphore : {};
  const green = decimalField('semaphore.green', sem.green, base.semaphore.green);
  if (!green.ok) return green;
  const red = decimalField('semaphore.red', sem.red, base.semaphore.red);
  if (!red.ok) return red;
  const tolerance = decimalField('overshootingTolerance', json.overshootingTolerance, base.overshootingTolerance);
  if (!tolerance.ok) return tolerance;
  const weightTolerance = decimalField('weightTolerance', json.weightTolerance, base.weightTolerance);
  if (!weightTolerance.ok) return weightTolerance;
  if (!red.value.lessThan(green.value) || green.value.greaterThan(1)) {
    return fail('invalid-profile', 'Profilo SMVP: la soglia del rosso deve essere minore di quella del verde (e il verde ≤ 100%).');
  }
  const deadline = readDeadline(json.deadline, base.deadline);
  if (!deadline.ok) return deadline;
  const missingValue = json.missingValue ?? base.missingValue;
  if (missingValue !== 'exclude' && missingValue !== 'zero') {
    return fail('invalid-profile', 'Profilo SMVP: «missingValue» deve essere "exclude" o "zero".');
  }
  const displayDecimals = json.displayDecimals ?? base.displayDecimals;
  if (typeof displayDecimals !== 'number' || !Number.isInteger(displayDecimals) || displayDecimals < 0 || displayDecimals > 10) {
    return fail('invalid-profile', 'Profilo SMVP: «displayDecimals» deve essere un intero tra 0 e 10.');
  }
  const suggestedTarget = json.suggestedTarget ?? base.suggestedTarget;
  if (!SUGGESTION_METHODS.includes(suggestedTarget as SuggestionMethod)) {
    return fail('invalid-profile', 'Profilo SMVP: «suggestedTarget» deve essere "ultimo" o "media".');
  }
  return ok({
    name: typeof json.name === 'string' && json.name.trim() !== '' ? json.name : base.name,
    semaphore: { green: green.value, red: red.value },
    overshootingTolerance: tolerance.value,
    weightTolerance: weightTolerance.value,
    deadline: deadline.value,
    missingValue,
    displayDecimals,
    suggestedTarget: suggestedTarget as SuggestionMethod,
  });
}

function readDeadline(v: unknown, fallback: DeadlineRule): Result<DeadlineRule> {
  if (v === undefined) return ok(fallback);
  if (isRecord(v) && v.rule === 'zero') return ok({ rule: 'zero' });
  if (isRecord(v) && v.rule === 'linear' && typeof v.days === 'number' && Number.isInteger(v.days) && v.days > 0) {
    return ok({ rule: 'linear', days: v.days });
  }
  return fail('invalid-profile', 'Profilo SMVP: «deadline» deve essere {"rule":"zero"} o {"rule":"linear","days":N} con N > 0.');
}
