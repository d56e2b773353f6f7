import fc from 'fast-check';
import {
  achievement,
  Dec,
  evaluateMeasures,
  parseActual,
  parseTarget,
  parseQuantityText,
  parseWeight,
  profileFromJson,
  quantity,
  type Target,
} from '../../src/engine';

const cellValue = fc.oneof(
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom('>= 1.000 N.', 'Entro 30-06-2024', '96,77 %', 'N/D', '#N/A', '=> 5', '(1 + 2', '1.2.3,4', '€', '−5 gg'),
);
const numberFormat = fc.option(fc.constantFrom('0.00%', 'dd/mm/yyyy', 'General', '#,##0.00', '[$-410]d-mmm-yy', '"%"0'), {
  nil: undefined,
});
const cell = fc.oneof(cellValue, fc.record({ value: cellValue, numberFormat }));

/** Text made of the characters Integra expressions are made of, so the parser is pushed hard. */
const expressionText = fc
  .array(fc.constantFrom(...'0123456789.,+-*/() N.%€ggh'.split(''), ' N.', ' gg', '1.000', '630,56'), { maxLength: 30 })
  .map((parts) => parts.join(''));

describe('parsers never throw, whatever the cell holds', () => {
  test('targets, values, weights, quantities', () => {
    fc.assert(
      fc.property(cell, (c) => {
        for (const r of [parseTarget(c), parseActual(c), parseWeight(c)]) {
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) expect(r.error.message).not.toBe('');
        }
      }),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.string(), (s) => typeof parseQuantityText(s).ok === 'boolean'));
  });

  test('measures expressions', () => {
    fc.assert(
      fc.property(fc.oneof(expressionText, fc.string()), (s) => {
        const r = evaluateMeasures(s);
        if (r.ok && r.value.kind === 'quantity') expect(r.value.amount.isFinite()).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  test('profiles', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.jsonValue()), (j) => typeof profileFromJson(j).ok === 'boolean'));
  });
});

describe('achievement stays in [0, 1] and is monotonic in the value', () => {
  const amount = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }).map((n) => new Dec(n));
  const kind = fc.constantFrom<'atLeast' | 'atMost' | 'equal'>('atLeast', 'atMost', 'equal');

  function grado(target: Target, v: Dec): Dec {
    const r = achievement(target, quantity(v, 'N'));
    if (!r.ok || r.value.kind !== 'measured') throw new Error('not measured');
    return r.value.value;
  }

  test('bounded for every kind of target', () => {
    fc.assert(
      fc.property(kind, amount, amount, (k, t, v) => {
        const p = grado({ kind: k, threshold: quantity(t, 'N') }, v);
        expect(p.greaterThanOrEqualTo(0) && p.lessThanOrEqualTo(1)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  test('non-decreasing in v for ">=", non-increasing for "<="', () => {
    fc.assert(
      fc.property(amount, amount, amount, (t, a, b) => {
        const [lo, hi] = a.lessThanOrEqualTo(b) ? [a, b] : [b, a];
        const atLeast: Target = { kind: 'atLeast', threshold: quantity(t, 'N') };
        const atMost: Target = { kind: 'atMost', threshold: quantity(t, 'N') };
        expect(grado(atLeast, lo).lessThanOrEqualTo(grado(atLeast, hi))).toBe(true);
        expect(grado(atMost, lo).greaterThanOrEqualTo(grado(atMost, hi))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
