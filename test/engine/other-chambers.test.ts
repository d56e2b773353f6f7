/**
 * Reports of chambers other than the seed's, and figures as Excel stores them: levels from the
 * report's structure whatever the codes, Excel numbers judged by the precision they carry, rounding
 * at zero targets, values without unit against a target in %.
 */
import { analyseSheet, Dec, formatPercent, type Finding, type GridCell, type SheetReport } from '../../src/engine';
import { c } from './helpers';

type Cell = GridCell | string | number | undefined;
/** An empty cell, where Integra leaves one. */
const _ = undefined;
const cell = (x: Cell): GridCell | undefined => (x === undefined ? undefined : typeof x === 'object' ? x : c(x));
const pct = (n: number, numberFormat = '0.00%'): GridCell => c(n, { numberFormat });

const ENTE_HEADER = ['Ente', 'Ambito', 'Obiettivo strategico', 'Obiettivi Operativi / Indicatori OS', 'Indicatori', 'Target', 'Valore', 'Raggiungimento'];
/** What Integra prints at a page break: a blank line, the title, the header again. */
const PAGE_BREAK: ReadonlyArray<readonly Cell[]> = [[], ['Integra_Report_Performance'], ENTE_HEADER];
const UNIT_HEADER = ['Area', 'Settore', 'Obiettivo', 'Indicatore', 'Target', 'Valore', 'Raggiungimento'];

function sheet(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): SheetReport {
  return analyseSheet({ name: 'Report', rows: [[c('Integra_Report_Performance')], [], header.map((h) => c(h)), ...rows.map((r) => r.map(cell))] });
}

const levels = (r: SheetReport) => r.nodes.map((n) => [n.level, n.code]);
const shown = (r: SheetReport, code: string) => {
  const node = r.nodes.find((n) => n.code === code);
  return node?.computed == null ? null : formatPercent(new Dec(node.computed));
};
const codes = (findings: readonly Finding[]) => findings.map((f) => [f.severity, f.code, f.cell]);
const errors = (r: SheetReport) => codes(r.findings.filter((f) => f.severity === 'errore'));

/** An OS with an *Obiettivi operativi* block whose objective is coded `stated` another chamber's way. */
function enteWithObjective(objective: string, indicators: readonly string[]): SheetReport {
  const rows: Cell[][] = [
    ['Ente', _, _, _, _, _, _, '82,61%'],
    ['100,00%', '1 - Competitività delle imprese', _, _, _, _, _, '82,61%'],
    [_, '100,00%', '101 - Internazionalizzazione', _, _, _, _, '82,61%'],
    [_, _, '100,00%', 'Obiettivi operativi', _, _, _, '82,61%'],
    [_, _, _, '100,00%', objective, _, _, '82,61%'],
  ];
  const figures: ReadonlyArray<readonly [string, string, string, string]> = [
    ['40,00%', '>= 100 N.', '120 N.', '100,00%'],
    ['20,00%', '>= 50 N.', '30 N.', '60,00%'],
    ['20,00%', '<= 10 gg', '20 gg', '50,00%'],
    ['20,00%', 'Entro 30-06-2024', '28-06-2024', '100,00%'],
  ];
  indicators.forEach((code, i) => {
    const [w, t, v, s] = figures[i];
    rows.push([_, _, _, w, code, t, v, s]);
  });
  return sheet(ENTE_HEADER, rows);
}

describe('levels come from the structure, not from the codes', () => {
  test.each([
    ['101.A1 - Potenziare i servizi per l’export', ['A1.1', 'A1.2', 'A1.3', 'A1.4']],
    ['OB-3 - Potenziare i servizi per l’export', ['IND 1', 'IND 2', 'IND 3', 'IND 4']],
    ['Potenziare i servizi per l’export', ['Imprese assistite', 'Eventi', 'Tempi', 'Bando']],
  ])('an operational objective coded «%s» is an objective, with its indicators under it', (objective, indicators) => {
    const r = enteWithObjective(objective, indicators);
    expect(r.nodes.map((n) => n.level)).toEqual(['ente', 'ambito', 'os', 'blocco', 'oo', 'indicatore', 'indicatore', 'indicatore', 'indicatore']);
    // 0,4·1 + 0,2·0,6 + 0,2·0,5 + 0,2·1 = 82%.
    expect(shown(r, r.nodes[4].code)).toBe('82,00%');
    expect(r.findings.filter((f) => f.code !== 'raggiungimento-diverso')).toEqual([]);
    expect(r.overshooting?.lines).toHaveLength(4);
  });

  test('the structure places every level of an Ente report numbered like no chamber before', () => {
    const r = sheet(ENTE_HEADER, [
      ['Camera di commercio di Esempio', _, _, _, _, _, _, '90,00%'],
      ['50,00%', 'A - Imprese', _, _, _, _, _, '80,00%'],
      [_, '100,00%', 'S.1 - Export', _, _, _, _, '80,00%'],
      [_, _, '100,00%', 'Indicatori', _, _, _, '80,00%'],
      [_, _, _, '100,00%', 'K1 - Imprese', '>= 100 N.', '80 N.', '80,00%'],
      // Weights printed one column off, as Integra sometimes does.
      ['50,00%', 'B - Territorio', _, _, _, _, _, '100,00%'],
      ['100,00%', 'S.2 - Turismo', _, _, _, _, _, '100,00%'],
      [_, _, '50,00%', 'Indicatori', _, _, _, '100,00%'],
      [_, _, _, '100,00%', 'K2 - Presenze', '>= 10 N.', '12 N.', '100,00%'],
      [_, _, '50,00%', 'Obiettivi operativi', _, _, _, '100,00%'],
      [_, _, _, '100,00%', 'Promuovere il turismo', _, _, '100,00%'],
      [_, _, _, '100,00%', 'Eventi', '>= 3 N.', '4 N.', '100,00%'],
    ]);
    expect(levels(r)).toEqual([
      ['ente', 'Camera di commercio di Esempio'],
      ['ambito', 'A'],
      ['os', 'S.1'],
      ['blocco', 'Indicatori'],
      ['indicatore', 'K1'],
      ['ambito', 'B'],
      ['os', 'S.2'],
      ['blocco', 'Indicatori'],
      ['indicatore', 'K2'],
      ['blocco', 'Obiettivi operativi'],
      ['oo', 'Promuovere il turismo'],
      ['indicatore', 'Eventi'],
    ]);
    expect(r.findings).toEqual([]);
    expect(shown(r, 'Camera di commercio di Esempio')).toBe('90,00%');
  });

  test('a unit report without "AO" codes: area, organisational area, objective, indicator', () => {
    const r = sheet(UNIT_HEADER, [
      ['Dirigenza 1', _, _, _, _, _, '75,00%'],
      ['100,00%', 'Servizi alle imprese', _, _, _, _, '75,00%'],
      ['50,00%', 'Digitalizzare', _, _, _, _, '50,00%'],
      ['100,00%', 'Pratiche', _, _, '>= 10 N.', '5 N.', '50,00%'],
      ['50,00%', 'Semplificare', _, _, _, _, '100,00%'],
      ['100,00%', 'Tempi', _, _, '<= 5 gg', '4 gg', '100,00%'],
    ]);
    expect(r.nodes.map((n) => n.level)).toEqual(['area', 'ao', 'obiettivo', 'indicatore', 'obiettivo', 'indicatore']);
    expect(r.findings).toEqual([]);
  });

  test('Ente and ambito repeated at a page break inside an objective stay one node each', () => {
    const r = sheet(ENTE_HEADER, [
      ['Ente', _, _, _, _, _, _, '75,00%'],
      ['100,00%', '1 - Imprese', _, _, _, _, _, '75,00%'],
      [_, '100,00%', '11 - Export', _, _, _, _, '75,00%'],
      [_, _, '100,00%', 'Obiettivi operativi', _, _, _, '75,00%'],
      [_, _, _, '100,00%', '11.X - Voucher', _, _, '75,00%'],
      [_, _, _, '50,00%', 'V1', '>= 10 N.', '5 N.', '50,00%'],
      ...PAGE_BREAK,
      ['Ente', _, _, _, _, _, _, '75,00%'],
      ['100,00%', '1 - Imprese', _, _, _, _, _, '75,00%'],
      [_, _, _, '50,00%', 'V2', '>= 10 N.', '12 N.', '100,00%'],
    ]);
    expect(r.nodes.map((n) => n.level)).toEqual(['ente', 'ambito', 'os', 'blocco', 'oo', 'indicatore', 'indicatore']);
    expect(r.findings).toEqual([]);
  });

  test('a page break right after an OS: the ambito and the OS repeated after it stay one node each', () => {
    const r = sheet(ENTE_HEADER, [
      ['Ente', _, _, _, _, _, _, '100,00%'],
      ['50,00%', '1 - Imprese', _, _, _, _, _, '100,00%'],
      [_, '100,00%', '11 - Export', _, _, _, _, '100,00%'],
      [_, _, '100,00%', 'Indicatori', _, _, _, '100,00%'],
      [_, _, _, '100,00%', 'I1', '>= 1 N.', '1 N.', '100,00%'],
      ['50,00%', '2 - Territorio', _, _, _, _, _, '100,00%'],
      [_, '100,00%', '21 - Turismo', _, _, _, _, '100,00%'],
      ...PAGE_BREAK,
      ['Ente', _, _, _, _, _, _, '100,00%'],
      ['50,00%', '2 - Territorio', _, _, _, _, _, '100,00%'],
      [_, _, '100,00%', 'Indicatori', _, _, _, '100,00%'],
      [_, _, _, '100,00%', 'I2', '>= 1 N.', '1 N.', '100,00%'],
    ]);
    expect(levels(r)).toEqual([
      ['ente', 'Ente'],
      ['ambito', '1'],
      ['os', '11'],
      ['blocco', 'Indicatori'],
      ['indicatore', 'I1'],
      ['ambito', '2'],
      ['os', '21'],
      ['blocco', 'Indicatori'],
      ['indicatore', 'I2'],
    ]);
    expect(r.findings).toEqual([]);
  });

  test('an ambito and its OS with the same label are two levels, not a repeat', () => {
    const r = sheet(ENTE_HEADER, [
      ['Ente', _, _, _, _, _, _, '100,00%'],
      ['100,00%', 'Digitalizzazione', _, _, _, _, _, '100,00%'],
      [_, '100,00%', 'Digitalizzazione', _, _, _, _, '100,00%'],
      [_, _, '100,00%', 'Indicatori', _, _, _, '100,00%'],
      [_, _, _, '100,00%', 'I1', '>= 1 N.', '1 N.', '100,00%'],
    ]);
    expect(r.nodes.map((n) => n.level)).toEqual(['ente', 'ambito', 'os', 'blocco', 'indicatore']);
    expect(r.findings).toEqual([]);
  });

  test('an OS printed without weight nor figure is kept, its missing weight found at its cell', () => {
    const r = sheet(ENTE_HEADER, [
      ['Ente', _, _, _, _, _, _, '100,00%'],
      ['100,00%', '1 - Imprese', _, _, _, _, _, '100,00%'],
      [_, '50,00%', '11 - Export', _, _, _, _, '100,00%'],
      [_, _, '100,00%', 'Indicatori', _, _, _, '100,00%'],
      [_, _, _, '100,00%', 'I1', '>= 1 N.', '1 N.', '100,00%'],
      [_, _, '12 - Digitale'],
      [_, _, '100,00%', 'Indicatori', _, _, _, '100,00%'],
      [_, _, _, '100,00%', 'I2', '>= 1 N.', '1 N.', '100,00%'],
    ]);
    expect(levels(r)).toContainEqual(['os', '12']);
    expect(codes(r.findings)).toEqual([['errore', 'peso-illeggibile', 'C9']]);
  });

  test('an Ente row with an empty Raggiungimento is still the Ente, recomputed from its ambiti', () => {
    const r = sheet(ENTE_HEADER, [
      ['Ente'],
      ['50,00%', '1 - Imprese', _, _, _, _, _, '80,00%'],
      [_, '100,00%', '11 - Export', _, _, _, _, '80,00%'],
      [_, _, '100,00%', 'Indicatori', _, _, _, '80,00%'],
      [_, _, _, '100,00%', 'I1', '>= 10 N.', '8 N.', '80,00%'],
      ['50,00%', '2 - Territorio', _, _, _, _, _, '100,00%'],
      [_, '100,00%', '21 - Turismo', _, _, _, _, '100,00%'],
      [_, _, '100,00%', 'Indicatori', _, _, _, '100,00%'],
      [_, _, _, '100,00%', 'I2', '>= 10 N.', '12 N.', '100,00%'],
      [],
      ['Fonte: Integra, elaborazione del controllo di gestione'],
    ]);
    expect(r.nodes[0]).toMatchObject({ level: 'ente', code: 'Ente', stated: null });
    expect(shown(r, 'Ente')).toBe('90,00%');
    expect(r.nodes.filter((n) => n.level === 'ambito').map((n) => n.weight)).toEqual(['0.5', '0.5']);
    expect(r.findings).toEqual([]);
  });

  test('rows the structure cannot place are read below their parent, with an avviso at each', () => {
    const r = sheet(ENTE_HEADER, [
      ['Ente', _, _, _, _, _, _, '100,00%'],
      ['100,00%', '1 - Imprese', _, _, _, _, _, '100,00%'],
      [_, '100,00%', '11 - Export', _, _, _, _, '100,00%'],
    ]);
    expect(levels(r)).toEqual([
      ['ente', 'Ente'],
      ['ambito', '1'],
      ['os', '11'],
    ]);
    // An OS with nothing under it, and so an ambito with nothing recognisable under it.
    expect(codes(r.findings)).toEqual([
      ['avviso', 'livello-incerto', 'B5'],
      ['avviso', 'livello-incerto', 'C6'],
    ]);
  });
});

/** One OS with one indicator whose achievement is `exact`, stated as `stated`. */
function oneIndicator(target: Cell, value: Cell, stated: Cell): SheetReport {
  return sheet(ENTE_HEADER, [
    ['Ente', _, _, _, _, _, _, stated],
    ['100,00%', '1 - Imprese', _, _, _, _, _, stated],
    [_, '100,00%', '11 - Export', _, _, _, _, stated],
    [_, _, '100,00%', 'Indicatori', _, _, _, stated],
    [_, _, _, '100,00%', 'I1', target, value, stated],
  ]);
}

describe('Excel numbers are judged by the precision they carry, like the same figure as text', () => {
  test.each([
    ['the double Excel stores for 188/600', pct(188 / 600), '31,33%'],
    ['0.88 formatted 0.00% against 87,9986%', pct(0.88), '88,00%'],
    ['1 formatted 0.00% against 99,9997%', pct(1), '100,00%'],
  ])('%s: no errore, as with the text', (_, number, text) => {
    const target = { '31,33%': '>= 600 N.', '88,00%': '>= 100.000 N.', '100,00%': '>= 100.000 N.' }[text];
    const value = { '31,33%': '188 N.', '88,00%': '87.998,6 N.', '100,00%': '99.999,7 N.' }[text];
    const asNumber = oneIndicator(target, value, number);
    const asText = oneIndicator(target, value, text);
    expect(errors(asNumber)).toEqual([]);
    expect(codes(asNumber.findings)).toEqual(codes(asText.findings));
  });

  test('a figure formatted with fewer decimals than it holds is judged by them: 0.9677 shown as «97%»', () => {
    expect(oneIndicator('>= 31 N.', '30 N.', pct(0.9677, '0%')).findings).toEqual([]);
    expect(oneIndicator('>= 31 N.', '30 N.', '97%').findings).toEqual([]);
  });

  test('a message never shows two equal figures: more decimals when the display ones agree', () => {
    const r = oneIndicator('>= 600 N.', '188 N.', pct(0.3133334333333333));
    expect(r.findings.find((f) => f.cell === 'H8')?.message).toContain('dichiarato 31,33334%, ricalcolato 31,33333%');
  });

  test('a wrong figure is still an errore, as a number or as text', () => {
    for (const stated of [pct(0.3234), '32,34%', pct(0.32)]) {
      expect(errors(oneIndicator('>= 600 N.', '188 N.', stated))).toContainEqual(['errore', 'raggiungimento-diverso', 'H8']);
    }
  });

  test('a full-precision double that is not the figure is an errore, however close it prints', () => {
    expect(errors(oneIndicator('>= 600 N.', '188 N.', pct(0.3133334)))).toEqual([]); // short: 31,33% as printed
    expect(errors(oneIndicator('>= 600 N.', '188 N.', pct(0.3133334333333333)))).toContainEqual(['errore', 'raggiungimento-diverso', 'H8']);
  });
});

describe('rounding bounds at a zero target', () => {
  test.each([
    ['<= 0 gg', '0,00 gg'],
    ['= 0 N.', '0,00 N.'],
    ['>= 0 N.', '0,00 N.'],
    ['<= 0,00 %', '0,00 %'],
  ])('%s against %s: 50,00%% stated is an errore, 100,00%% is right', (target, value) => {
    expect(errors(oneIndicator(target, value, '50,00%'))).toContainEqual(['errore', 'raggiungimento-diverso', 'H8']);
    expect(oneIndicator(target, value, '100,00%').findings).toEqual([]);
  });

  test('0,00% stated against a printed 0,00 gg at <= 0 gg is rounding: the true value may be above 0', () => {
    const r = oneIndicator('<= 0 gg', '0,00 gg', '0,00%');
    expect(errors(r)).toEqual([]);
    expect(codes(r.findings)).toContainEqual(['nota', 'arrotondamento', 'H8']);
  });
});

describe('a value without unit against a target in %', () => {
  test.each([
    [c(95), '95,00%'],
    [c(0.95), '95,00%'],
    ['95', '95,00%'],
    // Above 1 only points make sense, as for weights: 2 is 2%, not 200%.
    [c(2), '2,00%'],
  ])('%p is read as %s, with an avviso on the value cell', (value, read) => {
    const r = oneIndicator('>= 96,00 %', value, read === '2,00%' ? '2,08%' : '98,96%');
    expect(shown(r, 'I1')).toBe(read === '2,00%' ? '2,08%' : '98,96%');
    expect(codes(r.findings)).toEqual([['avviso', 'unita-ambigua', 'G8']]);
    expect(r.findings[0].message).toContain(`letto come ${read}`);
  });

  test('no overshooting flag rests on a guessed unit', () => {
    const r = oneIndicator('>= 20,00 %', c(80), '100,00%');
    expect(codes(r.findings)).toEqual([['avviso', 'unita-ambigua', 'G8']]);
    expect(r.overshooting?.flagged).toBe(0);
    expect(oneIndicator('>= 20,00 %', '80,00 %', '100,00%').overshooting?.flagged).toBe(1);
  });

  test('the annex says it too', () => {
    const annex = analyseSheet({
      name: 'Overshooting',
      rows: [
        ['INDICATORE', 'VALORI MISURE', 'CONSUNTIVO', 'TARGET', 'GRADO RAGGIUNGIMENTO', 'VALORE vs TARGET', 'OVERSHOOTING'].map((h) => c(h)),
        [c('I1'), undefined, c(80), c('>= 20,00 %'), pct(1), pct(1), pct(0)],
      ],
    });
    expect(codes(annex.findings)).toEqual([['avviso', 'unita-ambigua', 'C2']]);
    expect(annex.overshooting?.flagged).toBe(0);
  });

  test('the annex does not check a printed overshooting against a guessed unit, only the grado', () => {
    const row = (grado: number) => [c('I1'), undefined, c(250), c('>= 100,00 %'), pct(grado), pct(2.5), pct(1.5)];
    const annex = (grado: number) =>
      analyseSheet({ name: 'Overshooting', rows: [['INDICATORE', 'VALORI MISURE', 'CONSUNTIVO', 'TARGET', 'GRADO RAGGIUNGIMENTO', 'VALORE vs TARGET', 'OVERSHOOTING'].map((h) => c(h)), row(grado)] });
    expect(codes(annex(1).findings)).toEqual([['avviso', 'unita-ambigua', 'C2']]);
    expect(codes(annex(0.5).findings)).toContainEqual(['errore', 'overshooting-diverso', 'E2']);
  });
});
