/** The sheet reader on shapes users really have: offset tables, blank rows, extra columns, splits. */
import { analyseSheet, Dec, formatPercent, type GridCell } from '../../src/engine';
import { c } from './helpers';


describe('reading an Ente-shaped sheet wherever it is', () => {
  // Table starting at C5, header words in other cases and without accents, an extra column, blank rows.
  const rows: Array<Array<GridCell | undefined>> = [
    [c('Relazione sulla performance')],
    [],
    [],
    [],
    [undefined, undefined, c('ENTE'), c('ambito'), c('Obiettivo Strategico'), c('Obiettivi operativi / indicatori OS'), c('Indicatori'), c('Target'), c('Valore'), c('Raggiungimento'), c('Note'), c('Target esterno')],
    [undefined, undefined, c('Ente'), undefined, undefined, undefined, undefined, undefined, undefined, c(0.9, { numberFormat: '0.00%' })],
    [],
    [undefined, undefined, c(1, { numberFormat: '0%' }), c('1'), c('Competitività'), undefined, undefined, undefined, undefined, c('90,00%')],
    [undefined, undefined, undefined, c(1, { numberFormat: '0.00%' }), c('301 - Internazionalizzazione'), undefined, undefined, undefined, undefined, c('90,00%')],
    [undefined, undefined, undefined, undefined, c('100,00%'), c('Indicatori'), undefined, undefined, undefined, c('90,00%')],
    [undefined, undefined, undefined, undefined, undefined, c('50,00%'), c('301.S1'), c('>= 100 N.'), c(80), c('80,00%'), c('nota libera'), c('sì')],
    [undefined, undefined, undefined, undefined, undefined, c('50,00%'), c('301.S2 - Export'), c('Entro 30-06-2024'), c(45473, { numberFormat: 'dd/mm/yyyy' }), c('100,00%')],
  ];
  const report = analyseSheet({ name: 'Foglio', rows });

  test('levels, codes and labels, weights in any column, addresses of the real cells', () => {
    expect(report.layout).toBe('ente');
    expect(report.nodes.map((n) => [n.level, n.code, n.label, n.row])).toEqual([
      ['ente', 'Ente', '', 6],
      ['ambito', '1', 'Competitività', 8],
      ['os', '301', 'Internazionalizzazione', 9],
      ['blocco', 'Indicatori', '', 10],
      ['indicatore', '301.S1', '', 11],
      ['indicatore', '301.S2', 'Export', 12],
    ]);
    expect(report.nodes.map((n) => (n.computed === null ? null : formatPercent(new Dec(n.computed))))).toEqual(['90,00%', '90,00%', '90,00%', '90,00%', '80,00%', '100,00%']);
    expect(report.findings).toEqual([]);
  });

  test('a "Target esterno" column marks the ministry targets', () => {
    expect(report.overshooting?.lines.map((l) => [l.input.code, l.input.external])).toEqual([
      ['301.S1', true],
      ['301.S2', false],
    ]);
  });
});
