/**
 * The built task pane in Debian's Chromium (playwright-core) against an in-memory Excel seeded from
 * seeds/integra-ente-2024.xlsx: validate, jump to a finding's cell, generate the Overshooting sheet.
 * Needs a build in dist/ (CI builds first; here one is made when missing). Outside CI the test is
 * skipped when Chromium is not installed; in CI it must run (.ci/run installs Chromium).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import ts from 'typescript';
import { readWorkbook } from '../../src/cli/xlsx-read';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');
const available = existsSync(CHROMIUM);
const run = available || process.env.CI === 'true' ? describe : describe.skip;

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.png': 'image/png', '.xml': 'application/xml' };

function fakeOfficeScript(): string {
  const source = readFileSync(join(__dirname, '..', 'support', 'fake-office.ts'), 'utf8');
  return ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.None } }).outputText;
}

function serve(fakeOffice: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(/^(\.\.[/\\])+/, '');
    if (path === '/office-js/office.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(fakeOffice);
      return;
    }
    const file = join(DIST, path);
    if (!file.startsWith(DIST) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function seedOf(file: string, sheet: string, language: string) {
  const read = await readWorkbook(join(ROOT, 'seeds', file));
  if (!read.ok) throw new Error(read.message);
  const grid = read.grids.find((g) => g.name === sheet);
  if (grid === undefined) throw new Error(`no sheet ${sheet}`);
  const rows = grid.rows.map((row) => Array.from(row, (c) => (c === undefined || c.value === null || c.value === undefined ? null : { value: c.value, numberFormat: c.numberFormat, fill: c.fill })));
  return { language, sheets: [{ name: sheet, rows }] };
}

run('task pane in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(join(DIST, 'taskpane.html'))) execFileSync('npx', ['webpack', '--mode', 'development'], { cwd: ROOT, stdio: 'ignore' });
    server = await serve(fakeOfficeScript());
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 420, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript((seed) => Object.assign(window, { __SMVP_SEED__: seed }), await seedOf('integra-ente-2024.xlsx', 'Ente', 'it-IT'));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/taskpane.html`);
    await page.getByRole('button', { name: 'Valida foglio' }).waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  test('Valida foglio shows the layout, Ente 99,62% and the seed finding at D98', async () => {
    await page.getByRole('button', { name: 'Valida foglio' }).click();
    await page.getByText('Layout: Performance organizzativa Ente').waitFor();
    await expect(page.getByText('99,62%').first().isVisible()).resolves.toBe(true);
    const finding = page.getByRole('button', { name: 'Vai alla cella D98' });
    await finding.waitFor();
    await expect(page.locator('li', { has: finding }).textContent()).resolves.toContain('701.C2.1');
  }, 60_000);

  test('clicking a finding selects its cell in the workbook', async () => {
    await page.getByRole('button', { name: 'Vai alla cella D98' }).click();
    await page.waitForFunction(() => (window as unknown as { __host: { state: { selection: string } } }).__host.state.selection === 'D98');
    await expect(page.evaluate(() => (window as unknown as { __host: { state: { active: string } } }).__host.state.active)).resolves.toBe('Ente');
  }, 30_000);

  test('Evidenzia colours the semaphores, Rimuovi evidenziazione restores the cells', async () => {
    await page.getByRole('button', { name: 'Evidenzia', exact: true }).click();
    await page.getByText(/celle evidenziate/).waitFor();
    await expect(page.evaluate(() => (window as unknown as { __host: { fillOf: (s: string, a: string) => string | null } }).__host.fillOf('Ente', 'H4'))).resolves.toBe('C6EFCE');
    await page.getByRole('button', { name: 'Rimuovi evidenziazione' }).click();
    await page.getByText(/Colori originali ripristinati/).waitFor();
    await expect(page.evaluate(() => (window as unknown as { __host: { fillOf: (s: string, a: string) => string | null } }).__host.fillOf('Ente', 'H4'))).resolves.toBeNull();
  }, 30_000);

  test('Genera foglio Overshooting adds the sheet with the 8 flagged rows and activates it', async () => {
    await page.getByRole('button', { name: 'Genera foglio Overshooting' }).click();
    await page.getByText('Creato il foglio «Overshooting»: 8 indicatori in overshooting su 98.').waitFor({ timeout: 30_000 });
    const state = await page.evaluate(() => {
      const h = (window as unknown as { __host: { sheetNames: () => string[]; rowsFilled: (s: string, f: string) => number[]; state: { active: string } } }).__host;
      return { names: h.sheetNames(), flagged: h.rowsFilled('Overshooting', 'FCE4D6').length, active: h.state.active };
    });
    expect(state).toEqual({ names: ['Ente', 'Overshooting'], flagged: 8, active: 'Overshooting' });
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'pane.png'), fullPage: true });
  }, 60_000);
});
