/**
 * Requirement sets: every Office API that src/ uses, as @types/office-js, @types/custom-functions-runtime
 * and @types/office-runtime annotate it (`[Api set: ExcelApi 1.9]`, `**Requirement set**: SharedRuntime 1.1`),
 * is declared in manifest.xml's <Requirements> or only runs after Office.context.requirements.isSetSupported
 * says the set is there. The analysis and its rules are described in test/support/api-sets.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compareVersions,
  declaredSets,
  formatUse,
  OfficeApiAnalyzer,
  parseAnnotation,
  PROJECT_ROOT,
  setsInUse,
  undeclaredUses,
  type OfficeApiUse,
} from './support/api-sets';

const manifest = readFileSync(join(PROJECT_ROOT, 'manifest.xml'), 'utf8');
const declared = declaredSets(manifest);

// Probes: files that exist only in memory, compiled with src/ in the same Program, to prove the check fails when it should.
const RANGE = "const range = context.workbook.worksheets.getActiveWorksheet().getRange('A1');";
const SPILL = 'range.getSpillingToRangeOrNullObject();';
const SPILL_EXPR = SPILL.slice(0, -1);

/** Excel.Range.getSpillingToRangeOrNullObject is [Api set: ExcelApi 1.12], called on line 4 without a guard. */
const UNGUARDED = ['export async function spill(): Promise<void> {', '  await Excel.run(async (context) => {', `    ${RANGE}`, `    ${SPILL}`, '    await context.sync();', '  });', '}', ''];

/** [reported, body]: body runs in its own function, on line i + 2 for case i. */
const GUARDS: Array<[boolean, string]> = [
  [false, `if (Office.context.requirements.isSetSupported('ExcelApi', '1.12')) { ${SPILL} }`],
  [false, `if (Office.context.requirements.isSetSupported('ExcelApi', '1.13')) ${SPILL}`],
  [false, `const spill = Office.context.requirements.isSetSupported('ExcelApi', '1.12') ? ${SPILL_EXPR} : null; void spill;`],
  [false, `void (Office.context.requirements.isSetSupported('ExcelApi', '1.12') && ${SPILL_EXPR});`],
  [false, `if (!Office.context.requirements.isSetSupported('ExcelApi', '1.12')) return; ${SPILL}`],
  [false, `if (!Office.context.requirements.isSetSupported('ExcelApi', '1.12')) { return; } else { ${SPILL} }`],
  [false, `if (SPILLS && range.rowCount > 0) { ${SPILL} }`],
  [true, `if (Office.context.requirements.isSetSupported('ExcelApi', '1.11')) { ${SPILL} }`],
  [true, `if (Office.context.requirements.isSetSupported('ExcelApi', '1.9')) { ${SPILL} }`],
  [true, `if (Office.context.requirements.isSetSupported('ExcelApiOnline', '1.12')) { ${SPILL} }`],
  [true, `if (Office.context.requirements.isSetSupported('ExcelApi', '1.12') || range.rowCount > 0) { ${SPILL} }`],
  [true, `if (!Office.context.requirements.isSetSupported('ExcelApi', '1.12')) { ${SPILL} }`],
  [true, `if (Office.context.requirements.isSetSupported('ExcelApi', '1.12')) { return; } ${SPILL}`],
];
const GUARDED = [
  "const SPILLS = Office.context.requirements.isSetSupported('ExcelApi', '1.12');",
  ...GUARDS.map(([, body], i) => `export async function case${i}(): Promise<void> { await Excel.run(async (context) => { ${RANGE} ${body} }); }`),
  '',
];

const RESOLUTION = [
  'export async function f(values: Excel.CellValue[][]): Promise<void> {',
  '  await Excel.run(async (context) => {',
  '    const sheet = context.workbook.worksheets.getActiveWorksheet();',
  "    const range = sheet.getRange('A1');",
  "    range.set({ valuesAsJson: values, format: { fill: { color: 'red' } } });",
  '    sheet.load({ visibility: true, tabId: true });',
  "    context.workbook.worksheets.load('items/tabId');",
  "    range['getSpillingToRangeOrNullObject']();",
  '    const { valuesAsJsonLocal } = range;',
  '    void valuesAsJsonLocal;',
  '    await context.sync();',
  '  });',
  '}',
  '',
];

/** [Api set: ExcelApi 1.1 for reading visibility; 1.2 for setting it.] */
const READ_WRITE = [
  'export async function hide(): Promise<string> {',
  '  return Excel.run(async (context) => {',
  '    const sheet = context.workbook.worksheets.getActiveWorksheet();',
  "    sheet.load('visibility');",
  '    await context.sync();',
  "    sheet.visibility = 'Hidden';",
  '    return sheet.visibility;',
  '  });',
  '}',
  '',
];

const PROBES = {
  'src/office/__probe-unguarded__.ts': UNGUARDED.join('\n'),
  'src/office/__probe-guarded__.ts': GUARDED.join('\n'),
  'src/office/__probe-resolution__.ts': RESOLUTION.join('\n'),
  'src/office/__probe-read-write__.ts': READ_WRITE.join('\n'),
};

const analyzer = new OfficeApiAnalyzer(PROJECT_ROOT, PROBES);
let uses: OfficeApiUse[] = [];

/** One line per unguarded use the manifest does not cover: "file:line api set version (manifest: …)". */
function undeclaredReport(list: readonly OfficeApiUse[]): string {
  return undeclaredUses(list, declared)
    .map((u) => {
      const min = u.set === null ? undefined : declared.get(u.set);
      return `${formatUse(u)} (manifest: ${min === undefined ? 'not declared' : `${u.set} ${min}`})`;
    })
    .join('\n');
}

function find(api: string): OfficeApiUse | undefined {
  return uses.find((u) => u.api === api);
}

beforeAll(() => {
  uses = analyzer.projectUses();
}, 120_000);

describe('requirement sets of the code under src/', () => {
  test('every Office API used is covered by a set manifest.xml declares, or guarded by isSetSupported', () => {
    expect(undeclaredReport(uses)).toBe('');
  });

  test('the analysis does see the Office APIs in use, with their sets', () => {
    expect(find('Excel.Range.getCellProperties')).toMatchObject({ set: 'ExcelApi', version: '1.9' });
    expect(find('Excel.CellPropertiesFill.color')).toMatchObject({ set: 'ExcelApi', version: '1.9' });
    expect(find('Office.Addin.showAsTaskpane')).toMatchObject({ set: 'SharedRuntime', version: '1.1' });
    // Office.actions.associate carries no requirement set in @types/office-js: found, with none.
    expect(find('Office.Actions.associate')).toBeDefined();
    expect(find('CustomFunctions.Error')).toMatchObject({ set: 'CustomFunctionsRuntime', version: '1.2' });
    expect(find('CustomFunctions.ErrorCode.invalidValue')).toMatchObject({ set: 'CustomFunctionsRuntime', version: '1.3' });
    const sets = setsInUse(uses);
    expect([...sets.keys()].sort()).toEqual(expect.arrayContaining(['CustomFunctionsRuntime', 'ExcelApi', 'SharedRuntime']));
    expect(compareVersions(sets.get('ExcelApi')?.version ?? '0', '1.9')).toBeGreaterThanOrEqual(0);
    expect(uses.some((u) => u.file.startsWith('src/office/')) && uses.some((u) => u.file.startsWith('src/functions/'))).toBe(true);
  });
});

describe('the check fails when it should', () => {
  test('a newer API called without a guard is reported, with file, line, API, set and version', () => {
    expect(undeclaredReport(analyzer.virtualUses('src/office/__probe-unguarded__.ts'))).toBe(
      'src/office/__probe-unguarded__.ts:4 Excel.Range.getSpillingToRangeOrNullObject ExcelApi 1.12 (manifest: ExcelApi 1.9)',
    );
  });

  test('the same call guarded by isSetSupported for that set and version (or a later one) is not; a weaker guard does not count', () => {
    const reported = undeclaredUses(analyzer.virtualUses('src/office/__probe-guarded__.ts'), declared);
    expect(reported.every((u) => u.api === 'Excel.Range.getSpillingToRangeOrNullObject')).toBe(true);
    expect(reported.map((u) => `case${u.line - 2}`)).toEqual(GUARDS.flatMap(([bad], i) => (bad ? [`case${i}`] : [])));
  });

  test('uses are found through set() data, load options and paths, element access and destructuring', () => {
    expect(undeclaredReport(analyzer.virtualUses('src/office/__probe-resolution__.ts')).split('\n')).toEqual([
      'src/office/__probe-resolution__.ts:5 Excel.Interfaces.RangeUpdateData.valuesAsJson ExcelApi 1.16 (manifest: ExcelApi 1.9)',
      'src/office/__probe-resolution__.ts:6 Excel.Interfaces.WorksheetLoadOptions.tabId ExcelApi 1.14 (manifest: ExcelApi 1.9)',
      'src/office/__probe-resolution__.ts:7 Excel.Worksheet.tabId ExcelApi 1.14 (manifest: ExcelApi 1.9)',
      'src/office/__probe-resolution__.ts:8 Excel.Range.getSpillingToRangeOrNullObject ExcelApi 1.12 (manifest: ExcelApi 1.9)',
      'src/office/__probe-resolution__.ts:9 Excel.Range.valuesAsJsonLocal ExcelApi 1.16 (manifest: ExcelApi 1.9)',
    ]);
  });

  test('a property needing a later set to be written than read is judged by how it is used', () => {
    const visibility = analyzer.virtualUses('src/office/__probe-read-write__.ts').filter((u) => u.api === 'Excel.Worksheet.visibility');
    expect(visibility.map((u) => `${u.line} ${u.version}`)).toEqual(['4 1.1', '6 1.2', '7 1.1']);
  });

  test('the probes are not counted as uses of src/', () => {
    expect(uses.some((u) => u.file.includes('__probe'))).toBe(false);
  });
});

describe('reading the annotations and the manifest', () => {
  test('annotation forms of the d.ts files', () => {
    expect(parseAnnotation('* [Api set: ExcelApi 1.9]')).toEqual([{ set: 'ExcelApi', version: '1.9' }]);
    expect(parseAnnotation('* [Api set: ExcelApi 1.1 for get, 1.8 for set]', 'read')).toEqual([{ set: 'ExcelApi', version: '1.1' }]);
    expect(parseAnnotation('* [Api set: ExcelApi 1.1 for get, 1.8 for set]', 'write')).toEqual([{ set: 'ExcelApi', version: '1.8' }]);
    expect(parseAnnotation('* [Api set: ExcelApi 1.1 for String,Integer,Double,Boolean,Range,Error; 1.7 for Array]')).toEqual([{ set: 'ExcelApi', version: '1.7' }]);
    expect(parseAnnotation('* [Api set: ExcelApi 1.9, ExcelApi Preview for null `destinationRange`]')).toEqual([{ set: 'ExcelApi', version: '1.9' }]);
    expect(parseAnnotation('* [Api set: ExcelApi BETA (PREVIEW ONLY)]')).toEqual([{ set: 'ExcelApi', version: 'BETA' }]);
    expect(parseAnnotation('* [Api set: SharedRuntime 1.1, Mailbox 1.10]')).toEqual([{ set: 'SharedRuntime', version: '1.1' }]);
    expect(parseAnnotation('* The following outlines support information for Outlook.\n * [Api set: Mailbox 1.3]')).toEqual([]);
    expect(parseAnnotation('* [Api set: CustomFunctionsRuntime 1.2]')).toEqual([{ set: 'CustomFunctionsRuntime', version: '1.2' }]);
    const link = (label: string) => `{@link https://learn.microsoft.com/javascript/api/requirement-sets/common/x | ${label}}`;
    expect(parseAnnotation(`* **Requirement set**: ${link('SharedRuntime 1.1')}`)).toEqual([{ set: 'SharedRuntime', version: '1.1' }]);
    expect(parseAnnotation(`* **Requirement sets**:\n * - ${link('KeyboardShortcuts 1.1')}\n * - ${link('SharedRuntime 1.1')}`)).toEqual([
      { set: 'KeyboardShortcuts', version: '1.1' },
      { set: 'SharedRuntime', version: '1.1' },
    ]);
    expect(parseAnnotation(`* **Requirement set**: ${link('Not in a set')}`)).toEqual([]);
    expect(parseAnnotation('* Shows the task pane.')).toBeNull();
  });

  test('versions compare as numbers', () => {
    expect(compareVersions('1.10', '1.9')).toBe(1);
    expect(compareVersions('1.9', '1.12')).toBe(-1);
    expect(compareVersions('1.1', '1.1.0')).toBe(0);
    expect(compareVersions('BETA', '1.99')).toBe(1);
  });

  test('the declared sets come from the <Requirements> of manifest.xml', () => {
    expect(declared.get('SharedRuntime')).toBe('1.1');
    expect(declared.get('ExcelApi')).toBe('1.9');
    expect(declaredSets('<Requirements><Sets DefaultMinVersion="1.2"><Set Name="A"/><Set Name="B" MinVersion="1.10"/></Sets></Requirements>')).toEqual(
      new Map([
        ['A', '1.2'],
        ['B', '1.10'],
      ]),
    );
    const use = { file: 'f.ts', line: 1, api: 'X.y', set: 'B', version: '1.9', guarded: false };
    expect(undeclaredUses([use, { ...use, version: '1.11' }, { ...use, set: 'C' }, { ...use, set: 'C', guarded: true }], new Map([['B', '1.10']]))).toEqual([
      { ...use, version: '1.11' },
      { ...use, set: 'C' },
    ]);
  });
});
