/** What reading a profile's JSON needs, field by field: its rules are in profile.ts. */
import { Dec } from './decimal';
import { excerpt } from './excerpt';
import { formatPercent } from './format';

/** One problem of a JSON document: where it is (`semaphore.green`; '' for the whole document) and what, in Italian. */
export interface JsonProblem {
  readonly path: string;
  readonly message: string;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function pathOf(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/** Plain decimal notation only: decimal.js alone would also read hex, binary, exponents, Infinity and NaN. */
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/** A number written in plain decimal notation, as text ("0.95") or as a JSON number that prints so (0.95, not 1e-7); else null. */
export function plainDecimal(v: unknown): Dec | null {
  const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : null;
  return text !== null && PLAIN_DECIMAL.test(text) ? new Dec(text) : null;
}

/** A rejected value for a message: text in quotes ("Exclude"), 1.5, null, and objects and arrays only by their kind. */
export function shown(v: unknown): string {
  if (typeof v === 'string') return excerpt(JSON.stringify(v));
  if (typeof v === 'object' && v !== null) return Array.isArray(v) ? '[…]' : '{…}';
  return excerpt(String(v));
}

/** A fraction as a percentage with every decimal it has (at least `minDecimals`): "60%", "0,01%", "1000,01%". */
export function exactPercent(d: Dec, minDecimals = 0): string {
  return formatPercent(d, Math.max(minDecimals, d.decimalPlaces() - 2));
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}

/** The known word `word` was probably meant to be: the same in another case, or with at most a third of its letters wrong. */
export function closest(word: string, known: readonly string[]): string | undefined {
  let best: { word: string; distance: number } | undefined;
  for (const k of known) {
    const distance = editDistance(word.toLowerCase(), k.toLowerCase());
    if (distance <= Math.max(1, Math.floor(k.length / 3)) && (best === undefined || distance < best.distance)) best = { word: k, distance };
  }
  return best?.word;
}

/** A problem for each key of `obj` outside `known`, suggesting the known key it looks like a misspelling of. */
export function unknownKeys(obj: Record<string, unknown>, known: readonly string[], parent: string): JsonProblem[] {
  return Object.keys(obj)
    .filter((key) => !known.includes(key))
    .map((key) => {
      const near = closest(key, known);
      return { path: pathOf(parent, key), message: `chiave sconosciuta «${excerpt(key)}»${near === undefined ? '.' : `: forse «${near}»?`}` };
    });
}

/** `v` when it is one of `values`; else undefined, with a problem listing them and suggesting the one it looks like. */
export function oneOf<T extends string>(problems: JsonProblem[], path: string, v: unknown, values: readonly T[]): T | undefined {
  const found = values.find((value) => value === v);
  if (found !== undefined) return found;
  const listed = values.map((value) => `"${value}"`);
  const near = typeof v === 'string' ? closest(v, values) : undefined;
  problems.push({
    path,
    message: `deve essere ${listed.slice(0, -1).join(', ')} o ${listed[listed.length - 1]}, non ${shown(v)}${near === undefined ? '.' : `: forse "${near}"?`}`,
  });
  return undefined;
}

/** An integer from `min` to `max` (a JSON number, not text); else undefined, with a problem. */
export function integerIn(problems: JsonProblem[], path: string, v: unknown, min: number, max: number): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
  problems.push({ path, message: `deve essere un numero intero da ${min} a ${max}, non ${shown(v)}.` });
  return undefined;
}
