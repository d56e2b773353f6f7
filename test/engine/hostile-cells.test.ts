/** Cells a careless export or an attacker could produce: every problem a finding at its cell, quoted briefly. */
import fc from 'fast-check';
import { analyseSheet, evaluateIndicator, evaluateMeasures, parseActual, parseTarget, parseWeight, type GridCell } from '../../src/engine';
import { c } from './helpers';

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

describe('a formula saved without its result is a finding at its cell, never an empty cell', () => {
  const uncomputed: GridCell = { value: null, formulaWithoutValue: true };
  const header = ['Ente', 'Ambito', 'Obiettivo strategico', 'Indicatori', 'Target', 'Valore', 'Raggiungimento'].map((h) => c(h));
  const report = (ente: GridCell, weight: GridCell) =>
    analyseSheet({
      name: 'Ente',
      rows: [
        header,
        [c('Ente'), undefined, undefined, undefined, undefined, undefined, ente],
        [weight, c('1 - Imprese'), undefined, undefined, undefined, undefined, c('100,00%')],
        [c('50,00%'), c('2 - Territorio'), undefined, undefined, undefined, undefined, c('100,00%')],
        [undefined, c('100,00%'), c('21 - Turismo'), undefined, undefined, undefined, c('100,00%')],
        [undefined, undefined, c('100,00%'), c('I1'), c('>= 1 N.'), c('1 N.'), c('100,00%')],
      ],
    });
  const codes = (r: ReturnType<typeof analyseSheet>) => r.findings.map((f) => [f.severity, f.code, f.cell]);

  test('in the Ente stated cell: the Ente stays, recomputed, with an avviso', () => {
    const r = report(uncomputed, c('50,00%'));
    expect(r.nodes[0]).toMatchObject({ level: 'ente', computed: '1' });
    // (Ambito 1 has nothing under it, hence the second avviso.)
    expect(codes(r)).toEqual([
      ['avviso', 'livello-incerto', 'B3'],
      ['avviso', 'formula-senza-valore', 'G2'],
    ]);
  });

  test('in a weight: its errore, and no false one on the sum of the weights', () => {
    expect(codes(report(c('100,00%'), uncomputed)).filter(([s]) => s === 'errore')).toEqual([['errore', 'formula-senza-valore', 'A3']]);
  });
});

describe('one definition of each thing, the same in every reader', () => {
  test('a «-» is no figure anywhere: as a value it is missing, as measures it is absent (the value is used)', () => {
    expect(parseActual('-')).toEqual({ ok: true, value: { kind: 'missing', reason: 'empty' } });
    const ind = evaluateIndicator({ level: 'indicatore', code: 'I', label: '', target: '>= 10 N.', value: '12 N.', measures: '-' });
    expect([ind.source, ind.measuresError]).toEqual(['value', undefined]);
  });

  test('every unit word reads after a number in the measures as in a value: «1.000 euro / 2 euro»', () => {
    const m = evaluateMeasures('1.000 euro / 2 euro');
    expect(m.ok && m.value.kind === 'quantity' ? m.value.amount.toString() : m).toBe('500');
    expect(evaluateMeasures('3 num. + 2 giorno').ok).toBe(true);
    expect(parseActual('1.000 euro')).toMatchObject({ ok: true, value: { unit: '€' } });
  });

  test('the annex reports unreadable measures it falls back from, as a tree does: «8.270 N. / / 630 N.»', () => {
    const annex = analyseSheet({
      name: 'Overshooting',
      rows: [
        ['INDICATORE', 'VALORI MISURE', 'CONSUNTIVO', 'TARGET', 'GRADO RAGGIUNGIMENTO', 'VALORE vs TARGET', 'OVERSHOOTING'].map((h) => c(h)),
        [c('I1'), c('8.270 N. / / 630 N.'), c('13,12 N.'), c('>= 14 N.'), c('93,71%'), c('93,71%'), c('0,00%')],
      ],
    });
    expect(annex.findings.map((f) => [f.code, f.cell])).toEqual([['misure-illeggibili', 'B2']]);
  });
});
