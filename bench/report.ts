/** The one table `npm run bench` prints: a row per measured figure, with its goal when it has one. */
import { cpus, totalmem } from 'node:os';

export interface BenchRow {
  readonly section: string;
  readonly item: string;
  readonly figure: string;
  readonly goal?: string;
  readonly met?: boolean;
}

export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`;
}

export function perSecond(n: number): string {
  return `${Math.round(n).toLocaleString('en-US')} /s`;
}

export function table(rows: readonly BenchRow[]): string {
  const cells = rows.map((r) => [r.section, r.item, r.figure, r.goal ?? '', r.met === undefined ? '' : r.met ? 'ok' : 'MISSED']);
  const header = ['section', 'item', 'figure', 'goal', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: readonly string[]) => `| ${c.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}
