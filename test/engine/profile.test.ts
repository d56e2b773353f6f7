import fc from 'fast-check';
import { Dec, DEFAULT_PROFILE, MODENA_2024, profileFromJson, profileToJson, type SmvpProfile } from '../../src/engine';
import { value } from './helpers';

/** The problems of a profile that must be rejected. */
function rejected(input: unknown): ReadonlyArray<{ readonly path: string; readonly message: string }> {
  const r = profileFromJson(input);
  if (r.ok) throw new Error(`accepted: ${JSON.stringify(profileToJson(r.value))}`);
  expect(r.error.code).toBe('invalid-profile');
  return r.errors;
}

/** The problems of a profile that must be rejected, as `path: message`. */
const problems = (input: unknown): string[] => rejected(input).map((e) => `${e.path}: ${e.message}`);

/** The paths of the problems of a profile that must be rejected (a key may itself hold ": "). */
const paths = (input: unknown): string[] => rejected(input).map((e) => e.path);

describe('SMVP profile', () => {
  test('the default is "Modena 2024" with the seed parameters', () => {
    expect(DEFAULT_PROFILE).toBe(MODENA_2024);
    expect(profileToJson(MODENA_2024)).toEqual({
      name: 'Modena 2024',
      semaphore: { green: '0.95', red: '0.6' },
      overshootingTolerance: '1.1',
      weightTolerance: '0.0001',
      deadline: { rule: 'zero' },
      missingValue: 'exclude',
      displayDecimals: 2,
      suggestedTarget: 'ultimo',
    });
  });

  test('round-trips through JSON text', () => {
    const custom = { ...MODENA_2024, name: 'Prova', deadline: { rule: 'linear', days: 15 } as const, missingValue: 'zero' as const, suggestedTarget: 'media' as const };
    const back = value(profileFromJson(JSON.stringify(profileToJson(custom))));
    expect(profileToJson(back)).toEqual(profileToJson(custom));
    expect(back.semaphore.green.equals(new Dec('0.95'))).toBe(true);
  });

  test('fields left out take the default', () => {
    const p = value(profileFromJson({ overshootingTolerance: '0.5' }));
    expect(p.overshootingTolerance.toString()).toBe('0.5');
    expect(p.semaphore.green.toString()).toBe('0.95');
  });

  test('the bounds themselves are accepted: verde 100%, rosso just above 0, tolerance 1000%, weight tolerance 0 and 1 point, 0 and 6 decimals, 366 days', () => {
    const edge = value(profileFromJson({ semaphore: { green: '1', red: '0.0001' }, overshootingTolerance: '10', weightTolerance: '0', displayDecimals: 0 }));
    expect(edge.semaphore.green.toString()).toBe('1');
    expect(edge.overshootingTolerance.toString()).toBe('10');
    const other = value(profileFromJson({ weightTolerance: 0.01, displayDecimals: 6, deadline: { rule: 'linear', days: 366 } }));
    expect(other.weightTolerance.toString()).toBe('0.01');
    expect(other.deadline).toEqual({ rule: 'linear', days: 366 });
  });

  test('plain JSON numbers are read through their decimal form, exactly', () => {
    const p = value(profileFromJson('{"semaphore":{"green":0.9,"red":0.1},"overshootingTolerance":1.1}'));
    expect(p.semaphore.red.toString()).toBe('0.1');
    expect(p.overshootingTolerance.equals(new Dec('1.1'))).toBe(true);
  });

  test.each([
    ['{not json', 'JSON'],
    ['[]', 'oggetto'],
    [{ semaphore: { green: 'tanto' } }, 'semaphore.green'],
    [{ semaphore: { green: '0.5', red: '0.6' } }, 'rosso'],
    [{ overshootingTolerance: -1 }, 'overshootingTolerance'],
    [{ deadline: { rule: 'linear', days: 0 } }, 'deadline'],
    [{ missingValue: 'ignore' }, 'missingValue'],
    [{ displayDecimals: 2.5 }, 'displayDecimals'],
    [{ suggestedTarget: 'massimo' }, 'suggestedTarget'],
  ])('rejects %p with a message naming the problem', (input, word) => {
    const r = profileFromJson(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-profile');
      expect(r.error.message).toContain(word);
    }
  });
});

describe('SMVP profile validation', () => {
  test('semaphore green "1e-30" and red "0" (everything verde) is rejected on both thresholds', () => {
    expect(problems({ semaphore: { green: '1e-30', red: '0' } })).toEqual([
      expect.stringMatching(/^semaphore\.green: .*notazione decimale/),
      expect.stringMatching(/^semaphore\.red: .*0% < rosso < verde ≤ 100%/),
    ]);
  });

  test('rosso 0% is rejected: the rule is 0% < rosso < verde ≤ 100%', () => {
    expect(problems({ semaphore: { red: 0 } })).toEqual([expect.stringMatching(/^semaphore\.red: rosso 0%.*0% < rosso < verde ≤ 100%/)]);
  });

  test('rosso equal to verde, rosso above verde and verde above 100% are rejected with the rule', () => {
    expect(problems({ semaphore: { green: '0.8', red: '0.8' } })).toEqual([expect.stringMatching(/^semaphore: rosso 80% .* verde 80%.*0% < rosso < verde ≤ 100%/)]);
    expect(paths({ semaphore: { green: '0.5' } })).toEqual(['semaphore']);
    expect(paths({ semaphore: { green: '1.01' } })).toEqual(['semaphore.green']);
  });

  test('overshooting tolerance 0 is rejected (every exceeded target would be in overshooting)', () => {
    expect(problems({ overshootingTolerance: '0' })).toEqual([expect.stringMatching(/^overshootingTolerance: .*0% < tolleranza ≤ 1000%/)]);
  });

  test('overshooting tolerance "1e+9000000000000000" and 1000,01% are rejected', () => {
    expect(paths({ overshootingTolerance: '1e+9000000000000000' })).toEqual(['overshootingTolerance']);
    expect(problems({ overshootingTolerance: '10.0001' })).toEqual([expect.stringMatching(/^overshootingTolerance: tolleranza 1000,01%/)]);
  });

  test('weight tolerance 100 (weight check switched off) and a negative one are rejected: at most 1 percentage point', () => {
    expect(problems({ weightTolerance: 100 })).toEqual([expect.stringMatching(/^weightTolerance: .*1 punto percentuale/)]);
    expect(paths({ weightTolerance: '0.0101' })).toEqual(['weightTolerance']);
    expect(paths({ weightTolerance: '-0.0001' })).toEqual(['weightTolerance']);
  });

  test('misspelt key "semaforo" is rejected, not silently replaced by the default, and "semaphore" suggested', () => {
    expect(problems({ semaforo: { green: '0.99', red: '0.5' } })).toEqual(['semaforo: chiave sconosciuta «semaforo»: forse «semaphore»?']);
  });

  test('misspelt key "Green" is rejected with its path and "green" suggested; a key far from any is only named', () => {
    expect(problems({ semaphore: { Green: '0.99' } })).toEqual(['semaphore.Green: chiave sconosciuta «Green»: forse «green»?']);
    expect(problems({ colore: 'blu' })).toEqual(['colore: chiave sconosciuta «colore».']);
    expect(paths({ deadline: { rule: 'linear', days: 10, giorni: 5 } })).toEqual(['deadline.giorni']);
  });

  test.each([
    ['hex "0x0.F"', '0x0.F'],
    ['exponent "1e-1"', '1e-1'],
    ['exponent JSON number 1e-7', 1e-7],
    ['"Infinity"', 'Infinity'],
    ['Infinity', Infinity],
    ['"NaN"', 'NaN'],
    ['NaN', NaN],
    ['empty text', ''],
    ['".5"', '.5'],
    ['"+0.5"', '+0.5'],
    ['Italian comma "0,5"', '0,5'],
    ['percent "50%"', '50%'],
    ['null', null],
    ['true', true],
  ])('numbers only in plain decimal notation: %s is rejected', (_name, v) => {
    expect(problems({ weightTolerance: v })).toEqual([expect.stringMatching(/^weightTolerance: deve essere un numero in notazione decimale/)]);
  });

  test('deadline days: a positive integer up to 366 with the linear rule, and only with it', () => {
    expect(paths({ deadline: { rule: 'linear', days: 0 } })).toEqual(['deadline.days']);
    expect(paths({ deadline: { rule: 'linear', days: 1.5 } })).toEqual(['deadline.days']);
    expect(paths({ deadline: { rule: 'linear', days: '30' } })).toEqual(['deadline.days']);
    expect(paths({ deadline: { rule: 'linear', days: 367 } })).toEqual(['deadline.days']);
    expect(paths({ deadline: { rule: 'linear' } })).toEqual(['deadline.days']);
    expect(paths({ deadline: { rule: 'zero', days: 30 } })).toEqual(['deadline.days']);
    expect(paths({ deadline: { days: 30 } })).toEqual(['deadline.rule']);
    expect(paths({ deadline: 'zero' })).toEqual(['deadline']);
  });

  test('display decimals: an integer from 0 to 6 (7, -1 and "2" rejected)', () => {
    expect(problems({ displayDecimals: 7 })).toEqual([expect.stringMatching(/^displayDecimals: .*intero da 0 a 6/)]);
    expect(paths({ displayDecimals: -1 })).toEqual(['displayDecimals']);
    expect(paths({ displayDecimals: '2' })).toEqual(['displayDecimals']);
  });

  test('enumerations take only their known values, and a near miss is suggested', () => {
    expect(problems({ missingValue: 'Exclude' })).toEqual(['missingValue: deve essere "exclude" o "zero", non "Exclude": forse "exclude"?']);
    expect(paths({ suggestedTarget: 'massimo', deadline: { rule: 'lineare', days: 5 } })).toEqual(['deadline.rule', 'suggestedTarget']);
  });

  test('a field present but null or of the wrong kind is rejected, not replaced by the default', () => {
    expect(paths({ semaphore: null, name: 5, missingValue: null })).toEqual(['name', 'semaphore', 'missingValue']);
    expect(paths({ name: '  ' })).toEqual(['name']);
  });

  test('every problem is reported, each with its path, and the one-line message lists them all', () => {
    const input = { semaforo: {}, semaphore: { green: '0x0.F', red: '0' }, overshootingTolerance: 0, weightTolerance: 100, deadline: { rule: 'linear', days: 0 }, displayDecimals: 10 };
    expect(paths(input)).toEqual(['semaforo', 'semaphore.green', 'semaphore.red', 'overshootingTolerance', 'weightTolerance', 'deadline.days', 'displayDecimals']);
    const r = profileFromJson(input);
    if (r.ok) throw new Error('accepted');
    for (const e of r.errors) expect(r.error.message).toContain(`${e.path}: ${e.message}`);
  });
});

/** A decimal with `scale` digits after the point between `min` and `max` units of 10^-scale. */
const fixed = (scale: number, min: number, max: number) => fc.integer({ min, max }).map((n) => new Dec(n).div(new Dec(10).pow(scale)));

const validProfile: fc.Arbitrary<SmvpProfile> = fc.integer({ min: 2, max: 8 }).chain((scale) => {
  const unit = 10 ** scale;
  const semaphore = fc
    .integer({ min: 2, max: unit })
    .chain((g) => fc.record({ green: fc.constant(new Dec(g).div(unit)), red: fixed(scale, 1, g - 1) }));
  return fc.record({
    name: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
    semaphore,
    overshootingTolerance: fixed(scale, 1, 10 * unit),
    weightTolerance: fixed(scale, 0, unit / 100),
    deadline: fc.oneof(fc.constant({ rule: 'zero' } as const), fc.integer({ min: 1, max: 366 }).map((days) => ({ rule: 'linear', days }) as const)),
    missingValue: fc.constantFrom('exclude', 'zero'),
    displayDecimals: fc.integer({ min: 0, max: 6 }),
    suggestedTarget: fc.constantFrom('ultimo', 'media'),
  });
});

/** Values no decimal field takes: other notations, other JSON kinds. */
const notPlainDecimal = fc.oneof(
  fc.constantFrom('0x0.F', 'Infinity', '-Infinity', 'NaN', '', ' ', '.5', '1.', '+1', '0,95', '95%', '1_0', '0b1', null, true, [], {}, NaN, Infinity),
  fc.tuple(fc.integer({ min: -99, max: 99 }), fc.constantFrom('e', 'E', 'e+', 'e-')).map(([m, e]) => `${m}${e}${Math.abs(m % 30)}`),
  fc.double({ min: 1e-300, max: 1e-7, noNaN: true }),
);

/** Decimals as the text the JSON form holds. */
const fixedText = (scale: number, min: number, max: number) => fixed(scale, min, max).map((d) => d.toFixed());

/** For each path, values out of its rule, and where they go in a profile. */
const invalidAt: ReadonlyArray<[string, fc.Arbitrary<unknown>, (v: unknown) => object]> = [
  ['semaphore.green', fc.oneof(notPlainDecimal, fixedText(4, -20000, 0), fixedText(4, 10001, 10 ** 9)), (v) => ({ semaphore: { green: v } })],
  ['semaphore.red', fc.oneof(notPlainDecimal, fixedText(4, -20000, 0), fixedText(4, 10000, 10 ** 9)), (v) => ({ semaphore: { red: v } })],
  ['overshootingTolerance', fc.oneof(notPlainDecimal, fixedText(4, -20000, 0), fixedText(4, 100001, 10 ** 9)), (v) => ({ overshootingTolerance: v })],
  ['weightTolerance', fc.oneof(notPlainDecimal, fixedText(6, -20000, -1), fixedText(6, 10001, 10 ** 9)), (v) => ({ weightTolerance: v })],
  ['deadline.days', fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 367 }), fc.double({ noInteger: true }), fc.string(), fc.constant(null)), (v) => ({ deadline: { rule: 'linear', days: v } })],
  ['deadline.rule', fc.jsonValue().filter((v) => v !== 'zero' && v !== 'linear'), (v) => ({ deadline: { rule: v } })],
  ['displayDecimals', fc.oneof(fc.integer({ max: -1 }), fc.integer({ min: 7 }), fc.double({ noInteger: true }), fc.string(), fc.constant(null)), (v) => ({ displayDecimals: v })],
  ['missingValue', fc.jsonValue().filter((v) => v !== 'exclude' && v !== 'zero'), (v) => ({ missingValue: v })],
  ['suggestedTarget', fc.jsonValue().filter((v) => v !== 'ultimo' && v !== 'media'), (v) => ({ suggestedTarget: v })],
  ['name', fc.oneof(fc.stringMatching(/^\s*$/), fc.integer(), fc.constant(null)), (v) => ({ name: v })],
];

/** Two or more fields, each with an invalid value, as one profile; days are not checked under an unknown rule, so not both. */
const severalInvalid = fc
  .subarray([...invalidAt], { minLength: 2 })
  .filter((picked) => picked.filter(([path]) => path.startsWith('deadline.')).length < 2)
  .chain((picked) => fc.tuple(...picked.map(([path, bad, place]) => bad.map((v) => [path, place(v)] as const))));

describe('SMVP profile properties', () => {
  test('profileToJson → JSON text → profileFromJson gives the same profile back, for random valid profiles', () => {
    fc.assert(
      fc.property(validProfile, (p) => {
        const back = value(profileFromJson(JSON.stringify(profileToJson(p))));
        expect(profileToJson(back)).toEqual(profileToJson(p));
        expect(back.semaphore.green.equals(p.semaphore.green) && back.semaphore.red.equals(p.semaphore.red)).toBe(true);
        expect(back.weightTolerance.equals(p.weightTolerance) && back.overshootingTolerance.equals(p.overshootingTolerance)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test('profileToJson writes every decimal in plain notation, however small', () => {
    const tiny = { ...MODENA_2024, weightTolerance: new Dec('1e-12'), semaphore: { green: new Dec('1e-9').times(2), red: new Dec('1e-9') } };
    expect(profileToJson(tiny)).toMatchObject({ weightTolerance: '0.000000000001', semaphore: { green: '0.000000002', red: '0.000000001' } });
  });

  test('a random invalid value is rejected with its path', () => {
    for (const [path, bad, place] of invalidAt) {
      fc.assert(
        fc.property(bad, (v) => {
          expect(paths(place(v))).toContain(path);
        }),
        { numRuns: 200 },
      );
    }
  });

  test('several random invalid values at once: each one is reported with its path', () => {
    fc.assert(
      fc.property(severalInvalid, (fields) => {
        const json: Record<string, unknown> = {};
        for (const [, part] of fields) merge(json, part);
        const reported = paths(json);
        for (const [path] of fields) expect(reported).toContain(path);
      }),
      { numRuns: 300 },
    );
  });

  test('an unknown key holding ": " is named whole', () => {
    expect(paths(JSON.stringify({ ': ': [] }))).toEqual([': ']);
  });

  test('a random unknown key is rejected, named by its path', () => {
    const known = ['name', 'semaphore', 'overshootingTolerance', 'weightTolerance', 'deadline', 'missingValue', 'displayDecimals', 'suggestedTarget'];
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((k) => !known.includes(k)),
        fc.jsonValue(),
        (key, v) => {
          expect(paths(JSON.stringify({ [key]: v }))).toEqual([key]);
        },
      ),
    );
  });
});

function merge(into: Record<string, unknown>, part: object): void {
  for (const [k, v] of Object.entries(part)) {
    const had = into[k];
    into[k] = typeof had === 'object' && had !== null && typeof v === 'object' && v !== null ? { ...had, ...v } : v;
  }
}
