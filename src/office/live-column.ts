/**
 * The live model on the sheet: a *Ricalcolato SMVP* column beside the report, one PERF formula per
 * node (see the engine's live-model), and the semaphore as conditional formats on it, so both follow
 * every edit. Written only in a column of its own: right of everything the sheet uses, or the one
 * the add-in wrote there before when it still holds nothing but its own formulas. The place is kept
 * in the workbook's settings, so *Rimuovi* finds it after the workbook is closed and reopened.
 */
import {
  columnLetters, formulaText, LIVE_HEADER, liveProfileArgument, liveRows, semaphoreRules, type FunctionLanguage,
  type SheetReport, type SmvpProfile,
} from '../engine';
import { queuedSetting } from './settings';
import { syncWithin, type SyncPolicy } from './sync';

const SETTING = 'smvp.colonneRicalcolate';

/** Where the column was written: 0-based column, 1-based header and last rows. */
interface Placed {
  readonly column: number;
  readonly header: number;
  readonly last: number;
}

/** Per sheet name; a Map, since a sheet may be named "__proto__". */
function parsePlaced(value: unknown): Map<string, Placed> {
  try {
    const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : null;
    if (typeof parsed !== 'object' || parsed === null) return new Map();
    return new Map(Object.entries(parsed as Record<string, Placed>).filter(([, p]) => [p?.column, p?.header, p?.last].every(Number.isInteger)));
  } catch {
    return new Map();
  }
}

const placedJson = (placed: Map<string, Placed>): string => JSON.stringify(Object.fromEntries(placed));

/** A cell the add-in wrote: its header, one of its formulas, or nothing. */
const isOurs = (formula: unknown, row: number): boolean =>
  formula === '' || (row === 0 ? formula === LIVE_HEADER : typeof formula === 'string' && (formula.startsWith('=PERF.') || formula === '=NA()'));

/** Excel's answer for a formula naming a function it does not know, in English and in Italian. */
const UNKNOWN_NAME: ReadonlySet<unknown> = new Set(['#NAME?', '#NOME?']);

const percentFormat = (decimals: number): string => (decimals === 0 ? '0%' : `0.${'0'.repeat(decimals)}%`);

export class LiveColumnError extends Error {}

/** The language Excel names the PERF functions in: Italian where the manifest gives functions-it.json (it-IT), else English. */
export function functionLanguage(displayLanguage: string): FunctionLanguage {
  return displayLanguage.toLowerCase() === 'it-it' ? 'it' : 'en';
}

export interface LiveColumn {
  /** The column's letters, e.g. "P". */
  readonly column: string;
  readonly formulas: number;
}

/**
 * Writes the column for a validated tree report. The functions are named in the language Excel shows
 * them in: Range.formulas takes English separators but a custom function only by its current name
 * (OfficeDev/office-js issue 891), so when Excel answers #NAME? the other language's names are tried.
 */
export async function writeLiveColumn(report: SheetReport, profile: SmvpProfile, language: FunctionLanguage, policy: SyncPolicy): Promise<LiveColumn> {
  const header = report.headerRow;
  // A scorecard's OS take the Ente's grado, which no formula on the card can reproduce.
  if (header === null || (report.layout !== 'ente' && report.layout !== 'unita')) throw new LiveColumnError(`la colonna Ricalcolato SMVP vale per i report Ente e Unità organizzative, non per il foglio «${report.name}».`);
  // Rows do not depend on the column: planned once to know how far down the column goes.
  const lastRow = Math.max(0, ...liveRows(report.roots, 0).map((r) => r.row));
  if (lastRow === 0) throw new LiveColumnError(`il foglio «${report.name}» non ha righe da ricalcolare sotto l'intestazione.`);
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(report.name);
    const used = sheet.getUsedRangeOrNullObject();
    used.load('columnIndex,columnCount');
    const stored = queuedSetting(context, SETTING);
    await syncWithin(context, policy);
    const placed = parsePlaced(stored());
    const before = placed.get(report.name);
    const column = (await ourColumn(context, sheet, before, header, lastRow, policy)) ?? (used.isNullObject ? 0 : used.columnIndex + used.columnCount);
    const rows = liveRows(report.roots, column);
    const last = Math.max(lastRow, before?.column === column ? before.last : 0);
    const argument = liveProfileArgument(profile);
    const band = sheet.getRangeByIndexes(header - 1, column, last - header + 1, 1);
    const byRow = new Map(rows.map((r) => [r.row, r.formula]));
    const write = (lang: FunctionLanguage) => {
      band.formulas = Array.from({ length: last - header + 1 }, (_v, i) => {
        const formula = byRow.get(header + i);
        return [i === 0 ? LIVE_HEADER : formula === undefined ? '' : formulaText(formula, lang, argument)];
      });
    };
    write(language);
    band.numberFormat = Array.from({ length: last - header + 1 }, (_v, i) => [i === 0 ? 'General' : percentFormat(profile.displayDecimals)]);
    sheet.getRangeByIndexes(header - 1, column, 1, 1).format.font.bold = true;
    const figures = sheet.getRangeByIndexes(header, column, last - header, 1);
    figures.conditionalFormats.clearAll();
    for (const rule of semaphoreRules(`${columnLetters(column)}${header + 1}`, profile)) {
      const format = figures.conditionalFormats.add('Custom');
      format.custom.rule.formula = rule.formula;
      format.custom.format.fill.color = `#${rule.fill}`;
    }
    placed.set(report.name, { column, header, last });
    context.workbook.settings.add(SETTING, placedJson(placed));
    // A cell whose formula names a PERF function (the root's, unless nothing could be computed anywhere).
    const probe = rows.find((r) => r.formula.kind !== 'none') ?? rows[0];
    const root = sheet.getRangeByIndexes(probe.row - 1, column, 1, 1);
    root.load('values');
    await syncWithin(context, policy);
    if (UNKNOWN_NAME.has(root.values[0][0])) {
      write(language === 'it' ? 'en' : 'it');
      root.load('values');
      await syncWithin(context, policy);
      if (UNKNOWN_NAME.has(root.values[0][0])) {
        throw new LiveColumnError('Excel non riconosce le funzioni PERF: verificare che il componente aggiuntivo sia caricato (Home → Performance SMVP), poi riprovare.');
      }
    }
    return { column: columnLetters(column), formulas: rows.length };
  });
}

/** The column written before, when it still holds nothing but the add-in's header and formulas down to the rows it will cover now. */
async function ourColumn(context: Excel.RequestContext, sheet: Excel.Worksheet, before: Placed | undefined, header: number, lastRow: number, policy: SyncPolicy): Promise<number | undefined> {
  if (before === undefined || before.header !== header) return undefined;
  const band = sheet.getRangeByIndexes(header - 1, before.column, Math.max(before.last, lastRow) - header + 1, 1);
  band.load('formulas');
  await syncWithin(context, policy);
  return band.formulas.every((row, i) => isOurs(row[0], i)) ? before.column : undefined;
}

/**
 * Removes the column from the named sheet: its formulas, header, formats and semaphores. A cell the
 * user has since typed over keeps what they typed; a column moved since (its header no longer where
 * it was kept) is left alone. Returns how many cells were cleared. Two syncs.
 */
export async function removeLiveColumn(sheetName: string, policy: SyncPolicy): Promise<number> {
  return Excel.run(async (context) => {
    const stored = queuedSetting(context, SETTING);
    await syncWithin(context, policy);
    const placed = parsePlaced(stored());
    const at = placed.get(sheetName);
    if (at === undefined) return 0;
    const sheet = context.workbook.worksheets.getItem(sheetName);
    const band = sheet.getRangeByIndexes(at.header - 1, at.column, at.last - at.header + 1, 1);
    band.load('formulas');
    await syncWithin(context, policy);
    let cleared = 0;
    // Rows or columns inserted since moved the column: without its header where it was kept, it is not touched.
    if (band.formulas[0][0] === LIVE_HEADER) {
      band.formulas.forEach((row, i) => {
        if (!isOurs(row[0], i)) return;
        // An empty cell of the column still has the add-in's percentage format.
        sheet.getRangeByIndexes(at.header - 1 + i, at.column, 1, 1).clear(row[0] === '' ? 'Formats' : 'All');
        if (row[0] !== '') cleared += 1;
      });
      sheet.getRangeByIndexes(at.header, at.column, at.last - at.header, 1).conditionalFormats.clearAll();
    }
    placed.delete(sheetName);
    context.workbook.settings.add(SETTING, placedJson(placed));
    await syncWithin(context, policy);
    return cleared;
  });
}
