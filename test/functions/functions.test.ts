/**
 * PERF.* called as Excel calls them: null for an omitted argument, 2-D arrays for ranges, text and
 * numbers mixed. Figures from the seed reports.
 */
import { excelResult } from '../support/custom-functions-global';
import { Dec, formatPercent } from '../../src/engine';

const percent = (n: number) => formatPercent(new Dec(n));
import {
  perfAchievement,
  perfActual,
  perfIndicator,
  perfWeightedMean,
  perfSuggestedTarget,
  perfDeviation,
  perfOvershooting,
  perfRatio,
  perfRollup,
  perfTrafficLight,
} from '../../src/functions/functions';
import { readEnteSource } from '../../scripts/seed-source';

const VALUE = '#VALUE!';
const NA = '#N/A';
const errorOf = (call: () => unknown) => (excelResult(call) as { error?: string }).error;

describe('PERF.RAGGIUNGIMENTO', () => {
  test('seed rows: >= 200 N. with 184 is 0,92; OC_TBS_03 from its measures is 93,68%', () => {
    expect(perfAchievement('>= 200 N.', 184, null)).toBeCloseTo(0.92, 12);
    const value = perfActual('8.270 N. / 630,56 N.');
    expect(percent(perfAchievement('>= 14 N.', value, null))).toBe('93,68%');
  });

  test('text, numbers, dates and 1×1 ranges mix as in real sheets', () => {
    expect(perfAchievement([['>= 1.000 N.']], [[1250]], null)).toBe(1);
    expect(perfAchievement('<= 2 gg', '1,61 gg', null)).toBe(1);
    expect(perfAchievement('>= 72,00 %', 0.69, null)).toBeCloseTo(0.69 / 0.72, 12);
    expect(perfAchievement('Entro 30-06-2024', '25-06-2024', null)).toBe(1);
    expect(perfAchievement('Entro 30-06-2024', 45473, null)).toBe(1); // the date serial of 30-06-2024
  });

  test('a late deadline scores 0 under the default profile, linearly under a profile that says so', () => {
    expect(perfAchievement('Entro 30-06-2024', '10-07-2024', null)).toBe(0);
    expect(perfAchievement('Entro 30-06-2024', '10-07-2024', '{"deadline":{"rule":"linear","days":20}}')).toBeCloseTo(0.5, 12);
  });

  test('N/D and an empty value are #N/A; garbage and misspelt operators are #VALUE! with the reason', () => {
    expect(errorOf(() => perfAchievement('>= 10 N.', 'N/D', null))).toBe(NA);
    expect(errorOf(() => perfAchievement('>= 10 N.', null, null))).toBe(NA);
    expect(excelResult(() => perfAchievement('=> 10 N.', 12, null))).toEqual({ error: VALUE, message: expect.stringContaining('usare «>=»') });
    expect(errorOf(() => perfAchievement('>= 10 N.', 'dieci', null))).toBe(VALUE);
    expect(errorOf(() => perfAchievement('>= 10 %', '12 N.', null))).toBe(VALUE);
    expect(errorOf(() => perfAchievement('>= 10 N.', true, null))).toBe(VALUE);
  });

  test('an unknown profile is #VALUE!; a shipped one is found by name in any case', () => {
    expect(errorOf(() => perfAchievement('>= 10 N.', 5, 'Bologna'))).toBe(VALUE);
    expect(perfAchievement('>= 10 N.', 5, 'modena 2024')).toBe(0.5);
  });
});

describe('PERF.RAPPORTO', () => {
  test('uncapped ratio; empty for a deadline', () => {
    expect(perfRatio('>= 30 N.', 405)).toBeCloseTo(13.5, 12);
    expect(perfRatio('<= 2 gg', '1,61 gg')).toBeCloseTo(0.805, 12);
    expect(perfRatio('Entro 30-06-2024', '25-06-2024')).toBe('');
    expect(errorOf(() => perfRatio('>= 30 N.', 'N/D'))).toBe(NA);
  });
});

describe('PERF.OVERSHOOTING', () => {
  test('D4.2_MIMIT: >= 30 N. with 405 is 12,5 (1250%)', () => {
    expect(perfOvershooting('>= 30 N.', 405, null)).toBeCloseTo(12.5, 12);
  });

  test('within the tolerance it is 0; the tolerance can be given as text or a fraction', () => {
    expect(perfOvershooting('>= 30 N.', 40, null)).toBe(0);
    expect(perfOvershooting('>= 30 N.', 40, '20%')).toBeCloseTo(1 / 3, 12);
    expect(perfOvershooting('>= 30 N.', 40, 0.5)).toBe(0);
    expect(perfOvershooting('<= 2 gg', '0,5 gg', null)).toBe(0);
    expect(errorOf(() => perfOvershooting('>= 30 N.', 40, 'molta'))).toBe(VALUE);
  });

  test('a tolerance outside the profile’s rules (0% < tolleranza ≤ 1000%) is #VALUE!', () => {
    for (const t of [0, '0%', 20, '2000%', -0.5]) expect(errorOf(() => perfOvershooting('>= 30 N.', 405, t))).toBe(VALUE);
    expect(perfOvershooting('>= 30 N.', 405, 10)).toBeCloseTo(12.5, 12);
  });
});

describe('PERF.SCOSTAMENTO', () => {
  test('in the target unit; days for a deadline', () => {
    expect(perfDeviation('<= 2 gg', '1,61 gg')).toBeCloseTo(-0.39, 12);
    expect(perfDeviation('Entro 30-06-2024', '05-07-2024')).toBe(5);
    expect(perfDeviation('>= 72,00 %', '71,00 %')).toBeCloseTo(-0.01, 12);
  });
});

describe('PERF.CONSUNTIVO', () => {
  test('the value from its measures', () => {
    expect(perfActual('8.270 N. / 630,56 N.')).toBeCloseTo(8270 / 630.56, 12);
    expect(perfActual('(15.248 N. - 18.283 N.) / 18.283 N.')).toBeCloseTo((15248 - 18283) / 18283, 12);
    expect(perfActual(42)).toBe(42);
  });

  test('unreadable or missing measures are #VALUE!', () => {
    expect(errorOf(() => perfActual('8.270 N. / '))).toBe(VALUE);
    expect(errorOf(() => perfActual('8.270 N. / 0 N.'))).toBe(VALUE);
    expect(errorOf(() => perfActual(null))).toBe(VALUE);
  });

  test('hostile measures are #VALUE! with a short Italian message, never an exception', () => {
    const hostile = [
      '('.repeat(3_000) + '1' + ')'.repeat(3_000),
      '-'.repeat(9_000) + '1',
      '9'.repeat(200_000) + ' N. * ' + '9'.repeat(200_000) + ' N.',
      'x'.repeat(1_000_000),
      '('.repeat(60) + '1' + ')'.repeat(60),
      '9'.repeat(40) + ' N. * 2',
      Array(600).fill('1 N.').join('+'),
    ];
    for (const text of hostile) {
      const result = excelResult(() => perfActual([[text]])) as { error?: string; message?: string };
      expect(result.error).toBe(VALUE);
      expect(result.message?.length).toBeLessThan(300);
    }
    expect(excelResult(() => perfActual('-'.repeat(60) + '1'))).toEqual({ error: VALUE, message: expect.stringContaining('oltre 50 livelli') });
  });
});

describe('PERF.TARGET_SUGGERITO', () => {
  test('OC_TBS_03 of the 2025 tree: baselines 13,43 / 15,39 / 19,14 against >= 12', () => {
    const baseline = [['13,43 N.', '15,39 N.', '19,14 N.']];
    expect(perfSuggestedTarget(baseline, '>= 12 N.')).toBe('>= 19,14 N.');
    expect(perfSuggestedTarget(baseline, '>= 12 N.', 'media')).toBe('>= 15,99 N.');
    expect(perfSuggestedTarget(baseline, '>= 12 N.', 'MEAN')).toBe('>= 15,99 N.');
  });

  test('numbers, N/D and empty cells in the range; never easier than the current target', () => {
    expect(perfSuggestedTarget([[62], ['N/D'], [null], [405]], '>= 180 N.')).toBe('>= 405 N.');
    expect(perfSuggestedTarget([[62, 76, 405]], '>= 500 N.')).toBe('>= 500 N.');
  });

  test('no readable baseline, a deadline, an unknown method or garbage: #VALUE!', () => {
    expect(errorOf(() => perfSuggestedTarget([['N/D']], '>= 4 N.'))).toBe(VALUE);
    expect(errorOf(() => perfSuggestedTarget([['5 N.']], 'Entro 30-06-2025'))).toBe(VALUE);
    expect(errorOf(() => perfSuggestedTarget([['5 N.']], '>= 4 N.', 'massimo'))).toBe(VALUE);
    // Object's own names are not methods either.
    for (const name of ['constructor', 'toString', '__proto__']) expect(errorOf(() => perfSuggestedTarget([['5 N.']], '>= 4 N.', name))).toBe(VALUE);
    expect(errorOf(() => perfSuggestedTarget([['cinque']], '>= 4 N.'))).toBe(VALUE);
  });
});

describe('PERF.SEMAFORO', () => {
  test('on the full-precision value: 94,996% is giallo', () => {
    expect(perfTrafficLight(0.95, null)).toBe('verde');
    expect(perfTrafficLight(0.94996, null)).toBe('giallo');
    expect(perfTrafficLight('60,00%', null)).toBe('rosso');
    expect(perfTrafficLight('96,77 %', null)).toBe('verde');
    expect(perfTrafficLight(0.96, '{"semaphore":{"green":"0.98"}}')).toBe('giallo');
  });

  test('a plain 96,77 is refused rather than guessed; N/D is #N/A', () => {
    expect(excelResult(() => perfTrafficLight(96.77, null))).toEqual({ error: VALUE, message: expect.stringContaining('0-100%') });
    expect(errorOf(() => perfTrafficLight('N/D', null))).toBe(NA);
  });
});

describe('PERF.AGGREGA', () => {
  /** The weights and printed achievements of the indicators right under a block of the Ente report. */
  function blockRanges(os: string, block: string) {
    const rows = readEnteSource();
    const start = rows.findIndex((r, i) => r.level === 'blocco' && r.code === block && rows.slice(0, i).reverse().find((p) => p.level === 'os')?.code === os);
    const children = rows.slice(start + 1).filter((_r, i, all) => all.slice(0, i + 1).every((c) => c.level === 'indicatore'));
    return { stated: rows[start].stated, weights: children.map((c) => [c.weight]), values: children.map((c) => [c.stated]) };
  }

  test.each([
    ['401', 'Indicatori', '98,89%'],
    ['701', 'Indicatori', '97,60%'],
    ['801', 'Indicatori', '96,84%'],
  ])('OS %s, block %s: the seed figure %s', (os, block, figure) => {
    const { stated, weights, values } = blockRanges(os, block);
    expect(stated).toBe(figure);
    expect(percent(perfRollup(weights, values))).toBe(figure);
  });

  test('weights as fractions or text, blank rows between groups skipped, N/D left out', () => {
    expect(perfRollup([[0.5], ['50,00%']], [[1], ['80 %']])).toBeCloseTo(0.9, 12);
    expect(perfRollup([[0.5], [null], [0.5]], [[1], [null], [0.8]])).toBeCloseTo(0.9, 12);
    expect(perfRollup([[0.5], [0.5]], [[1], ['N/D']])).toBe(1);
    expect(errorOf(() => perfRollup([[0.5]], [['N/D']]))).toBe(NA);
  });

  test('ranges of different shapes are #VALUE! naming both shapes', () => {
    expect(excelResult(() => perfRollup([[0.5], [0.5]], [[1, 1]]))).toEqual({ error: VALUE, message: expect.stringContaining('pesi 2×1, valori 1×2') });
  });

  test('a value without a weight, or an unreadable cell, is #VALUE! with its place', () => {
    expect(excelResult(() => perfRollup([[0.5], [null]], [[1], [0.7]]))).toEqual({ error: VALUE, message: expect.stringContaining('riga 2, colonna 1') });
    expect(errorOf(() => perfRollup([[0.5], ['metà']], [[1], [0.7]]))).toBe(VALUE);
  });
});

describe('PERF.INDICATORE', () => {
  test('from the measures when readable, else from the value; OC_TBS_03 93,68% from 8.270 N. / 630,56 N. against >= 14 N.', () => {
    expect(percent(perfIndicator('>= 14 N.', '13,12 N.', '8.270 N. / 630,56 N.', null, null))).toBe('93,68%');
    expect(perfIndicator('>= 14 N.', '14 N.', 'illeggibile', null, null)).toBe(1);
    expect(perfIndicator('>= 200 N.', 184, null, null, null)).toBeCloseTo(0.92, 12);
  });

  test('a number from a percentage cell: "%" says so (the function never sees the format)', () => {
    // 1,5 in a cell formatted as a percentage is 150%; bare, above 1 it can only be percentage points.
    expect(perfIndicator('>= 100%', 1.5, null, '%', null)).toBe(1);
    expect(perfIndicator('>= 100%', 1.5, null, null, null)).toBeCloseTo(0.015, 12);
  });

  test('Windows hands an empty measures cell as 0: no measures, the value counts', () => {
    expect(perfIndicator('>= 10 N.', '5 N.', 0, null, null)).toBe(0.5);
  });

  test('a missing value is #N/A, an unreadable target #VALUE!, as PERF.RAGGIUNGIMENTO', () => {
    expect(errorOf(() => perfIndicator('>= 10 N.', 'N/D', null, null, null))).toBe(NA);
    expect(errorOf(() => perfIndicator('boh', '5 N.', null, null, null))).toBe(VALUE);
  });
});

describe('PERF.MEDIA_PESATA', () => {
  const err = (code: string) => new CustomFunctions.Error(code as CustomFunctions.ErrorCode);

  test('pairs of weight and achievement, wherever they are: OS 701 = 50% · 97,60% + 50% · 100%', () => {
    expect(perfWeightedMean(['50%', 0.976, 0.5, 1])).toBeCloseTo(0.988, 12);
  });

  test('a missing, N/D or error achievement is left out, or 0% when the profile (the odd last argument) says so', () => {
    expect(perfWeightedMean([0.5, 0.8, 0.5, err('#N/A')])).toBeCloseTo(0.8, 12);
    expect(perfWeightedMean([0.5, 0.8, 0.5, 'N/D'])).toBeCloseTo(0.8, 12);
    expect(perfWeightedMean([0.5, 0.8, 0.5, null])).toBeCloseTo(0.8, 12);
    expect(perfWeightedMean([0.5, 0.8, 0.5, err('#VALUE!'), '{"missingValue":"zero"}'])).toBeCloseTo(0.4, 12);
  });

  test('a child whose weight cannot be read is left out, as the recomputation leaves it out', () => {
    expect(perfWeightedMean([0.5, 0.8, 'molto', 0.2, err('#REF!'), 0.1])).toBeCloseTo(0.8, 12);
  });

  test('nothing measurable is #N/A; an achievement above 100% or an unknown profile #VALUE!', () => {
    expect(errorOf(() => perfWeightedMean([1, 'N/D']))).toBe(NA);
    expect(excelResult(() => perfWeightedMean([1, 96.77]))).toEqual({ error: VALUE, message: expect.stringContaining('Figlio 1') });
    expect(errorOf(() => perfWeightedMean([1, 0.9, 'Milano 2030']))).toBe(VALUE);
  });
});

