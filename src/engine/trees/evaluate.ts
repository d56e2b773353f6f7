import { DEFAULT_PROFILE, ok, type Dec, type EngineError, type Result, type SmvpProfile } from '../core';
import {
  isBlankCell, parseActual, parseTarget, parseWeight, readAgainstTarget, readMeasures, type Actual,
  type Target, type UnitGuess,
} from '../cells';
import { achievement, rollUp, type Outcome, type Rollup, type Weighted } from '../rules';
import type { TreeNode, TreeRow } from './tree';

export interface IndicatorEvaluation {
  readonly target: Result<Target>;
  /** The value as stated in the report. */
  readonly stated: Result<Actual>;
  /** The value used: computed from the measures when they are readable, else the stated one. */
  readonly actual: Result<Actual>;
  readonly source: 'measures' | 'value';
  /** Set when measures are present but cannot be read; the stated value is used instead. */
  readonly measuresError?: EngineError;
  readonly outcome: Result<Outcome>;
  /** Set when the value had no unit against a target in % and a reading was chosen. */
  readonly unitGuess?: UnitGuess;
}

export interface EvaluatedNode {
  readonly row: TreeRow;
  /** The row's own weight among its siblings; undefined for a root. */
  readonly weight?: Result<Dec>;
  readonly children: readonly EvaluatedNode[];
  /** Full precision; null when it cannot be computed (not measurable, or unreadable input). */
  readonly achievement: Dec | null;
  readonly indicator?: IndicatorEvaluation;
  readonly rollup?: Result<Rollup>;
  /** The achievement printed in the report, read once for the node list and the validation. */
  readonly statedAchievement?: Result<Actual>;
}

export function evaluateIndicator(row: TreeRow, profile: SmvpProfile = DEFAULT_PROFILE): IndicatorEvaluation {
  const target = parseTarget(row.target ?? null);
  const stated = parseActual(row.value ?? null);
  let actual = stated;
  let source: IndicatorEvaluation['source'] = 'value';
  let measuresError: EngineError | undefined;
  const computed = readMeasures(row.measures);
  if (computed !== undefined) {
    if (computed.ok) {
      actual = computed;
      source = 'measures';
    } else {
      measuresError = computed.error;
    }
  }
  let unitGuess: UnitGuess | undefined;
  // Measures carry their units; a bare number in the value cell may not.
  if (source === 'value' && target.ok && actual.ok) {
    const reading = readAgainstTarget(target.value, actual.value);
    actual = ok(reading.actual);
    unitGuess = reading.guess;
  }
  const outcome: Result<Outcome> = !target.ok ? target : !actual.ok ? actual : achievement(target.value, actual.value, profile);
  return { target, stated, actual, source, outcome, measuresError, ...(unitGuess === undefined ? {} : { unitGuess }) };
}

/** The children that count in their parent's mean: a child whose weight cannot be read does not (its finding says why). */
export function weightedChildren(children: readonly EvaluatedNode[]): Weighted[] {
  return children.flatMap((c) => (c.weight !== undefined && c.weight.ok ? [{ weight: c.weight.value, achievement: c.achievement }] : []));
}

/** Recomputes a node and everything below it (SMVP §2–3). */
function evaluateNode(node: TreeNode, profile: SmvpProfile = DEFAULT_PROFILE, isRoot = true): EvaluatedNode {
  const { row } = node;
  // Three shapes (indicator, childless node, rolled-up node), each literal with its fields in one
  // fixed order: spreading optional fields made many shapes and the recomputation markedly slower
  // (bench/, engine alone).
  const weight = isRoot ? undefined : parseWeight(row.weight ?? null);
  const statedAchievement = row.stated === undefined ? undefined : parseActual(row.stated);
  if (node.children.length === 0 && (row.level === 'indicatore' || !isBlankCell(row.target))) {
    const indicator = evaluateIndicator(row, profile);
    const value = indicator.outcome.ok && indicator.outcome.value.kind === 'measured' ? indicator.outcome.value.value : null;
    return { row, weight, statedAchievement, children: [], achievement: value, indicator };
  }
  const children = node.children.map((child) => evaluateNode(child, profile, false));
  if (children.length === 0) return { row, weight, statedAchievement, children, achievement: null };
  const rollup = rollUp(weightedChildren(children), profile);
  return { row, weight, statedAchievement, children, achievement: rollup.ok ? rollup.value.value : null, rollup };
}

export function evaluateForest(roots: readonly TreeNode[], profile: SmvpProfile = DEFAULT_PROFILE): EvaluatedNode[] {
  return roots.map((root) => evaluateNode(root, profile));
}

/** Every node of the trees depth-first, parents before children. */
export function flatten(roots: readonly EvaluatedNode[]): EvaluatedNode[] {
  const out: EvaluatedNode[] = [];
  const visit = (node: EvaluatedNode): void => {
    out.push(node);
    for (const child of node.children) visit(child);
  };
  for (const root of roots) visit(root);
  return out;
}
