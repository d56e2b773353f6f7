/**
 * Hostile workbooks (scripts/hostile-workbooks.ts) through the real `smvp` process, each bounded:
 * it ends, under 1 GB, with its own exit code and a message that says why — never a crash.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostileCases } from '../../scripts/hostile-workbooks';

const MEMORY_BOUND_KB = 1024 * 1024;
const TIME_BOUND_MS = 30_000;

interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
  readonly peakKb: number;
  readonly killed: boolean;
}

function smvp(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--max-old-space-size=1024', '-r', './test/support/peak-rss.js', 'bin/smvp.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, TIME_BOUND_MS);
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      clearTimeout(timer);
      const peak = /PEAK_RSS_KB=(\d+)/.exec(err);
      resolve({ code, out, err: err.replace(/\n?PEAK_RSS_KB=\d+\n?/, ''), peakKb: peak === null ? Number.NaN : Number(peak[1]), killed });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'smvp-hostile-'));
const cases = hostileCases(dir);

// Each case is its own process: run them side by side.
describe.each([
  'header with an empty column',
  'seed with a column inserted and a merged title',
  'a row with a gap on a sheet --sheet does not name',
  'a cell at row 50,000,000',
  '300 rows sharing a 10 MB target',
  'a shared-strings bomb',
  'a 30,000-row annex',
  'the same annex behind 30 bytes',
  '3,000 nested parentheses in the measures',
  '9,000 unary minus in the measures',
  'two 16,000-digit numbers multiplied in the measures',
  'a formula without its result in the Ente stated cell',
  'a device that never ends',
])('%s', (name) => {
  test.concurrent('ends in bounds with its exit code and says why', async () => {
    const c = cases.find((k) => k.name === name);
    if (c === undefined) throw new Error(`no case «${name}»`);
    await c.write?.();
    const file = c.file.startsWith('/') ? c.file : join(dir, c.file);
    const run = await smvp(['validate', file, '--json', ...(c.args ?? [])]);
    expect(run.killed).toBe(false);
    expect(run.err).not.toMatch(/Errore inatteso|RangeError|TypeError|\n\s+at /);
    expect(c.exit).toContain(run.code);
    expect(`${run.out}\n${run.err}`).toMatch(c.says);
    expect(run.peakKb).toBeLessThan(MEMORY_BOUND_KB);
  }, TIME_BOUND_MS + 60_000);
});
