/** Cells: reading one cell of a report (actual value, target, weight, printed achievement, measures, dates, unit). May import core. */
export { parseAchievementCell, parseFractionCell } from './achievement-cell';
export {
  numberCell, excelErrorMessage, parseActual, isNotAvailableText, type Missing, type Actual,
  FORMULA_WITHOUT_VALUE,
} from './actual';
export {
  isBlank, isBlankCell, toCellInput, isExcelError, isPercentFormat, isDateFormat, shownDecimals,
  type CellScalar, type CellInput, type CellLike,
} from './cell';
export { serialFromYmd, looksLikeDate, parseItalianDate, dateFromSerial, formatDate, type DateValue } from './dates';
export { evaluateMeasures, readMeasures, type MeasuresValue } from './measures';
export { parseTarget, type ComparisonKind, type Target } from './target';
export { readAgainstTarget, ambiguousUnitFinding, type UnitGuess, type UnitReading } from './unit-reading';
export { parseWeight } from './weight';
