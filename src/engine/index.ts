/**
 * The SMVP engine: pure TypeScript, no Office.js, no DOM, no Node-only modules. Its stages, from the
 * bottom: core, cells, rules, trees, sheets, reports, planning, scorecards; each imports only the stages before it (lint checks).
 * `analyse` and `marks` sit on top; this facade exports what the add-in, the CLI and the tests use.
 */
export {
  Dec, excerpt, countBySeverity, type Severity, FINDINGS, type FindingCode, type Finding, formatPercent, formatPercentPair, capitalised,
  formatNumber, formatQuantity, counted, EXCERPT_CHARS, MAX_MEASURES_CHARS, MAX_MEASURES_DEPTH,
  MAX_NUMBER_DIGITS, MAX_MEASURES_TERMS, profileByName, profileToJson, profileFromJson, type SmvpProfile,
  type SuggestionMethod, MODENA_2024, DEFAULT_PROFILE, type ProfileProblem, quantity, parseItalianNumber,
  parseQuantityText, type Quantity, type Result,
} from './core';
export {
  parseAchievementCell, parseFractionCell, parseActual, type Actual, type CellScalar, serialFromYmd,
  parseItalianDate, formatDate, type DateValue, evaluateMeasures, type MeasuresValue, parseTarget,
  type Target, parseWeight,
} from './cells';
export {
  achievement, type Outcome, aggregateCells, type WeightedCell, type Weighted, deviation, overshooting,
  type OvershootingOutcome, rollUp, semaforo, valueToTarget,
} from './rules';
export {
  evaluateIndicator, evaluateForest, flatten, type EvaluatedNode, buildTree, rowName, type Level, LEVEL_NAMES,
  type TreeRow, type TreeNode, validateTree, weightFindings, codeKey, similarity, matchAcrossYears,
  type Matchable, explain, nodesNamed, type Contribution, type Explanation, type LeftOut, whatIf, nodeIds,
  type Change, type NodeId,
} from './trees';
export {
  columnLetters, type GridCell, type Grid, recogniseLayout, type LayoutKind, LAYOUT_NAMES, type AnnexInput,
} from './sheets';
export {
  buildOvershootingReport, NO_TIPO, type OvershootingReport, overshootingSheet, layOutOvershootingSheet,
  uniqueSheetName, literalText, type SheetValue, type OvershootingSheet, type PlacedCell, explanationText,
  levelAndName, nodeTitle, points, LEFT_OUT_WORDS, LIVE_HEADER, type FunctionLanguage, liveRows, liveProfileArgument,
  formulaText, semaphoreRules, dashboardSheet, type DashboardSheet, type DashboardChart, type DashboardSeries,
  type DashboardTree, type DashboardAnnex,
} from './reports';
export { readAlbero, suggestTarget, formatTarget } from './planning';
export { splitObjective } from './scorecards';
export { analyseSheet, needsOtherSheets, analyseWorkbook, type NodeReport, type SheetReport } from './analyse';
export { highlightMarks, LEGEND_FILLS, type Mark } from './marks';
