/**
 * *Evidenzia* / *Rimuovi evidenziazione*: colours cells and puts back exactly the fill they had. The
 * fills found before the first highlight are kept in the workbook's settings, saved before any cell
 * is coloured, so the restore works after a failure midway, after the workbook is closed and
 * reopened, and highlighting twice never loses the original.
 */
import type { Mark } from '../engine';
import { queuedSetting } from './settings';
import { batches, syncWithin, type SyncPolicy } from './sync';

const SETTING = 'smvp.evidenziazione';
/** Estimated bytes per marked cell: its fill read, or its new colour written. */
const BYTES_PER_MARK = 400;
/**
 * Room for the saved fills in the workbook's settings: Excel supports about 2 MB of settings in all
 * (Microsoft in OfficeDev/office-js issue 621), shared with the SMVP profile (a few KB).
 */
export const SAVED_FILLS_LIMIT = 1_900_000;

/**
 * A cell's fill as getCellProperties reports it. Excel gives color "#FFFFFF" both for no fill and for
 * a white fill, and pattern null for both; only tintAndShade tells them apart: null for no fill, a
 * number for a fill (OfficeDev/office-js issues 4900 and 6218).
 */
export interface SavedFill {
  readonly color: string;
  readonly pattern: string | null;
  readonly patternColor: string | null;
  readonly tintAndShade: number;
}

/** No fill at all: stored as 0 so that a large sheet's settings stay small. */
const NO_FILL = 0;

type Kept = SavedFill | typeof NO_FILL;

/**
 * Per sheet name: address → the fill it had before any highlight. Maps, not plain objects: a sheet
 * may be named "__proto__" or "constructor", which a plain object would take for its own machinery.
 */
type Saved = Map<string, Map<string, Kept>>;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The setting's JSON as maps; anything unreadable counts as nothing saved. */
function parseSaved(value: unknown): Saved {
  const saved: Saved = new Map();
  let parsed: unknown;
  try {
    parsed = typeof value === 'string' ? JSON.parse(value) : null;
  } catch {
    return saved;
  }
  if (!isObject(parsed)) return saved;
  // JSON.parse makes every key, "__proto__" too, an own property: Object.entries sees them all.
  for (const [sheet, cells] of Object.entries(parsed)) {
    if (isObject(cells)) saved.set(sheet, new Map(Object.entries(cells as Record<string, Kept>)));
  }
  return saved;
}

/** Object.fromEntries defines own properties, so every sheet name is written as the key it is. */
function savedJson(saved: Saved): string {
  return JSON.stringify(Object.fromEntries([...saved].map(([sheet, cells]) => [sheet, Object.fromEntries(cells)])));
}

const FILL_PROPS = { format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true } } } as const;

function savedFill(fill: Excel.CellPropertiesFill | undefined): Kept {
  if (fill === undefined || fill.tintAndShade === null || fill.tintAndShade === undefined || fill.pattern === 'None') return NO_FILL;
  return { color: fill.color ?? '#FFFFFF', pattern: fill.pattern ?? null, patternColor: fill.patternColor ?? null, tintAndShade: fill.tintAndShade };
}

export class TooManyMarksError extends Error {
  constructor(marks: number, bytes: number) {
    const mb = (bytes / 1_000_000).toLocaleString('it-IT', { maximumFractionDigits: 1 });
    super(
      `${marks} celle da evidenziare: i loro colori originali (${mb} MB) non entrano nelle impostazioni della cartella, che li conservano per il ripristino. ` +
        'Nessuna cella è stata modificata: rimuovere prima le evidenziazioni degli altri fogli, o evidenziare un foglio più piccolo.',
    );
  }
}

/**
 * Colours the marks on the named sheet: reads the fills there, saves them and syncs, and only then
 * colours. Three syncs, plus one per extra web batch; none without marks. Refuses, before touching a
 * cell, when the saved fills would not fit in the workbook's settings.
 */
export async function applyHighlight(sheetName: string, marks: readonly Mark[], policy: SyncPolicy): Promise<void> {
  // Without marks the saved fills would never be read, and writing the setting back would lose them.
  if (marks.length === 0) return;
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    const stored = queuedSetting(context, SETTING);
    const parts = batches(marks.length, BYTES_PER_MARK, policy.payloadLimit);
    const found: Kept[] = [];
    for (const part of parts) {
      const reads = marks.slice(part.start, part.start + part.count).map((m) => sheet.getRange(m.address).getCellProperties(FILL_PROPS));
      await syncWithin(context, policy);
      for (const read of reads) found.push(savedFill(read.value[0][0].format?.fill));
    }
    const saved = parseSaved(stored());
    const kept = saved.get(sheetName) ?? new Map<string, Kept>();
    saved.set(sheetName, kept);
    marks.forEach((m, i) => {
      if (!kept.has(m.address)) kept.set(m.address, found[i]);
    });
    const json = savedJson(saved);
    if (json.length > SAVED_FILLS_LIMIT) throw new TooManyMarksError(marks.length, json.length);
    context.workbook.settings.add(SETTING, json);
    await syncWithin(context, policy);
    for (const part of parts) {
      for (const m of marks.slice(part.start, part.start + part.count)) sheet.getRange(m.address).format.fill.color = `#${m.fill}`;
      await syncWithin(context, policy);
    }
  });
}

function restoreFill(range: Excel.Range, fill: Kept): void {
  if (fill === NO_FILL) {
    range.format.fill.clear();
    return;
  }
  const { color, pattern, patternColor, tintAndShade } = fill;
  const props: Excel.CellPropertiesFill = { color, tintAndShade };
  if (pattern !== null) props.pattern = pattern as Excel.FillPattern;
  if (patternColor !== null && patternColor !== '') props.patternColor = patternColor;
  range.setCellProperties([[{ format: { fill: props } }]]);
}

/** Puts back the fills saved for the named sheet; returns how many cells were restored. Two syncs, plus one per extra web batch. */
export async function removeHighlight(sheetName: string, policy: SyncPolicy): Promise<number> {
  return Excel.run(async (context) => {
    const stored = queuedSetting(context, SETTING);
    await syncWithin(context, policy);
    const saved = parseSaved(stored());
    const cells = [...(saved.get(sheetName) ?? [])];
    const sheet = context.workbook.worksheets.getItem(sheetName);
    const parts = batches(cells.length, BYTES_PER_MARK, policy.payloadLimit);
    for (const [i, part] of parts.entries()) {
      for (const [address, fill] of cells.slice(part.start, part.start + part.count)) restoreFill(sheet.getRange(address), fill);
      if (i < parts.length - 1) await syncWithin(context, policy);
    }
    // The saved fills go only once every cell is back: a failure before leaves them for another try.
    saved.delete(sheetName);
    context.workbook.settings.add(SETTING, savedJson(saved));
    await syncWithin(context, policy);
    return cells.length;
  });
}
