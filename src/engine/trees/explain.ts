import { DEFAULT_PROFILE, ONE, ZERO, type Dec, type SmvpProfile } from '../core';
import type { EvaluatedNode } from './evaluate';

/** Why a node has no part in its parent's figure. */
export type LeftOutReason = 'valore-mancante' | 'non-calcolabile' | 'peso-illeggibile';

/** One node's part in the figure of a node above it (SMVP §3: the weighted mean is linear). */
export interface Contribution {
  readonly node: EvaluatedNode;
  /** The fraction of the explained node's figure this node carries: its normalised weight, times its parents' up to there. */
  readonly share: Dec;
  /** The achievement the mean used: 0 for a missing value the profile counts as 0%. */
  readonly achievement: Dec;
  /** Counted as 0% because its value is missing (profile: missing values count as zero). */
  readonly countedAsZero: boolean;
  /** What it takes away from the explained node's figure: share × (100% − achievement). */
  readonly loss: Dec;
}

export interface LeftOut {
  readonly node: EvaluatedNode;
  readonly reason: LeftOutReason;
}

/** Why a node scores what it scores, from the recomputed figures alone. */
export interface Explanation {
  readonly node: EvaluatedNode;
  /** 100% − its achievement; null when it cannot be computed. */
  readonly gap: Dec | null;
  /** Its children in its mean, the largest loss first (print order among equals). */
  readonly children: readonly Contribution[];
  /**
   * The indicators below it in its mean, at any depth, the largest loss first: their losses add up to
   * the gap. A node counted as 0% as a whole (nothing below it measurable), or whose figure is not
   * the mean of its children (a scorecard's OS), stands for its indicators.
   */
  readonly indicators: readonly Contribution[];
  /** Children outside its mean. */
  readonly childrenLeftOut: readonly LeftOut[];
  /** Indicators below it outside its mean, at any depth (under a child left out, every indicator is). */
  readonly indicatorsLeftOut: readonly LeftOut[];
}

const isLeaf = (node: EvaluatedNode): boolean => node.indicator !== undefined || node.children.length === 0;

/** Whether a node's figure is the mean of its children: a scorecard's OS takes the Ente's grado instead, and stands for itself. */
function isMeanOfChildren(node: EvaluatedNode): boolean {
  const mean = node.rollup?.ok === true ? node.rollup.value.value : null;
  return mean !== null && node.achievement !== null && mean.equals(node.achievement);
}

function leftOutReason(node: EvaluatedNode): LeftOutReason {
  if (node.weight !== undefined && !node.weight.ok) return 'peso-illeggibile';
  const outcome = node.indicator?.outcome;
  return outcome?.ok === true && outcome.value.kind === 'notMeasurable' ? 'valore-mancante' : 'non-calcolabile';
}

/** The children in a node's mean with their normalised weights, as rollUp counts them; the others left out. */
function split(node: EvaluatedNode, profile: SmvpProfile): { counted: { child: EvaluatedNode; weight: Dec }[]; leftOut: LeftOut[] } {
  const counted: { child: EvaluatedNode; weight: Dec }[] = [];
  const leftOut: LeftOut[] = [];
  for (const child of node.children) {
    const weight = child.weight?.ok === true ? child.weight.value : undefined;
    if (weight !== undefined && (child.achievement !== null || profile.missingValue === 'zero')) counted.push({ child, weight });
    else leftOut.push({ node: child, reason: leftOutReason(child) });
  }
  return { counted, leftOut };
}

function contribution(node: EvaluatedNode, share: Dec): Contribution {
  const achievement = node.achievement ?? ZERO;
  return { node, share, achievement, countedAsZero: node.achievement === null, loss: share.times(ONE.minus(achievement)) };
}

/** The node's children in its mean with their shares; none when its mean cannot be computed. */
function shares(node: EvaluatedNode, profile: SmvpProfile): { parts: Contribution[]; leftOut: LeftOut[] } {
  if (!isMeanOfChildren(node)) return { parts: [], leftOut: [] };
  const { counted, leftOut } = split(node, profile);
  const total = counted.reduce((sum, c) => sum.plus(c.weight), ZERO);
  return { parts: counted.map(({ child, weight }) => contribution(child, weight.div(total))), leftOut };
}

/** Every indicator under a node left out of the mean: none of them counts. */
function leavesOf(node: EvaluatedNode, reason: LeftOutReason): LeftOut[] {
  // An indicator is named for its own fault when it has one, else for its ancestor's.
  if (isLeaf(node)) return [{ node, reason: node.achievement === null && node.indicator !== undefined ? leftOutReason(node) : reason }];
  return node.children.flatMap((child) => leavesOf(child, reason));
}

const byLoss = (a: Contribution, b: Contribution): number => b.loss.comparedTo(a.loss);

/**
 * Explains a recomputed node: what each child and each indicator below takes away from 100%. The
 * shares multiply down the tree, so the indicators' losses add up to the node's gap exactly (a
 * child counted as 0% takes away its whole share).
 */
export function explain(node: EvaluatedNode, profile: SmvpProfile = DEFAULT_PROFILE): Explanation {
  const { parts, leftOut } = shares(node, profile);
  // A node with no figure has every indicator below it out of the count.
  if (node.achievement === null && !isLeaf(node)) leftOut.push(...node.children.map((child) => ({ node: child, reason: leftOutReason(child) })));
  const indicators: Contribution[] = [];
  const indicatorsLeftOut: LeftOut[] = leftOut.flatMap((l) => leavesOf(l.node, l.reason));
  const visit = (part: Contribution): void => {
    const below = shares(part.node, profile);
    if (below.parts.length === 0) {
      indicators.push(part);
      return;
    }
    indicatorsLeftOut.push(...below.leftOut.flatMap((l) => leavesOf(l.node, l.reason)));
    for (const child of below.parts) visit(contribution(child.node, part.share.times(child.share)));
  };
  parts.forEach(visit);
  // An indicator, or a node graded from elsewhere (a scorecard's OS), stands for itself: its whole gap is its own.
  if (node.achievement !== null && !isMeanOfChildren(node)) indicators.push(contribution(node, ONE));
  return {
    node,
    gap: node.achievement === null ? null : ONE.minus(node.achievement),
    children: [...parts].sort(byLoss),
    indicators: indicators.sort(byLoss),
    childrenLeftOut: leftOut,
    indicatorsLeftOut,
  };
}

/** The nodes of recomputed trees whose code or label is `name`, compared without case or outer spaces. */
export function nodesNamed(roots: readonly EvaluatedNode[], name: string): EvaluatedNode[] {
  const wanted = name.trim().toLowerCase();
  const out: EvaluatedNode[] = [];
  const visit = (node: EvaluatedNode): void => {
    if ([node.row.code, node.row.label].some((n) => n !== '' && n.trim().toLowerCase() === wanted)) out.push(node);
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  return out;
}
