import { Dec, HUNDRED } from './decimal';
import { fail, ok, type Result } from './result';
import { excerpt } from './excerpt';
import { MAX_NUMBER_DIGITS } from './limits';

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

const UNIT_WORDS: ReadonlyArray<readonly [RegExp, Unit]> = [
  [/^n\.?$/i, 'N'],
  [/^num\.?$/i, 'N'],
  [/^%$/, '%'],
  [/^(€|euro|eur)$/i, '€'],
  [/^(gg\.?|giorni|giorno)$/i, 'gg'],
  [/^(h|ore|ora)$/i, 'h'],
];

export function parseUnit(text: string): Unit | undefined {
  const t = text.trim();
  return UNIT_WORDS.find(([re]) => re.test(t))?.[1];
}

/** Italian number: optional sign, thousands with "." in groups of three, decimals after ",". */
export const ITALIAN_NUMBER = /[+\-−]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?/y;

export interface ParsedNumber {
  readonly amount: Dec;
  readonly decimals: number;
}

/** Reads an Italian number that fills the whole text, e.g. "-24,31" or "18.231.161.719,00". */
export function parseItalianNumber(text: string): Result<ParsedNumber> {
  const t = text.trim();
  ITALIAN_NUMBER.lastIndex = 0;
  const m = ITALIAN_NUMBER.exec(t);
  if (m === null || m[0].length !== t.length) {
    const hint = /^\d+\.\d{1,2}$/.test(t) ? ' Usare la virgola per i decimali (es. 13,12).' : '';
    return fail('invalid-number', `Numero non leggibile: «${excerpt(t)}».${hint}`);
  }
  const digits = m[0].replace(/\D/g, '').length;
  if (digits > MAX_NUMBER_DIGITS) return fail('too-many-digits', `Numero di ${digits} cifre (al massimo ${MAX_NUMBER_DIGITS}): «${excerpt(t)}».`);
  return ok(numberFromMatch(m[0]));
}

export function numberFromMatch(matched: string): ParsedNumber {
  const normalised = matched.replace('−', '-').replace(/\./g, '').replace(',', '.');
  const comma = matched.indexOf(',');
  return { amount: new Dec(normalised), decimals: comma < 0 ? 0 : matched.length - comma - 1 };
}

const UNIT_SUFFIX = /\s*(n\.?|num\.?|%|€|euro|eur|gg\.?|giorni|giorno|h|ore|ora)$/i;
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
