/**
 * *Evidenzia* / *Rimuovi evidenziazione*: colours cells and puts back exactly the fill they had. The
 * fills found before the first highlight are kept in the workbook's settings, so the restore works
 * after the workbook is closed and reopened, and highlighting twice never loses the original.
 */
import type { Mark } from '../engine';
import { batches, syncWithin, type SyncPolicy } from './sync';

const SETTING = 'smvp.evidenziazione';
/** Estimated bytes per marked cell: its fill read, then written (both may share one sync). */
const BYTES_PER_MARK = 400;

/** The fill of a cell as getCellProperties reports it. */
export interface SavedFill {
  readonly color: string;
  readonly pattern: string;
  readonly patternColor: string;
  readonly tintAndShade: number;
}

/** No fill at all: stored as 0 so that a large sheet's settings stay small (Excel on the web: 5 MB). */
const NO_FILL = 0;

/** Per sheet name: address → the fill it had before any highlight. */
type Saved = Record<string, Record<string, SavedFill | typeof NO_FILL>>;

function parseSaved(value: unknown): Saved {
  try {
    const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : null;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Saved) : {};
  } catch {
    return {};
  }
}

const FILL_PROPS = { format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true } } } as const;

/** Colours the marks on the named sheet. Two syncs, plus one per extra web batch; none without marks. */
export async function applyHighlight(sheetName: string, marks: readonly Mark[], policy: SyncPolicy): Promise<void> {
  // Without marks the saved fills would never be read, and writing the setting back would lose them.
  if (marks.length === 0) return;
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    const setting = context.workbook.settings.getItemOrNullObject(SETTING);
    setting.load('value');
    const parts = batches(marks.length, BYTES_PER_MARK, policy.payloadLimit);
    const saved: Saved = {};
    for (const [i, part] of parts.entries()) {
      const slice = marks.slice(part.start, part.start + part.count);
      const before = slice.map((m) => sheet.getRange(m.address).getCellProperties(FILL_PROPS));
      await syncWithin(context, policy);
      if (i === 0) Object.assign(saved, setting.isNullObject ? {} : parseSaved(setting.value));
      const kept = (saved[sheetName] ??= {});
      slice.forEach((m, j) => {
        const fill = before[j].value[0][0].format?.fill;
        const pattern = fill?.pattern ?? 'None';
        kept[m.address] ??= pattern === 'None' ? NO_FILL : { color: fill?.color ?? '#FFFFFF', pattern, patternColor: fill?.patternColor ?? '', tintAndShade: fill?.tintAndShade ?? 0 };
        // Queued now, sent with the next batch's read or the final sync.
        sheet.getRange(m.address).format.fill.color = `#${m.fill}`;
      });
    }
    context.workbook.settings.add(SETTING, JSON.stringify(saved));
    await syncWithin(context, policy);
  });
}

/** Puts back the fills saved for the named sheet; returns how many cells were restored. Two syncs, plus one per extra web batch. */
export async function removeHighlight(sheetName: string, policy: SyncPolicy): Promise<number> {
  return Excel.run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(SETTING);
    setting.load('value');
    await syncWithin(context, policy);
    const saved = setting.isNullObject ? {} : parseSaved(setting.value);
    const cells = Object.entries(saved[sheetName] ?? {});
    const sheet = context.workbook.worksheets.getItem(sheetName);
    const parts = batches(cells.length, BYTES_PER_MARK, policy.payloadLimit);
    for (const [i, part] of parts.entries()) {
      for (const [address, fill] of cells.slice(part.start, part.start + part.count)) {
        const range = sheet.getRange(address);
        if (fill === NO_FILL) {
          range.format.fill.clear();
        } else {
          const { color, patternColor, tintAndShade } = fill;
          range.setCellProperties([[{ format: { fill: { color, pattern: fill.pattern as Excel.FillPattern, patternColor, tintAndShade } } }]]);
        }
      }
      if (i < parts.length - 1) await syncWithin(context, policy);
    }
    delete saved[sheetName];
    context.workbook.settings.add(SETTING, JSON.stringify(saved));
    await syncWithin(context, policy);
    return cells.length;
  });
}
