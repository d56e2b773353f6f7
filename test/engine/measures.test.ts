import { Dec, evaluateMeasures } from '../../src/engine';
import { value } from './helpers';

function amount(text: string): Dec {
  const v = value(evaluateMeasures(text));
  if (v.kind !== 'quantity') throw new Error('expected a quantity');
  return v.amount;
}

describe('valori misure', () => {
  test('the seed expressions', () => {
    expect(amount('8.270 N. / 630,56 N.').toFixed(6)).toBe('13.115326');
    expect(amount('(15.248 N. - 18.283 N.) / 18.283 N.').toFixed(6)).toBe('-0.166001');
    expect(amount('270 N. * 1000 / 69.749 N.').toFixed(4)).toBe('3.8710');
    expect(amount('60 N. / 62 N.').toFixed(6)).toBe('0.967742');
    expect(amount('72 N. + 50 N. + 9 N. + 92 N.').toString()).toBe('223');
    expect(amount('(13 N. + 17 N.)').toString()).toBe('30');
    expect(amount('(14.461.693,99 € - 10.551.036,37 €) / 14.461.693,99 €').toFixed(4)).toBe('0.2704');
    expect(amount('-24,31 gg').toString()).toBe('-24.31');
    expect(amount('71,00 %').toString()).toBe('0.71');
    expect(amount('-(3 + 4) * 2').toString()).toBe('-14');
  });

  test('units: a ratio of counts has none, days per item stay days, a sum keeps its unit', () => {
    const ratio = value(evaluateMeasures('60 N. / 62 N.'));
    const days = value(evaluateMeasures('58 gg / 36 N.'));
    const sum = value(evaluateMeasures('1 N. + 1 N.'));
    expect(ratio.kind === 'quantity' && ratio.unit).toBeNull();
    expect(days.kind === 'quantity' && days.unit).toBe('gg');
    expect(sum.kind === 'quantity' && sum.unit).toBe('N');
  });

  test('a date stands for itself', () => {
    expect(value(evaluateMeasures('25-12-2024'))).toEqual({ kind: 'date', serial: 45651 });
  });

  test.each([
    ['5 N. / 0 N.', 'division-by-zero'],
    ['(1 + 2', 'invalid-expression'],
    ['1 +', 'invalid-expression'],
    ['1 2', 'invalid-expression'],
    ['alert(1)', 'invalid-expression'],
    [')', 'invalid-expression'],
    ['', 'empty'],
  ])('%p fails with %s', (text, code) => {
    const r = evaluateMeasures(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });
});
