/**
 * The transcription of the *Albero della performance 2025* (second seed). Its text extraction prints
 * weights and figures apart from codes and labels; weights that add up to 100% under every node are
 * the check that the two were put back together in the right order.
 */
import { buildTree, Dec, parseActual, parseTarget, parseWeight, type TreeNode } from '../../src/engine';
import { readAlberoSource } from '../../scripts/seed-source';

const rows = readAlberoSource();
const tree = buildTree(rows.map((r) => ({ level: r.level, code: r.code, label: r.label, weight: r.weight })));

function weightOf(node: TreeNode): Dec {
  const w = parseWeight(node.row.weight ?? '');
  if (!w.ok) throw new Error(`${node.row.code}: ${w.error.message}`);
  return w.value;
}

function parents(nodes: readonly TreeNode[], name: string): Array<[string, readonly TreeNode[]]> {
  return [[name, nodes], ...nodes.filter((n) => n.children.length > 0).flatMap((n) => parents(n.children, n.row.code))];
}

describe('Albero della performance 2025: transcription', () => {
  test('3 ambiti, 10 OS, 17 operational objectives, 106 indicators', () => {
    const count = (level: string) => rows.filter((r) => r.level === level).length;
    expect([count('ambito'), count('os'), count('oo'), count('indicatore')]).toEqual([3, 10, 17, 106]);
  });

  test.each(parents(tree, 'albero'))('weights under %s add up to 100%%', (_name, children) => {
    const sum = children.reduce((s, c) => s.plus(weightOf(c)), new Dec(0));
    expect(sum.minus(1).abs().lessThanOrEqualTo('0.0001')).toBe(true);
  });

  test('every printed baseline is a value or N/D', () => {
    const unreadable = rows.flatMap((r) => r.baseline.filter((b) => b !== '' && !parseActual(b).ok).map((b) => `${r.code}: ${b}`));
    expect(unreadable).toEqual([]);
  });

  test('every printed target is readable but the one the plan prints as N/D', () => {
    const unreadable = rows.flatMap((r) => r.targets.filter((t) => t !== '' && !parseTarget(t).ok).map((t) => `${r.code}: ${t}`));
    expect(unreadable).toEqual(['803.S1: N/D']);
  });

  test('OC_TBS_03 as printed: 19,14 in 2024, target 2025 >= 12', () => {
    const row = rows.find((r) => r.code === 'OC_TBS_03');
    expect([row?.baseline, row?.targets]).toEqual([
      ['13,43 N.', '15,39 N.', '19,14 N.'],
      ['>= 12 N.', '>= 18 N.', '>= 18 N.'],
    ]);
  });
});
