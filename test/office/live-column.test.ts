/**
 * The live column on the Office mock, on the seed Ente report: where it is written, what, in how many
 * syncs; its formulas recalculated through the functions' own code (test/support/live-sheet.ts); the
 * semaphore's conditional formats; writing again; removing it without touching what the user typed.
 */
import { analyseSheet, columnLetters, MODENA_2024, profileFromJson, profileToJson, rowName, type Grid, type SheetReport } from '../../src/engine';
import { readWorkbook } from '../../src/cli/xlsx-read';
import { LiveColumnError, removeLiveColumn, writeLiveColumn } from '../../src/office/live-column';
import { READ_CELL_LIMIT, type SyncPolicy } from '../../src/office/sync';
import { mockExcel, type MockCell } from '../support/excel-mock';
import { LiveSheet } from '../support/live-sheet';

const DESKTOP: SyncPolicy = { payloadLimit: Number.POSITIVE_INFINITY, readCellLimit: READ_CELL_LIMIT, timeoutMs: 5_000 };

let grid: Grid;
let report: SheetReport;
beforeAll(async () => {
  const book = await readWorkbook('seeds/integra-ente-2024.xlsx');
  if (!book.ok) throw new Error(book.message);
  grid = book.grids[0];
  report = analyseSheet(grid);
});

const mockRows = (g: Grid): MockCell[][] =>
  g.rows.map((row) => Array.from(row, (c) => (c === undefined || c.value === null || c.value === undefined ? undefined : { value: c.value as string | number, numberFormat: c.numberFormat, fill: c.fill })) as MockCell[]);

/** The mock over the seed, whose formula cells Excel shows as `shown` says (by default still calculating). */
function seedExcel(options: Parameters<typeof mockExcel>[1] = {}) {
  const mock = mockExcel(mockRows(grid), { sheetName: 'Ente', ...options });
  (global as Record<string, unknown>).Excel = mock.excel;
  return mock;
}

/** The sheet as Excel would recalculate it, with the formulas the mock holds in `column`. */
function recalculated(mock: ReturnType<typeof mockExcel>, column: string): LiveSheet {
  const sheet = LiveSheet.fromGrid(grid);
  for (let row = 1; row <= grid.rows.length; row += 1) {
    const f = mock.writtenAt(`${column}${row}`)?.formula;
    if (typeof f === 'string' && f.startsWith('=')) sheet.setFormula(`${column}${row}`, f);
  }
  return sheet;
}

const widest = (g: Grid) => Math.max(...g.rows.map((r) => r.length));

test('one formula per node right of the used range, header, percentages, the semaphore as conditional formats: the engine\'s figures', async () => {
  const mock = seedExcel();
  const { column, formulas } = await writeLiveColumn(report, MODENA_2024, 'it', DESKTOP);
  expect(column).toBe(columnLetters(widest(grid)));
  expect(formulas).toBe(report.nodes.length);
  expect(mock.syncs).toHaveLength(2);
  const header = report.headerRow ?? 0;
  expect(mock.writtenAt(`${column}${header}`)).toMatchObject({ formula: 'Ricalcolato SMVP', bold: true });
  expect(mock.writtenAt(`${column}4`)).toMatchObject({ formula: expect.stringMatching(/^=PERF\.MEDIA_PESATA\(/), numberFormat: '0.00%' });
  expect(mock.conditionalFormats).toEqual([
    { range: `${column}${header + 1}:${column}${report.nodes.at(-1)?.row}`, formula: `=AND(ISNUMBER(${column}${header + 1}),${column}${header + 1}>=0.95)`, fill: '#C6EFCE' },
    { range: expect.any(String), formula: `=AND(ISNUMBER(${column}${header + 1}),${column}${header + 1}<=0.6)`, fill: '#FFC7CE' },
    { range: expect.any(String), formula: `=AND(ISNUMBER(${column}${header + 1}),${column}${header + 1}>0.6,${column}${header + 1}<0.95)`, fill: '#FFEB9C' },
  ]);
  expect(JSON.parse(mock.settings.get('smvp.colonneRicalcolate') ?? '{}')).toEqual({ Ente: { column: widest(grid), header, last: report.nodes.at(-1)?.row } });

  const sheet = recalculated(mock, column);
  for (const node of report.nodes) {
    const got = sheet.get(`${column}${node.row}`);
    expect([rowName(node), 'value' in got ? got.value : got]).toEqual([rowName(node), node.computed === null ? null : expect.closeTo(Number(node.computed), 12)]);
  }
  expect(sheet.get(`${column}4`)).toEqual({ value: expect.closeTo(0.99617, 5) });

  // 701.S1 (row 91) at its target: the indicator and exactly its ancestors change.
  const before = new Map(report.nodes.map((n) => [n.row, JSON.stringify(sheet.get(`${column}${n.row}`))]));
  expect(report.nodes.find((n) => n.code === '701.S1')?.row).toBe(91);
  sheet.setValue(findValueCell('701.S1'), '1000 N.');
  const measures = findMeasuresCell('701.S1');
  if (measures !== undefined) sheet.setValue(measures, '1000 N. / 1 N.');
  const changed = report.nodes.filter((n) => JSON.stringify(sheet.get(`${column}${n.row}`)) !== before.get(n.row)).map(rowName);
  expect(changed).toEqual(['Ente', '2', '701', 'Indicatori', '701.S1']);
});

function findValueCell(code: string): string {
  return findRow(code).addresses?.value ?? '';
}
function findMeasuresCell(code: string): string | undefined {
  const row = findRow(code);
  return row.measures === undefined || row.measures === null || row.measures === '' ? undefined : row.addresses?.measures;
}
function findRow(code: string) {
  const stack = [...report.roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.row.code === code) return node.row;
    stack.push(...node.children);
  }
  throw new Error(`no ${code}`);
}

test('Excel answering #NAME? to the Italian names: the English ones are written; to both, the reason', async () => {
  const english = seedExcel({ calculate: (_at, f) => (f.startsWith('=PERF.MEDIA_PESATA') ? '#NAME?' : 0.99) });
  const { column } = await writeLiveColumn(report, MODENA_2024, 'it', DESKTOP);
  expect(english.writtenAt(`${column}4`)?.formula).toMatch(/^=PERF\.WEIGHTEDMEAN\(/);
  expect(english.syncs).toHaveLength(3);

  seedExcel({ calculate: () => '#NOME?' });
  await expect(writeLiveColumn(report, MODENA_2024, 'it', DESKTOP)).rejects.toThrow(/Excel non riconosce le funzioni PERF/);
});

test('another profile: its thresholds in the rules, its missing-value rule in the formulas', async () => {
  const strict = profileFromJson({ ...profileToJson(MODENA_2024), semaphore: { green: '0.99', red: '0.7' }, missingValue: 'zero' });
  if (!strict.ok) throw new Error('profile');
  const mock = seedExcel();
  const { column } = await writeLiveColumn(report, strict.value, 'en', DESKTOP);
  expect(mock.conditionalFormats.map((f) => f.formula?.replace(/[A-Z]+\d+/g, 'X'))).toEqual(['=AND(ISNUMBER(X),X>=0.99)', '=AND(ISNUMBER(X),X<=0.7)', '=AND(ISNUMBER(X),X>0.7,X<0.99)']);
  expect(mock.writtenAt(`${column}4`)?.formula).toMatch(/^=PERF\.WEIGHTEDMEAN\(.*,"\{""missingValue"":""zero""\}"\)$/);
});

test('written again: in its own column while it holds only its formulas, else in a new one to the right', async () => {
  const mock = seedExcel();
  const first = await writeLiveColumn(report, MODENA_2024, 'it', DESKTOP);
  const again = await writeLiveColumn(report, MODENA_2024, 'it', DESKTOP);
  expect(again.column).toBe(first.column);
  expect(mock.syncs).toHaveLength(2 + 3);
  expect(mock.conditionalFormats).toHaveLength(3);

  // The user types a note in the column: it is theirs now, and the next column is used.
  await mock.excel.run(async (context) => {
    const ctx = context as Excel.RequestContext;
    ctx.workbook.worksheets.getItem('Ente').getRangeByIndexes(5, widest(grid), 1, 1).formulas = [['verificato con il dirigente']];
    await ctx.sync();
  });
  const third = await writeLiveColumn(report, MODENA_2024, 'it', DESKTOP);
  expect(third.column).toBe(columnLetters(widest(grid) + 1));
  expect(mock.writtenAt(`${first.column}6`)?.formula).toBe('verificato con il dirigente');
});

test('Rimuovi colonna: its formulas, header and semaphore go, what the user typed stays; nothing recorded, nothing to do', async () => {
  const mock = seedExcel();
  const { column } = await writeLiveColumn(report, MODENA_2024, 'it', DESKTOP);
  await mock.excel.run(async (context) => {
    const ctx = context as Excel.RequestContext;
    ctx.workbook.worksheets.getItem('Ente').getRangeByIndexes(6, widest(grid), 1, 1).formulas = [['nota mia']];
    await ctx.sync();
  });
  const cleared = await removeLiveColumn('Ente', DESKTOP);
  expect(cleared).toBe(report.nodes.length); // the header back, one node's formula replaced by the note
  expect(mock.writtenAt(`${column}4`)).toMatchObject({ formula: '', numberFormat: 'General' });
  expect(mock.writtenAt(`${column}7`)?.formula).toBe('nota mia');
  expect(mock.conditionalFormats).toEqual([]);
  expect(mock.settings.get('smvp.colonneRicalcolate')).toBe('{}');
  expect(await removeLiveColumn('Ente', DESKTOP)).toBe(0);
});

test('Rimuovi colonna leaves alone a column whose header is no longer where it was written', async () => {
  const mock = seedExcel();
  const { column } = await writeLiveColumn(report, MODENA_2024, 'it', DESKTOP);
  await mock.excel.run(async (context) => {
    const ctx = context as Excel.RequestContext;
    ctx.workbook.worksheets.getItem('Ente').getRangeByIndexes((report.headerRow ?? 1) - 1, widest(grid), 1, 1).formulas = [['Nostra colonna']];
    await ctx.sync();
  });
  expect(await removeLiveColumn('Ente', DESKTOP)).toBe(0);
  expect(mock.writtenAt(`${column}4`)?.formula).toMatch(/^=PERF\.MEDIA_PESATA\(/);
  expect(mock.conditionalFormats).toHaveLength(3);
  expect(mock.settings.get('smvp.colonneRicalcolate')).toBe('{}');
});

test('a scorecard (its OS take the Ente\'s grado) is refused before Excel is asked anything', async () => {
  const mock = seedExcel();
  await expect(writeLiveColumn({ ...report, layout: 'schede' }, MODENA_2024, 'it', DESKTOP)).rejects.toThrow(LiveColumnError);
  expect(mock.syncs).toHaveLength(0);
});
