/**
 * Honest packaging: every package the code names is declared, what runs after `npm ci --omit=dev`
 * (the `smvp` command line and the `prepare` script that builds it) needs no devDependency, and each
 * target's tsconfig is part of `npm run typecheck`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  bin: Record<string, string>;
};
const DEPENDENCIES = new Set(Object.keys(PKG.dependencies));
const DECLARED = new Set([...DEPENDENCIES, ...Object.keys(PKG.devDependencies)]);

/** `exceljs/dist/x` → `exceljs`, `@scope/name/x` → `@scope/name`; undefined for relative paths and Node's own modules. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || isBuiltin(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The module specifiers of a file: import, export … from, import(), require(), jest.mock(), /// <reference types>. */
function specifiersOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out = source.typeReferenceDirectives.map((d) => `@types/${d.fileName}`);
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined && ts.isStringLiteralLike(node.moduleSpecifier)) out.push(node.moduleSpecifier.text);
    if (ts.isCallExpression(node) && node.arguments[0] !== undefined && ts.isStringLiteralLike(node.arguments[0])) {
      const callee = node.expression;
      const named = ts.isIdentifier(callee) && callee.text === 'require';
      const dynamic = callee.kind === ts.SyntaxKind.ImportKeyword;
      const mocked = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'jest' && ['mock', 'requireActual'].includes(callee.name.text);
      if (named || dynamic || mocked) out.push(node.arguments[0].text);
    }
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) out.push(node.argument.literal.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  // JSDoc types (`@type {import('jest').Config}`) are comments to the parser.
  for (const m of text.matchAll(/\{import\(['"]([^'"]+)['"]\)/g)) out.push(m[1]);
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

/** Packages named by the given files, each with the first file naming it. */
function packagesNamedBy(files: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of files) {
    for (const specifier of specifiersOf(file)) {
      const name = packageOf(specifier);
      if (name !== undefined && !found.has(name)) found.set(name, relative(ROOT, file));
    }
  }
  return found;
}

const CONFIG_FILES = readdirSync(ROOT)
  .filter((name) => /^[\w.-]+\.config\.(js|mjs|cjs)$/.test(name))
  .map((name) => join(ROOT, name));

describe('every package the project names is declared in package.json', () => {
  test('src, test, scripts, bench, bin and the config files: in dependencies or devDependencies', () => {
    const files = [...['src', 'test', 'scripts', 'bench', 'bin'].flatMap((d) => filesUnder(join(ROOT, d))), ...CONFIG_FILES];
    const named = packagesNamedBy(files);
    const undeclared = [...named].filter(([name]) => !DECLARED.has(name)).map(([name, file]) => `${name} (${file})`);
    expect(undeclared).toEqual([]);
    expect(named.has('custom-functions-metadata')).toBe(true); // the scan sees test/functions/metadata.test.ts
  });

  test('a package reached by path in a config file (node_modules/…) is declared too', () => {
    const undeclared = CONFIG_FILES.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/node_modules\/((?:@[\w.-]+\/)?[\w.-]+)/g)].map((m) => m[1])).filter(
      (name) => !DECLARED.has(name),
    );
    expect(undeclared).toEqual([]);
  });

  test('the shipped code (src) uses only dependencies, never a devDependency', () => {
    const named = packagesNamedBy(filesUnder(join(ROOT, 'src')));
    expect([...named].filter(([name]) => !DEPENDENCIES.has(name)).map(([name, file]) => `${name} (${file})`)).toEqual([]);
  });

  test("each tsconfig's ambient types are a declared @types package", () => {
    const missing: string[] = [];
    for (const name of readdirSync(ROOT).filter((n) => /^tsconfig(\.[\w-]+)?\.json$/.test(n))) {
      const parsed = ts.getParsedCommandLineOfConfigFile(join(ROOT, name), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
      for (const type of parsed?.options.types ?? []) if (!DECLARED.has(`@types/${type}`)) missing.push(`${name}: @types/${type}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('`smvp` after `npm ci --omit=dev`', () => {
  test('bin/smvp.js runs the compiled command line and requires only Node and dependencies', () => {
    const bin = join(ROOT, PKG.bin.smvp);
    const text = readFileSync(bin, 'utf8');
    expect(text).toContain("'out', 'smvp', 'cli', 'run.js'");
    expect(text).not.toMatch(/tsx|ts-node/);
    const named = packagesNamedBy([bin]);
    expect([...named.keys()].filter((name) => !DEPENDENCIES.has(name))).toEqual([]);
  });

  test('`prepare` builds it (npm ci runs prepare, with or without --omit=dev), with tools that are dependencies', () => {
    expect(PKG.scripts.prepare).toBe('npm run build:cli');
    expect(PKG.scripts['build:cli']).toBe('tsc -p tsconfig.smvp.json');
    expect(DEPENDENCIES.has('typescript')).toBe(true);
    expect(PKG.scripts.build).toContain('npm run build:cli');
    // No type check in that build: no @types package (devDependencies) is needed to emit.
    const parsed = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.smvp.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    expect(parsed?.errors).toEqual([]);
    expect(parsed?.options.noCheck).toBe(true);
    expect(parsed?.options.types).toEqual([]);
  });

  // The build `npm test` makes first (`npm run build:cli`, into out/smvp); made here when missing.
  test('the compiled command line requires only Node, its own files and dependencies', () => {
    const outDir = join(ROOT, 'out', 'smvp');
    if (!existsSync(join(outDir, 'cli', 'run.js'))) execFileSync('npm', ['run', '-s', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
    const files = filesUnder(outDir);
    expect(files.map((f) => relative(outDir, f))).toContain(join('cli', 'run.js'));
    const named = packagesNamedBy(files);
    expect([...named].filter(([name]) => !DEPENDENCIES.has(name)).map(([name, file]) => `${name} (${file})`)).toEqual([]);
    expect([...named.keys()].sort()).toEqual(expect.arrayContaining(['decimal.js', 'exceljs']));
  }, 120_000);
});

describe('one tsconfig per target, each in `npm run typecheck`', () => {
  const options = (name: string): ts.CompilerOptions =>
    ts.getParsedCommandLineOfConfigFile(join(ROOT, name), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })?.options ?? {};

  test('every tsconfig but the build one is checked', () => {
    const targets = readdirSync(ROOT).filter((n) => /^tsconfig(\.[\w-]+)?\.json$/.test(n) && n !== 'tsconfig.base.json' && n !== 'tsconfig.smvp.json');
    expect(targets.sort()).toEqual(['tsconfig.addin.json', 'tsconfig.bench.json', 'tsconfig.cli.json', 'tsconfig.engine.json', 'tsconfig.json']);
    for (const name of targets) expect(PKG.scripts.typecheck).toContain(`tsc -p ${name}`);
  });

  test('the engine: no Node, no DOM, no Office', () => {
    const engine = options('tsconfig.engine.json');
    expect(engine.types).toEqual([]);
    expect((engine.lib ?? []).filter((lib) => /dom|webworker/i.test(lib))).toEqual([]);
  });

  test('the add-in: DOM and Office, no Node; the command line: Node, no DOM', () => {
    const addin = options('tsconfig.addin.json');
    expect(addin.types).not.toContain('node');
    expect(addin.types).toEqual(expect.arrayContaining(['office-js', 'custom-functions-runtime']));
    expect((addin.lib ?? []).some((lib) => /dom/i.test(lib))).toBe(true);
    const cli = options('tsconfig.cli.json');
    expect(cli.types).toEqual(['node']);
    expect((cli.lib ?? []).filter((lib) => /dom/i.test(lib))).toEqual([]);
  });
});
