import { Dec, HUNDRED } from './decimal';
import { excerpt } from './excerpt';
import { MAX_NUMBER_DIGITS } from './limits';
import { fail, ok, type Result } from './result';

export type Unit = 'N' | '%' | '€' | 'gg' | 'h';

/**
 * A number with its unit. Percentages are always fractions here (96,77 % is 0.9677); `decimals`
 * is how many decimals were written, so a validator can tell a rounding difference from an error.
 */
export interface Quantity {
  readonly kind: 'quantity';
  readonly amount: Dec;
  readonly unit: Unit | null;
  readonly decimals: number;
  /** An Excel number computed at double precision: it stands for the exact figure within that precision. */
  readonly double?: true;
}

/** `decimals` of a computed quantity: it carries the engine's full precision. */
export const FULL_PRECISION = 40;

export function quantity(amount: Dec, unit: Unit | null, decimals = 0): Quantity {
  return { kind: 'quantity', amount, unit, decimals };
}

/**
 * Every way a unit is written, one list for every reader (values, targets, measures): a pattern and
 * its unit, longer spellings first so that «num.» is not read as «n» followed by «um.».
 */
const UNIT_SPELLINGS: ReadonlyArray<readonly [string, Unit]> = [
  ['num\\.?', 'N'],
  ['n\\.?', 'N'],
  ['%', '%'],
  ['€', '€'],
  ['euro', '€'],
  ['eur', '€'],
  ['giorni', 'gg'],
  ['giorno', 'gg'],
  ['gg\\.?', 'gg'],
  ['ore', 'h'],
  ['ora', 'h'],
  ['h', 'h'],
];
const UNIT_PATTERN = UNIT_SPELLINGS.map(([s]) => s).join('|');
const UNIT_ALONE = UNIT_SPELLINGS.map(([s, unit]) => [new RegExp(`^(?:${s})$`, 'i'), unit] as const);

function parseUnit(text: string): Unit | undefined {
  const t = text.trim();
  return UNIT_ALONE.find(([re]) => re.test(t))?.[1];
}

// Sticky and private to this module: every use sets lastIndex right before its exec, so no state leaks.
const UNIT_AT = new RegExp(`\\s*(${UNIT_PATTERN})(?![a-z])`, 'iy');

/** The unit written at `index` of a measures expression (after a number), not followed by a letter. */
export function unitAt(text: string, index: number): { readonly unit: Unit; readonly length: number } | undefined {
  UNIT_AT.lastIndex = index;
  const m = UNIT_AT.exec(text);
  const unit = m === null ? undefined : parseUnit(m[1]);
  return m === null || unit === undefined ? undefined : { unit, length: m[0].length };
}

/** Italian number: optional sign, thousands with "." in groups of three, decimals after ",". */
const ITALIAN_NUMBER = /[+\-−]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?/y;

/** The Italian number written at `index` of a text, as matched. */
export function italianNumberAt(text: string, index: number): string | undefined {
  ITALIAN_NUMBER.lastIndex = index;
  return ITALIAN_NUMBER.exec(text)?.[0];
}

export interface ParsedNumber {
  readonly amount: Dec;
  readonly decimals: number;
}

/** Reads an Italian number that fills the whole text, e.g. "-24,31" or "18.231.161.719,00". */
export function parseItalianNumber(text: string): Result<ParsedNumber> {
  const t = text.trim();
  const matched = italianNumberAt(t, 0);
  if (matched === undefined || matched.length !== t.length) {
    const hint = /^\d+\.\d{1,2}$/.test(t) ? ' Usare la virgola per i decimali (es. 13,12).' : '';
    return fail('invalid-number', `Numero non leggibile: «${excerpt(t)}».${hint}`);
  }
  const digits = matched.replace(/\D/g, '').length;
  if (digits > MAX_NUMBER_DIGITS) return fail('too-many-digits', `Numero di ${digits} cifre (al massimo ${MAX_NUMBER_DIGITS}): «${excerpt(t)}».`);
  return ok(numberFromMatch(matched));
}

export function numberFromMatch(matched: string): ParsedNumber {
  const normalised = matched.replace('−', '-').replace(/\./g, '').replace(',', '.');
  const comma = matched.indexOf(',');
  return { amount: new Dec(normalised), decimals: comma < 0 ? 0 : matched.length - comma - 1 };
}

const UNIT_SUFFIX = new RegExp(`\\s*(${UNIT_PATTERN})$`, 'i');
const UNIT_PREFIX = /^(€|eur|euro)\s*/i;

/**
 * Reads a quantity written as Integra prints it: "1.250 N.", "96,77 %", "-24,31 gg",
 * "18.231.161.719,00 €", "€ 1.000", or a bare number.
 */
export function parseQuantityText(text: string): Result<Quantity> {
  let t = text.trim().replace(/\u00a0/g, ' ');
  let unit: Unit | null = null;
  const prefix = UNIT_PREFIX.exec(t);
  const suffix = prefix === null ? UNIT_SUFFIX.exec(t) : null;
  if (prefix !== null) {
    unit = '€';
    t = t.slice(prefix[0].length);
  } else if (suffix !== null) {
    unit = parseUnit(suffix[1]) ?? null;
    t = t.slice(0, suffix.index);
  }
  const n = parseItalianNumber(t);
  if (!n.ok) {
    return t === '' ? fail('invalid-number', `Manca il numero in «${excerpt(text.trim())}».`) : n;
  }
  const { amount, decimals } = n.value;
  return ok(unit === '%' ? quantity(amount.div(HUNDRED), '%', decimals) : quantity(amount, unit, decimals));
}
