/**
 * The live column (Ricalcolato SMVP): the formulas the engine plans, recalculated through the custom
 * functions' own code (test/support/live-sheet.ts), give the engine's figures on the seed, on its
 * numeric copy, on generated reports and under another profile; a value typed in changes exactly its
 * ancestors.
 */
import fc from 'fast-check';
import { analyseSheet, buildTree, columnLetters, evaluateForest, flatten, type GridCell, type TreeRow, MODENA_2024, profileFromJson, profileToJson, rowName, type EvaluatedNode, type Grid, type SmvpProfile } from '../../src/engine';
import { formulaText, liveProfileArgument, liveRows, type FunctionLanguage, type LiveRow } from '../../src/engine/reports';
import { readWorkbook } from '../../src/cli/xlsx-read';
import { EVERYTHING, fcDraw, generateReport } from '../support/integra-generator';
import { LiveSheet, type Computed } from '../support/live-sheet';

/** A column right of everything the sheet holds. */
const freeColumn = (grid: Grid): number => Math.max(...grid.rows.map((r) => r.length)) + (grid.origin?.col ?? 0) + 1;

function live(grid: Grid, profile: SmvpProfile, language: FunctionLanguage = 'it', emptyAs: null | 0 = null) {
  const report = analyseSheet(grid, profile);
  const column = freeColumn(grid);
  const rows = liveRows(report.roots, column);
  const sheet = LiveSheet.fromGrid(grid, emptyAs);
  const argument = liveProfileArgument(profile);
  const at = (r: LiveRow) => `${columnLetters(column)}${r.row}`;
  for (const r of rows) sheet.setFormula(at(r), formulaText(r.formula, language, argument));
  return { report, rows, sheet, at };
}

/** The live figure against the engine's: the same double, or both not computable. */
function mismatch(node: EvaluatedNode, got: Computed): string | undefined {
  const expected = node.achievement?.toNumber() ?? null;
  const value = 'value' in got ? got.value : null;
  if (expected === null ? value === null : typeof value === 'number' && Math.abs(value - expected) <= 1e-12) return undefined;
  return `${rowName(node.row)} (riga ${node.row.sheetRow}): motore ${expected}, colonna ${JSON.stringify(got)}`;
}

const mismatches = ({ rows, sheet, at }: ReturnType<typeof live>): string[] => rows.flatMap((r) => mismatch(r.node, sheet.get(at(r))) ?? []);

let seed: Grid[];
beforeAll(async () => {
  const book = await readWorkbook('seeds/integra-ente-2024.xlsx');
  if (!book.ok) throw new Error(book.message);
  seed = book.grids;
});
const sheetNamed = (name: string): Grid => seed.find((g) => g.name === name) ?? raise(name);
function raise(name: string): never {
  throw new Error(`no sheet ${name}`);
}

describe('the seed Ente report', () => {
  test('one formula per node: the Ente 99,62% and every node as the engine, in both languages', () => {
    for (const language of ['it', 'en'] as const) {
      const model = live(sheetNamed('Ente'), MODENA_2024, language);
      expect(model.rows).toHaveLength(flatten(model.report.roots).length);
      expect(mismatches(model)).toEqual([]);
      const ente = model.sheet.get(model.at(model.rows[0]));
      expect('value' in ente && typeof ente.value === 'number' ? (ente.value * 100).toFixed(2) : ente).toBe('99.62');
    }
  });

  test('the formulas read naturally: an indicator its own cells, OS 701 exactly its two blocks wherever they are', () => {
    const { rows, at } = live(sheetNamed('Ente'), MODENA_2024);
    const text = (code: string) => {
      const r = rows.find((x) => rowName(x.node.row) === code) ?? raise(code);
      return `${at(r)} ${formulaText(r.formula, 'it', null)}`;
    };
    expect(text('701')).toMatch(/^[A-Z]+88 =PERF\.MEDIA_PESATA\([A-Z]+89,[A-Z]+89,[A-Z]+94,[A-Z]+94\)$/);
    expect(text('701.S1')).toMatch(/^[A-Z]+91 =PERF\.INDICATORE\([A-Z]+91,[A-Z]+91(,[A-Z]+91)?\)$/);
    expect(text('Ente')).toMatch(/^[A-Z]+4 =PERF\.MEDIA_PESATA\(([A-Z]+\d+,){5}[A-Z]+\d+\)$/);
  });

  test('the numeric copy (numbers with percentage formats) gives the same figures', () => {
    expect(mismatches(live(sheetNamed('Ente (valori numerici)'), MODENA_2024))).toEqual([]);
  });

  test('a value typed in changes exactly its indicator and its ancestors: 701.S1 to its target lifts OS 701, ambito 2 and the Ente', () => {
    const model = live(sheetNamed('Ente'), MODENA_2024);
    const before = new Map(model.rows.map((r) => [model.at(r), JSON.stringify(model.sheet.get(model.at(r)))]));
    const indicator = model.rows.find((r) => rowName(r.node.row) === '701.S1') ?? raise('701.S1');
    const valueCell = indicator.node.row.addresses?.value ?? raise('value cell');
    model.sheet.setValue(valueCell, '200 N.');
    if (indicator.formula.kind === 'indicator' && indicator.formula.measures !== undefined) model.sheet.setValue(indicator.formula.measures, '200 N. / 1 N.');
    const changed = model.rows.filter((r) => JSON.stringify(model.sheet.get(model.at(r))) !== before.get(model.at(r))).map((r) => rowName(r.node.row));
    expect(changed).toEqual(['Ente', '2', '701', 'Indicatori', '701.S1']);
    const os = model.sheet.get(model.at(model.rows.find((r) => rowName(r.node.row) === '701')!));
    expect(os).toEqual({ value: 1 });
  });
});

test('another profile: missing values counted as 0%, the profile passed in the formulas, the engine\'s figures', () => {
  const zero = profileFromJson({ ...profileToJson(MODENA_2024), missingValue: 'zero' });
  if (!zero.ok) throw new Error('profile');
  expect(liveProfileArgument(MODENA_2024)).toBeNull();
  expect(liveProfileArgument(zero.value)).toBe('{"missingValue":"zero"}');
  fc.assert(
    fc.property(fc.gen(), (g) => {
      const model = live(generateReport(fcDraw(g), { ...EVERYTHING, notAvailable: true }).grid, zero.value);
      expect(mismatches(model)).toEqual([]);
    }),
    { numRuns: 8 },
  );
}, 30_000);

test('generated reports: the live column gives every node\'s figure, empty cells passed as on the web', () => {
  fc.assert(
    fc.property(fc.gen(), (g) => {
      const { grid } = generateReport(fcDraw(g), EVERYTHING);
      expect(mismatches(live(grid, MODENA_2024))).toEqual([]);
    }),
    { numRuns: 15 },
  );
}, 30_000);

test('on Windows, where an empty cell reaches a function as 0: the same figures while no value cell is empty', () => {
  const noEmptyValue = { ...EVERYTHING, faults: EVERYTHING.faults.filter((f) => f !== 'value-empty') };
  fc.assert(
    fc.property(fc.gen(), (g) => {
      const { grid } = generateReport(fcDraw(g), noEmptyValue);
      expect(mismatches(live(grid, MODENA_2024, 'en', 0))).toEqual([]);
    }),
    { numRuns: 10 },
  );
}, 30_000);

test('on Windows an emptied value cell reads as 0 (Excel\'s behaviour, OfficeDev/office-js issue 4702): N/D keeps it out of the mean', () => {
  const model = live(sheetNamed('Ente'), MODENA_2024, 'it', 0);
  const indicator = model.rows.find((r) => rowName(r.node.row) === '701.S1') ?? raise('701.S1');
  if (indicator.formula.kind !== 'indicator') throw new Error('not an indicator');
  if (indicator.formula.measures !== undefined) model.sheet.setValue(indicator.formula.measures, null);
  model.sheet.setValue(indicator.formula.value, null);
  expect(model.sheet.get(model.at(indicator))).toEqual({ value: 0 });
  model.sheet.setValue(indicator.formula.value, 'N/D');
  expect(model.sheet.get(model.at(indicator))).toMatchObject({ error: '#N/A' });
  const os = model.sheet.get(model.at(model.rows.find((r) => rowName(r.node.row) === '701')!));
  expect(os).toEqual({ value: 1 });
});

test('a target held as a date or a percentage goes into the formula as the text that reads the same, since a function sees only the number', () => {
  const cells = new Map<string, GridCell>([
    ['C3', { value: '50%' }],
    ['F3', { value: 45473, numberFormat: 'dd/mm/yyyy' }],
    ['G3', { value: 45468, numberFormat: 'dd/mm/yyyy' }],
    ['C4', { value: '50%' }],
    ['F4', { value: 0.9, numberFormat: '0%' }],
    ['G4', { value: 0.9, numberFormat: '0%' }],
  ]);
  const row = (level: TreeRow['level'], code: string, r: number, fields: Partial<TreeRow> = {}): TreeRow => ({ level, code, label: '', sheetRow: r, ...fields });
  const ind = (code: string, r: number): TreeRow =>
    row('indicatore', code, r, { weight: cells.get(`C${r}`), target: cells.get(`F${r}`), value: cells.get(`G${r}`), addresses: { weight: `C${r}`, target: `F${r}`, value: `G${r}` } });
  const check = () => {
    const roots = evaluateForest(buildTree([row('os', 'X', 2), ind('I1', 3), ind('I2', 4)]));
    const rows = liveRows(roots, 9);
    const sheet = new LiveSheet(new Map(cells));
    for (const r of rows) sheet.setFormula(`J${r.row}`, formulaText(r.formula, 'it', null));
    return { rows, sheet, mismatches: rows.flatMap((r) => mismatch(r.node, sheet.get(`J${r.row}`)) ?? []) };
  };
  const onTime = check();
  expect(onTime.rows.map((r) => formulaText(r.formula, 'it', null))).toEqual(['=PERF.MEDIA_PESATA(C3,J3,C4,J4)', '=PERF.INDICATORE("Entro 30-06-2024",G3)', '=PERF.INDICATORE("90 %",G4,,"%")']);
  expect(onTime.mismatches).toEqual([]);
  expect(onTime.sheet.get('J2')).toEqual({ value: 1 });
  // Twelve days late: 0% under the default profile, in the engine and in the column alike.
  cells.set('G3', { value: 45485, numberFormat: 'dd/mm/yyyy' });
  const late = check();
  expect(late.mismatches).toEqual([]);
  expect(late.sheet.get('J3')).toEqual({ value: 0 });
});


test('a weight held as a percentage above 100% goes into the formula as text: a function would read the bare 1,25 as 1,25%', () => {
  const cells = new Map<string, GridCell>([
    ['C3', { value: 1.25, numberFormat: '0%' }],
    ['F3', { value: '>= 10 N.' }],
    ['G3', { value: '5 N.' }],
    ['C4', { value: 0.005, numberFormat: '0.00%' }],
    ['F4', { value: '>= 10 N.' }],
    ['G4', { value: '10 N.' }],
  ]);
  const ind = (code: string, r: number): TreeRow => ({
    level: 'indicatore',
    code,
    label: '',
    sheetRow: r,
    weight: cells.get(`C${r}`),
    target: cells.get(`F${r}`),
    value: cells.get(`G${r}`),
    addresses: { weight: `C${r}`, target: `F${r}`, value: `G${r}` },
  });
  const roots = evaluateForest(buildTree([{ level: 'os', code: 'X', label: '', sheetRow: 2 }, ind('I1', 3), ind('I2', 4)]));
  const rows = liveRows(roots, 9);
  const sheet = new LiveSheet(new Map(cells));
  for (const r of rows) sheet.setFormula(`J${r.row}`, formulaText(r.formula, 'it', null));
  // 0,5% stays its cell: below 100% the bare number reads the same.
  expect(formulaText(rows[0].formula, 'it', null)).toBe('=PERF.MEDIA_PESATA("125 %",J3,C4,J4)');
  expect(rows.flatMap((r) => mismatch(r.node, sheet.get(`J${r.row}`)) ?? [])).toEqual([]);
  // (125% × 50% + 0,5% × 100%) / 125,5%
  expect(roots[0].achievement?.toNumber()).toBeCloseTo(0.63 / 1.255, 12);
});
