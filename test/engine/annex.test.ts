/**
 * The overshooting annex on hostile input: TIPO values that name an object's own machinery, measures
 * that cannot be read or that contradict the CONSUNTIVO, figures too large for a spreadsheet.
 */
import { analyseSheet, buildOvershootingReport, layOutOvershootingSheet, overshootingSheet, type AnnexInput, type Finding, type GridCell } from '../../src/engine';
import { c } from './helpers';

const ANNEX_HEADER = ['INDICATORE', 'TIPO', 'VALORI MISURE', 'CONSUNTIVO', 'TARGET', 'GRADO RAGGIUNGIMENTO', 'VALORE vs TARGET', 'OVERSHOOTING'];

/** One annex line with only what the test sets; the printed figures are left empty, so not compared. */
function line(fields: { code?: string; tipo?: string; measures?: GridCell['value']; value: GridCell['value']; target: string; addresses?: AnnexInput['addresses'] }): AnnexInput {
  return {
    row: 2,
    code: fields.code ?? 'I1',
    label: '',
    tipo: fields.tipo ?? 'Efficacia',
    description: '',
    algorithm: '',
    measures: { value: fields.measures ?? null },
    value: { value: fields.value },
    target: { value: fields.target },
    external: false,
    addresses: fields.addresses ?? { target: 'E2', value: 'D2', measures: 'C2' },
  };
}

const codes = (findings: readonly Finding[]) => findings.map((f) => [f.severity, f.code, f.cell]);

describe('TIPO values are counted as the text they are', () => {
  test.each(['constructor', 'toString', 'hasOwnProperty', '__proto__'])('%s: counted in the report and in the sheet’s summary', (tipo) => {
    // 30 against >= 10: 300%, in overshooting.
    const flagged = (code: string, t: string) => line({ code, tipo: t, value: '30 N.', target: '>= 10 N.' });
    const report = buildOvershootingReport([flagged('I1', tipo), flagged('I2', 'Efficacia'), flagged('I3', tipo)]);
    expect(report.flagged).toBe(3);
    expect(Object.entries(report.byTipo)).toEqual([
      [tipo, 2],
      ['Efficacia', 1],
    ]);
    const summary = overshootingSheet(report).summary.filter(([label]) => label.startsWith('Tipo '));
    expect(summary).toEqual([
      [`Tipo ${tipo}`, { number: 2, format: '0' }],
      ['Tipo Efficacia', { number: 1, format: '0' }],
    ]);
  });
});

describe('annex measures are never silently guessed', () => {
  test.each([
    ['1 N. / 0 N.', 'Divisione per zero'],
    ['ciao', 'Carattere inatteso'],
    ['0 / 0', 'Divisione per zero'],
  ])('measures «%s» cannot be read: an avviso at the measures, and the CONSUNTIVO used', (measures, why) => {
    const report = buildOvershootingReport([line({ measures, value: '10 N.', target: '>= 5 N.' })]);
    expect(codes(report.findings)).toEqual([['avviso', 'misure-illeggibili', 'C2']]);
    expect(report.findings[0].message).toContain(why);
    expect(report.findings[0].message).toContain('usato il valore dichiarato');
    expect(report.lines[0].outcome?.ratio?.toString()).toBe('2');
  });

  test('without the measures’ address, the avviso points at the CONSUNTIVO used instead', () => {
    const report = buildOvershootingReport([line({ measures: 'ciao', value: '10 N.', target: '>= 5 N.', addresses: { target: 'E2', value: 'D2' } })]);
    expect(codes(report.findings)).toEqual([['avviso', 'misure-illeggibili', 'D2']]);
  });

  test('measures of 100 against a CONSUNTIVO of 10: the measures are used, and the difference said at the value', () => {
    const report = buildOvershootingReport([line({ measures: '100 N.', value: 10, target: '>= 5 N.' })]);
    expect(codes(report.findings)).toEqual([['avviso', 'valore-diverso-dalle-misure', 'D2']]);
    expect(report.findings[0]).toMatchObject({ stated: '10', computed: '100' });
    expect(report.lines[0].outcome?.ratio?.toString()).toBe('20');
    expect(report.flagged).toBe(1);
  });

  test('measures that agree with the CONSUNTIVO at its printed precision: nothing to say', () => {
    const report = buildOvershootingReport([line({ measures: '30 N. / 31 N.', value: '96,77 %', target: '>= 90,00 %' })]);
    expect(report.findings).toEqual([]);
  });

  test('the annex and a tree report say the same of the same measures', () => {
    const annex = (measures: string, value: string) =>
      analyseSheet({ name: 'Overshooting', rows: [ANNEX_HEADER.map((h) => c(h)), [c('I1'), c('Efficacia'), c(measures), c(value), c('>= 5 N.')]] });
    const tree = (measures: string, value: string) =>
      analyseSheet({
        name: 'Ente',
        rows: [
          ['Ente', 'Ambito', 'Obiettivo strategico', 'Obiettivi Operativi / Indicatori OS', 'Indicatori', 'Target', 'Valore', 'Raggiungimento', 'Valori misure'].map((h) => c(h)),
          [c('Ente'), undefined, undefined, undefined, undefined, undefined, undefined, c('100,00%')],
          [c('100,00%'), c('I1'), undefined, undefined, undefined, c('>= 5 N.'), c(value), c('100,00%'), c(measures)],
        ],
      });
    const said = (findings: readonly Finding[]) => findings.map((f) => [f.severity, f.code, f.message]);
    for (const [measures, value] of [
      ['1 N. / 0 N.', '10 N.'],
      ['100 N.', '10 N.'],
    ]) {
      const fromTree = said(tree(measures, value).findings);
      expect(fromTree).toHaveLength(1);
      expect(said(annex(measures, value).findings)).toEqual(fromTree);
    }
  });
});

describe('a figure too large for a double is a finding, never Infinity', () => {
  // 10^308 against 10^-29 (the target's 30 digits allowed): the ratio is 10^337, beyond any double.
  const tiny = `>= 0,${'0'.repeat(28)}1 N.`;

  test('an errore at the value, and the sheet writes text where the figure would be', () => {
    const report = buildOvershootingReport([line({ value: 1e308, target: tiny })]);
    expect(codes(report.findings)).toEqual([['errore', 'valore-incompatibile', 'D2']]);
    expect(report.findings[0].message).toContain('non rappresentabile');
    expect(report.flagged).toBe(1);
    const [sheetLine] = overshootingSheet(report).lines;
    expect(sheetLine.cells.slice(7)).toEqual([{ number: 1, format: '0.00%' }, { text: 'non rappresentabile' }, { text: 'non rappresentabile' }, { text: 'verde' }]);
  });

  test('no cell of the laid-out sheet holds a number that is not finite', () => {
    const report = buildOvershootingReport([line({ value: 1e308, target: tiny }), line({ code: 'I2', value: 1.7e308, target: '>= 0,5 N.' })]);
    const numbers = layOutOvershootingSheet(overshootingSheet(report)).cells.flatMap((cell) => ('number' in cell.value ? [cell.value.number] : []));
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.every(Number.isFinite)).toBe(true);
  });

  test('a large figure that still fits is written as a number', () => {
    const report = buildOvershootingReport([line({ value: 1e300, target: '>= 1 N.' })]);
    expect(report.findings).toEqual([]);
    expect(overshootingSheet(report).lines[0].cells[8]).toEqual({ number: 1e300, format: '0.00%' });
  });
});
