/** Sections 1 and 2: the main job on synthetic workbooks of growing size, and the engine alone. */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { analyseSheet, type Grid } from '../src/engine';
import { saveWorkbook } from '../src/cli/xlsx-write';
import { addGridSheet } from '../scripts/grid-workbook';
import { enteSheet, overshootingSheet } from './synthetic';
import { perSecond, type BenchRow } from './report';

// The CLI refuses workbooks over 250,000 cells (src/cli/xlsx-limits.ts): 10,000 indicators is its scale.
const SIZES = [1_000, 10_000];
const DIR = join(tmpdir(), 'smvp-bench');

async function write(grid: Grid, file: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  addGridSheet(workbook, grid);
  const path = join(DIR, file);
  await saveWorkbook(workbook, path);
  return path;
}

interface Measured {
  readonly ms: number;
  readonly peakMiB: number;
}

function measure(mode: string, file: string): Measured {
  const tsx = join(__dirname, '..', 'node_modules', '.bin', 'tsx');
  const out = execFileSync(tsx, [join(__dirname, 'measure.ts'), mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Measured;
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const mib = (n: number) => `${n.toFixed(0)} MiB`;

export async function benchScaling(): Promise<BenchRow[]> {
  mkdirSync(DIR, { recursive: true });
  const rows: BenchRow[] = [];
  const times: Record<string, Record<number, number>> = { validate: {}, overshooting: {} };
  for (const n of SIZES) {
    const files = { validate: await write(enteSheet(n), `ente-${n}.xlsx`), overshooting: await write(overshootingSheet(n), `kpi-${n}.xlsx`) };
    for (const job of ['validate', 'overshooting'] as const) {
      const load = measure('load', files[job]);
      const run = measure(job, files[job]);
      times[job][n] = run.ms;
      const added = run.ms / load.ms - 1;
      const label = `${job === 'validate' ? 'smvp validate (Ente)' : 'smvp overshooting (KPI list)'}, ${n.toLocaleString('en-US')} indicators`;
      rows.push(
        { section: '1. scaling', item: `${label}: ExcelJS load alone`, figure: `${ms(load.ms)}, peak ${mib(load.peakMiB)}` },
        { section: '1. scaling', item: `${label}: end to end`, figure: `${ms(run.ms)}, peak ${mib(run.peakMiB)}` },
        { section: '1. scaling', item: `${label}: added over loading`, figure: `${(added * 100).toFixed(0)}%`, goal: '≤ 30%', met: added <= 0.3 },
      );
    }
  }
  for (const job of ['validate', 'overshooting'] as const) {
    const growth = times[job][10_000] / times[job][1_000];
    rows.push({ section: '1. scaling', item: `${job}: time 10k / 1k`, figure: `${growth.toFixed(1)}×`, goal: '≤ 12×', met: growth <= 12 });
  }
  return rows;
}

export function benchEngine(): BenchRow[] {
  return [10_000, 100_000].map((n) => {
    const grid = enteSheet(n);
    for (let i = 0; i < 2; i += 1) analyseSheet(grid);
    const runs = n >= 100_000 ? 2 : 5;
    const start = performance.now();
    for (let i = 0; i < runs; i += 1) analyseSheet(grid);
    const each = (performance.now() - start) / runs;
    return {
      section: '2. engine alone',
      item: `read + recompute + findings, ${n.toLocaleString('en-US')} indicators (${grid.rows.length.toLocaleString('en-US')} rows)`,
      figure: `${ms(each)}, ${perSecond((grid.rows.length * 1000) / each)} rows`,
      ...(n === 10_000 ? { goal: '< 100 ms', met: each < 100 } : {}),
    };
  });
}
