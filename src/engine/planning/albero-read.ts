import type { Finding } from '../core';
import type { CellInput } from '../cells';
import {
  address, cellAt, cellInput, isEmptyCell, readTreeReport, textOf, type Grid, type Layout, type ReportRow,
  type YearColumn,
} from '../sheets';

/** One year's baseline or target cell of the planning tree. */
export interface YearCell {
  readonly year: number;
  readonly cell: CellInput;
  readonly address: string;
}

/** A row of the *Albero della performance*: the tree row plus its years. */
export interface AlberoRow extends ReportRow {
  readonly description: string;
  readonly algorithm: string;
  /** A note justifying the target (e.g. a lower target than the year before); empty when none. */
  readonly note: string;
  /** Oldest year first; empty cells are left out. */
  readonly baselines: readonly YearCell[];
  readonly targets: readonly YearCell[];
}

function yearCells(grid: Grid, row: number, columns: readonly YearColumn[]): YearCell[] {
  const out: YearCell[] = [];
  for (const { year, col } of columns) {
    const cell = cellAt(grid, row, col);
    if (isEmptyCell(cell)) continue;
    out.push({ year, cell: cellInput(cell), address: address(grid, row, col) });
  }
  return out;
}

/** The planning tree's rows and what its reading found (rows whose level the structure leaves open). */
export interface AlberoReading {
  readonly rows: AlberoRow[];
  readonly findings: Finding[];
}

/** Reads the planning tree: the tree reader's rows, each with its baselines, targets and note. */
export function readAlberoReading(grid: Grid, layout: Layout): AlberoReading {
  const years = layout.years ?? { baseline: [], target: [] };
  const text = (row: number, col: number | undefined) => (col === undefined ? '' : textOf(cellAt(grid, row, col)?.value));
  const tree = readTreeReport(grid, layout);
  const rows = tree.rows.map((row) => {
    const r = (row.sheetRow ?? 1) - 1 - (grid.origin?.row ?? 0);
    return {
      ...row,
      description: text(r, layout.columns.description),
      algorithm: text(r, layout.columns.algorithm),
      note: text(r, layout.columns.note),
      baselines: yearCells(grid, r, years.baseline),
      targets: yearCells(grid, r, years.target),
    };
  });
  return { rows, findings: tree.findings };
}

export function readAlbero(grid: Grid, layout: Layout): AlberoRow[] {
  return readAlberoReading(grid, layout).rows;
}
