import {
  Dec,
  formatDate,
  parseActual,
  parseItalianDate,
  parseItalianNumber,
  parseQuantityText,
  parseTarget,
  parseWeight,
  serialFromYmd,
  type Actual,
  type Target,
} from '../../src/engine';
import { value } from './helpers';


function amountOf(a: Actual): string {
  if (a.kind !== 'quantity') throw new Error(`expected a quantity, got ${a.kind}`);
  return a.amount.toString();
}

describe('Italian numbers and quantities', () => {
  test.each([
    ['18.231.161.719,00 €', '18231161719', '€', 2],
    ['3,87 N.', '3.87', 'N', 2],
    ['-24,31 gg', '-24.31', 'gg', 2],
    ['96,77 %', '0.9677', '%', 2],
    ['1.250 N.', '1250', 'N', 0],
    ['+231.200.000 €', '231200000', '€', 0],
    ['€ 1.000,50', '1000.5', '€', 2],
    ['5 N', '5', 'N', 0],
    ['12 h', '12', 'h', 0],
    ['1000', '1000', null, 0],
    ['0,90 gg', '0.9', 'gg', 2],
  ])('%s', (text, amount, unit, decimals) => {
    const q = value(parseQuantityText(text));
    expect(q.amount.toString()).toBe(amount);
    expect(q.unit).toBe(unit);
    expect(q.decimals).toBe(decimals);
  });

  test.each(['13.12', '1.25.000', 'abc', '12 kg', ',5', '', '1,2,3'])('rejects %p with a message', (text) => {
    const r = parseQuantityText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message.length).toBeGreaterThan(10);
  });

  test('suggests the decimal comma for an English decimal point', () => {
    const r = parseItalianNumber('13.12');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('virgola');
  });
});

describe('dates', () => {
  test('DD-MM-YYYY and DD/MM/YYYY give the Excel serial', () => {
    expect(value(parseItalianDate('30-06-2024')).serial).toBe(45473);
    expect(value(parseItalianDate('30/06/2024')).serial).toBe(45473);
    expect(serialFromYmd(1900, 3, 1)).toBe(61);
    expect(formatDate(value(parseItalianDate('5/1/2024')))).toBe('05-01-2024');
  });

  test.each(['31-02-2024', '00-01-2024', '12-13-2024', '2024-06-30'])('rejects %p', (text) => {
    expect(parseItalianDate(text).ok).toBe(false);
  });
});

describe('targets', () => {
  const kinds: Array<[string, Target['kind'], string?]> = [
    ['>= 1.000 N.', 'atLeast', '1000'],
    ['≥ 14 N.', 'atLeast', '14'],
    ['<= 2 gg', 'atMost', '2'],
    ['<= -19 gg', 'atMost', '-19'],
    ['<= -10,00 %', 'atMost', '-0.1'],
    ['= 100,00 %', 'equal', '1'],
    ['100,00 %', 'equal', '1'],
    ['>=98,00%', 'atLeast', '0.98'],
  ];
  test.each(kinds)('%s', (text, kind, threshold) => {
    const t = value(parseTarget(text));
    expect(t.kind).toBe(kind);
    if (t.kind !== 'deadline') expect(t.threshold.amount.toString()).toBe(threshold);
  });

  test('deadlines, in text and as a real Excel date', () => {
    const t = value(parseTarget('Entro 30-06-2024'));
    expect(t).toEqual({ kind: 'deadline', date: { kind: 'date', serial: 45473 } });
    expect(value(parseTarget('entro il 30/06/2024'))).toEqual(t);
    expect(value(parseTarget({ value: 45473, numberFormat: 'dd/mm/yyyy' }))).toEqual(t);
  });

  test('a real number is an "=" target; a percentage-formatted one is a fraction', () => {
    const t = value(parseTarget({ value: 0.98, numberFormat: '0.00%' }));
    expect(t.kind).toBe('equal');
    if (t.kind === 'equal') expect(t.threshold.unit).toBe('%');
  });

  test.each([
    ['=> 5 N.', 'invalid-operator', '>='],
    ['=< 5 N.', 'invalid-operator', '<='],
    ['> 5 N.', 'invalid-operator', '>='],
    ['<> 5', 'invalid-operator', '='],
  ])('misspelt operator %p', (text, code, suggestion) => {
    const r = parseTarget(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message).toContain(suggestion);
    }
  });

  test.each([null, '', '  ', 'N/D', 'Entro 31-02-2024', '>= tanti', true, '#N/A'])('unparseable target %p', (cell) => {
    const r = parseTarget(cell);
    expect(r.ok).toBe(false);
  });
});

describe('actual values', () => {
  test('text and real Excel values', () => {
    expect(amountOf(value(parseActual('13,12 N.')))).toBe('13.12');
    expect(amountOf(value(parseActual({ value: 0.9677, numberFormat: '0.00%' })))).toBe('0.9677');
    expect(amountOf(value(parseActual(184)))).toBe('184');
    expect(value(parseActual('25-06-2024'))).toEqual({ kind: 'date', serial: 45468 });
    expect(value(parseActual({ value: 45468, numberFormat: 'd/m/yyyy' }))).toEqual({ kind: 'date', serial: 45468 });
  });

  test.each([null, undefined, '', 'N/D', 'n.d.', 'ND', '-'])('%p is missing, not zero', (cell) => {
    expect(value(parseActual(cell)).kind).toBe('missing');
  });

  test('Excel errors are reported as such', () => {
    const r = parseActual('#DIV/0!');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('excel-error');
      expect(r.error.message).toContain('#DIV/0!');
    }
  });
});

describe('weights', () => {
  test.each([
    ['33,33%', '0.3333'],
    [{ value: 0.3333, numberFormat: '0.00%' }, '0.3333'],
    [0.5, '0.5'],
    [50, '0.5'],
    ['100,00%', '1'],
  ])('%p', (cell, fraction) => {
    expect(value(parseWeight(cell)).equals(new Dec(fraction))).toBe(true);
  });

  test.each([null, '', 'tanto', '-5%', '5 N.'])('rejects %p', (cell) => {
    expect(parseWeight(cell).ok).toBe(false);
  });
});
