/** Sheets: a grid of cells, its layout, the levels of its rows, the reading of a tree report or an annex. May import core, cells, rules and trees. */
export {
  cellAt, columnLetters, address, sheetRow, textOf, isEmptyCell, normaliseHeader, isGreen, type GridCell,
  type Grid,
} from './grid';
export {
  recogniseLayout, isHeaderRow, type LayoutKind, type Column, type YearColumn, type Layout, LAYOUT_NAMES,
} from './layout';
export { assignLevels, type RowShape, type ShapedRow, type LevelReading, type TreeKind } from './levels';
export {
  cellInput, isExternalTarget, readTreeReport, readAnnex, type AnnexInput, type ReportRow, type TreeReading,
} from './read-report';
