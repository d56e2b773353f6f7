/** The engine runs in the browser and in the custom-functions runtime: nothing of Office, React or Node. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ENGINE = join(__dirname, '..', '..', 'src', 'engine');

describe('src/engine is pure TypeScript', () => {
  const files = readdirSync(ENGINE).filter((f) => f.endsWith('.ts'));

  test('it has modules', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  test.each(files)('%s imports only the engine and decimal.js', (file) => {
    // Comments may name Office.js; code may not use it.
    const source = readFileSync(join(ENGINE, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const imports = [...source.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    for (const spec of imports) expect(spec.startsWith('./') || spec === 'decimal.js').toBe(true);
    expect(source).not.toMatch(/\b(Office|Excel|CustomFunctions|window|document|process)\./);
    expect(source).not.toMatch(/\beval\s*\(|new Function\s*\(/);
  });
});
