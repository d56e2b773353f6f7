/**
 * Golden test: the *Performance organizzativa Ente* report of the seed (Modena 2024), rebuilt from
 * its transcription and recomputed. SMVP.md §7.
 */
import { buildTree, evaluateForest, formatPercent, parseActual, flatten, type EvaluatedNode } from '../../src/engine';
import { enteTreeRows, readEnteSource } from '../../scripts/seed-source';

const source = readEnteSource();

function evaluateEnte(withMeasures: boolean): EvaluatedNode {
  const forest = evaluateForest(buildTree(enteTreeRows(source, withMeasures)));
  expect(forest).toHaveLength(1);
  return forest[0];
}

function shown(node: EvaluatedNode): string {
  if (node.achievement === null) throw new Error(`${node.row.code} has no achievement`);
  return formatPercent(node.achievement);
}

function statedPercent(node: EvaluatedNode): string {
  const stated = parseActual(node.row.stated ?? null);
  if (!stated.ok || stated.value.kind !== 'quantity') throw new Error(`${node.row.code}: stated figure unreadable`);
  return formatPercent(stated.value.amount);
}

function find(root: EvaluatedNode, code: string): EvaluatedNode {
  const node = flatten([root]).find((n) => n.row.code === code);
  if (node === undefined) throw new Error(`no node ${code}`);
  return node;
}

function block(os: EvaluatedNode, name: 'Indicatori' | 'Obiettivi operativi'): EvaluatedNode {
  const b = os.children.find((c) => c.row.code === name);
  if (b === undefined) throw new Error(`${os.row.code} has no block ${name}`);
  return b;
}

describe('Performance organizzativa Ente 2024, with the measures (full precision)', () => {
  const ente = evaluateEnte(true);

  test('Ente 99,62% and the three ambiti', () => {
    expect(shown(ente)).toBe('99,62%');
    expect(ente.children.map((a) => [a.row.code, shown(a)])).toEqual([
      ['1', '99,86%'],
      ['2', '99,60%'],
      ['3', '99,39%'],
    ]);
  });

  test('the ten OS', () => {
    const os = flatten([ente]).filter((n) => n.row.level === 'os');
    expect(os.map((n) => [n.row.code, shown(n)])).toEqual([
      ['301', '100,00%'],
      ['400', '100,00%'],
      ['401', '99,44%'],
      ['402', '100,00%'],
      ['600', '100,00%'],
      ['601', '100,00%'],
      ['701', '98,80%'],
      ['801', '98,42%'],
      ['802', '100,00%'],
      ['803', '99,75%'],
    ]);
  });

  test('the blocks of 401, 701, 801 and 803', () => {
    expect(shown(block(find(ente, '401'), 'Indicatori'))).toBe('98,89%');
    expect(shown(block(find(ente, '701'), 'Indicatori'))).toBe('97,60%');
    expect(shown(block(find(ente, '801'), 'Indicatori'))).toBe('96,84%');
    expect(shown(block(find(ente, '803'), 'Indicatori'))).toBe('99,62%');
    expect(shown(block(find(ente, '803'), 'Obiettivi operativi'))).toBe('99,87%');
  });

  test('OC_TBS_03 and 803.S1 come out right because the measures are used', () => {
    expect(find(ente, 'OC_TBS_03').indicator?.source).toBe('measures');
    expect(shown(find(ente, 'OC_TBS_03'))).toBe('93,68%');
    expect(shown(find(ente, '803.S1'))).toBe('98,75%');
    expect(shown(find(ente, '83.A1.2_TRASP.'))).toBe('98,75%');
  });

  test('every figure the report states is reproduced', () => {
    const rows = flatten([ente]).filter((n) => n.row.stated !== '');
    // 161 printed rows less the 10 repeated page headers (Ente six times, an Ambito four times)
    expect(source).toHaveLength(161);
    expect(rows).toHaveLength(151);
    const mismatches = rows.filter((n) => shown(n) !== statedPercent(n)).map((n) => n.row.code);
    expect(mismatches).toEqual([]);
  });

  test('701.C2.1: the weights printed as 100,00% sum to 280%', () => {
    const oo = find(ente, '701.C2.1');
    expect(oo.rollup?.ok && oo.rollup.value.weightSum.toString()).toBe('2.8');
    expect(oo.rollup?.ok && oo.rollup.value.weightsOk).toBe(false);
    const flagged = flatten([ente]).filter((n) => n.rollup?.ok && !n.rollup.value.weightsOk).map((n) => n.row.code);
    expect(flagged).toEqual(['701.C2.1']);
  });
});

describe('the same report with only the printed 2-decimal values', () => {
  const ente = evaluateEnte(false);

  test('801 becomes 98,43% (block 96,86%): differences of rounding only', () => {
    expect(shown(find(ente, '801'))).toBe('98,43%');
    expect(shown(block(find(ente, '801'), 'Indicatori'))).toBe('96,86%');
    expect(shown(ente)).toBe('99,62%');
  });

  test('the rows that differ from the report are exactly the rounding cases, within 0,03 points', () => {
    const differing = flatten([ente])
      .filter((n) => n.row.stated !== '' && shown(n) !== statedPercent(n))
      .map((n) => {
        const delta = Math.abs(Number(shown(n).replace(',', '.').replace('%', '')) - Number(statedPercent(n).replace(',', '.').replace('%', '')));
        return [n.row.code, delta <= 0.03 + 1e-9] as const;
      });
    expect(differing).toEqual([
      ['801', true],
      ['Indicatori', true],
      ['OC_TBS_03', true],
      ['803.S1', true],
      ['83.A1.2_TRASP.', true],
    ]);
  });
});
