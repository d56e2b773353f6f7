/**
 * The built task pane in Debian's Chromium (playwright-core) against an in-memory Excel seeded from
 * seeds/integra-ente-2024.xlsx: validate, jump to a finding's cell, generate the Overshooting sheet.
 * The in-memory Excel (test/support/fake-office.ts) is served in place of office.js; the start-up test
 * (startup.test.ts) runs the real office.js.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import ts from 'typescript';
import { readWorkbook } from '../../src/cli/xlsx-read';
import { BUILT_ADDIN, ensureBuiltAddin, ROOT } from '../support/built-addin';
import { baseUrl, describeInBrowser, launchChromium, serveStatic } from './harness';

const ARTIFACTS = join(ROOT, 'test-artifacts');

function fakeOfficeScript(): string {
  const source = readFileSync(join(__dirname, '..', 'support', 'fake-office.ts'), 'utf8');
  return ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.None } }).outputText;
}

/** Each seed workbook read once for the whole file. */
const seedReads = new Map<string, ReturnType<typeof readWorkbook>>();

/** An in-memory workbook with the given sheets of a seed workbook (all of them when none is named); the first is active. */
async function seedOf(file: string, language: string, ...names: string[]) {
  if (!seedReads.has(file)) seedReads.set(file, readWorkbook(join(ROOT, 'seeds', file)));
  const read = await seedReads.get(file)!;
  if (!read.ok) throw new Error(read.message);
  const grids = names.length === 0 ? read.grids : names.map((n) => read.grids.find((g) => g.name === n) ?? raise(`no sheet ${n}`));
  const sheets = grids.map((grid) => ({
    name: grid.name,
    rows: grid.rows.map((row) => Array.from(row, (c) => (c === undefined || c.value === null || c.value === undefined ? null : { value: c.value, numberFormat: c.numberFormat, fill: c.fill }))),
  }));
  return { language, sheets };
}

function raise(message: string): never {
  throw new Error(message);
}

const fillOf = (page: Page, sheet: string, address: string) =>
  page.evaluate(([s, a]) => (window as unknown as { __host: { fillOf: (s: string, a: string) => string | null } }).__host.fillOf(s, a), [sheet, address] as const);

async function openPane(server: Server, browser: Browser, seed: Awaited<ReturnType<typeof seedOf>>): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 420, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript((s) => Object.assign(window, { __SMVP_SEED__: s }), seed);
  await page.goto(`${baseUrl(server)}/taskpane.html`);
  await page.getByRole('button', { name: 'Valida foglio' }).waitFor({ timeout: 30_000 });
  expect(errors).toEqual([]);
  return page;
}

/** The text of the finding listed for a cell, once it shows. */
async function findingAt(page: Page, cell: string): Promise<string | null> {
  const button = page.getByRole('button', { name: `Vai alla cella ${cell}` });
  await button.waitFor();
  return page.locator('li', { has: button }).textContent();
}

interface RibbonHost {
  __host: { state: { actions: Map<string, (event: { completed: () => void }) => void>; paneShown: number; log: string[] }; sheetNames: () => string[]; fillOf: (s: string, a: string) => string | null };
}

/** Clicks ribbon buttons one after the other without waiting, as a user may; resolves when every one has called completed(). */
const clickRibbon = (page: Page, ...ids: string[]) =>
  page.evaluate(async (buttons) => {
    const h = (window as unknown as RibbonHost).__host;
    await Promise.all(buttons.map((id) => new Promise<void>((resolve) => h.state.actions.get(id)?.({ completed: resolve }))));
    return { sheets: h.sheetNames(), paneShown: h.state.paneShown, h4: h.fillOf('Ente', 'H4'), log: h.state.log };
  }, ids);

/** Clicks Evidenzia and returns the fills of the given cells once it is done. */
async function highlightedFills(page: Page, sheet: string, cells: readonly string[]): Promise<Array<string | null>> {
  await page.getByRole('button', { name: 'Evidenzia', exact: true }).click();
  await page.getByText(/celle evidenziate/).waitFor();
  return Promise.all(cells.map((a) => fillOf(page, sheet, a)));
}

describeInBrowser('task pane in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureBuiltAddin();
    server = await serveStatic(BUILT_ADDIN, { '/office-js/office.js': fakeOfficeScript() });
    browser = await launchChromium();
    page = await openPane(server, browser, await seedOf('integra-ente-2024.xlsx', 'it-IT', 'Ente'));
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
    await expect(fillOf(page, 'Ente', 'H4')).resolves.toBe('C6EFCE');
    await page.getByRole('button', { name: 'Rimuovi evidenziazione' }).click();
    await page.getByText(/Colori originali ripristinati/).waitFor();
    await expect(fillOf(page, 'Ente', 'H4')).resolves.toBeNull();
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

  test('the 2025 planning tree: checked against last year’s sheets, legend and too-easy targets highlighted', async () => {
    const albero = await openPane(server, browser, await seedOf('albero-2025.xlsx', 'it-IT'));
    await albero.getByRole('button', { name: 'Valida foglio' }).click();
    await albero.getByText('Layout: Albero della performance').waitFor();
    await albero.getByText('Foglio «Albero 2025» validato: 1 errore, 95 avvisi, 63 note.').waitFor();
    // 159 findings, grouped by code: the errore open, the others one click away.
    await expect(findingAt(albero, 'M179')).resolves.toContain('Target 2027 di 803.S1');
    await expect(albero.getByRole('button', { name: 'Vai alla cella K120' }).count()).resolves.toBe(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    await albero.screenshot({ path: join(ARTIFACTS, 'pane-albero.png'), fullPage: true });
    await albero.getByRole('button', { name: 'target-non-sfidante (89)' }).click();
    await expect(findingAt(albero, 'K120')).resolves.toContain('Target suggerito: «>= 19,14 N.»');
    // K61 D4.3_1.MIMIT >= 180 below 405: too easy; K19 raised 90 → 350; E27 D5 added since 2024; E13 D1 is D1.1 renamed.
    await expect(highlightedFills(albero, 'Albero 2025', ['K61', 'K19', 'E27', 'E13'])).resolves.toEqual(['F4B084', 'C6EFCE', 'BDD7EE', 'E4DFEC']);
    await albero.close();
  }, 60_000);

  test('a scorecard: its OS graded from the Ente sheet, the individual result, the EQ card’s error highlighted', async () => {
    const sg = await openPane(server, browser, await seedOf('schede-2024.xlsx', 'it-IT', 'Scheda SG', 'Ente 2024'));
    await sg.getByRole('button', { name: 'Valida foglio' }).click();
    await sg.getByText('Layout: Scheda obiettivi individuali').waitFor();
    await sg.getByText('Risultato individuale ricalcolato: 99,95% (verde)').waitFor();
    // Without the Ente sheet, OS 803 would carry an os-non-verificato note.
    await sg.getByText('Nessun rilievo: il foglio è coerente con lo SMVP.').waitFor();
    await sg.close();
    const eq = await openPane(server, browser, await seedOf('schede-2024.xlsx', 'it-IT', 'Scheda EQ AO6', 'Ente 2024'));
    await eq.getByRole('button', { name: 'Valida foglio' }).click();
    await expect(findingAt(eq, 'J10')).resolves.toContain('dichiarato 99,37%, ricalcolato 100,00%');
    await expect(highlightedFills(eq, 'Scheda EQ AO6', ['J4', 'J10', 'J12'])).resolves.toEqual(['C6EFCE', 'C6EFCE', 'C6EFCE']);
    await eq.screenshot({ path: join(ARTIFACTS, 'pane-scheda.png'), fullPage: true });
    await eq.close();
  }, 60_000);

  test('Regole SMVP: every problem of the edited rules is listed with its path, and only valid rules are saved', async () => {
    const rules = await openPane(server, browser, await seedOf('integra-ente-2024.xlsx', 'it-IT', 'Ente'));
    const stored = () => rules.evaluate(() => (window as unknown as { __host: { state: { settings: Map<string, string> } } }).__host.state.settings.size);
    await rules.getByRole('tab', { name: 'Regole SMVP' }).click();
    await rules.getByLabel('Verde da').fill('150%');
    await rules.getByLabel('Rosso fino a').fill('0%');
    await rules.getByLabel('Soglia di tolleranza overshooting').fill('tanto');
    await rules.getByLabel('Scadenza non rispettata').selectOption('linear');
    await rules.getByLabel('Giorni').fill('0');
    const list = rules.getByRole('list', { name: /Regole non valide/ });
    const problems = list.getByRole('listitem');
    await problems.getByText(/^deadline\.days/).waitFor();
    await expect(problems.allTextContents()).resolves.toEqual([
      'overshootingTolerance: Soglia di tolleranza overshooting: valore non valido.',
      'semaphore.green: verde 150% fuori regola: serve 0% < rosso < verde ≤ 100%.',
      'semaphore.red: rosso 0% fuori regola: serve 0% < rosso < verde ≤ 100%.',
      'deadline.days: deve essere un numero intero da 1 a 366, non 0.',
    ]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await rules.screenshot({ path: join(ARTIFACTS, 'pane-regole.png'), fullPage: true });
    const save = rules.getByRole('button', { name: 'Salva nella cartella' });
    await expect(save.isDisabled()).resolves.toBe(true);
    await rules.getByLabel('Verde da').fill('97%');
    await rules.getByLabel('Rosso fino a').fill('98%');
    await problems.getByText(/^semaphore: rosso 98%/).waitFor();
    await expect(problems.allTextContents()).resolves.toEqual([
      'overshootingTolerance: Soglia di tolleranza overshooting: valore non valido.',
      'semaphore: rosso 98% non è minore del verde 97%: serve 0% < rosso < verde ≤ 100%.',
      'deadline.days: deve essere un numero intero da 1 a 366, non 0.',
    ]);
    await expect(stored()).resolves.toBe(0);
    await rules.getByLabel('Rosso fino a').fill('70%');
    await rules.getByLabel('Soglia di tolleranza overshooting').fill('150%');
    await rules.getByLabel('Giorni').fill('15');
    await list.waitFor({ state: 'detached' });
    await rules.getByLabel('Decimali mostrati').fill('-1');
    await problems.getByText(/^displayDecimals/).waitFor();
    await expect(problems.allTextContents()).resolves.toEqual(['displayDecimals: deve essere un numero intero da 0 a 6, non "-1".']);
    await expect(save.isDisabled()).resolves.toBe(true);
    await rules.getByLabel('Decimali mostrati').fill('3');
    await rules.getByLabel('Target suggerito').selectOption('media');
    await list.waitFor({ state: 'detached' });
    await save.click();
    await rules.getByText(/Regole salvate nella cartella/).waitFor();
    const saved = await rules.evaluate(() => (window as unknown as { __host: { state: { settings: Map<string, string> } } }).__host.state.settings.values().next().value);
    expect(JSON.parse(saved ?? '')).toMatchObject({ semaphore: { green: '0.97', red: '0.7' }, overshootingTolerance: '1.5', deadline: { rule: 'linear', days: 15 }, displayDecimals: 3, suggestedTarget: 'media' });
    await rules.close();
  }, 60_000);

  test('ribbon: Genera Overshooting clicked while Valida runs is queued and runs after it, never dropped', async () => {
    const ribbon = await openPane(server, browser, await seedOf('integra-ente-2024.xlsx', 'it-IT', 'Ente'));
    const { log, ...after } = await clickRibbon(ribbon, 'valida', 'generaOvershooting');
    // Valida highlighted H4 and showed the pane; Genera Overshooting then added its sheet, after every fill of Valida.
    expect(after).toEqual({ sheets: ['Ente', 'Overshooting'], paneShown: 1, h4: 'C6EFCE' });
    expect(log.lastIndexOf('fill Ente')).toBeLessThan(log.indexOf('add Overshooting'));
    await ribbon.close();
  }, 60_000);

  test('ribbon: a failure with the pane closed opens the pane with the reason', async () => {
    const seed = await seedOf('integra-ente-2024.xlsx', 'it-IT', 'Ente');
    const ribbon = await openPane(server, browser, { ...seed, sheets: [{ name: 'Note', rows: [[{ value: 'appunti', numberFormat: undefined, fill: undefined }]] }, ...seed.sheets] });
    const after = await clickRibbon(ribbon, 'generaOvershooting');
    expect(after.paneShown).toBe(1);
    await ribbon.getByText('nel foglio «Note» non ci sono indicatori con target').waitFor();
    await ribbon.close();
  }, 60_000);
});
