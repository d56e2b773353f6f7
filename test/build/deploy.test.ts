/**
 * Deployable in an office: ADDIN_URL moves every URL of the manifest off localhost, and nothing built
 * names it. The build checked is the one `npm test` makes with ADDIN_URL (test/support/built-addin.ts).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { addinBaseUrl, manifestForBaseUrl } from '../../scripts/manifest-url';
import { BUILT_ADDIN, BUILT_ADDIN_URL, ensureBuiltAddin, ROOT } from '../support/built-addin';

const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const ID = /<Id>([^<]+)<\/Id>/.exec(MANIFEST)?.[1];

describe('addinBaseUrl', () => {
  test('unset or empty: the dev server', () => {
    expect(addinBaseUrl(undefined)).toBe('https://localhost:3000/');
    expect(addinBaseUrl('')).toBe('https://localhost:3000/');
  });

  test('an https URL, with exactly one trailing slash', () => {
    expect(addinBaseUrl('https://intranet.example/smvp')).toBe('https://intranet.example/smvp/');
    expect(addinBaseUrl('https://intranet.example/smvp/')).toBe('https://intranet.example/smvp/');
    expect(addinBaseUrl(' https://Intranet.Example:8443 ')).toBe('https://intranet.example:8443/');
  });

  test.each([
    ['http://intranet.example/smvp/', /https:\/\//],
    ['http://localhost:3000/', /https:\/\//],
    ['intranet.example/smvp', /not an absolute URL/],
    ['/smvp/', /not an absolute URL/],
    ['\\\\server\\smvp', /not an absolute URL/],
    ['file:///srv/smvp/', /https:\/\//],
    ['https://user:secret@intranet.example/', /user name or password/],
    ['https://intranet.example/smvp/?v=1', /query/],
    ['https://intranet.example/smvp/#x', /fragment/],
  ])('refuses %s, naming ADDIN_URL', (value, why) => {
    expect(() => addinBaseUrl(value)).toThrow(/^ADDIN_URL=/);
    expect(() => addinBaseUrl(value)).toThrow(why);
  });
});

describe('manifestForBaseUrl', () => {
  const built = manifestForBaseUrl(MANIFEST, 'https://intranet.example/smvp');

  test('replaces every https://localhost:3000, and leaves no localhost', () => {
    expect(MANIFEST.match(/https:\/\/localhost:3000/g)?.length).toBeGreaterThan(10);
    expect(built).not.toMatch(/localhost/);
    expect(built.match(/https:\/\/intranet\.example\/smvp\//g)?.length).toBe(MANIFEST.match(/https:\/\/localhost:3000\//g)?.length);
  });

  test('pages, icons, functions script and metadata, support URL', () => {
    for (const url of ['taskpane.html', 'assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-64.png', 'assets/icon-80.png', 'functions.js', 'functions.json', 'functions-it.json']) {
      expect(built).toContain(`"https://intranet.example/smvp/${url}"`);
    }
    expect(built).toMatch(/<SourceLocation DefaultValue="https:\/\/intranet\.example\/smvp\/taskpane\.html"\/>/);
    expect(built).toMatch(/<SupportUrl DefaultValue="https:\/\/intranet\.example\/smvp\/taskpane\.html"\/>/);
  });

  test('AppDomain is the origin only', () => {
    expect(built).toContain('<AppDomain>https://intranet.example</AppDomain>');
    expect(manifestForBaseUrl(MANIFEST, 'https://intranet.example:8443/a/b/')).toContain('<AppDomain>https://intranet.example:8443</AppDomain>');
  });

  test('nothing else changes: same Id, same text outside the URLs', () => {
    expect(ID).toMatch(/^[0-9a-f-]{36}$/);
    expect(built).toContain(`<Id>${ID}</Id>`);
    const back = built.replace(/<AppDomain>https:\/\/intranet\.example</g, '<AppDomain>https://localhost:3000<').replace(/https:\/\/intranet\.example\/smvp\//g, 'https://localhost:3000/');
    expect(back).toBe(MANIFEST);
  });

  test('unset ADDIN_URL keeps the manifest as it is', () => {
    expect(manifestForBaseUrl(MANIFEST, addinBaseUrl(undefined))).toBe(MANIFEST);
  });

  test('only the dev origin is moved, and URL characters are escaped for XML', () => {
    const xml = '<a x="https://localhost:30000/a"/><b x="https://localhost:3000"/><AppDomain>https://localhost:3000/</AppDomain>';
    expect(manifestForBaseUrl(xml, 'https://intranet.example/a&b/')).toBe(
      '<a x="https://localhost:30000/a"/><b x="https://intranet.example/a&amp;b/"/><AppDomain>https://intranet.example</AppDomain>',
    );
  });

  test('a bad base URL is refused', () => {
    expect(() => manifestForBaseUrl(MANIFEST, 'http://intranet.example/')).toThrow(/ADDIN_URL/);
  });
});

describe('production build with ADDIN_URL', () => {
  const run = promisify(execFile);
  const WEBPACK = join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  let out: string;

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'smvp-deploy-'));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  function files(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
  }

  test('a bad ADDIN_URL fails the build with the reason', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, ADDIN_URL: 'http://intranet.example/smvp/' };
    delete env.NODE_ENV; // jest's "test" must not reach the build
    const failed = run(process.execPath, [WEBPACK, '--mode', 'production', '--output-path', join(out, 'bad')], { cwd: ROOT, env });
    await expect(failed).rejects.toMatchObject({ stderr: expect.stringContaining('ADDIN_URL="http://intranet.example/smvp/" must start with https://') });
    expect(existsSync(join(out, 'bad'))).toBe(false);
  }, 60_000);

  test('emits a manifest and pages that never name localhost', () => {
    ensureBuiltAddin();
    const dist = BUILT_ADDIN;
    const manifest = readFileSync(join(dist, 'manifest.xml'), 'utf8');
    expect(manifest).toContain(`<SourceLocation DefaultValue="${BUILT_ADDIN_URL}taskpane.html"/>`);
    expect(manifest).toContain(`<AppDomain>${new URL(BUILT_ADDIN_URL).origin}</AppDomain>`);
    expect(manifest).toContain(`<Id>${ID}</Id>`);

    // Every URL the manifest names is a file of the build (office-js/ is Microsoft's and may name anything).
    const ours = files(dist).filter((f) => !relative(dist, f).startsWith('office-js'));
    const named = [...manifest.matchAll(/"(https:[^"]+)"/g)].map((m) => m[1]).filter((url) => url.startsWith(BUILT_ADDIN_URL)).map((url) => url.slice(BUILT_ADDIN_URL.length));
    expect(named.length).toBeGreaterThan(10);
    for (const file of named) expect(ours.map((f) => relative(dist, f).split('\\').join('/'))).toContain(file);

    const pages = ours.filter((f) => /\.(html|js|json|xml|css|txt|map)$/.test(f));
    expect(pages.map((f) => relative(dist, f)).sort()).toEqual(expect.arrayContaining(['manifest.xml', 'taskpane.html', 'taskpane.js', 'functions.js', 'functions.json', 'functions-it.json']));
    const naming = pages.filter((f) => /localhost/i.test(readFileSync(f, 'utf8'))).map((f) => relative(dist, f));
    expect(naming).toEqual([]);
  });
});
