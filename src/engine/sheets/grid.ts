import type { CellInput, CellScalar } from '../cells';

/**
 * A sheet as a plain grid, the same whether read through Office.js or from a file: values, number
 * formats and the colours that carry meaning (a green target is set by the ministry).
 */
export interface GridCell extends CellInput {
  /** Fill colour as RGB hex ("00B050"), when the cell has one. */
  readonly fill?: string;
  readonly fontColor?: string;
}

export interface Grid {
  readonly name: string;
  /** Row-major, 0-based; missing rows or cells are empty. */
  readonly rows: ReadonlyArray<ReadonlyArray<GridCell | undefined>>;
  /** Sheet row and column (0-based) of rows[0][0] when the grid is a range that does not start at A1. */
  readonly origin?: { readonly row: number; readonly col: number };
}

export function cellAt(grid: Grid, row: number, col: number): GridCell | undefined {
  return grid.rows[row]?.[col];
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of a grid position, taking the grid's origin into account. */
export function address(grid: Grid, row: number, col: number): string {
  const r = row + (grid.origin?.row ?? 0);
  const c = col + (grid.origin?.col ?? 0);
  return `${columnLetters(c)}${r + 1}`;
}

/** 1-based sheet row of a grid row. */
export function sheetRow(grid: Grid, row: number): number {
  return row + (grid.origin?.row ?? 0) + 1;
}

export function textOf(value: CellScalar): string {
  if (value === null || value === undefined) return '';
  return String(value).trim();
}

/** Empty: no cell, or nothing in it. A formula without its result is not empty: its value is unknown. */
export function isEmptyCell(cell: GridCell | undefined): boolean {
  return cell === undefined || (textOf(cell.value) === '' && cell.formulaWithoutValue !== true);
}

/** Header words compare without case, accents or extra spaces. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a colour is green (RGB hex): the ministry's targets in the overshooting annex. */
export function isGreen(hex: string | undefined): boolean {
  if (hex === undefined) return false;
  const m = /^(?:#|[0-9a-f]{2}(?=[0-9a-f]{6}$))?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (m === null) return false;
  const [r, g, b] = [1, 2, 3].map((i) => parseInt(m[i], 16));
  return g >= 100 && g > r + 40 && g > b + 20;
}
