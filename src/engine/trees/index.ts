/** Trees: the performance tree, its recomputation, its rounding bounds and its checks; matching across years. May import core, cells and rules. */
export { printedBounds, contains, spanOverlaps, achievementSpan, type Bounds, type Span } from './bounds';
export {
  evaluateIndicator, weightedChildren, evaluateForest, flatten, type IndicatorEvaluation, type EvaluatedNode,
} from './evaluate';
export { unreadableMeasuresFinding, valueVsMeasuresFinding } from './measures-findings';
export {
  buildTree, rowName, rowNameInMessage, type Level, LEVEL_RANK, LEVEL_NAMES, type Field, type TreeRow,
  type TreeNode,
} from './tree';
export { validateTree } from './validate';
export { weightFindings, type WeightedRow } from './weight-check';
export {
  withParents, codeKey, similarity, matchAcrossYears, type MatchKind, type Matchable, type YearPair,
  type YearMatching,
} from './year-match';
export {
  explain, nodesNamed, type Contribution, type Explanation, type LeftOut, type LeftOutReason,
} from './explain';
export { whatIf, nodeIds, type Change, type NodeId } from './what-if';
