/**
 * The built task pane in Debian's Chromium (playwright-core) against an in-memory Excel seeded from
 * seeds/integra-ente-2024.xlsx: validate, jump to a finding's cell, generate the Overshooting sheet;
 * the «Albero» tab: the recomputed tree and its biggest losses, a what-if that writes nothing, the charts.
 * The in-memory Excel (test/support/fake-office.ts) is served in place of office.js; the start-up test
 * (startup.test.ts) runs the real office.js.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { transformSync } from '@swc/core';
import type { Browser, Page } from 'playwright-core';
import { readWorkbook } from '../../src/cli/xlsx-read';
import { BUILT_ADDIN, ensureBuiltAddin, ROOT } from '../support/built-addin';
import { baseUrl, describeInBrowser, launchChromium, serveStatic } from './harness';

const ARTIFACTS = join(ROOT, 'test-artifacts');

function fakeOfficeScript(): string {
  const source = readFileSync(join(__dirname, '..', 'support', 'fake-office.ts'), 'utf8');
  // A plain script (no imports or exports), stripped of its types as jest strips the tests'.
  return transformSync(source, { isModule: false, jsc: { parser: { syntax: 'typescript' }, target: 'es2020' } }).code;
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

type Seed = Awaited<ReturnType<typeof seedOf>>;

/**
 * The tests' one page, and what it runs on: each test opens the pane afresh on its own workbook by a
 * new navigation of that page (a new page would cost Chromium a renderer process), the in-memory Excel
 * served with the seed of the moment. Its script errors are collected in `errors`.
 */
class Pane {
  private seed: Seed | undefined;
  readonly errors: string[] = [];

  constructor(readonly page: Page, private readonly server: Server) {
    page.on('pageerror', (e) => this.errors.push(e.message));
  }

  /** office.js as the pane loads it: the in-memory Excel over the current seed. */
  officeScript(fakeOffice: string): string {
    return `window.__SMVP_SEED__ = ${JSON.stringify(this.seed)};\n${fakeOffice}`;
  }

  async open(seed: Seed): Promise<Page> {
    this.seed = seed;
    await this.page.goto(`${baseUrl(this.server)}/taskpane.html`);
    await this.page.getByRole('button', { name: 'Valida foglio' }).waitFor({ timeout: 30_000 });
    expect(this.errors).toEqual([]);
    return this.page;
  }
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

/** Makes a sheet the active one, as a click on its tab does in Excel. */
const activate = (page: Page, sheet: string) =>
  page.evaluate((name) => {
    (window as unknown as { __host: { state: { active: string } } }).__host.state.active = name;
  }, sheet);

/** Clicks Evidenzia and returns the fills of the given cells once it is done. */
async function highlightedFills(page: Page, sheet: string, cells: readonly string[]): Promise<Array<string | null>> {
  await page.getByRole('button', { name: 'Evidenzia', exact: true }).click();
  await page.getByText(/celle evidenziate/).waitFor();
  return Promise.all(cells.map((a) => fillOf(page, sheet, a)));
}

/** A sheet as the in-memory Excel holds it: values, number formats and fills of its used range. */
interface SheetCells {
  readonly name: string;
  readonly values: unknown[][];
  readonly formats: string[][];
  readonly fills: Array<Array<string | null>>;
}

/** Every cell of every sheet of the in-memory workbook, through the same Office.js calls the adapter uses. */
const workbookCells = (page: Page): Promise<SheetCells[]> =>
  page.evaluate(async () => {
    interface UsedRange { isNullObject: boolean; rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }
    interface FakeSheet {
      name: string;
      getUsedRangeOrNullObject: () => UsedRange;
      getRangeByIndexes: (r: number, c: number, nr: number, nc: number) => { values: unknown[][]; numberFormat: string[][] };
    }
    const w = window as unknown as {
      Excel: { run: <T>(batch: (context: { workbook: { worksheets: { items: FakeSheet[] } } }) => Promise<T>) => Promise<T> };
      __host: { fillOf: (s: string, a: string) => string | null };
    };
    const letters = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : letters(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26)));
    return w.Excel.run(async (context) =>
      context.workbook.worksheets.items.map((ws) => {
        const u = ws.getUsedRangeOrNullObject();
        const range = ws.getRangeByIndexes(u.rowIndex, u.columnIndex, u.rowCount, u.columnCount);
        const fills = range.values.map((row, r) => row.map((_v, c) => w.__host.fillOf(ws.name, `${letters(u.columnIndex + c)}${u.rowIndex + r + 1}`)));
        return { name: ws.name, values: range.values, formats: range.numberFormat, fills };
      }),
    );
  });

describeInBrowser('task pane in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let pane: Pane;
  let page: Page;
  const openPane = (seed: Seed) => pane.open(seed);

  beforeAll(async () => {
    ensureBuiltAddin();
    const fakeOffice = fakeOfficeScript();
    server = await serveStatic(BUILT_ADDIN, { '/office-js/office.js': () => pane.officeScript(fakeOffice) });
    browser = await launchChromium();
    pane = new Pane(await browser.newPage({ viewport: { width: 420, height: 1000 } }), server);
    page = await openPane(await seedOf('integra-ente-2024.xlsx', 'it-IT', 'Ente'));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  // A script error in the pane fails the test it happened in.
  afterEach(() => {
    expect(pane.errors.splice(0)).toEqual([]);
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
    const albero = await openPane(await seedOf('albero-2025.xlsx', 'it-IT'));
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
  }, 60_000);

  test('a scorecard: its OS graded from the Ente sheet, the individual result, the EQ card’s error highlighted', async () => {
    const sg = await openPane(await seedOf('schede-2024.xlsx', 'it-IT', 'Scheda SG', 'Scheda EQ AO6', 'Ente 2024'));
    await sg.getByRole('button', { name: 'Valida foglio' }).click();
    await sg.getByText('Layout: Scheda obiettivi individuali').waitFor();
    await sg.getByText('Risultato individuale ricalcolato: 99,95% (verde)').waitFor();
    // Without the Ente sheet, OS 803 would carry an os-non-verificato note.
    await sg.getByText('Nessun rilievo: il foglio è coerente con lo SMVP.').waitFor();
    // No what-if on a card: its OS take the Ente's grado.
    await sg.getByRole('tab', { name: 'Albero' }).click();
    await sg.getByRole('treeitem', { name: /^803 Trasparenza e anticorruzione: 99,75% verde/ }).click();
    await sg.getByText(/^Sulle schede individuali la prova non c'è/).waitFor();
    await sg.getByRole('tab', { name: 'Verifica' }).click();
    // The user clicks the EQ card's sheet tab.
    await activate(sg, 'Scheda EQ AO6');
    const eq = sg;
    await eq.getByRole('button', { name: 'Valida foglio' }).click();
    await expect(findingAt(eq, 'J10')).resolves.toContain('dichiarato 99,37%, ricalcolato 100,00%');
    await expect(highlightedFills(eq, 'Scheda EQ AO6', ['J4', 'J10', 'J12'])).resolves.toEqual(['C6EFCE', 'C6EFCE', 'C6EFCE']);
    await eq.screenshot({ path: join(ARTIFACTS, 'pane-scheda.png'), fullPage: true });
  }, 60_000);

  test('Regole SMVP: every problem of the edited rules is listed with its path, and only valid rules are saved', async () => {
    const rules = await openPane(await seedOf('integra-ente-2024.xlsx', 'it-IT', 'Ente'));
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
  }, 60_000);

  test('ribbon: Genera Overshooting clicked while Valida runs is queued and runs after it, never dropped', async () => {
    const ribbon = await openPane(await seedOf('integra-ente-2024.xlsx', 'it-IT', 'Ente'));
    const { log, ...after } = await clickRibbon(ribbon, 'valida', 'generaOvershooting');
    // Valida highlighted H4 and showed the pane; Genera Overshooting then added its sheet, after every fill of Valida.
    expect(after).toEqual({ sheets: ['Ente', 'Overshooting'], paneShown: 1, h4: 'C6EFCE' });
    expect(log.lastIndexOf('fill Ente')).toBeLessThan(log.indexOf('add Overshooting'));
  }, 60_000);

  describe('the commands on a workbook with a Note sheet beside the Ente report', () => {
    let workbook: Page;

    beforeAll(async () => {
      const seed = await seedOf('integra-ente-2024.xlsx', 'it-IT', 'Ente');
      workbook = await openPane({ ...seed, sheets: [{ name: 'Note', rows: [[{ value: 'appunti', numberFormat: undefined, fill: undefined }]] }, ...seed.sheets] });
    }, 60_000);

    test('ribbon: a failure with the pane closed opens the pane with the reason', async () => {
      await activate(workbook, 'Note');
      const after = await clickRibbon(workbook, 'generaOvershooting');
      expect(after.paneShown).toBe(1);
      await workbook.getByText('nel foglio «Note» non ci sono indicatori con target').waitFor();
    }, 60_000);

    test('Colonna Ricalcolato SMVP: PERF formulas beside the report with the semaphore as conditional formats; Rimuovi colonna takes them away', async () => {
      await activate(workbook, 'Ente');
      await workbook.getByRole('button', { name: 'Colonna Ricalcolato SMVP' }).click();
      await workbook.getByText(/^Colonna K: 151 formule Ricalcolato SMVP/).waitFor({ timeout: 30_000 });
      type LiveHost = { __host: { formulaOf: (s: string, a: string) => string | null; valueOf: (s: string, a: string) => unknown; state: { conditionalFormats: Array<{ range: string; formula?: string; fill?: string }> } } };
      const written = await workbook.evaluate(() => {
        const h = (window as unknown as LiveHost).__host;
        return { header: h.valueOf('Ente', 'K3'), ente: h.formulaOf('Ente', 'K4'), s1: h.formulaOf('Ente', 'K91'), rules: h.state.conditionalFormats.map((f) => [f.range, f.fill]) };
      });
      expect(written).toEqual({
        header: 'Ricalcolato SMVP',
        ente: expect.stringMatching(/^=PERF\.MEDIA_PESATA\(A5,K5,A/),
        s1: expect.stringMatching(/^=PERF\.INDICATORE\(F91,G91/),
        rules: [['K4:K180', '#C6EFCE'], ['K4:K180', '#FFC7CE'], ['K4:K180', '#FFEB9C']],
      });
      await workbook.getByRole('button', { name: 'Rimuovi colonna' }).click();
      await workbook.getByText(/Colonna Ricalcolato SMVP rimossa: \d+ celle svuotate/).waitFor();
      const after = await workbook.evaluate(() => {
        const h = (window as unknown as LiveHost).__host;
        return { header: h.valueOf('Ente', 'K3'), ente: h.formulaOf('Ente', 'K4'), rules: h.state.conditionalFormats.length };
      });
      expect(after).toEqual({ header: '', ente: null, rules: 0 });
    }, 60_000);

    test('ribbon: Cruscotto adds a sheet with its two native charts', async () => {
      await activate(workbook, 'Ente');
      await clickRibbon(workbook, 'generaCruscotto');
      const charts = await workbook.evaluate(() => (window as unknown as { __host: { state: { charts: Array<{ sheet: string; type: string; title?: string }> } } }).__host.state.charts);
      expect(charts).toEqual([
        { sheet: 'Cruscotto', type: 'ColumnClustered', title: 'Raggiungimento per ambito e OS' },
        { sheet: 'Cruscotto', type: 'ColumnStacked', title: 'Indicatori in overshooting per tipo' },
      ]);
    }, 60_000);
  });

  describe('Albero: the recomputed tree explains itself, takes a what-if and shows the year', () => {
    let tree: Page;
    const item = (name: string | RegExp) => tree.getByRole('treeitem', typeof name === 'string' ? { name, exact: true } : { name });

    beforeAll(async () => {
      tree = await openPane(await seedOf('integra-ente-2024.xlsx', 'it-IT', 'Ente'));
      // Before a validation there is no tree to show.
      await expect(tree.getByRole('tab', { name: 'Albero' }).count()).resolves.toBe(0);
      await tree.getByRole('button', { name: 'Valida foglio' }).click();
      await tree.getByText('Layout: Performance organizzativa Ente').waitFor();
      await tree.getByRole('tab', { name: 'Albero' }).click();
    }, 60_000);

    test('the Ente at 99,62% verde, open down to the OS; OS 701 at 98,80% with 701.S1 its biggest loss; the sentence; its row selected in Excel', async () => {
      const ente = item('Ente: 99,62% verde');
      await ente.waitFor();
      await expect(ente.getAttribute('aria-expanded')).resolves.toBe('true');
      await expect(item(/^2 Competitività del territorio: 99,60% verde$/).getAttribute('aria-expanded')).resolves.toBe('true');
      // OS show, their indicators stay collapsed.
      const os701 = item('701 Tutela della legalità: 98,80% verde');
      await expect(os701.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(item(/^701\.S1 /).count()).resolves.toBe(0);
      await os701.getByText('Tutela della legalità', { exact: true }).click();
      await expect(os701.getAttribute('aria-expanded')).resolves.toBe('true');
      await item('Indicatori: 97,60% verde').waitFor();
      // The node's row in Excel: the cell of its stated achievement.
      await tree.waitForFunction(() => (window as unknown as { __host: { state: { selection: string } } }).__host.state.selection === 'H88');
      const losses = tree.getByRole('region', { name: 'Perdite maggiori di 701' });
      const parts = await losses.getByRole('table', { name: 'Componenti' }).getByRole('row').allTextContents();
      expect(parts).toEqual(['NodoQuotaRaggiungimentoPunti persi', 'Indicatori50,00%97,60%1,20 punti', 'Obiettivi operativi50,00%100,00%0,00 punti']);
      const costliest = losses.getByRole('list', { name: 'Gli indicatori che costano di più' }).getByRole('listitem');
      await expect(costliest.allTextContents()).resolves.toEqual(['701.S1 (92,00%, quota 15,00%): 1,20 punti']);
      const sentence = losses.getByText(/^Obiettivo strategico 701 «Tutela della legalità» al 98,80%/);
      await expect(sentence.textContent()).resolves.toBe(
        'Obiettivo strategico 701 «Tutela della legalità» al 98,80% (verde), 1,20 punti sotto il 100%: ' +
          "l'indicatore 701.S1 «Soggetti economici coinvolti nelle inizi…» (92,00%) toglie 1,20 punti.",
      );
      // «Copia»: to the clipboard, or, where the browser refuses it, the sentence selected for Ctrl+C.
      await losses.getByRole('button', { name: 'Copia il testo per la Relazione' }).click();
      const status = await losses.getByRole('status').textContent();
      if (status === 'Copia non consentita qui: il testo è selezionato, premere Ctrl+C.') {
        await expect(tree.evaluate(() => window.getSelection()?.toString())).resolves.toBe(await sentence.textContent());
      } else {
        expect(status).toBe('Testo copiato.');
      }
      // «Vai alla riga»: back to the row after Excel moved elsewhere.
      await tree.evaluate(() => ((window as unknown as { __host: { state: { selection: string } } }).__host.state.selection = 'A1'));
      await tree.getByRole('button', { name: 'Vai alla riga 88' }).click();
      await tree.waitForFunction(() => (window as unknown as { __host: { state: { selection: string } } }).__host.state.selection === 'H88');
      mkdirSync(ARTIFACTS, { recursive: true });
      await tree.screenshot({ path: join(ARTIFACTS, 'pane-albero-ricalcolato.png'), fullPage: true });
    }, 60_000);

    test('what-if: 701.S1 meeting its target raises OS 701, ambito 2 and the Ente beside the official figures, nothing written; Ripristina', async () => {
      const before = await workbookCells(tree);
      const log = () => tree.evaluate(() => (window as unknown as { __host: { state: { log: string[]; settings: Map<string, string> } } }).__host.state.log.length);
      const logBefore = await log();
      // Its target as the sheet states it (F91 «>= 200 N.»): the value typed meets it exactly.
      const target = String(await tree.evaluate(() => (window as unknown as { __host: { valueOf: (s: string, a: string) => unknown } }).__host.valueOf('Ente', 'F91')));
      const threshold = /^>=\s*([\d.,]+)\s*N\.$/.exec(target)?.[1];
      expect(threshold).toBe('200');
      await tree.getByRole('button', { name: "Mostra 701.S1 nell'albero" }).click();
      // Shown in the tree (its block opened) and selected; its row in Excel only on a click in the tree.
      await item(/^701\.S1 Soggetti economici .*: 92,00% giallo$/).waitFor();
      const form = tree.getByRole('form', { name: 'Prova (nulla viene scritto nel foglio)' });
      await expect(form.getByLabel('Nuovo valore').getAttribute('placeholder')).resolves.toBe('184 N.');
      await form.getByLabel('Nuovo valore').fill(`${threshold} N.`);
      await form.getByRole('button', { name: 'Prova le modifiche di 701.S1' }).click();
      // Each node whose figure changes, new figure and semaphore beside the official one, in the tree and in the list.
      await item('Ente: 99,62% → 99,75% (verde)').waitFor();
      await item('2 Competitività del territorio: 99,60% → 100,00% (verde)').waitFor();
      await item('701 Tutela della legalità: 98,80% → 100,00% (verde)').waitFor();
      await item(/^701\.S1 Soggetti economici .*: 92,00% → 100,00% \(verde\)$/).waitFor();
      // Unchanged nodes keep their official figure alone.
      await item('1 Competitività delle imprese: 99,86% verde').waitFor();
      const effects = tree.getByRole('list', { name: 'Raggiungimenti che cambiano' }).getByRole('listitem');
      await expect(effects.allTextContents()).resolves.toEqual([
        'Ente99,62% → 99,75% (verde)',
        '299,60% → 100,00% (verde)',
        '70198,80% → 100,00% (verde)',
        'Indicatori97,60% → 100,00% (verde)',
        '701.S192,00% → 100,00% (verde)',
      ]);
      const changes = tree.getByRole('list', { name: 'Modifiche in prova' }).getByRole('listitem');
      await expect(changes.allTextContents()).resolves.toEqual(['701.S1: valore «200 N.»✕']);
      mkdirSync(ARTIFACTS, { recursive: true });
      await tree.screenshot({ path: join(ARTIFACTS, 'pane-what-if.png'), fullPage: true });
      // A value the engine cannot read: the indicator is n.c., with the engine's reason, and OS 701 the mean of the rest.
      await form.getByLabel('Nuovo valore').fill('tanto');
      await form.getByRole('button', { name: 'Prova le modifiche di 701.S1' }).click();
      await item(/^701\.S1 Soggetti economici .*: 92,00% → n\.c\.$/).waitFor();
      await expect(changes.first().textContent()).resolves.toMatch(/^701\.S1: valore «tanto»Non calcolabile: .*tanto/);
      // The workbook is exactly as before: values, formats, fills, sheets; nothing written, no sheet added.
      await expect(workbookCells(tree)).resolves.toEqual(before);
      await expect(log()).resolves.toBe(logBefore);
      await tree.getByRole('button', { name: 'Ripristina' }).click();
      await item('Ente: 99,62% verde').waitFor();
      await item('701 Tutela della legalità: 98,80% verde').waitFor();
      await expect(tree.getByRole('list', { name: 'Raggiungimenti che cambiano' }).count()).resolves.toBe(0);
      await expect(tree.getByRole('form', { name: 'Prova (nulla viene scritto nel foglio)' }).getByLabel('Nuovo valore').inputValue()).resolves.toBe('');
      await expect(workbookCells(tree)).resolves.toEqual(before);
    }, 60_000);

    test('the year at a glance: each ambito and OS against the thresholds, and the overshooting, with their figures as text', async () => {
      const glance = tree.getByRole('region', { name: "L'anno in breve" });
      const table = glance.getByRole('table', { name: /^Raggiungimento ricalcolato\. Linee: rosso fino a 60%, verde da 95%\.$/ });
      const rows = await table.getByRole('row').allTextContents();
      expect(rows).toHaveLength(1 + 3 + 10);
      expect(rows).toContain('Ambito 2 Competitività del territorio99,60% verde');
      expect(rows).toContain('Obiettivo strategico 701 Tutela della legalità98,80% verde');
      await glance.getByText('8 su 98 indicatori in overshooting (8,16%)').waitFor();
      mkdirSync(ARTIFACTS, { recursive: true });
      await glance.screenshot({ path: join(ARTIFACTS, 'pane-grafici.png') });
      // The annex has no tree to recompute, but its overshooting by Tipo.
      const annex = await openPane(await seedOf('integra-overshooting-2024.xlsx', 'it-IT'));
      await annex.getByRole('button', { name: 'Valida foglio' }).click();
      await annex.getByText(/^Foglio «Overshooting» validato/).waitFor();
      await annex.getByRole('tab', { name: 'Albero' }).click();
      await annex.getByText(/^Per il foglio «Overshooting» \(.*\) non c'è un albero ricalcolato/).waitFor();
      const byTipo = annex.getByRole('table', { name: /^Indicatori in overshooting per Tipo\./ }).getByRole('row');
      await expect(byTipo.allTextContents()).resolves.toEqual(['TipoIndicatori', 'Efficacia6', 'Volume1', 'Qualità1']);
      await expect(annex.getByRole('tree').count()).resolves.toBe(0);
    }, 60_000);
  });
});
