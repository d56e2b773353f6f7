/** Following an indicator across years: recoded is renamed, unrelated is never matched. */
import fc from 'fast-check';
import { codeKey, matchAcrossYears, similarity, type Matchable } from '../../src/engine';

const WORDS_A = ['imprese', 'export', 'voucher', 'fiere', 'mercati', 'assistenza', 'bandi', 'contributi', 'camera', 'sportello', 'formazione', 'orientamento', 'digitale', 'brevetti', 'marchi'];
const WORDS_B = ['turismo', 'presenze', 'eventi', 'territorio', 'cultura', 'musei', 'strade', 'porti', 'ambiente', 'energia', 'rifiuti', 'acqua', 'parchi', 'scuole', 'lavoro'];

/** A description of five to nine words from one vocabulary. */
const description = (words: readonly string[]) => fc.array(fc.constantFrom(...words), { minLength: 5, maxLength: 9 }).map((w) => w.join(' '));
const code = fc.stringMatching(/^[A-Z]{1,2}\d{1,3}([._][A-Z0-9]{1,4}){0,2}$/);

/** Indicators of one year: distinct codes and distinct descriptions, as a report has them. */
const year = (words: readonly string[]) =>
  fc.uniqueArray(fc.record({ code, label: description(words) }), { minLength: 1, maxLength: 15, selector: (r) => r.label }).map((rows) => {
    const codes = new Set<string>();
    return rows.filter((r) => !codes.has(codeKey(r.code)) && codes.add(codeKey(r.code))).map((r): Matchable => ({ level: 'indicatore', ...r }));
  });

/** The same code with its punctuation changed: D4.3.1_MIMIT → D4.3_1.MIMIT. */
const repunctuated = (c: string) => c.replace(/[._]/g, (p) => (p === '.' ? '_' : '.'));

test('recoded or re-punctuated indicators are matched each to itself: nothing added, nothing eliminated', () => {
  fc.assert(
    fc.property(year(WORDS_A), fc.boolean(), (before, punctuationOnly) => {
      const now = before.map((r, i) => ({ ...r, code: punctuationOnly ? repunctuated(r.code) : `NEW${i}` }));
      const m = matchAcrossYears(before, now);
      expect(m.added).toEqual([]);
      expect(m.removed).toEqual([]);
      for (const p of m.pairs) expect(now.indexOf(p.now)).toBe(before.indexOf(p.before));
    }),
  );
});

test('indicators with unrelated descriptions and codes are never matched', () => {
  fc.assert(
    fc.property(year(WORDS_A), year(WORDS_B), (before, now) => {
      // Three letters: no code of the other year can have them.
      const shifted = now.map((r, i) => ({ ...r, code: `NEW${i}` }));
      expect(matchAcrossYears(before, shifted).pairs).toEqual([]);
    }),
  );
});

test('never two rows of one year matched to one row of the other', () => {
  fc.assert(
    fc.property(year(WORDS_A), year([...WORDS_A, ...WORDS_B]), (before, now) => {
      const { pairs, added, removed } = matchAcrossYears(before, now);
      expect(new Set(pairs.map((p) => p.before)).size).toBe(pairs.length);
      expect(new Set(pairs.map((p) => p.now)).size).toBe(pairs.length);
      expect(pairs.length + added.length).toBe(now.length);
      expect(pairs.length + removed.length).toBe(before.length);
    }),
  );
});

test('the same description goes to the same parent first', () => {
  const row = (c: string, parent: string): Matchable => ({ level: 'indicatore', code: c, label: 'Tempo medio di evasione delle pratiche', parent });
  const m = matchAcrossYears([row('A1', '801'), row('B1', '802')], [row('X1', '802'), row('Y1', '801')]);
  expect(m.pairs.map((p) => `${p.before.code}→${p.now.code} ${p.kind}`)).toEqual(['B1→X1 descrizione', 'A1→Y1 descrizione']);
});

test('closeness: a typo or a changed word stays close, a different activity does not', () => {
  expect(similarity('Aggiornamento formativo in materia di anticorruzione', 'Aggiornamento formativo in materia di anticoruzione')).toBeGreaterThan(0.9);
  expect(similarity('Condivisione attività di pianificazione dell’Unione regionale', 'Condivisione attività di monitoraggio degli obiettivi dell’Unione regionale')).toBeLessThan(0.8);
});
