import { buildTree, DEFAULT_PROFILE, evaluateForest, formatPercent, type SmvpProfile, type TreeRow } from '../../src/engine';
import { validateTree } from '../../src/engine/trees';

const row = (level: TreeRow['level'], code: string, extra: Partial<TreeRow> = {}): TreeRow => ({ level, code, label: code, ...extra });

describe('tree building and evaluation', () => {
  test('repeated page headers are merged; indicators are never merged', () => {
    const rows: TreeRow[] = [
      row('ente', 'Ente'),
      row('ambito', '1', { weight: '100%' }),
      row('os', '301', { weight: '50%' }),
      row('indicatore', 'A', { weight: '100%', target: '>= 10 N.', value: '5 N.' }),
      row('ente', 'Ente'),
      row('ambito', '1', { weight: '100%' }),
      row('os', '302', { weight: '50%' }),
      row('indicatore', 'A', { weight: '50%', target: '>= 10 N.', value: '10 N.' }),
      row('indicatore', 'A', { weight: '50%', target: '>= 10 N.', value: '10 N.' }),
    ];
    const forest = buildTree(rows);
    expect(forest).toHaveLength(1);
    const ambiti = forest[0].children;
    expect(ambiti).toHaveLength(1);
    expect(ambiti[0].children.map((c) => c.row.code)).toEqual(['301', '302']);
    expect(ambiti[0].children[1].children).toHaveLength(2);
    const [ente] = evaluateForest(forest);
    expect(formatPercent(ente.achievement!)).toBe('75,00%');
  });

  test('unit reports are a forest of areas', () => {
    const forest = buildTree([
      row('area', 'Area 1'),
      row('ao', 'AO1', { weight: '100%' }),
      row('obiettivo', '802.A1.3', { weight: '100%' }),
      row('indicatore', 'X', { weight: '100%', target: 'Entro 31-12-2024', value: '31-12-2024' }),
      row('area', 'Staff SG'),
    ]);
    expect(forest.map((r) => r.row.code)).toEqual(['Area 1', 'Staff SG']);
    const [area, staff] = evaluateForest(forest);
    expect(area.achievement?.toString()).toBe('1');
    expect(staff.achievement).toBeNull();
  });

  test('measures win over the printed value; unreadable measures fall back with the reason kept', () => {
    const [good, bad] = evaluateForest(
      buildTree([
        row('indicatore', 'OC', { target: '>= 14 N.', value: '13,12 N.', measures: '8.270 N. / 630,56 N.' }),
        row('indicatore', 'OC', { target: '>= 14 N.', value: '13,12 N.', measures: '8.270 N. / 0 N.' }),
      ]),
    );
    expect(good.indicator?.source).toBe('measures');
    expect(formatPercent(good.achievement!)).toBe('93,68%');
    expect(bad.indicator?.source).toBe('value');
    expect(bad.indicator?.measuresError?.code).toBe('division-by-zero');
    expect(formatPercent(bad.achievement!)).toBe('93,71%');
  });

  test('bad input gives typed results on the node, never an exception', () => {
    const [ente] = evaluateForest(
      buildTree([
        row('ente', 'Ente'),
        row('indicatore', 'A', { weight: 'tanto', target: '>= 1 N.', value: '1 N.' }),
        row('indicatore', 'B', { weight: '50%', target: '=> 1 N.', value: '1 N.' }),
        row('indicatore', 'C', { weight: '50%', target: '>= 1 N.', value: '#N/A' }),
      ]),
    );
    const [a, b, c] = ente.children;
    expect(a.weight?.ok).toBe(false);
    expect(b.indicator?.target.ok).toBe(false);
    expect(c.indicator?.actual.ok).toBe(false);
    expect(ente.achievement).toBeNull();
  });
});

describe('a missing value', () => {
  const rows: TreeRow[] = [
    row('ente', 'Ente'),
    row('indicatore', 'A', { weight: '50%', target: '>= 10 N.', value: '10 N.' }),
    row('indicatore', 'B', { weight: '50%', target: '>= 10 N.', value: 'N/D' }),
  ];
  const message = (profile: SmvpProfile) => validateTree(evaluateForest(buildTree(rows), profile), profile).find((f) => f.code === 'valore-mancante')?.message;

  test('says what the profile does with it: left out of the mean, or counted as 0%', () => {
    expect(message(DEFAULT_PROFILE)).toContain("B: valore mancante (N/D). L'indicatore non è misurabile: è escluso dalla media del livello superiore.");
    const zero = { ...DEFAULT_PROFILE, missingValue: 'zero' } as const;
    expect(message(zero)).toContain("L'indicatore non è misurabile: conta come 0% nella media del livello superiore.");
    expect(formatPercent(evaluateForest(buildTree(rows), zero)[0].achievement!)).toBe('50,00%');
  });
});
