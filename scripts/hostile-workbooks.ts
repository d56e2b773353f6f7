/**
 * Small workbooks that a careless export, a colleague or an attacker could produce, each with what
 * `smvp` must do with it. `npx tsx scripts/hostile-workbooks.ts DIR` writes them to DIR; the test
 * suite (test/cli/hostile.test.ts) runs the CLI on each within a time and memory bound.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export interface HostileCase {
  readonly name: string;
  /** File name in the folder, or a path outside it (a device). */
  readonly file: string;
  readonly args?: readonly string[];
  /** Exit codes accepted: 0/1 when the file is a report to check, 2 when it must be refused. */
  readonly exit: readonly number[];
  /** What standard output (JSON when `--json`) or standard error must say. */
  readonly says: RegExp;
  /** Writes the file (once, however often called); absent for a device. */
  readonly write?: () => Promise<void>;
}

const SEED = join(__dirname, '..', 'seeds', 'integra-ente-2024.xlsx');
const ENTE_HEADER = ['Ente', 'Ambito', 'Obiettivo strategico', 'Obiettivi Operativi / Indicatori OS', 'Indicatori', 'Target', 'Valore', 'Raggiungimento', 'Valutazione', 'Valori misure'];

type Rows = ReadonlyArray<ReadonlyArray<ExcelJS.CellValue>>;

async function workbook(path: string, sheets: ReadonlyArray<readonly [string, Rows]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of sheets) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) => row.forEach((value, c) => value !== null && value !== undefined && (ws.getCell(r + 1, c + 1).value = value)));
  }
  await wb.xlsx.writeFile(path);
}

/** A small Ente report whose one indicator carries `measures`, `target` and `stated` as given. */
function ente(indicator: { target?: ExcelJS.CellValue; value?: ExcelJS.CellValue; measures?: ExcelJS.CellValue; stated?: ExcelJS.CellValue } = {}): Rows {
  return [
    ['Integra_Report_Performance organizzativa Ente'],
    [],
    ENTE_HEADER,
    ['Ente', null, null, null, null, null, null, '100,00%'],
    ['100,00%', '1 - Imprese', null, null, null, null, null, '100,00%'],
    [null, '100,00%', '11 - Export', null, null, null, null, '100,00%'],
    [null, null, '100,00%', 'Indicatori', null, null, null, '100,00%'],
    [null, null, null, '100,00%', 'I1 - Imprese assistite', indicator.target ?? '>= 10 N.', indicator.value ?? '12 N.', indicator.stated ?? '100,00%', null, indicator.measures ?? null],
  ];
}

/** The seed Ente report with a column inserted and the title merged over three cells. */
async function seedWithInsertedColumn(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SEED);
  const ws = wb.worksheets[0];
  ws.spliceColumns(6, 0, []);
  ws.mergeCells('A1:C1');
  await wb.xlsx.writeFile(path);
}

/** Every case, its file to be written into `dir` by its own `write`: a test runs each as soon as it is written. */
export function hostileCases(dir: string): HostileCase[] {
  mkdirSync(dir, { recursive: true });
  const at = (name: string) => join(dir, name);
  const cases: HostileCase[] = [];
  const add = (c: HostileCase, write: (path: string) => Promise<void> | void): HostileCase => {
    let written: Promise<void> | undefined;
    const added = { ...c, write: () => (written ??= Promise.resolve().then(() => write(at(c.file)))) };
    cases.push(added);
    return added;
  };

  add({ name: 'header with an empty column', file: 'header-hole.xlsx', exit: [0, 1], says: /"layout": "ente"/ }, (p) =>
    workbook(p, [['Ente', ente().map((row, r) => (r === 2 ? [...row.slice(0, 5), null, ...row.slice(5)] : row))]]),
  );
  add({ name: 'seed with a column inserted and a merged title', file: 'seed-inserted-column.xlsx', exit: [0, 1], says: /"layout": "ente"/ }, seedWithInsertedColumn);
  add({ name: 'a row with a gap on a sheet --sheet does not name', file: 'other-sheet-gap.xlsx', args: ['--sheet', 'Ente'], exit: [0, 1], says: /"name": "Ente"/ }, (p) =>
    workbook(p, [
      ['Note', [['a', 'b', null, 'c', 'd']]],
      ['Ente', ente()],
    ]),
  );
  // Written at row 2 and moved in the XML: ExcelJS walks every row up to the last when it writes.
  add({ name: 'a cell at row 50,000,000', file: 'far-row.xlsx', exit: [2], says: /riga 50\.000\.000.*1\.048\.576 righe/ }, async (p) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ente');
    ws.getCell('A1').value = 'Ente';
    ws.getCell('A2').value = 'lontano';
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const sheet = 'xl/worksheets/sheet1.xml';
    const xml = (await zip.file(sheet)?.async('string')) ?? '';
    const moved = xml.replace('<row r="2"', '<row r="50000000"').replace('r="A2"', 'r="A50000000"').replace('ref="A1:A2"', 'ref="A1:A50000000"');
    if (!moved.includes('r="A50000000"')) throw new Error('far-row.xlsx: cell A2 not found in the sheet XML');
    writeFileSync(p, await zip.file(sheet, moved).generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  });
  add({ name: '300 rows sharing a 10 MB target', file: 'huge-target.xlsx', exit: [2], says: /10\.000\.000 caratteri.*32\.767/ }, (p) => {
    const target = `>= ${'9'.repeat(10_000_000 - 3)}`;
    const rows = ente().slice(0, 7);
    for (let i = 0; i < 300; i += 1) rows.push([null, null, null, '1,00%', `I${i}`, target, '1 N.', '100,00%']);
    return workbook(p, [['Ente', rows]]);
  });
  // A 70 MB string added to the report's shared strings as bytes: through ExcelJS it took twice as long.
  add({ name: 'a shared-strings bomb', file: 'strings-bomb.xlsx', exit: [2], says: /decompresso supera 64 MB/ }, async (p) => {
    await workbook(p, [['Ente', ente()]]);
    const zip = await JSZip.loadAsync(readFileSync(p));
    const part = 'xl/sharedStrings.xml';
    const xml = (await zip.file(part)?.async('string')) ?? '';
    const end = xml.lastIndexOf('</sst>');
    if (end === -1) throw new Error('strings-bomb.xlsx: no shared strings in the report');
    const bomb = Buffer.concat([Buffer.from(`${xml.slice(0, end)}<si><t>`), Buffer.alloc(70_000_000, 'x'), Buffer.from(`</t></si>${xml.slice(end)}`)]);
    writeFileSync(p, await zip.file(part, bomb).generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  });
  // Streamed: ExcelJS's in-memory model takes seconds for 300,000 cells.
  const longAnnex = add({ name: 'a 30,000-row annex', file: 'long-annex.xlsx', exit: [2], says: /oltre il limite di 250\.000/ }, async (p) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: p });
    const ws = wb.addWorksheet('Overshooting');
    ws.addRow(['INDICATORE', 'TIPO', 'DESCRIZIONE', 'ALGORITMO', 'VALORI MISURE', 'CONSUNTIVO', 'TARGET', 'GRADO RAGGIUNGIMENTO', 'VALORE vs TARGET', 'OVERSHOOTING']).commit();
    for (let i = 0; i < 30_000; i += 1) ws.addRow([`I${i}`, 'Efficacia', 'd', 'a', '12 N.', '12 N.', '>= 10 N.', '100,00%', '100,00%', '0,00%']).commit();
    ws.commit();
    await wb.commit();
  });
  // The unzipper ExcelJS uses reads a zip with bytes in front of it: so must the check before it.
  add({ name: 'the same annex behind 30 bytes', file: 'prefixed-annex.xlsx', exit: [2], says: /oltre il limite di 250\.000/ }, async (p) => {
    await longAnnex.write?.();
    writeFileSync(p, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), readFileSync(at(longAnnex.file))]));
  });
  add({ name: '3,000 nested parentheses in the measures', file: 'deep-parentheses.xlsx', exit: [0, 1], says: /misure-illeggibili/ }, (p) =>
    workbook(p, [['Ente', ente({ measures: `${'('.repeat(3000)}12 N.${')'.repeat(3000)}` })]]),
  );
  add({ name: '9,000 unary minus in the measures', file: 'unary-minus.xlsx', exit: [0, 1], says: /misure-illeggibili/ }, (p) =>
    workbook(p, [['Ente', ente({ measures: `${'-'.repeat(9000)}12 N.` })]]),
  );
  add({ name: 'two 16,000-digit numbers multiplied in the measures', file: 'long-digits.xlsx', exit: [0, 1], says: /misure-illeggibili/ }, (p) =>
    workbook(p, [['Ente', ente({ measures: `${'9'.repeat(16_000)} N. * ${'9'.repeat(16_000)} N.` })]]),
  );
  add({ name: 'a formula without its result in the Ente stated cell', file: 'formula-without-value.xlsx', exit: [0, 1], says: /"code": "formula-senza-valore",\s*"cell": "H4"/ }, async (p) => {
    await workbook(p, [['Ente', ente()]]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(p);
    wb.worksheets[0].getCell('H4').value = { formula: 'AVERAGE(H5:H8)' } as ExcelJS.CellFormulaValue;
    await wb.xlsx.writeFile(p);
  });
  cases.push({ name: 'a device that never ends', file: '/dev/zero', exit: [2], says: /non è un file su disco/ });
  return cases;
}

if (require.main === module) {
  const dir = process.argv[2] ?? 'hostile-workbooks';
  (async () => {
    for (const c of hostileCases(dir)) {
      await c.write?.();
      process.stdout.write(`${c.file}\t${c.name}\n`);
    }
  })();
}
