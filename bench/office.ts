/**
 * Section 4: context.sync round trips per pane operation, counted through the adapter on the mock.
 * The full-size counterpart of the adapter's tests (test/office/adapter.test.ts), which run 2,000 rows
 * against limits scaled down alike: here over 100,000 rows, marks and written lines meet Excel's own.
 */
import { highlightMarks, analyseSheet, overshootingSheet as sheetModel } from '../src/engine';
import { applyHighlight } from '../src/office/highlight';
import { readActiveSheet } from '../src/office/read-sheet';
import { READ_CELL_LIMIT, WEB_PAYLOAD_LIMIT, type SyncPolicy } from '../src/office/sync';
import { writeOvershootingSheet } from '../src/office/write-overshooting';
import { mockExcel, type MockCell } from '../test/support/excel-mock';
import { enteSheet } from './synthetic';
import type { BenchRow } from './report';

const POLICIES: ReadonlyArray<readonly [string, SyncPolicy]> = [
  ['desktop', { payloadLimit: Number.POSITIVE_INFINITY, readCellLimit: READ_CELL_LIMIT, timeoutMs: 60_000 }],
  ['web', { payloadLimit: WEB_PAYLOAD_LIMIT, readCellLimit: READ_CELL_LIMIT, timeoutMs: 60_000 }],
];

const MiB = (n: number) => `${(n / 2 ** 20).toFixed(2)} MiB`;

/** Runs one operation on a fresh mock and reports its syncs and largest batch. */
async function count(rows: MockCell[][], op: (policy: SyncPolicy) => Promise<unknown>, policy: SyncPolicy): Promise<{ syncs: number; largest: number }> {
  const mock = mockExcel(rows, { sheetName: 'Ente' });
  Object.assign(globalThis, { Excel: mock.excel });
  await op(policy);
  return { syncs: mock.syncs.length, largest: Math.max(...mock.syncs) };
}

const thousands = (count: number) => count.toLocaleString('en-US');

export async function benchOffice(): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  /** Each operation's syncs on the desktop at the smaller size, which the larger must equal. */
  const desktopSyncs = new Map<string, number>();
  for (const indicators of [100, 100_000]) {
    const grid = enteSheet(indicators);
    const cells = grid.rows.map((r) => Array.from(r, (c) => (c === undefined ? undefined : { value: c.value as string | number, ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}), ...(c.fill ? { fill: c.fill } : {}) })));
    const report = analyseSheet(grid);
    const marks = highlightMarks(report);
    const model = sheetModel(report.overshooting!);
    const operations: ReadonlyArray<readonly [string, string, (p: SyncPolicy) => Promise<unknown>]> = [
      ['Valida foglio (read)', `${thousands(grid.rows.length)} rows`, (p) => readActiveSheet(p)],
      ['Evidenzia', `${thousands(grid.rows.length)} rows, ${thousands(marks.length)} marks`, (p) => applyHighlight('Ente', marks, p)],
      ['Genera foglio Overshooting (write)', `${thousands(model.lines.length)} lines`, (p) => writeOvershootingSheet(model, p)],
    ];
    for (const [name, size, op] of operations) {
      for (const [platform, policy] of POLICIES) {
        const { syncs, largest } = await count(cells as MockCell[][], op, policy);
        const smaller = desktopSyncs.get(name);
        if (platform === 'desktop' && smaller === undefined) desktopSyncs.set(name, syncs);
        out.push({
          section: '4. Office round trips',
          item: `${name}, ${size}, ${platform}`,
          figure: `${syncs} syncs, largest batch ${MiB(largest)}`,
          ...(platform === 'web'
            ? { goal: '≤ 4 MiB per batch', met: largest <= WEB_PAYLOAD_LIMIT }
            : { goal: 'same count at both sizes', ...(smaller === undefined ? {} : { met: syncs === smaller }) }),
        });
      }
    }
  }
  return out;
}
