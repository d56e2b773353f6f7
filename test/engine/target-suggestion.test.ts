import fc from 'fast-check';
import { Dec, formatTarget, parseActual, parseTarget, quantity, suggestTarget, type Actual, type Target } from '../../src/engine';
import { value } from './helpers';

const actuals = (...texts: string[]): Actual[] => texts.map((t) => value(parseActual(t)));
const target = (text: string): Target => value(parseTarget(text));
const suggest = (baselines: string[], current: string, method: 'ultimo' | 'media' = 'ultimo') =>
  suggestTarget(actuals(...baselines), target(current), method);

describe('suggested target', () => {
  test.each([
    // OC_TBS_03 (SMVP §8): the 2024 actual 19,14 against >= 12.
    [['13,43 N.', '15,39 N.', '19,14 N.'], '>= 12 N.', 'ultimo', '>= 19,14 N.'],
    // The mean 15,9866… rounds up at the figures' two decimals.
    [['13,43 N.', '15,39 N.', '19,14 N.'], '>= 12 N.', 'media', '>= 15,99 N.'],
    // Never easier than the current target.
    [['62 N.', '76 N.', '405 N.'], '>= 500 N.', 'ultimo', '>= 500 N.'],
    // <=: rounded down, the smaller wins.
    [['2,10 gg', '1,80 gg', '1,61 gg'], '<= 2 gg', 'media', '<= 1,83 gg'],
    [['-20,00 gg', '-24,31 gg'], '<= -19 gg', 'ultimo', '<= -24,31 gg'],
    // Percentages keep their printed points: 72,70 %.
    [['72,10 %', '72,70 %', '72,70 %'], '>= 72,00 %', 'ultimo', '>= 72,70 %'],
    // N/D baselines do not count.
    [['N/D', '5 N.', '7 N.'], '>= 4 N.', 'media', '>= 6 N.'],
  ])('%p, %s by «%s» → %s', (baselines, current, method, expected) => {
    expect(formatTarget(value(suggest(baselines, current, method as 'ultimo' | 'media')))).toBe(expected);
  });

  test.each([
    [['N/D'], '>= 4 N.', 'no-baseline'],
    [['5 N.'], 'Entro 30-06-2025', 'no-suggestion'],
    [['5 N.'], '100,00 %', 'no-suggestion'],
    [['50,00 %'], '>= 4 N.', 'incompatible-units'],
  ])('%p against %s: no suggestion (%s)', (baselines, current, code) => {
    const r = suggest(baselines, current);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });

  test('property: a suggestion is never easier than the current target nor than the reference', () => {
    const amount = fc.integer({ min: -100_000, max: 100_000 }).map((n) => new Dec(n).div(100));
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 3 }), amount, fc.boolean(), fc.constantFrom('ultimo' as const, 'media' as const), (past, threshold, atLeast, method) => {
        const baselines = past.map((a) => quantity(a, 'N', 2));
        const current: Target = { kind: atLeast ? 'atLeast' : 'atMost', threshold: quantity(threshold, 'N', 2) };
        const s = value(suggestTarget(baselines, current, method));
        if (s.kind !== current.kind) return false;
        const t = s.threshold.amount;
        const used = method === 'ultimo' ? past.slice(-1) : past;
        const reference = used.reduce((a, b) => a.plus(b), new Dec(0)).div(used.length);
        return atLeast ? t.gte(threshold) && t.gte(reference) : t.lte(threshold) && t.lte(reference);
      }),
    );
  });

  test('property: a formatted target reads back as the same target', () => {
    const amount = fc.integer({ min: -10_000_000, max: 10_000_000 });
    fc.assert(
      fc.property(amount, fc.constantFrom('atLeast' as const, 'atMost' as const, 'equal' as const), fc.constantFrom('N' as const, '%' as const, 'gg' as const, '€' as const), fc.integer({ min: 0, max: 2 }), (n, kind, unit, decimals) => {
        const t: Target = { kind, threshold: quantity(new Dec(n).div(unit === '%' ? 10_000 : 100).toDecimalPlaces(decimals + (unit === '%' ? 2 : 0)), unit, decimals) };
        const back = value(parseTarget(formatTarget(t)));
        return back.kind !== 'deadline' && back.kind === kind && back.threshold.amount.eq(t.threshold.amount) && back.threshold.unit === unit;
      }),
    );
  });
});
