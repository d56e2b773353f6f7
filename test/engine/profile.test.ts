import { Dec, DEFAULT_PROFILE, MODENA_2024, profileFromJson, profileToJson } from '../../src/engine';
import { value } from './helpers';

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
