import { LEVEL_RANK, type Level } from './tree';

/**
 * How a row of one year was found in the other, strongest first: the same code; the same code but
 * for punctuation (D4.3.1_MIMIT → D4.3_1.MIMIT); the same description under a new code; a close
 * description (`probabile`), for the controller to confirm.
 */
export type MatchKind = 'codice' | 'punteggiatura' | 'descrizione' | 'probabile';

/** What the matching reads of a row: its level, code, description and its parent's code. */
export interface Matchable {
  readonly level: Level;
  readonly code: string;
  readonly label: string;
  /** The code of the objective it belongs to, to prefer the same parent among equal descriptions. */
  readonly parent?: string;
}

export interface YearPair<A, B> {
  readonly before: A;
  readonly now: B;
  readonly kind: MatchKind;
  /** For a `probabile` match: how close the descriptions are, 0–1. */
  readonly similarity?: number;
}

/** The rows of a report with their parent's code, in print order (a row's parent is the nearest open row above it). */
export function withParents<R extends { readonly level: Level; readonly code: string; readonly label: string }>(rows: readonly R[]): Array<Matchable & { readonly row: R }> {
  const open: R[] = [];
  return rows.map((row) => {
    while (open.length > 0 && LEVEL_RANK[open[open.length - 1].level] >= LEVEL_RANK[row.level]) open.pop();
    const parent = open[open.length - 1]?.code;
    // A block is no parent to match by: its name is the same under every OS.
    if (row.level !== 'indicatore' && row.level !== 'blocco') open.push(row);
    return { row, level: row.level, code: row.code, label: row.label, ...(parent === undefined ? {} : { parent }) };
  });
}

export interface YearMatching<A, B> {
  readonly pairs: readonly YearPair<A, B>[];
  /** Rows of the new year found nowhere in the old one. */
  readonly added: readonly B[];
  /** Rows of the old year found nowhere in the new one. */
  readonly removed: readonly A[];
}

/** Codes compared without punctuation or case. */
export function codeKey(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** A description as compared: no case, accents, punctuation or repeated spaces. */
function descriptionKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function trigrams(text: string): Map<string, number> {
  const padded = `  ${text} `;
  const out = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i += 1) {
    const g = padded.slice(i, i + 3);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/**
 * Dice coefficient of two descriptions' character trigrams: 1 for the same text, high for a typo or a
 * word changed in a long description, low for unrelated ones. Trigrams, not words, so that
 * «FORMAZIONE» and «FORMAZION» or «CCIAA» and «Camera» differ by a little, not by a whole word.
 */
export function similarity(a: string, b: string): number {
  return dice(trigrams(descriptionKey(a)), trigrams(descriptionKey(b)));
}

function dice(x: ReadonlyMap<string, number>, y: ReadonlyMap<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const n of x.values()) total += n;
  for (const [g, n] of y) {
    total += n;
    shared += Math.min(n, x.get(g) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/**
 * Descriptions at least this close are a probable match. On the seeds the recoded indicators score
 * 0,83 and more; the closest different ones («Condivisione attività di pianificazione …» against
 * «… di monitoraggio …», two online courses) 0,72–0,79.
 */
const PROBABLE_SIMILARITY = 0.8;
/** Descriptions shorter than this say too little to be matched by closeness alone. */
const MIN_DESCRIPTION = 12;

/**
 * Matches the rows of two years one to one, level by level: by code, by code without punctuation, by
 * the same description (preferring the same parent), then by the closest description above
 * PROBABLE_SIMILARITY. No row is matched twice.
 */
export function matchAcrossYears<A extends Matchable, B extends Matchable>(before: readonly A[], now: readonly B[]): YearMatching<A, B> {
  const pairs: YearPair<A, B>[] = [];
  const usedBefore = new Set<A>();
  const usedNow = new Set<B>();
  const pair = (a: A, b: B, kind: MatchKind, closeness?: number) => {
    pairs.push({ before: a, now: b, kind, ...(closeness === undefined ? {} : { similarity: closeness }) });
    usedBefore.add(a);
    usedNow.add(b);
  };
  const free = <T>(rows: readonly T[], used: Set<T>) => rows.filter((r) => !used.has(r));
  const byKey = (kind: MatchKind, key: (r: Matchable) => string) => {
    const index = new Map<string, A[]>();
    for (const a of free(before, usedBefore)) {
      const k = key(a);
      if (k === '') continue;
      const slot = `${a.level}\u0000${k}`;
      index.set(slot, [...(index.get(slot) ?? []), a]);
    }
    for (const b of free(now, usedNow)) {
      const k = key(b);
      if (k === '') continue;
      const candidates = (index.get(`${b.level}\u0000${k}`) ?? []).filter((a) => !usedBefore.has(a));
      const a = candidates.find((c) => c.parent !== undefined && c.parent === b.parent) ?? candidates[0];
      if (a !== undefined) pair(a, b, kind);
    }
  };
  byKey('codice', (r) => r.code.trim());
  byKey('punteggiatura', (r) => codeKey(r.code));
  byKey('descrizione', (r) => descriptionKey(r.label));
  // The closest pairs first, so that a row goes to its best match, never to a worse one before it.
  // Each description's trigrams are counted once, not once per pair.
  const described = <T extends Matchable>(rows: readonly T[]) =>
    rows.flatMap((row) => {
      const key = descriptionKey(row.label);
      return key.length < MIN_DESCRIPTION ? [] : [{ row, grams: trigrams(key) }];
    });
  const olds = described(free(before, usedBefore));
  const close: Array<{ a: A; b: B; s: number }> = [];
  for (const { row: b, grams } of described(free(now, usedNow))) {
    for (const { row: a, grams: old } of olds) {
      if (a.level !== b.level) continue;
      const s = dice(old, grams);
      if (s >= PROBABLE_SIMILARITY) close.push({ a, b, s });
    }
  }
  close.sort((x, y) => y.s - x.s);
  for (const { a, b, s } of close) if (!usedBefore.has(a) && !usedNow.has(b)) pair(a, b, 'probabile', s);
  return { pairs, added: free(now, usedNow), removed: free(before, usedBefore) };
}
