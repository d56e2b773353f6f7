/** Cells a careless export or an attacker could produce: every problem a finding at its cell, quoted briefly. */
import fc from 'fast-check';
import { parseActual, parseTarget, parseWeight } from '../../src/engine';

describe('messages quote a cell briefly, however long it is', () => {
  const huge = (head: string) => `${head}${'9'.repeat(30_000)}x`;
  test.each([
    ['a target', () => parseTarget(huge('>= '))],
    ['a misspelt operator', () => parseTarget(huge('=> '))],
    ['a value', () => parseActual(huge('12,'))],
    ['a weight', () => parseWeight(huge('a'))],
    ['a date', () => parseActual(huge('31-02-'))],
  ])('%s of 30,000 characters', (_, read) => {
    const r = read();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message.length).toBeLessThan(300);
  });

  test('any text: never a message longer than 300 characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 300, maxLength: 5_000 }), (text) => {
        for (const r of [parseTarget(text), parseActual(text), parseWeight(text)]) if (!r.ok) expect(r.error.message.length).toBeLessThan(300);
      }),
    );
  });
});

test('a number of more than 30 digits is refused before any arithmetic', () => {
  const r = parseTarget(`>= ${'9'.repeat(31)} N.`);
  expect(r.ok ? null : r.error.message).toMatch(/Target «>= 9{30,}.*» non leggibile: Numero di 31 cifre \(al massimo 30\)/);
  expect(parseTarget(`>= ${'9'.repeat(30)} N.`).ok).toBe(true);
});
