/**
 * `smvp`: the SMVP engine on .xlsx files, for batch work and for machines without Excel.
 *   smvp validate FILE [--sheet NOME] [--dettagli] [--json]
 *   smvp overshooting FILE [--sheet NOME] [-o OUT.xlsx] [--json]
 *   smvp spiega FILE [--sheet NOME] [--nodo CODICE] [--json]
 * Exit codes, one meaning each: 0 no errore found; 1 at least one errore found; 2 the input cannot be
 * used (file, sheet, layout); 3 the output cannot be written (the -o file, or standard output);
 * 4 the command line is wrong (command, option, argument).
 * Text output never carries a cell's control characters to the terminal (see `printable`).
 */
import { parseArgs } from 'node:util';
import {
  analyseWorkbook, countBySeverity, counted, Dec, explain, formatPercent, nodesNamed, LAYOUT_NAMES, LEVEL_NAMES, overshootingSheet, rowName, type Finding, type Grid,
  type LayoutKind, type Level, type SheetReport,
} from '../engine';
import { overshootingJson, validateJson } from './report-json';
import { explainJson, printExplanation, type ExplainedSheet } from './explain-output';
import { outputProblem, writeFailure } from './output-path';
import { readWorkbook } from './xlsx-read';
import { addOvershootingSheet, saveWorkbook } from './xlsx-write';

export const EXIT = { ok: 0, errors: 1, unusable: 2, unwritable: 3, usage: 4 } as const;

const USAGE = `Uso:
  smvp validate FILE.xlsx [--sheet NOME] [--dettagli] [--json]
  smvp overshooting FILE.xlsx [--sheet NOME] [-o USCITA.xlsx] [--json]
  smvp spiega FILE.xlsx [--sheet NOME] [--nodo CODICE] [--json]

Con molti rilievi, validate li riassume per codice ed elenca gli errori;
--dettagli li elenca tutti. --json dà sempre tutto.
spiega dice quanti punti toglie ogni figlio e ogni indicatore al risultato
dell'Ente (o del nodo indicato con --nodo, per codice o descrizione).

Codice di uscita: 0 nessun errore, 1 errori trovati, 2 input non utilizzabile,
3 uscita non scrivibile, 4 comando, opzione o argomento errato.`;

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Why the command stops, in Italian, with its exit code. */
class Stop extends Error {
  constructor(
    readonly exit: (typeof EXIT)['unusable' | 'unwritable'],
    message: string,
  ) {
    super(message);
  }
}

/**
 * Text as the terminal may show it: a control character in a cell (an ESC sequence that erases the
 * line, a carriage return) would let the cell rewrite what smvp prints. Tabs and line breaks, common
 * in cells, become spaces; any other C0 or C1 control (and DEL) its visible escape, "\x1b".
 */
export function printable(text: string): string {
  return text.replace(/\p{Cc}/gu, (c) => (c === '\t' || c === '\n' || c === '\r' ? ' ' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/** At most `max` characters, the last an ellipsis when cut. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * JSON.stringify escapes C0 controls, not DEL and C1 ones (U+009B is a CSI to some terminals): these
 * are escaped too, and the JSON reads the same.
 */
function json(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function pct(fraction: string | null): string {
  return fraction === null ? '—' : formatPercent(new Dec(fraction));
}

/** The widest a table column gets: a long code or label is cut, the JSON has it whole. */
const MAX_COLUMN = 60;

/**
 * Rows as aligned columns, printed one line at a time. Widths are found by a loop: spreading a large
 * annex's rows into Math.max overflows the stack.
 */
function printTable(io: Io, rows: readonly (readonly string[])[]): void {
  const cells = rows.map((r) => r.map((c) => clip(printable(c), MAX_COLUMN)));
  const widths: number[] = [];
  for (const r of cells) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  for (const r of cells) io.out(r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
}

/**
 * The longest message printed. Messages quote cells, and a cell holds up to 32,767 characters: a
 * last defence for the terminal, whatever the engine quotes. The JSON keeps messages whole.
 */
const MAX_MESSAGE = 500;

function printFinding(io: Io, f: Finding): void {
  io.out(`  ${f.severity.padEnd(6)}  ${(f.cell || '—').padEnd(5)}  ${f.code}: ${clip(printable(f.message), MAX_MESSAGE)}`);
}

type RecognisedReport = SheetReport & { readonly layout: LayoutKind };

/** The levels the text output lists for a tree; a scorecard lists everything above its indicators. */
const TOP_LEVELS: readonly Level[] = ['ente', 'ambito', 'os', 'area', 'ao'];

async function loadSheets(file: string, sheet: string | undefined): Promise<RecognisedReport[]> {
  const loaded = await readWorkbook(file);
  if (!loaded.ok) throw new Stop(EXIT.unusable, loaded.message);
  const grids: Grid[] = loaded.grids;
  if (sheet !== undefined && !grids.some((g) => g.name === sheet)) {
    throw new Stop(EXIT.unusable, `Foglio «${sheet}» non trovato in ${file}. Fogli presenti: ${grids.map((g) => g.name).join(', ')}.`);
  }
  // Every sheet is read even with --sheet: a planning tree or a scorecard is checked against the others.
  const reports = analyseWorkbook(grids).filter((r) => sheet === undefined || r.name === sheet);
  const recognised = reports.filter((r): r is RecognisedReport => r.layout !== null);
  if (recognised.length === 0) {
    const names = Object.values(LAYOUT_NAMES).join(', ');
    throw new Stop(EXIT.unusable, `${file}: layout non riconosciuto in ${sheet === undefined ? 'nessun foglio' : `«${sheet}»`}. Il foglio deve contenere la riga di intestazione di un report Integra (${names}).`);
  }
  return recognised;
}

const SEVERITY_WORDS: Readonly<Record<Finding['severity'], readonly [string, string]>> = {
  errore: ['errore', 'errori'],
  avviso: ['avviso', 'avvisi'],
  nota: ['nota', 'note'],
};

/** More findings than this are summarised by code (errori still listed), unless --dettagli. */
const LISTED_FINDINGS = 10;

/** What two sheets must show alike to be the same report printed twice (as text and as numbers, say). */
const treeKey = (report: RecognisedReport): string =>
  JSON.stringify([report.layout, report.nodes.map((n) => [n.level, rowName(n), pct(n.weight), pct(n.stated), pct(n.computed), n.semaforo])]);
const findingsKey = (report: RecognisedReport): string => JSON.stringify(report.findings.map((f) => [f.code, f.cell, f.message]));

function printFindings(io: Io, findings: readonly Finding[], details: boolean): void {
  const counts = countBySeverity(findings);
  const total = (['errore', 'avviso', 'nota'] as const).map((s) => counted(counts[s], ...SEVERITY_WORDS[s])).join(', ');
  io.out(`Rilievi: ${total}.`);
  if (details || findings.length <= LISTED_FINDINGS) {
    for (const f of findings) printFinding(io, f);
    return;
  }
  const byCode = new Map<string, { severity: Finding['severity']; n: number }>();
  for (const f of findings) byCode.set(f.code, { severity: f.severity, n: (byCode.get(f.code)?.n ?? 0) + 1 });
  io.out('Per codice:');
  printTable(io, [...byCode].map(([code, { severity, n }]) => [`  ${severity}`, code, String(n)]));
  const errors = findings.filter((f) => f.severity === 'errore');
  if (errors.length > 0) io.out(errors.length === 1 ? "L'errore:" : 'Gli errori:');
  for (const f of errors) printFinding(io, f);
  io.out(`Tutti i ${findings.length} rilievi con la loro cella: --dettagli (o --json).`);
}

function printValidation(io: Io, file: string, reports: readonly RecognisedReport[], details: boolean): void {
  const printed = new Map<string, RecognisedReport>();
  for (const report of reports) {
    io.out(`\n${printable(file)} — foglio «${printable(report.name)}»: ${LAYOUT_NAMES[report.layout]}`);
    const key = treeKey(report);
    const same = report.nodes.length > 0 ? printed.get(key) : undefined;
    if (same !== undefined) {
      const sameFindings = findingsKey(same) === findingsKey(report);
      io.out(`Stesso report del foglio «${printable(same.name)}»: stesse cifre${sameFindings ? ' e stessi rilievi, non ripetuti.' : ', non ripetute.'}`);
      if (!sameFindings) printFindings(io, report.findings, details);
      continue;
    }
    printed.set(key, report);
    const top = report.nodes.filter((n) => (report.layout === 'schede' ? n.level !== 'indicatore' : TOP_LEVELS.includes(n.level)));
    if (top.length > 0) {
      // A card's own row has no code: its holder names it (rowName).
      if (report.layout === 'albero') printTable(io, [['Livello', 'Codice', 'Peso'], ...top.map((n) => [n.level, rowName(n), n.weight === null ? '' : pct(n.weight)])]);
      else printTable(io, [['Livello', 'Codice', 'Peso', 'Dichiarato', 'Ricalcolato', 'Semaforo'], ...top.map((n) => [n.level, rowName(n), n.weight === null ? '' : pct(n.weight), pct(n.stated), pct(n.computed), n.semaforo ?? ''])]);
      // The legend of the level codes the table shows, where the code is not the word itself.
      const coded = [...new Set(top.map((n) => n.level))].filter((l) => LEVEL_NAMES[l].toLowerCase() !== l);
      if (coded.length > 0) io.out(`Livelli: ${coded.map((l) => `${l} = ${LEVEL_NAMES[l]}`).join(', ')}.`);
    }
    if (report.overshooting !== null && report.layout === 'overshooting') {
      const os = report.overshooting;
      io.out(`Overshooting: ${os.flagged}/${os.total} indicatori (${formatPercent(os.share, 1)}), ${os.external} con target ministeriale.`);
    }
    if (report.legend.length > 0) {
      const n = (change: string) => report.legend.filter((l) => l.change === change).length;
      io.out(`Rispetto all'anno precedente: target incrementati ${n('incrementato')}, diminuiti ${n('diminuito')}; obiettivi aggiunti ${n('aggiunto')}, eliminati ${n('eliminato')}, rinominati ${n('rinominato')}.`);
    }
    printFindings(io, report.findings, details);
  }
}

async function validate(io: Io, file: string, sheet: string | undefined, asJson: boolean, details: boolean): Promise<number> {
  const reports = await loadSheets(file, sheet);
  if (asJson) io.out(json(validateJson(file, reports)));
  else printValidation(io, file, reports, details);
  return reports.some((r) => r.findings.some((f) => f.severity === 'errore')) ? EXIT.errors : EXIT.ok;
}

async function overshooting(io: Io, file: string, sheet: string | undefined, asJson: boolean, output: string | undefined): Promise<number> {
  // Checked before the work, so a wrong -o costs nothing.
  const refused = output === undefined ? undefined : await outputProblem(output, [file]);
  if (refused !== undefined) throw new Stop(EXIT.unwritable, refused);
  const reports = await loadSheets(file, sheet);
  // The annex when the workbook has one, else the first report's indicators.
  const report = reports.find((r) => r.layout === 'overshooting') ?? reports[0];
  const os = report.overshooting;
  if (os === null) throw new Stop(EXIT.unusable, `${file}: nessun indicatore nel foglio «${report.name}».`);
  if (output !== undefined) {
    // Loaded when needed, as the reader does (ExcelJS is already in memory here, from reading the file).
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    addOvershootingSheet(workbook, overshootingSheet(os));
    try {
      await saveWorkbook(workbook, output);
    } catch (e) {
      throw new Stop(EXIT.unwritable, `Impossibile scrivere ${output}: ${writeFailure(e)}. Nessuna modifica a ${output}.`);
    }
  }
  if (asJson) {
    io.out(json(overshootingJson(file, report.name, os)));
  } else {
    io.out(`${printable(file)} — foglio «${printable(report.name)}»`);
    io.out(`Indicatori con target: ${os.total}; in overshooting: ${os.flagged} (${formatPercent(os.share, 1)}); con target ministeriale: ${os.external}.`);
    const tipi = Object.entries(os.byTipo).map(([t, n]) => `${clip(printable(t), MAX_COLUMN)} ${n}`).join(', ');
    if (tipi !== '') io.out(`Per tipo: ${clip(tipi, MAX_MESSAGE)}.`);
    const flagged = os.lines.filter((l) => l.outcome?.flagged);
    if (flagged.length > 0) {
      printTable(io, [['Indicatore', 'Valore vs target', 'Overshooting', 'Target'], ...flagged.map((l) => [l.input.code, formatPercent(l.outcome!.valueVsTarget), formatPercent(l.outcome!.overshooting), l.input.external ? 'ministeriale' : ''])]);
    }
    for (const f of os.findings) printFinding(io, f);
    if (output !== undefined) io.out(`Scritto ${printable(output)}`);
  }
  return os.findings.some((f) => f.severity === 'errore') ? EXIT.errors : EXIT.ok;
}

async function explainCommand(io: Io, file: string, sheet: string | undefined, asJson: boolean, code: string | undefined): Promise<number> {
  const reports = (await loadSheets(file, sheet)).filter((r) => r.roots.length > 0);
  if (reports.length === 0) throw new Stop(EXIT.unusable, `${file}: nessun albero da spiegare${sheet === undefined ? '' : ` nel foglio «${sheet}»`} (un allegato o un albero di programmazione non ha risultati ricalcolati).`);
  const explained: ExplainedSheet[] = reports.map((r) => ({
    sheet: r.name,
    explanations: (code === undefined ? r.roots : nodesNamed(r.roots, code)).map((node) => explain(node)),
  }));
  if (code !== undefined && explained.every((s) => s.explanations.length === 0)) {
    throw new Stop(EXIT.unusable, `Nodo «${code}» non trovato in ${file}${sheet === undefined ? '' : `, foglio «${sheet}»`}: indicare il codice o la descrizione di una riga.`);
  }
  if (asJson) {
    io.out(json(explainJson(file, explained)));
    return EXIT.ok;
  }
  const printed = new Set<string>();
  for (const { sheet: name, explanations } of explained) {
    if (explanations.length === 0) continue;
    io.out(`\n${printable(file)} — foglio «${printable(name)}»`);
    // The same report printed twice (as text and as numbers) is explained once.
    const text: string[] = [];
    const out = { line: (t: string) => text.push(printable(t)), table: (rows: readonly (readonly string[])[]) => printTable({ out: (t) => text.push(t), err: io.err }, rows) };
    for (const e of explanations) printExplanation(out, e);
    const key = text.join('\n');
    const same = printed.has(key);
    printed.add(key);
    if (same) io.out('Stessa spiegazione di un foglio precedente: stesse cifre, non ripetuta.');
    else for (const t of text) io.out(t);
  }
  return EXIT.ok;
}

const OPTIONS = {
  sheet: { type: 'string' },
  json: { type: 'boolean', default: false },
  dettagli: { type: 'boolean', default: false },
  nodo: { type: 'string' },
  output: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

type OptionToken = { readonly name: string; readonly rawName: string; readonly value?: string; readonly inlineValue?: boolean };

/** What is wrong with one option as typed, in Italian; undefined when nothing is. */
function optionProblem(option: OptionToken): string | undefined {
  const spec = Object.entries(OPTIONS).find(([name]) => name === option.name)?.[1];
  if (spec === undefined) return `opzione sconosciuta: ${option.rawName}`;
  if (spec.type === 'boolean') return option.value === undefined ? undefined : `l'opzione ${option.rawName} non accetta un valore`;
  if (option.value === undefined) return `manca il valore dell'opzione ${option.rawName}`;
  // `-o --json`: the next word looks like an option, not a value.
  if (option.inlineValue !== true && option.value.startsWith('-')) {
    return `manca il valore dell'opzione ${option.rawName} (trovato «${option.value}»; un valore che inizia con «-» va scritto --${option.name}=VALORE)`;
  }
  return undefined;
}

/**
 * parseArgs's error in Italian, never its English message: its code says the arguments are wrong, the
 * tokens of a lenient parse of the same arguments say which option and how.
 */
function parseProblem(e: unknown, argv: readonly string[]): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const { tokens } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
    for (const token of tokens) {
      const problem = token.kind === 'option' ? optionProblem(token) : undefined;
      if (problem !== undefined) return problem;
    }
  }
  throw e;
}

type CommandOptions = { readonly output?: string; readonly dettagli?: boolean; readonly nodo?: string };

/** Each option that belongs to one command, and why another refuses it rather than ignores it. */
const ONLY_FOR: readonly { option: keyof CommandOptions; shown: string; command: string; why: (typed: string) => string }[] = [
  // Whoever typed -o expects a file.
  { option: 'output', shown: '-o', command: 'overshooting', why: (typed) => `${typed} non scrive file` },
  { option: 'dettagli', shown: '--dettagli', command: 'validate', why: (typed) => (typed === 'overshooting' ? 'overshooting elenca già ogni indicatore' : `${typed} elenca tutto con --json`) },
  { option: 'nodo', shown: '--nodo', command: 'spiega', why: (typed) => `${typed} legge sempre tutto il foglio` },
];

const COMMANDS = ['validate', 'overshooting', 'spiega'];

function commandProblem([command, file, ...extra]: readonly string[], options: CommandOptions): string | undefined {
  if (command === undefined) return 'manca il comando: validate, overshooting oppure spiega';
  if (!COMMANDS.includes(command)) return `comando sconosciuto: ${command}`;
  if (file === undefined) return `manca il file .xlsx da leggere`;
  if (extra.length > 0) return `troppi argomenti: ${extra.join(' ')}`;
  const misplaced = ONLY_FOR.find((o) => o.command !== command && options[o.option] !== undefined && options[o.option] !== false);
  if (misplaced !== undefined) return `l'opzione ${misplaced.shown} vale solo per ${misplaced.command}: ${misplaced.why(command)}`;
  return undefined;
}

function usageError(io: Io, problem: string): number {
  io.err(`Errore: ${printable(problem)}\n\n${USAGE}`);
  return EXIT.usage;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS });
  } catch (e) {
    return usageError(io, parseProblem(e, argv));
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.out(USAGE);
    return EXIT.ok;
  }
  const problem = commandProblem(positionals, values);
  if (problem !== undefined) return usageError(io, problem);
  const [command, file] = positionals;
  try {
    if (command === 'spiega') return await explainCommand(io, file, values.sheet, values.json === true, values.nodo);
    return command === 'validate'
      ? await validate(io, file, values.sheet, values.json === true, values.dettagli === true)
      : await overshooting(io, file, values.sheet, values.json === true, values.output);
  } catch (e) {
    if (e instanceof Stop) {
      io.err(`Errore: ${printable(e.message)}`);
      return e.exit;
    }
    throw e;
  }
}
