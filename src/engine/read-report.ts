import { isPercentFormat, type CellInput } from './cell';
import { address, cellAt, sheetRow, isEmptyCell, isGreen, normaliseHeader, textOf, type Grid, type GridCell } from './grid';
import { isHeaderRow, type Layout } from './layout';
import type { AnnexInput } from './overshooting-report';
import type { Field, Level, TreeRow } from './tree';

/** A row of a tree report. */
export interface ReportRow extends TreeRow {
  /** The target cell is green or a *Target esterno* column says so: set by the ministry. */
  readonly external: boolean;
}

const WEIGHT_TEXT = /^[+-]?[\d.]+(,\d+)?\s*%$/;

function isWeightCell(cell: GridCell | undefined): boolean {
  if (cell === undefined) return false;
  if (typeof cell.value === 'number') return isPercentFormat(cell.numberFormat);
  return typeof cell.value === 'string' && WEIGHT_TEXT.test(cell.value.trim());
}

/** A cell's value and number format, without the colours. */
export function cellInput(cell: GridCell | undefined): CellInput {
  return { value: cell?.value ?? null, ...(cell?.numberFormat === undefined ? {} : { numberFormat: cell.numberFormat }) };
}

const YES = new Set(['si', 'sì', 'x', 'true', 'vero', '1', 'yes', 'mimit', 'mise', 'ministero']);

export function isExternalTarget(grid: Grid, row: number, layout: Layout): boolean {
  const target = layout.columns.target === undefined ? undefined : cellAt(grid, row, layout.columns.target);
  if (isGreen(target?.fill) || isGreen(target?.fontColor)) return true;
  const flag = layout.columns.externalTarget;
  return flag !== undefined && YES.has(normaliseHeader(textOf(cellAt(grid, row, flag)?.value)));
}

/** Splits "301 - Internazionalizzazione"; a code printed in its own cell keeps its label apart. */
export function splitCodeLabel(texts: readonly string[]): { code: string; label: string } {
  if (texts.length === 0) return { code: '', label: '' };
  if (texts.length > 1) return { code: texts[0], label: texts.slice(1).join(' ').replace(/^-\s*/, '') };
  const [text] = texts;
  const dash = text.indexOf(' - ');
  return dash < 0 ? { code: text, label: '' } : { code: text.slice(0, dash).trim(), label: text.slice(dash + 3).trim() };
}

const OO_CODE = /^\d{3}\.[A-Z0-9]+\.\d+$/i;

interface Context {
  previous?: Level;
  block?: string;
}

/** Level from the row's code and what came before it, never from the column it was printed in. */
function levelOf(kind: Layout['kind'], code: string, hasWeight: boolean, hasTarget: boolean, ctx: Context): Level {
  const c = normaliseHeader(code);
  // The planning tree has the Ente report's levels, without the Ente row.
  if (kind === 'ente' || kind === 'albero') {
    if (c === 'ente' && !hasWeight) return 'ente';
    if (/^\d$/.test(c)) return 'ambito';
    if (/^\d{3}$/.test(c)) return 'os';
    if (c === 'indicatori' || c === 'obiettivi operativi') return 'blocco';
    if (hasTarget) return 'indicatore';
    return ctx.block === 'obiettivi operativi' && OO_CODE.test(code) ? 'oo' : 'indicatore';
  }
  if (!hasWeight && !hasTarget) return 'area';
  if (hasTarget) return 'indicatore';
  if (ctx.previous === 'area') return 'ao';
  return OO_CODE.test(code) || !/^ao\d/.test(c) ? 'obiettivo' : 'ao';
}

/** Reads the rows of an Ente or unit report; title lines, blank rows and repeated headers are skipped. */
export function readTreeReport(grid: Grid, layout: Layout): ReportRow[] {
  const { target, value, stated, measures } = layout.columns;
  const [first, last] = layout.treeColumns;
  const rows: ReportRow[] = [];
  const ctx: Context = {};
  for (let r = layout.headerRow + 1; r < grid.rows.length; r += 1) {
    if (isHeaderRow(grid, r, layout)) continue;
    const at = (col: number | undefined) => (col === undefined ? undefined : cellAt(grid, r, col));
    const treeCells: Array<{ col: number; cell: GridCell }> = [];
    for (let c = first; c <= last; c += 1) {
      const cell = cellAt(grid, r, c);
      if (!isEmptyCell(cell)) treeCells.push({ col: c, cell: cell as GridCell });
    }
    const weight = treeCells.length > 0 && isWeightCell(treeCells[0].cell) ? treeCells.shift() : undefined;
    const hasTarget = !isEmptyCell(at(target));
    const hasFigures = weight !== undefined || hasTarget || !isEmptyCell(at(value)) || !isEmptyCell(at(stated));
    if (treeCells.length === 0 || !hasFigures) continue;
    const { code, label } = splitCodeLabel(treeCells.map((t) => textOf(t.cell.value)));
    const level = levelOf(layout.kind, code, weight !== undefined, hasTarget, ctx);
    if (level === 'blocco') ctx.block = normaliseHeader(code);
    if (level !== 'indicatore') ctx.previous = level;
    const addresses: Partial<Record<Field, string>> = { code: address(grid, r, treeCells[0].col) };
    if (weight !== undefined) addresses.weight = address(grid, r, weight.col);
    if (target !== undefined) addresses.target = address(grid, r, target);
    if (value !== undefined) addresses.value = address(grid, r, value);
    if (stated !== undefined) addresses.stated = address(grid, r, stated);
    if (measures !== undefined) addresses.measures = address(grid, r, measures);
    rows.push({
      level,
      code,
      label,
      sheetRow: sheetRow(grid, r),
      external: isExternalTarget(grid, r, layout),
      addresses,
      ...(weight === undefined ? {} : { weight: cellInput(weight.cell) }),
      ...(hasTarget ? { target: cellInput(at(target)) } : {}),
      value: cellInput(at(value)),
      stated: cellInput(at(stated)),
      ...(measures === undefined || isEmptyCell(at(measures)) ? {} : { measures: cellInput(at(measures)) }),
    });
  }
  return rows;
}

/** Reads the indicators of an overshooting annex with the figures it prints. */
export function readAnnex(grid: Grid, layout: Layout): AnnexInput[] {
  const col = layout.columns;
  const rows: AnnexInput[] = [];
  for (let r = layout.headerRow + 1; r < grid.rows.length; r += 1) {
    if (isHeaderRow(grid, r, layout)) continue;
    const at = (c: number | undefined) => (c === undefined ? undefined : cellAt(grid, r, c));
    const text = (c: number | undefined) => textOf(at(c)?.value);
    if (isEmptyCell(at(col.target)) && isEmptyCell(at(col.value))) continue;
    const { code, label } = splitCodeLabel([text(col.indicator)]);
    const where = (c: number | undefined) => (c === undefined ? undefined : address(grid, r, c));
    rows.push({
      row: sheetRow(grid, r),
      code,
      label,
      tipo: text(col.tipo),
      description: text(col.description),
      algorithm: text(col.algorithm),
      measures: cellInput(at(col.measures)),
      value: cellInput(at(col.value)),
      target: cellInput(at(col.target)),
      external: isExternalTarget(grid, r, layout),
      printed: { grado: cellInput(at(col.grado)), valueVsTarget: cellInput(at(col.valueVsTarget)), overshooting: cellInput(at(col.overshooting)) },
      addresses: {
        target: where(col.target),
        value: where(col.value),
        grado: where(col.grado),
        valueVsTarget: where(col.valueVsTarget),
        overshooting: where(col.overshooting),
      },
    });
  }
  return rows;
}
