/**
 * The Office.js adapter against office-addin-mock: what is read and written, and how many syncs each
 * operation takes. The count does not depend on the sheet's size; only Excel on the web, which
 * refuses payloads over 5 MB, splits large sheets into batches kept under 4 MB.
 */
import { readActiveSheet } from '../../src/office/read-sheet';
import { applyHighlight, removeHighlight } from '../../src/office/highlight';
import { selectCell } from '../../src/office/workbook';
import { writeOvershootingSheet } from '../../src/office/write-overshooting';
import { WEB_PAYLOAD_LIMIT, type SyncPolicy } from '../../src/office/sync';
import { analyseSheet, overshootingSheet, type OvershootingSheet } from '../../src/engine';
import { mockExcel, type MockCell, type Spy } from '../support/excel-mock';

const DESKTOP: SyncPolicy = { payloadLimit: Number.POSITIVE_INFINITY, timeoutMs: 5_000 };
const WEB: SyncPolicy = { payloadLimit: WEB_PAYLOAD_LIMIT, timeoutMs: 5_000 };
const spy: Spy = (impl) => jest.fn(impl) as unknown as typeof impl;

const HEADER = ['Ente', 'Ambito', 'Obiettivo strategico', 'Obiettivi Operativi / Indicatori OS', 'Indicatori', 'Target', 'Valore', 'Raggiungimento', 'Valutazione'];

/** An Ente-shaped sheet: header, Ente and one OS block, then `indicators` indicator rows. */
function enteSheet(indicators: number): MockCell[][] {
  const w = `${(100 / indicators).toFixed(10)}%`;
  const rows: MockCell[][] = [HEADER.map((value) => ({ value }))];
  rows.push([{ value: 'Ente' }, undefined, undefined, undefined, undefined, undefined, undefined, { value: '100,00%' }] as MockCell[]);
  rows.push([{ value: '100,00%' }, { value: '1 - Competitività delle imprese' }, undefined, undefined, undefined, undefined, undefined, { value: '100,00%' }] as MockCell[]);
  rows.push([undefined, { value: '100,00%' }, { value: '301 - Internazionalizzazione' }, undefined, undefined, undefined, undefined, { value: '100,00%' }] as MockCell[]);
  rows.push([undefined, undefined, { value: '100,00%' }, { value: 'Indicatori' }, undefined, undefined, undefined, { value: '100,00%' }] as MockCell[]);
  for (let i = 0; i < indicators; i += 1) {
    const green = i % 10 === 0;
    rows.push([
      undefined,
      undefined,
      undefined,
      { value: w },
      { value: `D${i}.1 - Indicatore numero ${i} con una descrizione di lunghezza realistica` },
      { value: '>= 100 N.', ...(green ? { fill: '92D050' } : {}) },
      i % 2 === 0 ? { value: 150 + (i % 7) } : { value: `${150 + (i % 7)} N.` },
      { value: 1, numberFormat: '0.00%' },
    ] as MockCell[]);
  }
  return rows;
}

describe('readActiveSheet', () => {
  test('hands the engine values, number formats, fills and the origin', async () => {
    const mock = mockExcel(enteSheet(3), { sheetName: 'Ente', spy });
    (global as Record<string, unknown>).Excel = mock.excel;
    const grid = await readActiveSheet(DESKTOP);
    expect(grid.name).toBe('Ente');
    expect(grid.origin).toEqual({ row: 0, col: 0 });
    expect(grid.rows[5][5]).toEqual({ value: '>= 100 N.', fill: '92D050' });
    expect(grid.rows[5][7]).toEqual({ value: 1, numberFormat: '0.00%' });
    expect(grid.rows[5][0]).toBeUndefined();
    expect(analyseSheet(grid).layout).toBe('ente');
  });

  test('the same number of syncs for 100 and 100,000 rows', async () => {
    const counts: number[] = [];
    for (const n of [100, 100_000]) {
      const mock = mockExcel(enteSheet(n), { spy });
      (global as Record<string, unknown>).Excel = mock.excel;
      const grid = await readActiveSheet(DESKTOP);
      expect(grid.rows).toHaveLength(n + 5);
      counts.push(mock.syncs.length);
    }
    expect(counts).toEqual([2, 2]);
  });

  test('on the web, batches stay under 4 MB; a small sheet still takes two syncs', async () => {
    const small = mockExcel(enteSheet(100), { spy });
    (global as Record<string, unknown>).Excel = small.excel;
    await readActiveSheet(WEB);
    expect(small.syncs).toHaveLength(2);
    const large = mockExcel(enteSheet(100_000), { spy });
    (global as Record<string, unknown>).Excel = large.excel;
    const grid = await readActiveSheet(WEB);
    expect(grid.rows).toHaveLength(100_005);
    expect(large.syncs.length).toBeGreaterThan(2);
    expect(Math.max(...large.syncs)).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
  });

  test('an empty sheet is an empty grid after one sync', async () => {
    const mock = mockExcel([], { sheetName: 'Vuoto', spy });
    (global as Record<string, unknown>).Excel = mock.excel;
    expect(await readActiveSheet(DESKTOP)).toEqual({ name: 'Vuoto', rows: [] });
    expect(mock.syncs).toHaveLength(1);
  });
});

function modelOf(lines: number): OvershootingSheet {
  const base = overshootingSheet(analyseSheet({ name: 'Ente', rows: enteSheet(3).map((r) => r.map((c) => c && { ...c })) }).overshooting!);
  const line = base.lines[0];
  return { ...base, lines: Array.from({ length: lines }, (_v, i) => ({ ...line, flagged: i % 3 === 0, external: i % 5 === 0 })) };
}

describe('writeOvershootingSheet', () => {
  test('a new sheet beside an existing Overshooting, text kept as text, then activated', async () => {
    const mock = mockExcel([], { sheetName: 'Ente', otherSheets: ['overshooting'], spy });
    (global as Record<string, unknown>).Excel = mock.excel;
    const model = modelOf(2);
    const formulaLike = { ...model, lines: [{ ...model.lines[0], cells: [{ text: '=SOMMA(A1:A9)' }, ...model.lines[0].cells.slice(1)] }, model.lines[1]] };
    const name = await writeOvershootingSheet(formulaLike, DESKTOP);
    expect(name).toBe('Overshooting (2)');
    expect(mock.activated).toEqual(['Overshooting (2)']);
    const band = [...mock.added.get(name)!.values()].find((w) => w.values !== undefined && w.values.length > 3)!;
    expect(band.values![4][0]).toBe("'=SOMMA(A1:A9)");
    expect(band.numberFormat![4][0]).toBe('@');
    expect(band.values![3]).toEqual([...model.header]);
  });

  test('the same number of syncs for 100 and 100,000 lines', async () => {
    const counts: number[] = [];
    for (const n of [100, 100_000]) {
      const mock = mockExcel([], { spy });
      (global as Record<string, unknown>).Excel = mock.excel;
      await writeOvershootingSheet(modelOf(n), DESKTOP);
      counts.push(mock.syncs.length);
    }
    expect(counts).toEqual([2, 2]);
  });

  test('on the web, no batch over 4 MB', async () => {
    const mock = mockExcel([], { spy });
    (global as Record<string, unknown>).Excel = mock.excel;
    await writeOvershootingSheet(modelOf(100_000), WEB);
    expect(Math.max(...mock.syncs)).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
  });
});

describe('highlight', () => {
  test('colours the marks, then puts back exactly the fills that were there', async () => {
    const mock = mockExcel(enteSheet(3), { sheetName: 'Ente', spy });
    (global as Record<string, unknown>).Excel = mock.excel;
    mock.fills.set('H7', '#FFFF00');
    await applyHighlight('Ente', [{ address: 'H6', fill: 'C6EFCE' }, { address: 'H7', fill: 'FFC7CE' }], DESKTOP);
    expect(mock.syncs).toHaveLength(2);
    expect([mock.fills.get('H6'), mock.fills.get('H7')]).toEqual(['#C6EFCE', '#FFC7CE']);
    // highlighting again must not take the highlight for the original
    await applyHighlight('Ente', [{ address: 'H7', fill: 'C6EFCE' }], DESKTOP);
    const syncsBefore = mock.syncs.length;
    expect(await removeHighlight('Ente', DESKTOP)).toBe(2);
    expect(mock.syncs.length - syncsBefore).toBe(2);
    expect(mock.fills.get('H6')).toBe('clear');
    expect(mock.fills.get('H7')).toEqual([[{ format: { fill: { color: '#FFFF00', pattern: 'Solid', patternColor: '', tintAndShade: 0 } } }]]);
    expect(JSON.parse(mock.settings.get('smvp.evidenziazione')!)).toEqual({});
  });

  test('the same number of syncs for 100 and 100,000 marks', async () => {
    const counts: number[] = [];
    for (const n of [100, 100_000]) {
      const mock = mockExcel(enteSheet(3), { sheetName: 'Ente', spy });
      (global as Record<string, unknown>).Excel = mock.excel;
      await applyHighlight('Ente', Array.from({ length: n }, (_v, i) => ({ address: `H${i + 1}`, fill: 'C6EFCE' })), DESKTOP);
      counts.push(mock.syncs.length);
    }
    expect(counts).toEqual([2, 2]);
  });

  test('on the web, no batch over 4 MB, the saved fills included', async () => {
    const mock = mockExcel(enteSheet(3), { sheetName: 'Ente', spy });
    (global as Record<string, unknown>).Excel = mock.excel;
    await applyHighlight('Ente', Array.from({ length: 100_000 }, (_v, i) => ({ address: `H${i + 1}`, fill: 'C6EFCE' })), WEB);
    expect(Math.max(...mock.syncs)).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
  });
});

test('selectCell activates the sheet and selects the finding’s cell in one sync', async () => {
  const mock = mockExcel(enteSheet(3), { sheetName: 'Ente', spy });
  (global as Record<string, unknown>).Excel = mock.excel;
  await selectCell('Ente', 'D98', DESKTOP);
  expect(mock.selected).toEqual(['D98']);
  expect(mock.activated).toEqual(['Ente']);
  expect(mock.syncs).toHaveLength(1);
});
