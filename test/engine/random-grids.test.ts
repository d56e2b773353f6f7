/**
 * Any grid through every reader: holes (merged regions keep their value in one cell only), random
 * cell types and formats, the header rows of every report shape at random places. Nothing throws;
 * every finding says where and what.
 */
import fc from 'fast-check';
import { analyseWorkbook, type Grid, type GridCell } from '../../src/engine';

const HEADERS: readonly (readonly string[])[] = [
  ['Ente', 'Ambito', 'Obiettivo strategico', 'Obiettivi Operativi / Indicatori OS', 'Indicatori', 'Target', 'Valore', 'Raggiungimento', 'Valutazione', 'Valori misure'],
  ['Area', 'Settore', 'Obiettivo', 'Indicatore', 'Target', 'Valore', 'Raggiungimento'],
  ['INDICATORE', 'TIPO', 'DESCRIZIONE', 'ALGORITMO', 'VALORI MISURE', 'CONSUNTIVO', 'TARGET', 'GRADO RAGGIUNGIMENTO', 'VALORE vs TARGET', 'OVERSHOOTING'],
  ['Ambito', 'Obiettivo strategico', 'Indicatori / Obiettivi operativi', 'Obiettivo operativo', 'Indicatore', 'Descrizione', 'Algoritmo', 'Baseline 2023', 'Baseline 2024', 'Target 2025', 'Target 2026'],
  ['Tipologia obiettivo', 'Obiettivo', 'Peso indicatore', 'Indicatore', 'Valore misure', 'Consuntivo', 'Target', 'Grado raggiungimento', 'Peso obiettivo individuale'],
];

const text = fc.oneof(
  fc.constantFrom('Ente', 'Indicatori', 'Obiettivi operativi', '33,33%', '100,00%', '>= 10 N.', '<= 0 gg', 'Entro 30-06-2024', '12 N.', 'N/D', '#N/D', '#VALUE!', '1 N. / 0 N.', '(((', 'OS', 'EXTRA', 'constructor', '__proto__', '\u001b[2K', ''),
  fc.string({ maxLength: 30 }),
);
const cell: fc.Arbitrary<GridCell | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record({ value: fc.oneof(text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null)) }, { requiredKeys: ['value'] }),
  fc.record({ value: fc.double({ noNaN: true }), numberFormat: fc.constantFrom('0.00%', 'dd-mm-yyyy', '#,##0.##', 'General', '0', '"€" #,##0.00') }),
  fc.constant({ value: null, formulaWithoutValue: true as const }),
);
const row = fc.sparseArray(cell, { maxLength: 14 });
const grid: fc.Arbitrary<Grid> = fc
  .tuple(fc.array(row, { maxLength: 25 }), fc.array(fc.tuple(fc.nat(24), fc.constantFrom(...HEADERS), fc.nat(3)), { maxLength: 3 }))
  .map(([rows, headers]) => {
    const out: Array<Array<GridCell | undefined>> = rows.map((r) => r);
    for (const [at, header, shift] of headers) out.splice(Math.min(at, out.length), 0, [...Array<undefined>(shift), ...header.map((h) => ({ value: h }))]);
    return { name: 'Foglio', rows: out };
  });

test('no grid makes a reader throw; every finding has its severity, code and message', () => {
  fc.assert(
    fc.property(fc.array(grid, { minLength: 1, maxLength: 3 }), (grids) => {
      for (const report of analyseWorkbook(grids)) {
        for (const f of report.findings) {
          expect(['errore', 'avviso', 'nota']).toContain(f.severity);
          expect(typeof f.cell).toBe('string');
          expect(f.message.length).toBeGreaterThan(0);
        }
      }
    }),
    { numRuns: 400 },
  );
});
