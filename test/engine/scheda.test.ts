/** The scorecard reader on the shapes cards come in, and on what users get wrong in them. */
import fc from 'fast-check';
import { analyseSheet, Dec, formatPercent, recogniseLayout, splitObjective, type GridCell } from '../../src/engine';
import { c } from './helpers';

type Line = Array<GridCell | undefined>;

const HEADER = ['Tipologia obiettivo', 'Obiettivo', 'Peso indicatore', 'Indicatore', 'Descrizione', 'Algoritmo', 'Valore misure', 'Consuntivo', 'Target', 'Grado raggiungimento', 'Valutazione', 'Peso obiettivo individuale'];

/** A card row: the twelve columns of the header, '' for an empty cell. */
const line = (...cells: Array<string | number | GridCell>): Line =>
  cells.map((v) => (v === '' ? undefined : typeof v === 'object' ? v : c(v)));
const objective = (type: string, text: string, grado: string, weight: string) => line(type, text, '', '', '', '', '', '', '', grado, '', weight);
type Cell = string | GridCell;
const indicator = (weight: Cell, name: string, measures: string, value: Cell, target: string, grado: Cell, objectiveWeight = '') =>
  line('', '', weight, name, '', '', measures, value, target, grado, '', objectiveWeight);

const pct = (fraction: string | null | undefined) => (fraction === null || fraction === undefined ? '—' : formatPercent(new Dec(fraction)));
const analyse = (rows: Line[], header: readonly string[] = HEADER) => analyseSheet({ name: 'Scheda', rows: [[c('Scheda obiettivi individuali - Mario Rossi')], [], header.map((h) => c(h)), ...rows] });

describe('recognising a scorecard', () => {
  test.each([
    ['as the seed prints it («Consumivo», «Utilizzazione»)', HEADER.map((h) => (h === 'Consuntivo' ? 'Consumivo' : h === 'Valutazione' ? 'Utilizzazione' : h))],
    ['in capitals, without the description columns', HEADER.filter((h) => h !== 'Descrizione' && h !== 'Algoritmo').map((h) => h.toUpperCase())],
  ])('%s', (_name, header) => {
    expect(recogniseLayout({ name: 'S', rows: [[], header.map((h) => c(h))] })).toMatchObject({ kind: 'schede', headerRow: 1 });
  });

  test('an Ente report is not taken for a scorecard', () => {
    const ente = ['Ente', 'Ambito', 'Obiettivo strategico', 'Indicatori', 'Target', 'Valore', 'Raggiungimento'];
    expect(recogniseLayout({ name: 'E', rows: [ente.map((h) => c(h))] })?.kind).toBe('ente');
  });
});

describe('reading a scorecard', () => {
  test('objectives of every type, weighted; the holder from the title; real Excel numbers read as well as text', () => {
    const report = analyse([
      objective('OP', '801.A1.3 - Servizi telematici', '90,00%', '60,00%'),
      indicator(c(0.5, { numberFormat: '0.00%' }), 'A - Pratiche', '', '80 N.', '>= 100 N.', '80,00%'),
      indicator('50,00%', 'B - Tempi', '', c(2, { numberFormat: '0.00' }), '<= 2', c(1, { numberFormat: '0.00%' })),
      objective('EXTRA', 'A111- Collaborazione con l’Unione regionale', '100,00%', '40,00%'),
      indicator('100,00%', 'C - Incontri', '3 N. + 1 N.', '4 N.', '>= 4 N.', '100,00%'),
    ]);
    expect(report.layout).toBe('schede');
    expect(report.nodes.map((n) => [n.level, n.code, n.label, n.row, pct(n.weight), pct(n.computed), n.cell])).toEqual([
      ['scheda', '', 'Scheda obiettivi individuali - Mario Rossi', 1, '—', '94,00%', null],
      ['op', '801.A1.3', 'Servizi telematici', 4, '60,00%', '90,00%', 'J4'],
      ['indicatore', 'A', 'Pratiche', 5, '50,00%', '80,00%', 'J5'],
      ['indicatore', 'B', 'Tempi', 6, '50,00%', '100,00%', 'J6'],
      ['extra', 'A111', 'Collaborazione con l’Unione regionale', 7, '40,00%', '100,00%', 'J7'],
      ['indicatore', 'C', 'Incontri', 8, '100,00%', '100,00%', 'J8'],
    ]);
    expect(report.findings).toEqual([]);
  });

  test('objective weight on the indicator rows: the first gives it, a different one is a warning on its cell', () => {
    const report = analyse([
      objective('EXTRA', 'F - Formazione', '', ''),
      line('', 'Coinvolgere tutto il personale'),
      indicator('50,00%', 'F1', '', '10 N.', '>= 10 N.', '100,00%', '100,00%'),
      indicator('50,00%', 'F2', '', '5 N.', '>= 10 N.', '50,00%', '90,00%'),
    ]);
    expect(report.nodes[1]).toMatchObject({ code: 'F', weight: '1', computed: '0.75' });
    expect(report.findings.map((f) => [f.severity, f.code, f.cell])).toEqual([['avviso', 'peso-obiettivo-diverso', 'L7']]);
    expect(report.findings[0].message).toContain('90,00% in questa riga, 100,00% in L6');
  });

  test('what a careful reader checks: weights, stated grado, unreadable target; the row of a nameless indicator', () => {
    const report = analyse([
      objective('OS', '803 - Trasparenza', '95,00%', '50,00%'),
      indicator('100,00%', '803.S1', '60 N. / 62 N.', '96,77 %', '>= 98,00 %', '98,75%'),
      objective('Individuale', 'X - Progetto', '', '30,00%'),
      indicator('100,00%', '', '', '1 N.', 'entro fine anno', ''),
    ]);
    expect(report.nodes.map((n) => [n.level, n.code || n.label])).toEqual([
      ['scheda', 'Scheda obiettivi individuali - Mario Rossi'],
      ['os', '803'],
      ['indicatore', '803.S1'],
      ['obiettivo', 'X'],
      ['indicatore', 'riga 7'],
    ]);
    expect(report.findings.map((f) => [f.severity, f.code, f.cell])).toEqual([
      ['errore', 'somma-pesi', 'L4'],
      ['errore', 'target-illeggibile', 'I7'],
      ['nota', 'os-non-verificato', 'J4'],
    ]);
    expect(report.findings[1].message).toContain('riga 7');
  });

  test('a note line in the type column is not an objective', () => {
    const report = analyse([
      objective('EXTRA', 'E - Esempio', '100,00%', '100,00%'),
      indicator('100,00%', 'E1', '', '10 N.', '>= 10 N.', '100,00%'),
      [],
      line('1.ROSSI.MARIO (1234)'),
    ]);
    expect(report.nodes.map((n) => n.level)).toEqual(['scheda', 'extra', 'indicatore']);
    expect(report.findings).toEqual([]);
  });

  test('the semaphore of each recomputed objective and indicator goes on its grado cell', () => {
    const report = analyse([objective('EXTRA', 'E - Esempio', '50,00%', '100,00%'), indicator('100,00%', 'E1', '', '5 N.', '>= 10 N.', '50,00%')]);
    expect(report.nodes.map((n) => [n.cell, n.semaforo])).toEqual([
      [null, 'rosso'],
      ['J4', 'rosso'],
      ['J5', 'rosso'],
    ]);
  });
});

describe('any card', () => {
  interface Card {
    readonly objectives: ReadonlyArray<{ readonly weight: number; readonly indicators: ReadonlyArray<{ readonly weight: number; readonly target: number; readonly value: number }> }>;
  }
  const card: fc.Arbitrary<Card> = fc.record({
    objectives: fc.array(
      fc.record({
        weight: fc.integer({ min: 1, max: 100 }),
        indicators: fc.array(fc.record({ weight: fc.integer({ min: 1, max: 100 }), target: fc.integer({ min: 1, max: 1000 }), value: fc.integer({ min: 0, max: 2000 }) }), { minLength: 1, maxLength: 4 }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  });
  const mean = (items: ReadonlyArray<{ weight: number; value: Dec }>) =>
    items.reduce((s, i) => s.plus(new Dec(i.weight).times(i.value)), new Dec(0)).div(items.reduce((s, i) => s + i.weight, 0));
  const expected = (k: Card) =>
    mean(k.objectives.map((o) => ({ weight: o.weight, value: mean(o.indicators.map((i) => ({ weight: i.weight, value: Dec.min(1, new Dec(i.value).div(i.target)) }))) })));
  const rows = (k: Card, weightOnIndicators: boolean) =>
    k.objectives.flatMap((o, n) => [
      objective('EXTRA', `O${n} - Obiettivo`, '', weightOnIndicators ? '' : `${o.weight},00%`),
      ...o.indicators.map((i, m) => indicator(`${i.weight},00%`, `O${n}.${m}`, '', `${i.value} N.`, `>= ${i.target} N.`, '', weightOnIndicators ? `${o.weight},00%` : '')),
    ]);

  test('the result is the weighted mean of the objectives’ weighted means, wherever the objective weights are printed', () => {
    fc.assert(
      fc.property(card, fc.boolean(), (k, weightOnIndicators) => {
        const [root] = analyse(rows(k, weightOnIndicators)).nodes;
        // Equal up to decimal.js's 40 significant digits (the engine divides by fractional weights).
        expect(new Dec(root.computed ?? NaN).minus(expected(k)).abs().lessThan('1e-30')).toBe(true);
      }),
    );
  });
});

describe('splitObjective', () => {
  const code = fc.stringMatching(/^[A-ZÀ-Ù0-9_.]{1,12}( [A-ZÀ-Ù0-9_.]{1,8})?$/);
  const label = fc.stringMatching(/^[A-Za-zà-ù0-9'(),.\- ]{0,40}[A-Za-z0-9]$/);

  test('"code - label" and "code- label" give back the code and the label', () => {
    fc.assert(
      fc.property(code, label, fc.constantFrom(' - ', '- '), (k, l, dash) => {
        expect(splitObjective(`${k}${dash}${l}`)).toEqual({ code: k, label: l.trim() });
      }),
    );
  });

  test('a text without a dash is all code', () => {
    expect(splitObjective('Formazione del personale')).toEqual({ code: 'Formazione del personale', label: '' });
  });
});

test.each(['constructor', 'toString', 'hasOwnProperty', '__proto__'])('a type «%s» is an objective of another type, like «ALTRO»', (type) => {
  const card = (t: string) => analyse([objective(t, 'X - Altro', '100,00%', '100,00%'), indicator('100,00%', 'E1', '', '10 N.', '>= 10 N.', '100,00%')]);
  expect(card(type).nodes.map((n) => [n.level, n.code])).toEqual([
    ['scheda', ''],
    ['obiettivo', 'X'],
    ['indicatore', 'E1'],
  ]);
  expect(card(type).findings).toEqual(card('ALTRO').findings);
});
