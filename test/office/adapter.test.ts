/**
 * The Office.js adapter against office-addin-mock: what is read and written, and how many syncs each
 * operation takes. The count does not depend on the sheet's size; only Excel on the web, which
 * refuses payloads over 5 MB, splits large sheets into batches kept under 4 MB.
 * Large sheets are tested at a fiftieth of the size, against limits scaled down alike: 2,000 rows
 * take about as many batches under them as 100,000 rows under Excel's. The benchmarks (bench/office.ts)
 * run the full size against the real limits.
 */
import { readActiveSheet } from '../../src/office/read-sheet';
import { applyHighlight, removeHighlight, TooManyMarksError } from '../../src/office/highlight';
import { selectCell } from '../../src/office/workbook';
import { writeOvershootingSheet } from '../../src/office/write-overshooting';
import { excelAnswered, READ_CELL_LIMIT, SyncTimeoutError, WEB_PAYLOAD_LIMIT, type SyncPolicy } from '../../src/office/sync';
import { analyseSheet, overshootingSheet, type OvershootingSheet } from '../../src/engine';
import { mockExcel, type MockCell } from '../support/excel-mock';

const DESKTOP: SyncPolicy = { payloadLimit: Number.POSITIVE_INFINITY, readCellLimit: READ_CELL_LIMIT, timeoutMs: 5_000 };
const WEB: SyncPolicy = { payloadLimit: WEB_PAYLOAD_LIMIT, readCellLimit: READ_CELL_LIMIT, timeoutMs: 5_000 };
/** The tests' large sheets, and the limits they meet, are SCALE times smaller than the benchmarks' 100,000 rows and Excel's limits. */
const SCALE = 50;
const LARGE = 100_000 / SCALE;
/** A policy with its limits divided by SCALE (an unlimited payload stays unlimited). */
const scaled = (policy: SyncPolicy): SyncPolicy => ({ ...policy, payloadLimit: policy.payloadLimit / SCALE, readCellLimit: policy.readCellLimit / SCALE });
/** The mock's Excel, refusing reads over the scaled cell limit. */
const SCALED_EXCEL = { readCellLimit: READ_CELL_LIMIT / SCALE };

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
    const mock = mockExcel(enteSheet(3), { sheetName: 'Ente' });
    (global as Record<string, unknown>).Excel = mock.excel;
    const grid = await readActiveSheet(DESKTOP);
    expect(grid.name).toBe('Ente');
    expect(grid.origin).toEqual({ row: 0, col: 0 });
    expect(grid.rows[5][5]).toEqual({ value: '>= 100 N.', fill: '92D050' });
    expect(grid.rows[5][7]).toEqual({ value: 1, numberFormat: '0.00%' });
    expect(grid.rows[5][0]).toBeUndefined();
    expect(analyseSheet(grid).layout).toBe('ente');
  });

  test('the same number of syncs for 100 rows and for a large sheet', async () => {
    const counts: number[] = [];
    for (const n of [100, LARGE]) {
      const mock = mockExcel(enteSheet(n), SCALED_EXCEL);
      (global as Record<string, unknown>).Excel = mock.excel;
      const grid = await readActiveSheet(scaled(DESKTOP));
      expect(grid.rows).toHaveLength(n + 5);
      counts.push(mock.syncs.length);
    }
    expect(counts).toEqual([2, 2]);
  });

  test('on the web, batches stay under the payload limit; a small sheet still takes two syncs', async () => {
    const small = mockExcel(enteSheet(100));
    (global as Record<string, unknown>).Excel = small.excel;
    await readActiveSheet(WEB);
    expect(small.syncs).toHaveLength(2);
    const large = mockExcel(enteSheet(LARGE), SCALED_EXCEL);
    (global as Record<string, unknown>).Excel = large.excel;
    const grid = await readActiveSheet(scaled(WEB));
    expect(grid.rows).toHaveLength(LARGE + 5);
    expect(large.syncs.length).toBeGreaterThan(2);
    expect(Math.max(...large.syncs)).toBeLessThanOrEqual(scaled(WEB).payloadLimit);
  });

  test('cells with only a fill do not stretch the sheet read: the used range counts values', async () => {
    const rows: MockCell[][] = enteSheet(3);
    rows[400] = [];
    rows[400][40] = { fill: 'FFFF00' };
    const mock = mockExcel(rows, { sheetName: 'Ente' });
    (global as Record<string, unknown>).Excel = mock.excel;
    const grid = await readActiveSheet(DESKTOP);
    expect(grid.rows).toHaveLength(8);
    expect(Math.max(...grid.rows.map((r) => r.length))).toBe(9);
  });

  test('a read over Excel’s cell limit is cut into reads within it, on every platform', async () => {
    const limited = (policy: SyncPolicy): SyncPolicy => ({ ...policy, readCellLimit: 1_000 });
    for (const policy of [DESKTOP, WEB]) {
      const mock = mockExcel(enteSheet(500), { sheetName: 'Ente', readCellLimit: 1_000 });
      (global as Record<string, unknown>).Excel = mock.excel;
      const grid = await readActiveSheet(limited(policy));
      expect(grid.rows).toHaveLength(505);
      expect(grid.rows[504][4]?.value).toBe(enteSheet(500)[504][4]?.value);
      expect(mock.syncs).toHaveLength(1 + Math.ceil(505 / Math.floor(1_000 / 9)));
    }
  });

  test('Italian error values are read as Excel errors, as the English ones', async () => {
    const rows = enteSheet(3);
    rows[5][6] = { value: '#N/D' };
    rows[6][6] = { value: '#VALORE!' };
    rows[7][6] = { value: '#DIV/0!' };
    const mock = mockExcel(rows, { sheetName: 'Ente' });
    (global as Record<string, unknown>).Excel = mock.excel;
    const findings = analyseSheet(await readActiveSheet(DESKTOP)).findings.filter((f) => f.code === 'errore-excel');
    expect(findings.map((f) => f.cell)).toEqual(['G6', 'G7', 'G8']);
  });

  test('an empty sheet is an empty grid after one sync', async () => {
    const mock = mockExcel([], { sheetName: 'Vuoto' });
    (global as Record<string, unknown>).Excel = mock.excel;
    expect(await readActiveSheet(DESKTOP)).toEqual({ name: 'Vuoto', rows: [] });
    expect(mock.syncs).toHaveLength(1);
  });
});

function modelOf(lines: number): OvershootingSheet {
  const base = overshootingSheet(analyseSheet({ name: 'Ente', rows: enteSheet(3).map((r) => r.map((c) => c && { ...c, value: c.value ?? '' })) }).overshooting!);
  const line = base.lines[0];
  return { ...base, lines: Array.from({ length: lines }, (_v, i) => ({ ...line, flagged: i % 3 === 0, external: i % 5 === 0 })) };
}

describe('writeOvershootingSheet', () => {
  test('a new sheet beside an existing Overshooting, text kept as text, then activated', async () => {
    const mock = mockExcel([], { sheetName: 'Ente', otherSheets: ['overshooting', 'OVERSHOOTING (2)'] });
    (global as Record<string, unknown>).Excel = mock.excel;
    const model = modelOf(2);
    const formulaLike = { ...model, lines: [{ ...model.lines[0], cells: [{ text: '=SOMMA(A1:A9)' }, ...model.lines[0].cells.slice(1)] }, model.lines[1]] };
    const name = await writeOvershootingSheet(formulaLike, DESKTOP);
    expect(name).toBe('Overshooting (3)');
    expect(mock.activated).toEqual(['Overshooting (3)']);
    const band = [...mock.added.get(name)!.values()].find((w) => w.values !== undefined && w.values.length > 3)!;
    expect(band.values![4][0]).toBe("'=SOMMA(A1:A9)");
    expect(band.numberFormat![4][0]).toBe('@');
    expect(band.values![3]).toEqual([...model.header]);
  });

  test('the same number of syncs for 100 lines and for a large sheet', async () => {
    const counts: number[] = [];
    for (const n of [100, LARGE]) {
      const mock = mockExcel([]);
      (global as Record<string, unknown>).Excel = mock.excel;
      await writeOvershootingSheet(modelOf(n), scaled(DESKTOP));
      counts.push(mock.syncs.length);
    }
    expect(counts).toEqual([2, 2]);
  });

  test('on the web, a large sheet is written in batches, none over the payload limit', async () => {
    const mock = mockExcel([]);
    (global as Record<string, unknown>).Excel = mock.excel;
    await writeOvershootingSheet(modelOf(LARGE), scaled(WEB));
    expect(mock.syncs.length).toBeGreaterThan(2);
    expect(Math.max(...mock.syncs)).toBeLessThanOrEqual(scaled(WEB).payloadLimit);
  });
});

/** The Ente sheet with H7 yellow and H8 filled white (H6 has no fill). */
function filledSheet(): MockCell[][] {
  const rows = enteSheet(3);
  rows[6][7] = { ...rows[6][7], fill: 'FFFF00' };
  rows[7][7] = { ...rows[7][7], fill: 'FFFFFF' };
  return rows;
}

const MARKS = [
  { address: 'H6', fill: 'C6EFCE' },
  { address: 'H7', fill: 'FFC7CE' },
  { address: 'H8', fill: 'FFEB9C' },
];

describe('highlight', () => {
  test('colours the marks, then puts back exactly the fills that were there: none, yellow, white', async () => {
    const mock = mockExcel(filledSheet(), { sheetName: 'Ente' });
    (global as Record<string, unknown>).Excel = mock.excel;
    await applyHighlight('Ente', MARKS, DESKTOP);
    expect(mock.syncs).toHaveLength(3);
    expect(['H6', 'H7', 'H8'].map((a) => mock.fillOf(a)?.color)).toEqual(['#C6EFCE', '#FFC7CE', '#FFEB9C']);
    // highlighting again must not take the highlight for the original
    await applyHighlight('Ente', [{ address: 'H7', fill: 'C6EFCE' }], DESKTOP);
    const syncsBefore = mock.syncs.length;
    expect(await removeHighlight('Ente', DESKTOP)).toBe(3);
    expect(mock.syncs.length - syncsBefore).toBe(2);
    expect(mock.fillOf('H6')).toBeNull();
    expect(mock.fillOf('H7')).toEqual({ color: '#FFFF00', pattern: 'Solid', tintAndShade: 0 });
    // Excel reads a white fill as it reads no fill but for tintAndShade: it must come back white, not cleared.
    expect(mock.fillOf('H8')).toEqual({ color: '#FFFFFF', pattern: 'Solid', tintAndShade: 0 });
    expect(JSON.parse(mock.settings.get('smvp.evidenziazione')!)).toEqual({});
  });

  test('the originals are saved before the first cell is coloured: a failure after leaves them to restore', async () => {
    // Sync 1 reads the fills, 2 saves them, 3 colours: the connection is lost at 3.
    const mock = mockExcel(filledSheet(), { sheetName: 'Ente', syncFault: (n) => (n === 3 ? 'fail' : undefined) });
    (global as Record<string, unknown>).Excel = mock.excel;
    await expect(applyHighlight('Ente', MARKS, DESKTOP)).rejects.toThrow(/GeneralException/);
    expect(Object.keys(JSON.parse(mock.settings.get('smvp.evidenziazione')!).Ente)).toEqual(['H6', 'H7', 'H8']);
    expect(await removeHighlight('Ente', DESKTOP)).toBe(3);
    expect(['H6', 'H7', 'H8'].map((a) => mock.fillOf(a)?.color ?? null)).toEqual([null, '#FFFF00', '#FFFFFF']);
  });

  test('a failure while saving the originals colours no cell', async () => {
    const mock = mockExcel(filledSheet(), { sheetName: 'Ente', syncFault: (n) => (n === 2 ? 'fail' : undefined) });
    (global as Record<string, unknown>).Excel = mock.excel;
    await expect(applyHighlight('Ente', MARKS, DESKTOP)).rejects.toThrow(/GeneralException/);
    expect(['H6', 'H7', 'H8'].map((a) => mock.fillOf(a)?.color ?? null)).toEqual([null, '#FFFF00', '#FFFFFF']);
    expect(mock.settings.has('smvp.evidenziazione')).toBe(false);
  });

  test('when the originals would not fit in the settings, it refuses before touching a cell', async () => {
    // Another sheet's highlight already holds most of the room.
    const other = JSON.stringify({ Altro: Object.fromEntries(Array.from({ length: 160_000 }, (_v, i) => [`AB${i + 1}`, 0])) });
    const mock = mockExcel(filledSheet(), { sheetName: 'Ente', settings: { 'smvp.evidenziazione': other } });
    (global as Record<string, unknown>).Excel = mock.excel;
    const refused = applyHighlight('Ente', MARKS, DESKTOP);
    await expect(refused).rejects.toThrow(TooManyMarksError);
    await expect(refused).rejects.toThrow(/Nessuna cella è stata modificata/);
    expect(mock.syncs).toHaveLength(1); // the read, nothing written
    expect(['H6', 'H7', 'H8'].map((a) => mock.fillOf(a)?.color ?? null)).toEqual([null, '#FFFF00', '#FFFFFF']);
    expect(mock.settings.get('smvp.evidenziazione')).toBe(other);
  });

  test('the same number of syncs for 100 marks and for a large sheet’s', async () => {
    const counts: number[] = [];
    for (const n of [100, LARGE]) {
      const mock = mockExcel(enteSheet(3), { sheetName: 'Ente' });
      (global as Record<string, unknown>).Excel = mock.excel;
      await applyHighlight('Ente', Array.from({ length: n }, (_v, i) => ({ address: `H${i + 1}`, fill: 'C6EFCE' })), scaled(DESKTOP));
      counts.push(mock.syncs.length);
    }
    expect(counts).toEqual([3, 3]);
  });

  test('on the web, a large sheet’s marks go in batches, none over the payload limit, the saved fills included', async () => {
    const mock = mockExcel(enteSheet(3), { sheetName: 'Ente' });
    (global as Record<string, unknown>).Excel = mock.excel;
    await applyHighlight('Ente', Array.from({ length: LARGE }, (_v, i) => ({ address: `H${i + 1}`, fill: 'C6EFCE' })), scaled(WEB));
    expect(mock.syncs.length).toBeGreaterThan(3);
    expect(Math.max(...mock.syncs)).toBeLessThanOrEqual(scaled(WEB).payloadLimit);
  });
});

describe('highlight on a sheet named like an object’s own machinery', () => {
  /** Where a plain object keyed by sheet name would have put the fills instead of its own key. */
  const machinery = [Object.prototype, Object, Object.prototype.toString, Object.prototype.hasOwnProperty];
  const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

  test.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('«%s»: the fills saved under its name, and put back', async (name) => {
    const mock = mockExcel(filledSheet(), { sheetName: name });
    (global as Record<string, unknown>).Excel = mock.excel;
    await applyHighlight(name, MARKS, DESKTOP);
    const saved: unknown = JSON.parse(mock.settings.get('smvp.evidenziazione')!);
    expect(own(saved as object, name)).toBe(true);
    expect(Object.entries(Object.getOwnPropertyDescriptor(saved, name)?.value as object)).toEqual([
      ['H6', 0],
      ['H7', { color: '#FFFF00', pattern: 'Solid', patternColor: null, tintAndShade: 0 }],
      ['H8', { color: '#FFFFFF', pattern: null, patternColor: null, tintAndShade: 0 }],
    ]);
    for (const target of machinery) expect(own(target, 'H6')).toBe(false);
    // Reopened: a new session reads the fills back from the settings alone.
    const reopened = mockExcel(filledSheet(), { sheetName: name, settings: Object.fromEntries(mock.settings) });
    (global as Record<string, unknown>).Excel = reopened.excel;
    expect(await removeHighlight(name, DESKTOP)).toBe(3);
    expect(['H6', 'H7', 'H8'].map((a) => reopened.fillOf(a)?.color ?? null)).toEqual([null, '#FFFF00', '#FFFFFF']);
    expect(JSON.parse(reopened.settings.get('smvp.evidenziazione')!)).toEqual({});
  });
});

describe('a sync that hangs', () => {
  test('times out with an Italian message, and Excel is not free again until it answers', async () => {
    const mock = mockExcel(enteSheet(3), { sheetName: 'Ente', syncFault: (n) => (n === 1 ? 'hang' : undefined) });
    (global as Record<string, unknown>).Excel = mock.excel;
    await expect(readActiveSheet({ ...DESKTOP, timeoutMs: 20 })).rejects.toThrow(SyncTimeoutError);
    let answered = false;
    const waiting = excelAnswered().then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    mock.release();
    await waiting;
    expect(answered).toBe(true);
  });
});

describe('the mock holds to Excel', () => {
  test('reading a property that was not loaded and synced throws PropertyNotLoaded', async () => {
    const mock = mockExcel(enteSheet(3), { sheetName: 'Ente' });
    await mock.excel.run(async (context) => {
      const { workbook } = context as Excel.RequestContext;
      const used = workbook.worksheets.getActiveWorksheet().getUsedRangeOrNullObject(true);
      used.load('rowCount');
      expect(() => used.rowCount).toThrow(/PropertyNotLoaded/);
      await (context as Excel.RequestContext).sync();
      expect(used.rowCount).toBe(8);
    });
  });

  test('a sheet name already taken, in any case, fails the sync with ItemAlreadyExists', async () => {
    const mock = mockExcel([], { sheetName: 'Overshooting' });
    await expect(
      mock.excel.run(async (context) => {
        (context as Excel.RequestContext).workbook.worksheets.add('OVERSHOOTING');
        await (context as Excel.RequestContext).sync();
      }),
    ).rejects.toThrow(/ItemAlreadyExists/);
  });
});

test('selectCell activates the sheet and selects the finding’s cell in one sync', async () => {
  const mock = mockExcel(enteSheet(3), { sheetName: 'Ente' });
  (global as Record<string, unknown>).Excel = mock.excel;
  await selectCell('Ente', 'D98', DESKTOP);
  expect(mock.selected).toEqual(['D98']);
  expect(mock.activated).toEqual(['Ente']);
  expect(mock.syncs).toHaveLength(1);
});
