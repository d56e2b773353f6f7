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
  readonly page: Page;
  /** Same-origin requests that failed or answered 4xx/5xx, and resources the console says failed to load. */
  readonly missing: string[];
  readonly pageErrors: string[];
  /** Paths of the add-in's files that were served. */
  readonly served: string[];
}

async function visit(browser: Browser, server: Server, query: string): Promise<Visit> {
  const origin = baseUrl(server);
  const page = await browser.newPage();
  const v: Visit = { page, missing: [], pageErrors: [], served: [] };
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
  await page.goto(`${origin}/taskpane.html${query}`);
  return v;
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

  beforeAll(async () => {
    ensureBuiltAddin();
    server = await serveStatic(BUILT_ADDIN);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  test.each(HOSTS)('$name: office.js loads its strings and host file, nothing missing, no script error', async ({ query, strings, hostFile }) => {
    const v = await visit(browser, server, query);
    // office.js then waits for Excel, which is not there: by network idle it has loaded all it will.
    await v.page.waitForLoadState('networkidle');
    expect(v.missing).toEqual([]);
    expect(v.pageErrors).toEqual([]);
    expect(v.served).toEqual(expect.arrayContaining(['/office-js/office.js', strings, hostFile, '/functions.js', '/taskpane.js']));
    // Until Excel answers the pane is not blank: it says it is starting.
    await expect(v.page.locator('#root').textContent()).resolves.toContain('Avvio di Performance SMVP');
    await v.page.close();
  }, 60_000);

  test('a locale office.js has no strings for falls back to another without a missing file', async () => {
    const v = await visit(browser, server, '?_host_Info=Excel$Win32$16.01$xx-XX$$$$0');
    await v.page.waitForLoadState('networkidle');
    expect(v.missing).toEqual([]);
    expect(v.pageErrors).toEqual([]);
    expect(v.served).toContain('/office-js/en-us/office_strings.js');
    await v.page.close();
  }, 60_000);

  test('opened in a browser: Office.onReady resolves without a host and the pane says to open it in Excel', async () => {
    const v = await visit(browser, server, '');
    await v.page.getByText('Questo pannello funziona dentro Excel', { exact: false }).waitFor({ timeout: 30_000 });
    const info = await v.page.evaluate(() => Office.onReady());
    expect(info.host).toBeNull();
    await v.page.waitForLoadState('networkidle');
    expect(v.missing).toEqual([]);
    expect(v.pageErrors).toEqual([]);
    await v.page.close();
  }, 60_000);
});
