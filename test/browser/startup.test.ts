/**
 * The built add-in starts as Excel starts it: dist/taskpane.html with the real office.js it ships,
 * opened with the host info Excel puts in the URL (Windows it-IT and en-US, Mac it-IT) and bare, as a
 * browser opens it. None of the add-in's own files may be missing and no script may fail; bare, Office.onReady
 * resolves with no host and the pane says, in Italian, that it must be opened in Excel.
 */
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { BUILT_ADDIN, ensureBuiltAddin } from '../support/built-addin';
import { baseUrl, describeInBrowser, launchChromium, serveStatic } from './harness';

interface Visit {
  /** Same-origin requests that failed or answered 4xx/5xx, and resources the console says failed to load. */
  readonly missing: string[];
  readonly pageErrors: string[];
  /** Paths of the add-in's files that were served. */
  readonly served: string[];
}

/**
 * One page for every visit, each a new navigation and so a new document with its own office.js: a new
 * page costs Chromium a renderer process, some 0.7 s here. Each visit ends at network idle, so no event
 * of one can land in the next. What a tab keeps across navigations is reset, as a new pane would have
 * it: office.js takes the host from the URL's _host_Info, else from window.name, else from the
 * sessionStorage item «hostInfoValue» it saved on an earlier load (read in office.js's start-up code).
 */
function visitor(page: Page, server: Server): (query: string) => Promise<Visit> {
  const origin = baseUrl(server);
  let v: Visit = { missing: [], pageErrors: [], served: [] };
  page.on('pageerror', (e) => v.pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Failed to load resource/.test(m.text())) v.missing.push(`${m.location().url}: ${m.text()}`);
  });
  page.on('requestfailed', (r) => {
    if (r.url().startsWith(origin)) v.missing.push(`${r.url()}: ${r.failure()?.errorText ?? 'failed'}`);
  });
  page.on('response', (r) => {
    if (!r.url().startsWith(origin)) return;
    if (r.status() >= 400) v.missing.push(`${r.url()}: ${r.status()}`);
    else v.served.push(new URL(r.url()).pathname);
  });
  return async (query) => {
    if (page.url().startsWith(origin)) {
      await page.evaluate(() => {
        sessionStorage.clear();
        window.name = '';
      });
    }
    v = { missing: [], pageErrors: [], served: [] };
    const visit = v;
    await page.goto(`${origin}/taskpane.html${query}`);
    return visit;
  };
}

/** What Excel appends to the pane's URL: host, platform, version, UI language. */
const HOSTS = [
  { name: 'Excel on Windows, Italian', query: '?_host_Info=Excel$Win32$16.01$it-IT$$$$0', strings: '/office-js/it-it/office_strings.js', hostFile: '/office-js/excel-win32-16.01.js' },
  { name: 'Excel on Windows, English', query: '?_host_Info=Excel$Win32$16.01$en-US$$$$0', strings: '/office-js/en-us/office_strings.js', hostFile: '/office-js/excel-win32-16.01.js' },
  { name: 'Excel on Mac, Italian', query: '?_host_Info=Excel$Mac$16.00$it-IT$$$$0', strings: '/office-js/it-it/office_strings.js', hostFile: '/office-js/excel-mac-16.00.js' },
] as const;

describeInBrowser('start-up with the real office.js', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let visit: (query: string) => Promise<Visit>;

  beforeAll(async () => {
    ensureBuiltAddin();
    server = await serveStatic(BUILT_ADDIN);
    browser = await launchChromium();
    page = await browser.newPage();
    visit = visitor(page, server);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  test.each(HOSTS)('$name: office.js loads its strings and host file, nothing missing, no script error', async ({ query, strings, hostFile }) => {
    const v = await visit(query);
    // office.js then waits for Excel, which is not there: by network idle it has loaded all it will.
    await page.waitForLoadState('networkidle');
    expect(v.missing).toEqual([]);
    expect(v.pageErrors).toEqual([]);
    expect(v.served).toEqual(expect.arrayContaining(['/office-js/office.js', strings, hostFile, '/functions.js', '/taskpane.js']));
    // Until Excel answers the pane is not blank: it says it is starting.
    await expect(page.locator('#root').textContent()).resolves.toContain('Avvio di Performance SMVP');
  }, 60_000);

  test('a locale office.js has no strings for falls back to another without a missing file', async () => {
    const v = await visit('?_host_Info=Excel$Win32$16.01$xx-XX$$$$0');
    await page.waitForLoadState('networkidle');
    expect(v.missing).toEqual([]);
    expect(v.pageErrors).toEqual([]);
    expect(v.served).toContain('/office-js/en-us/office_strings.js');
  }, 60_000);

  test('opened in a browser: Office.onReady resolves without a host and the pane says to open it in Excel', async () => {
    const v = await visit('');
    await page.getByText('Questo pannello funziona dentro Excel', { exact: false }).waitFor({ timeout: 30_000 });
    const info = await page.evaluate(() => Office.onReady());
    expect(info.host).toBeNull();
    await page.waitForLoadState('networkidle');
    expect(v.missing).toEqual([]);
    expect(v.pageErrors).toEqual([]);
  }, 60_000);
});
