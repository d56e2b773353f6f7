/** The engine runs in the browser and in the custom-functions runtime: nothing of Office, React or Node. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const ENGINE = join(ROOT, 'src', 'engine');

const files = (readdirSync(ENGINE, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));

describe('src/engine is pure TypeScript', () => {
  test('it has modules in stage folders', () => {
    expect(files.filter((f) => f.includes('/')).length).toBeGreaterThan(30);
  });

  test.each(files)('%s imports only the engine and decimal.js', (file) => {
    // Comments may name Office.js; code may not use it.
    const source = readFileSync(join(ENGINE, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const imports = [...source.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    for (const spec of imports) {
      if (spec === 'decimal.js') continue;
      expect(spec).toMatch(/^\.\.?(\/|$)/);
      expect(relative(ENGINE, resolve(dirname(join(ENGINE, file)), spec))).not.toMatch(/^\.\./);
    }
    expect(source).not.toMatch(/\b(Office|Excel|CustomFunctions|window|document|process)\./);
    expect(source).not.toMatch(/\beval\s*\(|new Function\s*\(/);
  });
});

describe('lint keeps the stages in order, and Office in src/office', () => {
  // Probes linted as files of the cells stage and of the pane, in one ESLint process; nothing is written.
  const BAD = [
    "import { evaluateForest } from '../trees';",
    "import { analyseSheet } from '..';",
    "import { Dec } from '../core/decimal';",
    "import { readFileSync } from 'node:fs';",
    'export const probe = [evaluateForest, analyseSheet, Dec, readFileSync, process.env];',
  ].join('\n');
  const GOOD = "import { Dec } from '../core';\nexport const probe = Dec;\n";
  // The pane reaches Office only through src/office: the requirement-set analysis leaves it out.
  const PANE = 'export const probe = Office.context;\n';
  const script = `
    const { ESLint } = require('eslint');
    const eslint = new ESLint();
    const lint = ([code, filePath]) => eslint.lintText(code, { filePath }).then(([r]) => r.messages.map((m) => m.message));
    Promise.all(JSON.parse(process.argv[1]).map(lint)).then((out) => process.stdout.write(JSON.stringify(out)));
  `;
  let bad: string[];
  let good: string[];
  let pane: string[];

  beforeAll(() => {
    const probes = [
      [BAD, 'src/engine/cells/probe.ts'],
      [GOOD, 'src/engine/cells/probe.ts'],
      [PANE, 'src/taskpane/probe.ts'],
    ];
    const run = spawnSync(process.execPath, ['-e', script, JSON.stringify(probes)], { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`ESLint did not run: ${run.stderr}`);
    [bad, good, pane] = JSON.parse(run.stdout) as [string[], string[], string[]];
  });

  test('a stage importing a later stage, the facade, another stage’s file or a Node global fails', () => {
    const said = bad.join('\n');
    expect(said).toContain("'../trees' import is restricted");
    expect(said).toContain("'..' import is restricted");
    expect(said).toContain("'../core/decimal' import is restricted");
    expect(said).toContain("'node:fs' import is restricted");
    expect(said).toContain("Unexpected use of 'process'");
  });

  test('a stage importing an earlier stage through its index passes', () => {
    expect(good).toEqual([]);
  });

  test('the pane using Office’s globals fails: it goes through src/office', () => {
    expect(pane).toEqual(["Unexpected use of 'Office'."]);
  });
});
