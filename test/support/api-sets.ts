/**
 * Which Office requirement sets the add-in's code needs, read from the type declarations it is
 * compiled against. A TypeScript Program over the project's src files is walked, every expression
 * whose symbol resolves to a declaration of @types/office-js, @types/custom-functions-runtime or
 * @types/office-runtime is a use, and the declaration's JSDoc names the set that brought the API.
 *
 * Annotation forms read (see the d.ts files):
 * - `[Api set: ExcelApi 1.9]`, the form of the application-specific APIs (Excel, custom functions,
 *   OfficeRuntime). One annotation may list several entries:
 *   - entries of another host's sets (Mailbox, Word…, PowerPoint…, OneNote…, Visio, Project) are
 *     dropped: this is an Excel add-in. `SharedRuntime 1.1, Mailbox 1.10` (OfficeRuntime.storage) lists
 *     host alternatives, so it needs SharedRuntime 1.1; `[Api set: Mailbox 1.3]` alone ("support
 *     information for Outlook", e.g. Office.AddinCommands.Event.completed) leaves no set for Excel;
 *   - several versions of one set qualified by how the API is used: `1.1 for get, 1.8 for set`,
 *     `1.1 for reading visibility; 1.2 for setting it` pick the version for a read or for a write
 *     (assignment) of the property; any other qualifier (`for Array`, `for adding alwaysInsert`,
 *     `1.1 / 1.3`) is not analysed, so the highest version counts: a false alarm is fixed by a guard,
 *     a missed one would reach users;
 *   - `Preview`/`BETA` next to a numbered version of the same set qualifies one argument value
 *     (`ExcelApi 1.9, ExcelApi Preview for null destinationRange`) and is dropped; alone it stays,
 *     with a version no MinVersion reaches;
 *   - what remains, if it names several sets, needs all of them.
 * - `**Requirement set(s)**: {@link …requirement-sets… | SharedRuntime 1.1}`, the form of the Common
 *   API (Office.*): the link labels are the sets, all needed (a list such as KeyboardShortcuts 1.1 +
 *   SharedRuntime 1.1 means both); a label without a version means 1.1; `Not in a set` means none.
 * A declaration without either form inherits the annotation of its class, interface or enum (e.g. the
 * constructor of CustomFunctions.Error, Excel.Range.load); with none there either, the use is listed
 * with set null (Office.onReady, Office.actions.associate in @types/office-js 1.0.612).
 *
 * Resolution: a call uses the overload the checker resolved; an object-literal property (arguments of
 * set(), setCellProperties(), load() and getCellProperties() options) resolves through the literal's
 * contextual type to the Excel.Interfaces / options interface it fills; `obj['prop']` resolves like
 * `obj.prop`; the property paths of `load('a,b/c')` strings resolve against the receiver's type; a
 * destructured property resolves against the destructured type. Names in type positions are not uses.
 *
 * A use is guarded when it only runs after `isSetSupported('Set', 'version')` with the same set and a
 * version at least the one needed (compared as numbers, 1.10 > 1.9; no version means 1.1): in the
 * then-branch of an `if`, the true branch of `?:`, the right of `&&`, after an
 * `if (!isSetSupported(…)) return/throw;`, or the negated forms; the condition may combine checks with
 * && (and || when every side checks) and may be a const holding the check or the set's name. A check
 * hidden in a helper function of the project is not recognised.
 *
 * Speed: office-js is 8.8 MB of declarations, so the Program is built once (virtual files included);
 * only identifiers named like some Office declaration are resolved, and only in files that can reach
 * an Office object (see reachingOffice): the engine and the CLI are never type-checked.
 */
import { join, relative, resolve, sep } from 'node:path';
import * as ts from 'typescript';

export const PROJECT_ROOT = resolve(__dirname, '..', '..');

export interface Requirement {
  readonly set: string;
  readonly version: string;
}

export interface OfficeApiUse {
  /** Relative to the project root, with forward slashes. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** The declaration's qualified name, e.g. "Excel.Range.getCellProperties". */
  readonly api: string;
  /** The requirement set; null when the declaration (and its type) names none. */
  readonly set: string | null;
  readonly version: string | null;
  readonly guarded: boolean;
}

const OFFICE_TYPES = ['office-js', 'custom-functions-runtime', 'office-runtime'];
const OFFICE_DIR = new RegExp(`[\\\\/]node_modules[\\\\/]@types[\\\\/](${OFFICE_TYPES.join('|')})[\\\\/]`);
const FOREIGN_SET = /^(Mailbox|Word|PowerPoint|OneNote|Visio|Project|Outlook)/;
const NOT_A_SET_NAME = new Set(['Api', 'Excel', 'Word', 'Office', 'Outlook', 'Enum', 'Prior', 'Starting', 'All']);

// ---------------------------------------------------------------- versions and the manifest

const NUMERIC_VERSION = /^\d+(\.\d+)*$/;

/** Numeric, part by part: 1.10 > 1.9, 1.9 = 1.9.0; a non-numeric version (Preview, BETA) is above every numbered one. */
export function compareVersions(a: string, b: string): number {
  const an = NUMERIC_VERSION.test(a);
  const bn = NUMERIC_VERSION.test(b);
  if (!an || !bn) return an === bn ? 0 : an ? -1 : 1;
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** The `<Requirements><Sets>` of the manifest's base part: set name → MinVersion (DefaultMinVersion when absent). */
export function declaredSets(manifestXml: string): Map<string, string> {
  const xml = manifestXml.replace(/<!--[\s\S]*?-->/g, '');
  const base = xml.split(/<VersionOverrides\b/)[0];
  const sets = /<Requirements>\s*<Sets\b([^>]*)>([\s\S]*?)<\/Sets>/.exec(base);
  const out = new Map<string, string>();
  if (sets === null) return out;
  const fallback = /DefaultMinVersion="([^"]*)"/.exec(sets[1])?.[1] ?? '1.1';
  for (const m of sets[2].matchAll(/<Set\b([^>]*?)\/?>/g)) {
    const name = /\bName="([^"]*)"/.exec(m[1])?.[1];
    if (name !== undefined) out.set(name, /\bMinVersion="([^"]*)"/.exec(m[1])?.[1] ?? fallback);
  }
  return out;
}

/** Unguarded uses of a set the manifest does not declare, or of a version above its MinVersion. */
export function undeclaredUses(uses: readonly OfficeApiUse[], declared: ReadonlyMap<string, string>): OfficeApiUse[] {
  return uses.filter((u) => {
    if (u.set === null || u.version === null || u.guarded) return false;
    const min = declared.get(u.set);
    return min === undefined || compareVersions(u.version, min) > 0;
  });
}

export function formatUse(u: OfficeApiUse): string {
  return `${u.file}:${u.line} ${u.api} ${u.set ?? '(no set)'} ${u.version ?? ''}`.trimEnd();
}

/** Per set, the highest version used and one use that needs it. */
export function setsInUse(uses: readonly OfficeApiUse[]): Map<string, { version: string; example: OfficeApiUse }> {
  const out = new Map<string, { version: string; example: OfficeApiUse }>();
  for (const u of uses) {
    if (u.set === null || u.version === null) continue;
    const seen = out.get(u.set);
    if (seen === undefined || compareVersions(u.version, seen.version) > 0) out.set(u.set, { version: u.version, example: u });
  }
  return out;
}

// ---------------------------------------------------------------- annotations

type Access = 'read' | 'write';

interface Entry {
  readonly set: string;
  readonly version: string;
  readonly kind: Access | null;
}

function entriesOfApiSet(body: string): Entry[] {
  const entries: Entry[] = [];
  const re = /(?:\b([A-Za-z]+)\s+)?\b(\d+(?:\.\d+)+|BETA\b|Preview\b)/g;
  const matches = [...body.matchAll(re)];
  let last = '';
  matches.forEach((m, i) => {
    const name = m[1] !== undefined && /^[A-Z]/.test(m[1]) && !NOT_A_SET_NAME.has(m[1]) ? m[1] : last;
    last = name;
    const qualifier = body.slice((m.index ?? 0) + m[0].length, matches[i + 1]?.index ?? body.length);
    const kind = /\b(set|setting)\b/i.test(qualifier) ? 'write' : /\b(get|getting|read|reading)\b/i.test(qualifier) ? 'read' : null;
    entries.push({ set: name, version: m[2], kind });
  });
  return entries;
}

function entriesOfRequirementLinks(section: string): Entry[] | 'none' {
  const entries: Entry[] = [];
  let none = false;
  for (const m of section.matchAll(/\{@link\s+(\S+)\s*\|\s*([^}]*)\}/g)) {
    if (!m[1].includes('requirement-sets')) continue;
    const label = m[2].trim();
    if (/^not in a set$/i.test(label)) none = true;
    const parts = /^([A-Za-z]+)(?:\s+(\d+(?:\.\d+)+))?$/.exec(label);
    if (parts !== null) entries.push({ set: parts[1], version: parts[2] ?? '1.1', kind: null });
  }
  return entries.length === 0 && none ? 'none' : entries;
}

/** The sets an annotation asks for, read or written; [] for "no set"; null when there is no annotation. */
export function parseAnnotation(comment: string, access: Access = 'read'): Requirement[] | null {
  let entries: Entry[] = [];
  const apiSets = [...comment.matchAll(/\[Api set:([^\]]*)\]/g)];
  if (apiSets.length > 0) {
    for (const m of apiSets) entries.push(...entriesOfApiSet(m[1]));
  } else {
    const at = comment.search(/\*\*Requirement sets?\*\*/);
    if (at < 0) return null;
    const links = entriesOfRequirementLinks(comment.slice(at));
    if (links === 'none') return [];
    entries = links;
  }
  if (entries.length === 0) return null;
  entries = entries.filter((e) => !FOREIGN_SET.test(e.set));
  const out: Requirement[] = [];
  for (const set of new Set(entries.map((e) => e.set))) {
    let mine = entries.filter((e) => e.set === set);
    if (mine.some((e) => e.kind === access)) mine = mine.filter((e) => e.kind === access || e.kind === null);
    else if (mine.some((e) => e.kind !== null)) mine = mine.filter((e) => e.kind === null || e.kind === 'read');
    if (mine.some((e) => /^\d/.test(e.version))) mine = mine.filter((e) => /^\d/.test(e.version));
    const version = mine.map((e) => e.version).reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b));
    out.push({ set: set === '' ? '(unnamed)' : set, version });
  }
  return out;
}

function isOfficeDeclaration(node: ts.Node): boolean {
  return OFFICE_DIR.test(node.getSourceFile().fileName);
}

function jsDocText(decl: ts.Node): string {
  const text = decl.getSourceFile().text;
  return ts
    .getJSDocCommentsAndTags(decl)
    .map((d) => text.slice(d.pos, d.end))
    .join('\n');
}

function isTypeContainer(node: ts.Node): node is ts.ClassDeclaration | ts.InterfaceDeclaration | ts.EnumDeclaration {
  return ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isEnumDeclaration(node);
}

/** The declaration's own annotation, else its class's, interface's or enum's. */
function annotationOf(decl: ts.Node, access: Access): Requirement[] | null {
  const own = parseAnnotation(jsDocText(decl), access);
  if (own !== null || isTypeContainer(decl) || !isTypeContainer(decl.parent)) return own;
  return parseAnnotation(jsDocText(decl.parent), access);
}

function declarationName(node: ts.Node): string | undefined {
  if (ts.isConstructorDeclaration(node)) return undefined;
  const name = (node as { name?: ts.Node }).name;
  if (name === undefined) return undefined;
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name) ? name.text : name.getText();
}

/** "Excel.Range.getCellProperties": the names of the declaration and of the declarations around it. */
function qualifiedName(decl: ts.Node): string {
  const names: string[] = [];
  for (let n: ts.Node | undefined = decl; n !== undefined && !ts.isSourceFile(n); n = n.parent) {
    if (ts.isVariableDeclarationList(n) || ts.isVariableStatement(n) || ts.isModuleBlock(n)) continue;
    const name = declarationName(n);
    if (name !== undefined && (n === decl || isTypeContainer(n) || ts.isModuleDeclaration(n) || ts.isFunctionDeclaration(n) || ts.isMethodSignature(n) || ts.isMethodDeclaration(n))) {
      names.unshift(name);
    }
  }
  return names.join('.');
}

// ---------------------------------------------------------------- guards

/** The expression inside parentheses, `as`, `satisfies`, `!` and `<T>` casts. */
function skipOuter(expr: ts.Expression): ts.Expression {
  let e = expr;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isNonNullExpression(e) || ts.isTypeAssertionExpression(e)) e = e.expression;
  return e;
}

function constantString(expr: ts.Expression, checker: ts.TypeChecker): string | undefined {
  const e = skipOuter(expr);
  if (ts.isStringLiteralLike(e)) return e.text;
  if (ts.isIdentifier(e)) {
    const decl = checker.getSymbolAtLocation(e)?.valueDeclaration;
    if (decl !== undefined && ts.isVariableDeclaration(decl) && decl.initializer !== undefined && ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) {
      return constantString(decl.initializer, checker);
    }
  }
  return undefined;
}

function isSetSupportedCheck(e: ts.Expression, req: Requirement, checker: ts.TypeChecker): boolean {
  if (!ts.isCallExpression(e)) return false;
  const callee = skipOuter(e.expression);
  const name = ts.isPropertyAccessExpression(callee) ? callee.name : ts.isIdentifier(callee) ? callee : undefined;
  if (name?.text !== 'isSetSupported') return false;
  const decls = checker.getSymbolAtLocation(name)?.declarations ?? [];
  if (decls.length > 0 && !decls.some(isOfficeDeclaration)) return false;
  const [setArg, versionArg] = e.arguments;
  if (setArg === undefined || constantString(setArg, checker)?.toLowerCase() !== req.set.toLowerCase()) return false;
  const version = versionArg === undefined ? '1.1' : constantString(versionArg, checker);
  return version !== undefined && compareVersions(version, req.version) >= 0;
}

/** Whether `expr` being true (or false, with `when` false) means the set is supported. */
function implies(expr: ts.Expression, when: boolean, req: Requirement, checker: ts.TypeChecker, depth = 0): boolean {
  if (depth > 20) return false;
  const e = skipOuter(expr);
  const again = (x: ts.Expression, w: boolean) => implies(x, w, req, checker, depth + 1);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return again(e.operand, !when);
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return when ? again(e.left, true) || again(e.right, true) : again(e.left, false) && again(e.right, false);
    if (op === ts.SyntaxKind.BarBarToken) return when ? again(e.left, true) && again(e.right, true) : again(e.left, false) || again(e.right, false);
    return false;
  }
  if (ts.isIdentifier(e)) {
    const decl = checker.getSymbolAtLocation(e)?.valueDeclaration;
    if (decl !== undefined && ts.isVariableDeclaration(decl) && decl.initializer !== undefined && ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) {
      return again(decl.initializer, when);
    }
    return false;
  }
  return when && isSetSupportedCheck(e, req, checker);
}

function alwaysExits(s: ts.Statement): boolean {
  if (ts.isReturnStatement(s) || ts.isThrowStatement(s)) return true;
  if (ts.isBlock(s)) return s.statements.some(alwaysExits);
  if (ts.isIfStatement(s)) return s.elseStatement !== undefined && alwaysExits(s.thenStatement) && alwaysExits(s.elseStatement);
  return false;
}

function isGuarded(node: ts.Node, req: Requirement, checker: ts.TypeChecker): boolean {
  for (let child = node, p = node.parent; p !== undefined; child = p, p = p.parent) {
    if (ts.isIfStatement(p)) {
      if (child === p.thenStatement && implies(p.expression, true, req, checker)) return true;
      if (child === p.elseStatement && implies(p.expression, false, req, checker)) return true;
    } else if (ts.isConditionalExpression(p)) {
      if (child === p.whenTrue && implies(p.condition, true, req, checker)) return true;
      if (child === p.whenFalse && implies(p.condition, false, req, checker)) return true;
    } else if (ts.isBinaryExpression(p) && child === p.right) {
      if (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && implies(p.left, true, req, checker)) return true;
      if (p.operatorToken.kind === ts.SyntaxKind.BarBarToken && implies(p.left, false, req, checker)) return true;
    } else if (ts.isBlock(p) || ts.isSourceFile(p) || ts.isModuleBlock(p) || ts.isCaseClause(p) || ts.isDefaultClause(p)) {
      const statements: readonly ts.Statement[] = p.statements;
      const at = statements.indexOf(child as ts.Statement);
      for (const s of statements.slice(0, Math.max(0, at))) {
        if (!ts.isIfStatement(s)) continue;
        if (s.elseStatement === undefined && alwaysExits(s.thenStatement) && implies(s.expression, false, req, checker)) return true;
        if (s.elseStatement !== undefined && alwaysExits(s.elseStatement) && !alwaysExits(s.thenStatement) && implies(s.expression, true, req, checker)) return true;
      }
    }
  }
  return false;
}

// ---------------------------------------------------------------- the walk

function isAssignmentTarget(node: ts.Node): boolean {
  let n = node;
  while (ts.isParenthesizedExpression(n.parent) || ts.isNonNullExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (ts.isBinaryExpression(p) && p.left === n) {
    return p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
  }
  return (ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken);
}

/** The call or `new` whose callee is `node` (an identifier or property access name), if any. */
function callOf(name: ts.Node): ts.CallExpression | ts.NewExpression | undefined {
  const callee = ts.isPropertyAccessExpression(name.parent) && name.parent.name === name ? name.parent : name;
  let n: ts.Node = callee;
  while (ts.isParenthesizedExpression(n.parent) || ts.isNonNullExpression(n.parent)) n = n.parent;
  const p = n.parent;
  return (ts.isCallExpression(p) || ts.isNewExpression(p)) && p.expression === n ? p : undefined;
}

function isRuntimeHeritage(node: ts.Node): boolean {
  return ts.isExpressionWithTypeArguments(node) && ts.isHeritageClause(node.parent) && node.parent.token === ts.SyntaxKind.ExtendsKeyword && ts.isClassLike(node.parent.parent);
}

function propertySymbols(type: ts.Type | undefined, name: string, checker: ts.TypeChecker): ts.Symbol[] {
  if (type === undefined) return [];
  const out: ts.Symbol[] = [];
  for (const t of type.isUnion() ? type.types : [type]) {
    const prop = checker.getPropertyOfType(checker.getApparentType(t), name);
    if (prop !== undefined) out.push(prop);
  }
  return out;
}

function propertyDeclarations(type: ts.Type | undefined, name: string, checker: ts.TypeChecker): ts.Declaration[] {
  return propertySymbols(type, name, checker).flatMap((s) => s.declarations ?? []);
}

/** Every name declared in the Office declaration files: a name outside it cannot resolve to an Office API. */
function officeNames(program: ts.Program): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    const name = (node as { name?: ts.Node }).name;
    if (name !== undefined && (ts.isIdentifier(name) || ts.isStringLiteral(name))) names.add(name.text);
    ts.forEachChild(node, visit);
  };
  for (const file of program.getSourceFiles()) if (OFFICE_DIR.test(file.fileName)) visit(file);
  return names;
}

class Walker {
  readonly uses: OfficeApiUse[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly root: string,
    private readonly names: ReadonlySet<string>,
  ) {}

  walk(file: ts.SourceFile): void {
    const visit = (node: ts.Node): void => {
      if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
      if (ts.isTypeNode(node) && !isRuntimeHeritage(node)) return;
      this.handle(node);
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  private handle(node: ts.Node): void {
    const checker = this.checker;
    if (ts.isIdentifier(node)) {
      if (!this.names.has(node.text)) return;
      const p = node.parent;
      if ((ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) || ts.isMethodDeclaration(p)) && p.name === node && ts.isObjectLiteralExpression(p.parent)) {
        // A property of an options object: set() and setCellProperties() data is written, load options are read.
        const decls = propertyDeclarations(checker.getContextualType(p.parent), node.text, checker);
        const load = decls.some((d) => ts.isInterfaceDeclaration(d.parent) && d.parent.name.text.endsWith('LoadOptions'));
        this.record(node, decls, load ? 'read' : 'write');
        return;
      }
      if (ts.isBindingElement(p) && (p.propertyName ?? p.name) === node && ts.isObjectBindingPattern(p.parent)) {
        this.record(node, propertyDeclarations(checker.getTypeAtLocation(p.parent), node.text, checker), 'read');
        return;
      }
      if ((p as { name?: ts.Node }).name === node && !ts.isPropertyAccessExpression(p)) return; // a declaration's own name
      const symbol = checker.getSymbolAtLocation(node);
      if (symbol === undefined) return;
      const resolved = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      if (resolved.flags & ts.SymbolFlags.Module) return; // Office, Excel, CustomFunctions: namespaces, not APIs
      if (!(resolved.declarations ?? []).some(isOfficeDeclaration)) return;
      const call = callOf(node);
      const signature = call === undefined ? undefined : checker.getResolvedSignature(call)?.declaration;
      const access: Access = ts.isPropertyAccessExpression(p) && p.name === node && isAssignmentTarget(p) ? 'write' : 'read';
      const decls = signature !== undefined && isOfficeDeclaration(signature) ? [signature, ...(resolved.declarations ?? [])] : (resolved.declarations ?? []);
      this.record(node, decls, access);
      return;
    }
    if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression) && this.names.has(node.argumentExpression.text)) {
      const decls = propertyDeclarations(checker.getTypeAtLocation(node.expression), node.argumentExpression.text, checker);
      this.record(node.argumentExpression, decls, isAssignmentTarget(node) ? 'write' : 'read');
      return;
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'load') {
      const decl = checker.getResolvedSignature(node)?.declaration;
      if (decl === undefined || !isOfficeDeclaration(decl)) return;
      const receiver = checker.getTypeAtLocation(node.expression.expression);
      for (const arg of node.arguments) {
        const literals = ts.isArrayLiteralExpression(arg) ? arg.elements : [arg];
        for (const lit of literals) {
          if (!ts.isStringLiteralLike(lit)) continue;
          for (const path of lit.text.split(',')) this.recordLoadPath(lit, receiver, path.trim());
        }
      }
    }
  }

  /** `load('items/name')`: each step of the path is a property of the type reached so far. */
  private recordLoadPath(at: ts.Node, receiver: ts.Type, path: string): void {
    const checker = this.checker;
    let types: ts.Type[] = [receiver];
    for (const step of path.split('/')) {
      const props = types.flatMap((t) => propertySymbols(t, step, checker));
      if (step === '' || props.length === 0) return;
      this.record(at, props.flatMap((s) => s.declarations ?? []), 'read');
      types = props.map((s) => {
        const t = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(s, at));
        return checker.isArrayType(t) ? checker.getTypeArguments(t as ts.TypeReference)[0] : t;
      });
    }
  }

  private record(at: ts.Node, declarations: readonly ts.Declaration[], access: Access): void {
    const office = declarations.filter(isOfficeDeclaration);
    if (office.length === 0) return;
    let decl = office[0];
    let requirements: Requirement[] | null = null;
    for (const d of office) {
      const r = annotationOf(d, access);
      if (r !== null) {
        decl = d;
        requirements = r;
        break;
      }
    }
    const file = relative(this.root, at.getSourceFile().fileName).split(sep).join('/');
    const line = at.getSourceFile().getLineAndCharacterOfPosition(at.getStart()).line + 1;
    const api = qualifiedName(decl);
    const needs: Array<Requirement | null> = requirements === null || requirements.length === 0 ? [null] : requirements;
    for (const req of needs) {
      const key = `${file}:${at.getStart()}:${api}:${req?.set}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.uses.push({ file, line, api, set: req?.set ?? null, version: req?.version ?? null, guarded: req !== null && isGuarded(at, req, this.checker) });
    }
  }
}

// ---------------------------------------------------------------- programs

const OFFICE_GLOBALS = new Set(['Office', 'Excel', 'CustomFunctions', 'OfficeRuntime', 'OfficeExtension']);

/** The module specifiers a file imports or re-exports, statically or with `import('…')`. */
function importsOf(file: ts.SourceFile): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined && ts.isStringLiteralLike(node.moduleSpecifier)) out.push(node.moduleSpecifier.text);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] !== undefined && ts.isStringLiteralLike(node.arguments[0])) out.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

function namesOfficeGlobal(file: ts.SourceFile): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && OFFICE_GLOBALS.has(node.text)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * The files that can reach an Office object: those naming an Office namespace (Office, Excel,
 * CustomFunctions, OfficeRuntime, OfficeExtension, in code, not in comments or strings), and those
 * importing, directly or not, such a file (an Office object may come back from its functions). The
 * others (the engine, the CLI) cannot use an Office API and are not type-checked: it halves the time.
 */
function reachingOffice(files: readonly ts.SourceFile[], options: ts.CompilerOptions): Set<ts.SourceFile> {
  const byName = new Map(files.map((f) => [resolve(f.fileName), f]));
  const importers = new Map<ts.SourceFile, ts.SourceFile[]>();
  const reach = new Set<ts.SourceFile>();
  for (const file of files) {
    if (namesOfficeGlobal(file)) reach.add(file);
    for (const spec of importsOf(file)) {
      const target = ts.resolveModuleName(spec, file.fileName, options, ts.sys).resolvedModule?.resolvedFileName;
      const imported = target === undefined ? undefined : byName.get(resolve(target));
      if (imported !== undefined) importers.set(imported, [...(importers.get(imported) ?? []), file]);
    }
  }
  const queue = [...reach];
  for (let f = queue.pop(); f !== undefined; f = queue.pop()) {
    for (const importer of importers.get(f) ?? []) {
      if (!reach.has(importer)) {
        reach.add(importer);
        queue.push(importer);
      }
    }
  }
  return reach;
}

/** The files on disk, plus virtual ones (absolute path → text) that exist only in memory. */
function virtualHost(options: ts.CompilerOptions, virtual: ReadonlyMap<string, string>): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  return {
    ...host,
    fileExists: (f) => virtual.has(resolve(f)) || host.fileExists(f),
    readFile: (f) => virtual.get(resolve(f)) ?? host.readFile(f),
    getSourceFile(fileName, languageVersion, onError, shouldCreate) {
      const text = virtual.get(resolve(fileName));
      return text !== undefined ? ts.createSourceFile(fileName, text, languageVersion, true) : host.getSourceFile(fileName, languageVersion, onError, shouldCreate);
    },
  };
}

/**
 * The analyser of one project: the add-in's files that may use Office (tsconfig.addin.json, without the
 * pane), compiled with its options, plus
 * virtual files (path relative to the project → source text) that exist only in memory and are
 * compiled as files of the project, through a CompilerHost that serves them: same globals, and they
 * may import the project's modules. One Program for all of them, built and walked on first use.
 */
export class OfficeApiAnalyzer {
  private readonly options: ts.CompilerOptions;
  private readonly srcFiles: string[];
  private readonly virtual: ReadonlyMap<string, string>;
  private walked: Map<string, OfficeApiUse[]> | undefined;

  constructor(
    readonly root: string = PROJECT_ROOT,
    virtualFiles: Readonly<Record<string, string>> = {},
  ) {
    const parsed = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.addin.json'), { noEmit: true }, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    });
    if (parsed === undefined) throw new Error(`cannot read ${join(root, 'tsconfig.addin.json')}`);
    this.options = parsed.options;
    const src = join(root, 'src') + sep;
    // The pane reaches Office only through src/office (lint refuses Office's globals in src/taskpane):
    // leaving it out spares the Program Fluent UI's and React's declarations.
    const pane = join(root, 'src', 'taskpane') + sep;
    this.srcFiles = parsed.fileNames.filter((f) => resolve(f).startsWith(src) && !resolve(f).startsWith(pane));
    this.virtual = new Map(Object.entries(virtualFiles).map(([name, text]) => [resolve(root, name), text]));
  }

  /** The uses per file (absolute path): the files under src/ and the virtual ones. */
  private uses(): Map<string, OfficeApiUse[]> {
    if (this.walked !== undefined) return this.walked;
    const program = ts.createProgram({ rootNames: [...this.srcFiles, ...this.virtual.keys()], options: this.options, host: virtualHost(this.options, this.virtual) });
    const checker = program.getTypeChecker();
    const names = officeNames(program);
    const src = join(this.root, 'src') + sep;
    const files = program.getSourceFiles().filter((f) => !f.isDeclarationFile && (resolve(f.fileName).startsWith(src) || this.virtual.has(resolve(f.fileName))));
    const reach = reachingOffice(files, this.options);
    this.walked = new Map();
    for (const file of files) {
      const walker = new Walker(checker, this.root, names);
      if (reach.has(file)) walker.walk(file);
      this.walked.set(resolve(file.fileName), walker.uses);
    }
    return this.walked;
  }

  /** Every Office API use in the project's src files (not in the virtual ones). */
  projectUses(): OfficeApiUse[] {
    return [...this.uses()].flatMap(([name, uses]) => (this.virtual.has(name) ? [] : uses));
  }

  /** The uses in one of the virtual files given to the constructor. */
  virtualUses(fileName: string): OfficeApiUse[] {
    const path = resolve(this.root, fileName);
    const uses = this.virtual.has(path) ? this.uses().get(path) : undefined;
    if (uses === undefined) throw new Error(`${fileName} is not a virtual file of this analyser`);
    return uses;
  }
}
