/**
 * The user guide (docs/guida.md) and the rules (docs/regole-smvp.md): every finding code and every
 * PERF.* function is in the guide, the two documents link to each other, and every relative link or
 * image resolves to a file of the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { FINDINGS } from '../src/engine/core';

const ROOT = join(__dirname, '..');
const DOCS = join(ROOT, 'docs');
const GUIDE = join(DOCS, 'guida.md');
const RULES = join(DOCS, 'regole-smvp.md');

const read = (file: string) => readFileSync(file, 'utf8');

/** The text outside fenced code blocks and inline code, where links are links. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[\s\S]*?^\1/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Targets of `[text](target)` and `![alt](target)`, without an optional "title". */
function linkTargets(markdown: string): string[] {
  return [...prose(markdown).matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
}

const isExternal = (target: string) => /^(https?|mailto):/i.test(target);

/** Relative links: neither a web address nor an anchor of the same page. */
function relativeLinks(markdown: string): string[] {
  return linkTargets(markdown).filter((t) => !isExternal(t) && !t.startsWith('#'));
}

/** The files a document's relative links point to, as absolute paths (anchors and ./ dropped). */
function linkedFiles(file: string): string[] {
  return relativeLinks(read(file)).map((t) => resolve(dirname(file), decodeURIComponent(t.split('#')[0])));
}

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The custom functions' ids, from the Italian metadata (each key is a function id, e.g. RAGGIUNGIMENTO). */
const functionIds = Object.keys(JSON.parse(read(join(ROOT, 'src', 'functions', 'functions.it.json'))) as Record<string, unknown>);

describe('docs/guida.md', () => {
  const guide = read(GUIDE);

  test.each(Object.keys(FINDINGS))('explains the finding `%s`', (code) => {
    expect(guide).toContain(`\`${code}\``);
  });

  test('the Italian metadata lists the PERF.* functions (eight at least)', () => {
    expect(functionIds.length).toBeGreaterThanOrEqual(8);
  });

  test.each(functionIds)('describes PERF.%s', (id) => {
    expect(guide).toContain(`PERF.${id}`);
  });

  test('links to the SMVP rules', () => {
    expect(relativeLinks(guide)).toContain('regole-smvp.md');
    expect(linkedFiles(GUIDE)).toContain(RULES);
  });

  test('every anchor of its own headings exists', () => {
    const headings = new Set([...guide.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => slug(m[1])));
    const anchors = linkTargets(guide).filter((t) => t.startsWith('#')).map((t) => decodeURIComponent(t.slice(1)));
    expect(anchors.length).toBeGreaterThan(0);
    expect(anchors.filter((a) => !headings.has(a))).toEqual([]);
  });

  test('shows the pane screenshots from docs/img', () => {
    const images = [...prose(guide).matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    expect(images).toEqual(expect.arrayContaining(['img/pane.png', 'img/pane-regole.png', 'img/pane-scheda.png']));
  });
});

describe('docs/regole-smvp.md', () => {
  test('links back to the user guide', () => {
    expect(existsSync(RULES)).toBe(true);
    expect(linkedFiles(RULES)).toContain(GUIDE);
  });
});

describe.each([
  ['guida.md', GUIDE],
  ['regole-smvp.md', RULES],
])('relative links of docs/%s', (_name, file) => {
  test('each resolves to a file inside the repository', () => {
    expect(existsSync(file)).toBe(true);
    const text = read(file);
    expect(text).not.toMatch(/\.\.\/shared/);
    const broken = linkedFiles(file).filter((path) => !(path === ROOT || path.startsWith(ROOT + sep)) || !existsSync(path));
    expect(broken.map((path) => relative(ROOT, path))).toEqual([]);
  });
});
