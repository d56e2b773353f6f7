import fc from 'fast-check';
import { Dec, evaluateMeasures } from '../../src/engine';
import { EXCERPT_CHARS, MAX_MEASURES_CHARS, MAX_MEASURES_DEPTH, MAX_MEASURES_TERMS, MAX_NUMBER_DIGITS } from '../../src/engine';
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

/*
 * Malformed and hostile cells: every limit is checked before the work, so no text can overflow the
 * stack or keep the CPU busy, and a message quotes only the start of the cell.
 */
const codeOf = (text: string) => {
  const r = evaluateMeasures(text);
  return r.ok ? 'ok' : r.error.code;
};
const messageOf = (text: string) => {
  const r = evaluateMeasures(text);
  return r.ok ? '' : r.error.message;
};
const nested = (prefix: readonly string[]) => prefix.join('') + '1' + ')'.repeat(prefix.filter((p) => p === '(').length);

describe('valori misure from a malformed or hostile workbook', () => {
  test('the cells of the issue fail as too long, without throwing, quoting only an excerpt', () => {
    const hostile = [
      '('.repeat(3_000) + '1' + ')'.repeat(3_000),
      '-'.repeat(9_000) + '1',
      '9'.repeat(200_000) + ' N. * ' + '9'.repeat(200_000) + ' N.',
      '1 + '.repeat(250_000) + '1',
    ];
    for (const text of hostile) {
      expect(codeOf(text)).toBe('too-long');
      expect(messageOf(text)).toContain(`«${text.slice(0, EXCERPT_CHARS)}…»`);
      expect(messageOf(text).length).toBeLessThan(300);
    }
  });

  test(`nesting up to ${MAX_MEASURES_DEPTH} parentheses and unary signs evaluates; deeper is too deep`, () => {
    const sign = fc.constantFrom('(', '-', '+', '−');
    fc.assert(
      fc.property(fc.array(sign, { minLength: MAX_MEASURES_DEPTH, maxLength: MAX_MEASURES_DEPTH }), (prefix) => {
        expect(amount(nested(prefix)).abs().toString()).toBe('1');
      }),
    );
    fc.assert(
      fc.property(fc.array(sign, { minLength: MAX_MEASURES_DEPTH + 1, maxLength: 990 }), (prefix) => {
        expect(codeOf(nested(prefix))).toBe('too-deep');
      }),
    );
    expect(messageOf('('.repeat(990) + '1' + ')'.repeat(990))).toContain(String(MAX_MEASURES_DEPTH));
  });

  test(`numbers of up to ${MAX_NUMBER_DIGITS} digits are read exactly; longer ones are refused before any arithmetic`, () => {
    expect(amount('123.456.789.012.345.678.901.234.567.890 N. * 1').toFixed()).toBe('123456789012345678901234567890');
    expect(amount('1,23456789012345678901234567890 €').toFixed()).toBe('1.2345678901234567890123456789');
    fc.assert(
      fc.property(fc.integer({ min: MAX_NUMBER_DIGITS + 1, max: 990 }), (digits) => {
        const big = '9'.repeat(digits);
        expect(codeOf(`${big} * ${big}`)).toBe('too-many-digits');
        expect(codeOf(`1 + 0,${big}`)).toBe('too-many-digits');
      }),
    );
    expect(messageOf('9'.repeat(990))).toContain(String(MAX_NUMBER_DIGITS));
  });

  test(`up to ${MAX_MEASURES_TERMS} numbers evaluate; more are too many`, () => {
    expect(amount(Array(MAX_MEASURES_TERMS).fill('1').join('+')).toString()).toBe(String(MAX_MEASURES_TERMS));
    fc.assert(
      fc.property(fc.integer({ min: MAX_MEASURES_TERMS + 1, max: 1_000 }), (terms) => {
        expect(codeOf(Array(terms).fill('1').join('+'))).toBe('too-many-terms');
      }),
    );
  });

  test(`up to ${MAX_MEASURES_CHARS} characters, surrounding blanks aside, are read; more are too long`, () => {
    const padded = (chars: number) => `1 +${' '.repeat(chars - 4)}1`;
    expect(amount(`  ${padded(MAX_MEASURES_CHARS)}  `).toString()).toBe('2');
    expect(codeOf(padded(MAX_MEASURES_CHARS + 1))).toBe('too-long');
    expect(messageOf(padded(MAX_MEASURES_CHARS + 1))).toContain('2.001');
  });

  test('a message quotes an excerpt of the cell, however long the cell', () => {
    const part = fc.constantFrom(...'0123456789.,+-*/() N.%€ghx'.split(''), ' N.', ' gg', '1.000', '630,56', '/ 0');
    fc.assert(
      fc.property(fc.array(part, { minLength: 300, maxLength: 3_000 }), (parts) => {
        const text = parts.join('');
        expect(messageOf(text).length).toBeLessThan(300);
      }),
      { numRuns: 300 },
    );
    expect(messageOf('x'.repeat(1_000_000)).length).toBeLessThan(300);
    // Cut between whole characters: never half an emoji.
    expect(messageOf(`x${'😀'.repeat(30)}`)).toBe(`Carattere inatteso «x» in posizione 1 di «x${'😀'.repeat(19)}…».`);
    expect(messageOf('1 + 😀')).toBe('Carattere inatteso «😀» in posizione 5 di «1 + 😀».');
  });
});

/** An expression printed from a random tree, with the value the tree computes at the engine's precision. */
interface Built {
  readonly text: string;
  readonly value: Dec | 'division-by-zero';
  /** 1 for a sum, 2 for a product, 3 for what binds tighter than both. */
  readonly precedence: number;
}

const italianInteger = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const leaf: fc.Arbitrary<Built> = fc
  .record({ int: fc.integer({ min: 0, max: 99_999 }), cents: fc.option(fc.integer({ min: 0, max: 99 })), unit: fc.constantFrom('', ' N.', ' €', ' gg', ' %') })
  .map(({ int, cents, unit }) => {
    const fraction = cents === null ? '' : String(cents).padStart(2, '0');
    const written = new Dec(`${int}.${fraction || '0'}`);
    return {
      text: italianInteger(int) + (fraction && `,${fraction}`) + unit,
      value: unit === ' %' ? written.div(100) : written,
      precedence: 3,
    };
  });

const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2 } as const;
const SPELLINGS = { '+': ['+'], '-': ['-', '−'], '*': ['*', '×'], '/': ['/', ':'] } as const;
type BinaryOp = keyof typeof PRECEDENCE;

function apply(op: BinaryOp, a: Built['value'], b: Built['value']): Built['value'] {
  if (a === 'division-by-zero' || b === 'division-by-zero') return 'division-by-zero';
  if (op === '/' && b.isZero()) return 'division-by-zero';
  return op === '+' ? a.plus(b) : op === '-' ? a.minus(b) : op === '*' ? a.times(b) : a.div(b);
}

const { node: tree } = fc.letrec<{ node: Built }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 6 },
    leaf,
    fc.tuple(fc.constantFrom('-', '−'), tie('node')).map(([minus, t]): Built => ({
      text: minus + (t.precedence < 3 ? `(${t.text})` : t.text),
      value: t.value === 'division-by-zero' ? t.value : t.value.negated(),
      precedence: 3,
    })),
    tie('node').map((t): Built => ({ ...t, text: `(${t.text})`, precedence: 3 })),
    fc
      .tuple(tie('node'), fc.constantFrom<BinaryOp>('+', '-', '*', '/'), fc.nat(1), fc.constantFrom(' ', ''), tie('node'))
      .map(([left, op, spelling, space, right]): Built => {
        const p = PRECEDENCE[op];
        // Operators of equal precedence associate to the left: a right operand at p needs parentheses.
        const l = left.precedence < p ? `(${left.text})` : left.text;
        const r = right.precedence <= p ? `(${right.text})` : right.text;
        const symbol = SPELLINGS[op][spelling % SPELLINGS[op].length];
        return { text: `${l}${space}${symbol}${space}${r}`, value: apply(op, left.value, right.value), precedence: p };
      }),
  ),
}));

describe('valori misure within the limits', () => {
  test('a random expression of + - * / and parentheses evaluates as the tree it was printed from', () => {
    fc.assert(
      fc.property(tree, ({ text, value: expected }) => {
        fc.pre(text.length <= MAX_MEASURES_CHARS);
        if (expected === 'division-by-zero') expect(codeOf(text)).toBe('division-by-zero');
        else expect(amount(text).toString()).toBe(expected.toString());
      }),
      { numRuns: 1_000 },
    );
  });
});
