import { DEFAULT_PROFILE, type SmvpProfile } from '../core';
import { evaluateForest, type EvaluatedNode } from './evaluate';
import type { TreeNode, TreeRow } from './tree';

/** What a user tries on one row, as they would type it in the cell ("95%", ">= 1.200 N.", "30"). */
export interface Change {
  readonly weight?: string;
  readonly target?: string;
  readonly value?: string;
}

/** A node's place in its forest: the indexes of the root and of each child down to it, "0.2.1". */
export type NodeId = string;

/** Every node of recomputed trees by its id, parents before children. */
export function nodeIds(roots: readonly EvaluatedNode[]): Map<NodeId, EvaluatedNode> {
  const ids = new Map<NodeId, EvaluatedNode>();
  const visit = (node: EvaluatedNode, id: NodeId): void => {
    ids.set(id, node);
    node.children.forEach((child, i) => visit(child, `${id}.${i}`));
  };
  roots.forEach((root, i) => visit(root, String(i)));
  return ids;
}

/**
 * The trees recomputed with some rows changed, the official ones untouched: each changed field
 * replaces the cell as if typed there (a changed value replaces the measures too, since the value
 * would no longer follow from them). Same ids as the official trees.
 */
export function whatIf(roots: readonly EvaluatedNode[], changes: ReadonlyMap<NodeId, Change>, profile: SmvpProfile = DEFAULT_PROFILE): EvaluatedNode[] {
  const rebuild = (node: EvaluatedNode, id: NodeId): TreeNode => {
    const change = changes.get(id);
    const row: TreeRow = change === undefined ? node.row : changedRow(node.row, change);
    return { row, children: node.children.map((child, i) => rebuild(child, `${id}.${i}`)) };
  };
  return evaluateForest(roots.map((root, i) => rebuild(root, String(i))), profile);
}

function changedRow(row: TreeRow, change: Change): TreeRow {
  return {
    ...row,
    ...(change.weight === undefined ? {} : { weight: change.weight }),
    ...(change.target === undefined ? {} : { target: change.target }),
    ...(change.value === undefined ? {} : { value: change.value, measures: undefined }),
  };
}
