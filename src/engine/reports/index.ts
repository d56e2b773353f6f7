/** Reports: the overshooting annex check, the Overshooting sheet and the Cruscotto. May import every stage above sheets and sheets itself. */
export {
  fitsDouble, buildOvershootingReport, type AnnexLine, type OvershootingReport, UNREPRESENTABLE, NO_TIPO,
} from './overshooting-report';
export {
  overshootingSheet, layOutOvershootingSheet, uniqueSheetName, literalText, type SheetValue, type SheetLine,
  type OvershootingSheet, type PlacedCell, type SheetLayout,
} from './overshooting-sheet';
export { explanationText, levelAndName, nodeTitle, points, LEFT_OUT_WORDS } from './explanation-text';
export {
  LIVE_HEADER, LIVE_FUNCTIONS, type FunctionLanguage, type LiveFormula, type LiveRow, liveRows, liveProfileArgument,
  formulaText, semaphoreRules, type SemaphoreRule,
} from './live-model';
export {
  dashboardSheet, type DashboardSheet, type DashboardChart, type DashboardSeries, type DashboardTree, type DashboardAnnex,
  type DashboardNode, type CellBox,
} from './dashboard';
