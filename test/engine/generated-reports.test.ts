/**
 * Generated Integra reports (test/support/integra-generator.ts) recomputed by the engine: every row
 * read at its level, every node's achievement equal to the one worked out from the generated tree
 * (within 1e-15), no `errore` where nothing was planted and every planted fault found at its cell.
 * Each variation has its own property, so a failure names it; fast-check shrinks a failure to a
 * small report and the message prints its grid row by row.
 */
import fc from 'fast-check';
import { analyseSheet, Dec, type Finding, type Grid, type GridCell } from '../../src/engine';
import {
  ALL_FAULTS,
  checkReport,
  describeExpected,
  describeGrid,
  EVERYTHING,
  fcDraw,
  generateReport,
  PLAIN,
  type GeneratorOptions,
  type ReportKind,
} from '../support/integra-generator';

function holds(options: GeneratorOptions, numRuns: number): void {
  fc.assert(
    fc.property(fc.gen(), (g) => {
      const generated = generateReport(fcDraw(g), options);
      const problems = checkReport(generated, analyseSheet(generated.grid));
      if (problems.length > 0) {
        throw new Error(`${problems.slice(0, 12).join('\n')}\n\nSheet:\n${describeGrid(generated.grid)}\n\nExpected:\n${describeExpected(generated)}`);
      }
    }),
    { numRuns },
  );
}

describe.each<ReportKind>(['ente', 'unita'])('generated %s reports', (kind) => {
  const only = (options: Partial<GeneratorOptions>): GeneratorOptions => ({ ...PLAIN, ...options, kinds: [kind] });

  test('Modena codes, Integra columns, every figure as text', () => holds(only({}), 25));

  test('page breaks: title and header repeated, with the open rows', () => holds(only({ pageBreaks: true }), 20));

  test('weights in another tree column, codes split from labels, table not at A1', () =>
    holds(only({ weightsElsewhere: true, splitCodes: true, offset: true }), 20));

  test('labels in one column or anywhere in the tree part', () => holds(only({ columnModes: ['flat', 'scattered'] }), 20));

  test('weights, values and dates as Excel numbers with formats', () => holds(only({ figureStyles: ['number'] }), 20));

  test('stated figures as the double nearest the exact figure, "0.00%"', () => holds(only({ statedStyles: ['double'] }), 20));

  test('stated figures as the 2-decimal double, "0.00%"', () => holds(only({ statedStyles: ['double2'] }), 20));

  test('a "Valori misure" column the values are computed from', () => holds(only({ measures: true }), 20));

  test('N/D values: not measurable, left out of the mean', () => holds(only({ notAvailable: true }), 20));

  test('planted faults are found at their cells, and nothing else', () => holds(only({ faults: ALL_FAULTS }), 25));

  test("other chambers' code schemes", () => holds(only({ codeSchemes: ['dotted', 'letters', 'prefixed', 'numeric-alpha'] }), 20));

  test('labels without codes', () => holds(only({ codeSchemes: ['none'] }), 20));

  test('every variation at once', () => holds({ ...EVERYTHING, kinds: [kind] }, 60));
});

test('the Ente row named after the chamber', () => holds({ ...PLAIN, kinds: ['ente'], rootNames: true }, 20));

describe('stated figures stored as Excel numbers, as the same figures printed as text', () => {
  const HEADER = ['Ente', 'Ambito', 'Obiettivo strategico', 'Obiettivi Operativi / Indicatori OS', 'Indicatori', 'Target', 'Valore', 'Raggiungimento', 'Valutazione'];

  /** One indicator under one block, OS, ambito and Ente: every row states the same figure. */
  function sheet(target: string, value: string, stated: GridCell): Grid {
    const w: GridCell = { value: '100,00%' };
    const row = (cells: Array<GridCell | undefined>): Array<GridCell | undefined> => [...cells, ...Array<undefined>(7 - cells.length).fill(undefined), stated];
    return {
      name: 'Ente',
      rows: [
        [{ value: 'Integra_Report_Performance organizzativa Ente_Modena_dicembre_2024' }],
        [],
        HEADER.map((value) => ({ value })),
        row([{ value: 'Ente' }]),
        row([w, { value: '1 - Competitività delle imprese' }]),
        row([undefined, w, { value: '301 - Internazionalizzazione' }]),
        row([undefined, undefined, w, { value: 'Indicatori' }]),
        [undefined, undefined, undefined, w, { value: '301.S1 - Imprese coinvolte' }, { value: target }, { value: value }, stated],
      ],
    };
  }

  const summary = (findings: readonly Finding[]) => findings.map((f) => [f.severity, f.code, f.cell]);

  test.each([
    // 188/600, the double Excel stores for it.
    { exact: new Dec(188).div(600), target: '>= 600 N.', value: '188 N.', number: 0.31333333333333335, text: '31,33%' },
    // 63.359/72.000 = 87,9986…%, shown 88,00%.
    { exact: new Dec(63_359).div(72_000), target: '>= 72.000 N.', value: '63.359 N.', number: 0.88, text: '88,00%' },
    // 333.333/333.334 = 99,9997…%, shown 100,00%.
    { exact: new Dec(333_333).div(333_334), target: '>= 333.334 N.', value: '333.333 N.', number: 1, text: '100,00%' },
  ])('$number with "0.00%" against $exact: no errore, the findings of "$text"', ({ exact, target, value, number, text }) => {
    const asNumber = analyseSheet(sheet(target, value, { value: number, numberFormat: '0.00%' }));
    const asText = analyseSheet(sheet(target, value, { value: text }));
    expect(asNumber.nodes.map((n) => [n.level, n.computed])).toEqual(['ente', 'ambito', 'os', 'blocco', 'indicatore'].map((level) => [level, exact.toString()]));
    expect(asNumber.findings.filter((f) => f.severity === 'errore')).toEqual([]);
    expect(summary(asNumber.findings)).toEqual(summary(asText.findings));
  });
});
