import { excerpt, finding, type Finding, type Result } from '../core';
import { isPercentFormat, type Actual, type CellInput, type Target } from '../cells';
import { LEVEL_NAMES, type Field, type Level, type TreeRow } from '../trees';
import {
  address, cellAt, sheetRow, isEmptyCell, isGreen, normaliseHeader, textOf, type Grid, type GridCell,
} from './grid';
import { isHeaderRow, type Layout } from './layout';
import { assignLevels, type RowShape, type ShapedRow } from './levels';

/** One indicator as the overshooting annex lists it. */
export interface AnnexInput {
  /** 1-based sheet row it was read from. */
  readonly row: number;
  readonly code: string;
  readonly label: string;
  readonly tipo: string;
  readonly description: string;
  readonly algorithm: string;
  readonly measures: CellInput;
  readonly value: CellInput;
  readonly target: CellInput;
  readonly external: boolean;
  /** Printed figures to check, when the source is an annex. */
  readonly printed?: { readonly grado: CellInput; readonly valueVsTarget: CellInput; readonly overshooting: CellInput };
  readonly addresses?: Readonly<Partial<Record<'target' | 'value' | 'measures' | 'grado' | 'valueVsTarget' | 'overshooting', string | undefined>>>;
  /** Target and actual value already read by a tree's recomputation: not read again. */
  readonly reading?: { readonly target: Result<Target>; readonly actual: Result<Actual>; readonly unitGuessed: boolean };
}

/** A row of a tree report. */
export interface ReportRow extends TreeRow {
  /** The target cell is green or a *Target esterno* column says so: set by the ministry. */
  readonly external: boolean;
}

const WEIGHT_TEXT = /^[+-]?[\d.]+(,\d+)?\s*%$/;

function isWeightCell(cell: GridCell | undefined): boolean {
  if (cell === undefined) return false;
  // Codes and labels are typed: a formula in front of them can only compute the weight.
  if (cell.formulaWithoutValue === true) return true;
  if (typeof cell.value === 'number') return isPercentFormat(cell.numberFormat);
  return typeof cell.value === 'string' && WEIGHT_TEXT.test(cell.value.trim());
}

/** A cell's value and number format, without the colours. */
export function cellInput(cell: GridCell | undefined): CellInput {
  return {
    value: cell?.value ?? null,
    ...(cell?.numberFormat === undefined ? {} : { numberFormat: cell.numberFormat }),
    ...(cell?.formulaWithoutValue === true ? { formulaWithoutValue: true as const } : {}),
  };
}

const YES = new Set(['si', 'sì', 'x', 'true', 'vero', '1', 'yes', 'mimit', 'mise', 'ministero']);

export function isExternalTarget(grid: Grid, row: number, layout: Layout): boolean {
  const target = layout.columns.target === undefined ? undefined : cellAt(grid, row, layout.columns.target);
  if (isGreen(target?.fill) || isGreen(target?.fontColor)) return true;
  const flag = layout.columns.externalTarget;
  return flag !== undefined && YES.has(normaliseHeader(textOf(cellAt(grid, row, flag)?.value)));
}

/** Splits "301 - Internazionalizzazione"; a code printed in its own cell keeps its label apart. */
function splitCodeLabel(texts: readonly string[]): { code: string; label: string } {
  if (texts.length === 0) return { code: '', label: '' };
  if (texts.length > 1) return { code: texts[0], label: texts.slice(1).join(' ').replace(/^-\s*/, '') };
  const [text] = texts;
  const dash = text.indexOf(' - ');
  return dash < 0 ? { code: text, label: '' } : { code: text.slice(0, dash).trim(), label: text.slice(dash + 3).trim() };
}

const BLOCKS = new Set(['indicatori', 'obiettivi operativi']);

/** A row of the tree part as printed, before its level is known. */
interface PrintedRow extends ShapedRow {
  readonly r: number;
  readonly codeCol: number;
  readonly code: string;
  readonly label: string;
  readonly weight?: { readonly col: number; readonly cell: GridCell };
  readonly hasStated: boolean;
}

/** Columns whose content makes a row an indicator: target, value, measures; in the planning tree also its years and algorithm. */
function leafColumns(layout: Layout): number[] {
  const { target, value, measures, description, algorithm } = layout.columns;
  const years = layout.years === undefined ? [] : [...layout.years.baseline, ...layout.years.target].map((y) => y.col);
  return [target, value, measures, description, algorithm, ...years].filter((c): c is number => c !== undefined);
}

function printedRow(grid: Grid, layout: Layout, r: number, leaves: readonly number[]): PrintedRow | undefined {
  const [first, last] = layout.treeColumns;
  const treeCells: Array<{ col: number; cell: GridCell }> = [];
  for (let c = first; c <= last; c += 1) {
    const cell = cellAt(grid, r, c);
    if (!isEmptyCell(cell)) treeCells.push({ col: c, cell: cell as GridCell });
  }
  const weight = treeCells.length > 0 && isWeightCell(treeCells[0].cell) ? treeCells.shift() : undefined;
  if (treeCells.length === 0) return undefined;
  const { code, label } = splitCodeLabel(treeCells.map((t) => textOf(t.cell.value)));
  const key = normaliseHeader(`${code} ${label}`);
  const stated = layout.columns.stated;
  const hasStated = stated !== undefined && !isEmptyCell(cellAt(grid, r, stated));
  const shape: RowShape = BLOCKS.has(key)
    ? 'block'
    : leaves.some((c) => !isEmptyCell(cellAt(grid, r, c)))
      ? 'leaf'
      : weight !== undefined
        ? 'node'
        : 'root';
  return { r, codeCol: treeCells[0].col, code, label, key, shape, hasStated, ...(weight === undefined ? {} : { weight }), ...(shape === 'block' ? { block: key } : {}) };
}

/**
 * The rows of the tree part in print order. A row with neither weight nor figures is a title when the
 * header follows it (a page break), a note when nothing or another such line does; otherwise it is
 * part of the tree (an Ente whose figure is missing, an objective without weight).
 */
function printedRows(grid: Grid, layout: Layout): PrintedRow[] {
  const leaves = leafColumns(layout);
  const printed: PrintedRow[] = [];
  let afterBreak = false;
  for (let r = layout.headerRow + 1; r < grid.rows.length; r += 1) {
    if (isHeaderRow(grid, r, layout)) {
      afterBreak = true;
      continue;
    }
    const row = printedRow(grid, layout, r, leaves);
    if (row === undefined) continue;
    printed.push(afterBreak ? { ...row, afterBreak: true } : row);
    afterBreak = false;
  }
  const bare = (p: PrintedRow | undefined) => p !== undefined && p.shape === 'root' && !p.hasStated;
  return printed.filter((p, i) => {
    const next = printed[i + 1];
    return !bare(p) || !(next === undefined || next.afterBreak === true || bare(next));
  });
}

/** The finding on a row whose level the structure leaves open. */
function uncertainLevel(grid: Grid, row: PrintedRow, level: Level): Finding {
  return finding('livello-incerto', address(grid, row.r, row.codeCol), `«${excerpt(row.code)}»: la struttura del report non dice a quale livello appartiene la riga (nessuna riga sotto di essa lo indica); è stata letta come ${LEVEL_NAMES[level]}. Verificare l'ordine delle righe o i dati mancanti.`);
}

export interface TreeReading {
  readonly rows: ReportRow[];
  readonly findings: Finding[];
}

/**
 * Reads the rows of an Ente or unit report, or of the planning tree; title lines, blank rows and
 * repeated headers are skipped. Levels come from the report's structure (see levels.ts).
 */
export function readTreeReport(grid: Grid, layout: Layout): TreeReading {
  const { target, value, stated, measures } = layout.columns;
  const printed = printedRows(grid, layout);
  const kind = layout.kind === 'unita' ? 'unita' : layout.kind === 'albero' ? 'albero' : 'ente';
  const { levels, uncertain } = assignLevels(kind, printed);
  const findings = [...uncertain].map((i) => uncertainLevel(grid, printed[i], levels[i]));
  const rows = printed.map((p, i): ReportRow => {
    const { r, weight } = p;
    const at = (col: number | undefined) => (col === undefined ? undefined : cellAt(grid, r, col));
    const hasTarget = !isEmptyCell(at(target));
    const addresses: Partial<Record<Field, string>> = { code: address(grid, r, p.codeCol) };
    if (weight !== undefined) addresses.weight = address(grid, r, weight.col);
    if (target !== undefined) addresses.target = address(grid, r, target);
    if (value !== undefined) addresses.value = address(grid, r, value);
    if (stated !== undefined) addresses.stated = address(grid, r, stated);
    if (measures !== undefined) addresses.measures = address(grid, r, measures);
    return {
      level: levels[i],
      code: p.code,
      label: p.label,
      sheetRow: sheetRow(grid, r),
      external: isExternalTarget(grid, r, layout),
      addresses,
      ...(weight === undefined ? {} : { weight: cellInput(weight.cell) }),
      ...(hasTarget ? { target: cellInput(at(target)) } : {}),
      value: cellInput(at(value)),
      stated: cellInput(at(stated)),
      ...(measures === undefined || isEmptyCell(at(measures)) ? {} : { measures: cellInput(at(measures)) }),
    };
  });
  return { rows, findings };
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
        measures: where(col.measures),
        grado: where(col.grado),
        valueVsTarget: where(col.valueVsTarget),
        overshooting: where(col.overshooting),
      },
    });
  }
  return rows;
}
