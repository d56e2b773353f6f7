/** Section 5: gzip sizes of the production bundles, built afresh into a temporary folder. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import BUNDLE_BUDGETS from './bundle-budgets.json';
import type { BenchRow } from './report';

export function benchBundles(): BenchRow[] {
  const out = join(tmpdir(), 'smvp-bench-dist');
  execFileSync(join(__dirname, '..', 'node_modules', '.bin', 'webpack'), ['--mode', 'production', '--output-path', out], { cwd: join(__dirname, '..'), stdio: 'ignore' });
  return Object.entries(BUNDLE_BUDGETS).map(([file, { goal, label }]) => {
    const size = gzipSync(readFileSync(join(out, file))).length;
    return { section: '5. bundles (gzip)', item: `${file}: ${label}`, figure: `${(size / 1024).toFixed(1)} KiB`, goal: `≤ ${goal / 1024} KiB`, met: size <= goal };
  });
}
