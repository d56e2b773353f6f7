/**
 * Generated reports (test/support/integra-generator.ts) through files and writers: a report saved as
 * .xlsx and read back recomputes as the same grid in memory; the *Overshooting* sheet the tool writes
 * from it — the CLI's through ExcelJS, the pane's through Office.js on the mock — reads back as an
 * annex with no errore and the report's own grado and overshooting figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readWorkbook } from '../../src/cli/xlsx-read';
import { addOvershootingSheet } from '../../src/cli/xlsx-write';
import { addGridSheet } from '../../scripts/grid-workbook';
import { analyseSheet, Dec, overshootingSheet, type Grid, type GridCell, type OvershootingReport, type SheetReport } from '../../src/engine';
import { READ_CELL_LIMIT, type SyncPolicy } from '../../src/office/sync';
import { writeOvershootingSheet } from '../../src/office/write-overshooting';
import { mockExcel, type Written } from '../support/excel-mock';
import { describeGrid, EVERYTHING, fcDraw, generateReport, sameFigure, type GeneratedReport, type GeneratorOptions } from '../support/integra-generator';

const dir = mkdtempSync(join(tmpdir(), 'smvp-round-trip-'));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Saves a workbook built by `fill` in the temporary folder and reads it back as the CLI does. */
async function throughFile(fill: (workbook: ExcelJS.Workbook) => void): Promise<Grid[]> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  files += 1;
  const path = join(dir, `report-${files}.xlsx`);
  await writeFile(path, Buffer.from(await workbook.xlsx.writeBuffer()));
  const loaded = await readWorkbook(path);
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.grids;
}

const figure = (s: string | null): Dec | null => (s === null ? null : new Dec(s));

/** Where the recomputation of the grid read back differs from the one in memory. */
function differences(back: SheetReport, memory: SheetReport): string[] {
  const out: string[] = [];
  if (back.layout !== memory.layout) out.push(`layout ${String(back.layout)}, in memory ${String(memory.layout)}`);
  const shape = (r: SheetReport) => r.nodes.map((n) => `${String(n.row)} ${n.level}`).join(', ');
  if (shape(back) !== shape(memory)) out.push(`nodes [${shape(back)}], in memory [${shape(memory)}]`);
  memory.nodes.forEach((m, i) => {
    const b = back.nodes[i];
    if (b === undefined) return;
    for (const field of ['computed', 'stated', 'weight'] as const) {
      if (!sameFigure(b[field], figure(m[field]))) out.push(`row ${String(m.row)}: ${field} ${String(b[field])}, in memory ${String(m[field])}`);
    }
  });
  const findings = (r: SheetReport) => r.findings.map((f) => `${f.severity} ${f.code} ${f.cell}`).join('; ');
  if (findings(back) !== findings(memory)) out.push(`findings [${findings(back)}], in memory [${findings(memory)}]`);
  return out;
}

/** Where an annex read back differs from the overshooting report it was written from, and its errori. */
function annexDifferences(annex: SheetReport, source: OvershootingReport): string[] {
  if (annex.layout !== 'overshooting' || annex.overshooting === null) return [`layout ${String(annex.layout)}, expected overshooting`];
  const out = annex.findings.filter((f) => f.severity === 'errore').map((f) => `${f.cell}: errore ${f.code} — ${f.message}`);
  const { lines } = annex.overshooting;
  if (lines.length !== source.lines.length) out.push(`${lines.length} lines read back, ${source.lines.length} written`);
  source.lines.forEach((s, i) => {
    const a = lines[i];
    if (a === undefined) return;
    for (const field of ['achievement', 'overshooting'] as const) {
      const written = s.outcome?.[field] ?? null;
      const read = a.outcome?.[field] ?? null;
      if (!sameFigure(read, written)) out.push(`annex row ${a.input.row}, «${s.input.code || s.input.label}»: ${field} ${String(read)}, in the report ${String(written)}`);
    }
  });
  if (annex.overshooting.flagged !== source.flagged) out.push(`${annex.overshooting.flagged} flagged, ${source.flagged} in the report`);
  return out;
}

function failure(problems: readonly string[], generated: GeneratedReport, written?: Grid): Error {
  const annex = written === undefined ? '' : `\n\nWritten:\n${describeGrid(written)}`;
  return new Error(`${problems.slice(0, 12).join('\n')}\n\nReport:\n${describeGrid(generated.grid)}${annex}`);
}

/** The report's overshooting lines, from its recomputation in memory. */
function overshootingOf(generated: GeneratedReport): OvershootingReport {
  const report = analyseSheet(generated.grid).overshooting;
  if (report === null) throw new Error('a generated report always has indicators');
  return report;
}

const DESKTOP: SyncPolicy = { payloadLimit: Number.POSITIVE_INFINITY, readCellLimit: READ_CELL_LIMIT, timeoutMs: 5_000 };

const BAND = /^R(\d+)C(\d+):\d+x\d+$/;
const FILL = /^R(\d+)C(\d+)#fill$/;

/**
 * The cells the pane wrote, as Excel then holds them: text under the text format, without the
 * apostrophe that only tells Excel not to read a formula; numbers with their format; fills.
 */
function gridOfWritten(name: string, written: ReadonlyMap<string, Written>): Grid {
  const fills = new Map<string, string>();
  for (const [key, w] of written) {
    const m = FILL.exec(key);
    if (m !== null) fills.set(`${m[1]}:${m[2]}`, String(w.values?.[0]?.[0]).replace('#', ''));
  }
  const rows: Array<Array<GridCell | undefined>> = [];
  for (const [key, w] of written) {
    const m = BAND.exec(key);
    if (m === null || w.values === undefined) continue;
    const [top, left] = [Number(m[1]), Number(m[2])];
    w.values.forEach((line, r) =>
      line.forEach((value, c) => {
        if (value === '' || (typeof value !== 'string' && typeof value !== 'number')) return;
        const format = String(w.numberFormat?.[r]?.[c] ?? 'General');
        const fill = fills.get(`${top + r}:${left + c}`);
        (rows[top + r] ??= [])[left + c] = {
          value: typeof value === 'string' ? value.replace(/^'/, '') : value,
          ...(format === 'General' ? {} : { numberFormat: format }),
          ...(fill === undefined ? {} : { fill }),
        };
      }),
    );
  }
  return { name, rows: Array.from(rows, (row) => row ?? []) };
}

/**
 * Reports whose indicators can all be measured, so that the annex written from them has no reason for
 * an errore. Without page breaks: how the reader reads them is test/engine/generated-reports.test.ts's
 * business, here the sheets written from a report are.
 */
const MEASURABLE: GeneratorOptions = { ...EVERYTHING, faults: [], notAvailable: false, pageBreaks: false };

describe('generated reports through files and writers', () => {
  test('an .xlsx written and read back recomputes as the grid in memory', async () => {
    await fc.assert(
      fc.asyncProperty(fc.gen(), async (g) => {
        const generated = generateReport(fcDraw(g), EVERYTHING);
        const [back] = await throughFile((workbook) => addGridSheet(workbook, generated.grid));
        const problems = differences(analyseSheet(back), analyseSheet(generated.grid));
        if (problems.length > 0) throw failure(problems, generated);
      }),
      { numRuns: 30 },
    );
  }, 120_000);

  test("the CLI's Overshooting sheet reads back as an annex with the report's figures", async () => {
    await fc.assert(
      fc.asyncProperty(fc.gen(), async (g) => {
        const generated = generateReport(fcDraw(g), MEASURABLE);
        const source = overshootingOf(generated);
        const [annex] = await throughFile((workbook) => addOvershootingSheet(workbook, overshootingSheet(source)));
        const problems = annexDifferences(analyseSheet(annex), source);
        if (problems.length > 0) throw failure(problems, generated, annex);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  test("the pane's Overshooting sheet (Office.js, on the mock) reads back as an annex with the report's figures", async () => {
    await fc.assert(
      fc.asyncProperty(fc.gen(), async (g) => {
        const generated = generateReport(fcDraw(g), MEASURABLE);
        const source = overshootingOf(generated);
        const mock = mockExcel([], { sheetName: generated.grid.name });
        (global as Record<string, unknown>).Excel = mock.excel;
        const name = await writeOvershootingSheet(overshootingSheet(source), DESKTOP);
        const annex = gridOfWritten(name, mock.added.get(name) ?? new Map());
        const problems = annexDifferences(analyseSheet(annex), source);
        if (problems.length > 0) throw failure(problems, generated, annex);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
