/** Planning: the Albero della performance, read and checked (baselines, targets, the legend across years). May import core to reports. */
export { checkAlbero, type AlberoContext, type LegendChange, type LegendEntry, type AlberoCheck } from './albero-check';
export { readAlberoReading, readAlbero, type YearCell, type AlberoRow, type AlberoReading } from './albero-read';
export { suggestTarget, formatTarget } from './target-suggestion';
