/**
 * The production build the slow tests use: `npm run build:test-addin` (run by `npm test` before jest)
 * writes it to out/test-addin, served from ADDIN_URL below. The pages are those of `npm run build`;
 * only the manifest's URLs differ, so one build serves the browser tests and the deployment test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const BUILT_ADDIN = join(ROOT, 'out', 'test-addin');
/** As in package.json's build:test-addin. */
export const BUILT_ADDIN_URL = 'https://intranet.example/smvp/';

/** Builds when missing (a lone `npx jest test/browser`); `npm test` always builds it afresh first. */
export function ensureBuiltAddin(): void {
  if (!existsSync(join(BUILT_ADDIN, 'taskpane.html'))) execFileSync('npm', ['run', '-s', 'build:test-addin'], { cwd: ROOT, stdio: 'ignore' });
}
