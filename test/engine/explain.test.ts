/**
 * Explaining a score (trees/explain, reports/explanation-text): each child's and each indicator's
 * share and loss, the losses adding up to the gap, on the seed's Ente report, on hand-made trees for
 * missing values and unreadable weights, and on generated reports.
 */
import fc from 'fast-check';
import { analyseSheet, analyseWorkbook, Dec, rowName, MODENA_2024, profileFromJson, profileToJson, type EvaluatedNode, type TreeRow } from '../../src/engine';
import { buildTree, evaluateForest, explain, flatten, nodeIds, nodesNamed, whatIf, type Explanation } from '../../src/engine/trees';
import { explanationText, points } from '../../src/engine/reports';
import { readWorkbook } from '../../src/cli/xlsx-read';
import { printExplanation } from '../../src/cli/explain-output';
import { EVERYTHING, fcDraw, generateReport } from '../support/integra-generator';

const sum = (values: readonly Dec[]): Dec => values.reduce((a, b) => a.plus(b), new Dec(0));
const codes = (e: Explanation, n = 3): string[] => e.indicators.slice(0, n).map((c) => c.node.row.code);
/** The indicators' losses equal the gap to within Dec's 40 digits (each share is a rounded quotient). */
const addsUp = (e: Explanation): boolean => e.gap !== null && sum(e.indicators.map((c) => c.loss)).minus(e.gap).abs().lessThan('1e-35');

describe('the seed Ente report', () => {
  let roots: readonly EvaluatedNode[];
  beforeAll(async () => {
    const book = await readWorkbook('seeds/integra-ente-2024.xlsx');
    if (!book.ok) throw new Error(book.message);
    roots = analyseSheet(book.grids[0]).roots;
  });
  const only = (name: string): EvaluatedNode => {
    const found = nodesNamed(roots, name);
    expect(found).toHaveLength(1);
    return found[0];
  };

  test('OS 701 at 98,80%: its block of indicators takes 1,20 points, all of them 701.S1 at 92%', () => {
    const e = explain(only('701'));
    expect(e.gap?.toString()).toBe('0.012');
    expect(e.children.map((c) => [c.node.row.code, c.share.toString(), c.loss.toString()])).toEqual([
      ['Indicatori', '0.5', '0.012'],
      ['Obiettivi operativi', '0.5', '0'],
    ]);
    expect(codes(e, 1)).toEqual(['701.S1']);
    expect(e.indicators[0].share.toString()).toBe('0.15');
    expect(e.indicators[0].achievement.toString()).toBe('0.92');
    expect(e.indicators.filter((c) => !c.loss.isZero())).toHaveLength(1);
    expect(addsUp(e)).toBe(true);
    expect(e.indicatorsLeftOut).toEqual([]);
    expect(explanationText(e)).toBe(
      'Obiettivo strategico 701 «Tutela della legalità» al 98,80% (verde), 1,20 punti sotto il 100%: ' +
        "l'indicatore 701.S1 «Soggetti economici coinvolti nelle inizi…» (92,00%) toglie 1,20 punti.",
    );
  });

  test('the Ente at 99,62%: OC_TBS_03, 701.S1 and 401.S3 cost the most, and every indicator adds up to the 0,38 points', () => {
    const e = explain(only('Ente'));
    expect(codes(e)).toEqual(['OC_TBS_03', '701.S1', '401.S3']);
    expect(e.indicators.map((c) => points(c.loss)).slice(0, 3)).toEqual(['0,18 punti', '0,13 punti', '0,05 punti']);
    expect(addsUp(e)).toBe(true);
    expect(e.children.map((c) => c.node.row.code)).toEqual(['3', '2', '1']);
    expect(sum(e.children.map((c) => c.loss)).minus(e.gap!).abs().lessThan('1e-35')).toBe(true);
    const text = explanationText(e);
    expect(text).toMatch(/^Ente al 99,62% \(verde\), 0,38 punti sotto il 100%: l'indicatore OC_TBS_03 /);
    expect(text).toMatch(/gli altri 2 indicatori sotto il target 0,03 punti\.$/);
  });

  test('an indicator stands for its own gap, said once: 701.S1 at 92,00%, 8,00 points', () => {
    const e = explain(only('701.S1'));
    expect(e.indicators.map((c) => [c.node.row.code, c.share.toString(), c.loss.toString()])).toEqual([['701.S1', '1', '0.08']]);
    expect(explanationText(e)).toBe('Indicatore 701.S1 «Soggetti economici coinvolti nelle inizi…» al 92,00% (giallo), 8,00 punti sotto il 100%.');
  });

  test('a node at 100% says every measured indicator meets its target', () => {
    expect(explanationText(explain(only('301')))).toBe('Obiettivo strategico 301 «Internazionalizzazione» al 100,00% (verde): ogni indicatore misurato raggiunge il target.');
  });
});

const row = (level: TreeRow['level'], code: string, fields: Partial<TreeRow> = {}): TreeRow => ({ level, code, label: '', ...fields });
const ind = (code: string, weight: string, value: string, target = '>= 100 N.'): TreeRow => row('indicatore', code, { weight, target, value });

/** An OS with two OO: the first with a missing value beside a 50% one, the second with an unreadable weight. */
const TREE: TreeRow[] = [
  row('os', 'OS1'),
  row('oo', 'A', { weight: '60%' }),
  ind('A1', '50%', 'N/D'),
  ind('A2', '50%', '50 N.'),
  row('oo', 'B', { weight: '40%' }),
  ind('B1', '100%', '80 N.'),
  row('oo', 'C', { weight: 'molto' }),
  ind('C1', '100%', '10 N.'),
];

describe('missing values and unreadable weights', () => {
  test('left out (the default): A1 named as without value, C and its indicator as outside the mean', () => {
    const [root] = evaluateForest(buildTree(TREE), MODENA_2024);
    const e = explain(root, MODENA_2024);
    // A = 50% (A1 left out), B = 80%: OS = 0,6·0,5 + 0,4·0,8 = 62%.
    expect(root.achievement?.toString()).toBe('0.62');
    expect(e.indicators.map((c) => [c.node.row.code, c.share.toString(), c.loss.toString()])).toEqual([
      ['A2', '0.6', '0.3'],
      ['B1', '0.4', '0.08'],
    ]);
    expect(e.childrenLeftOut.map((l) => [l.node.row.code, l.reason])).toEqual([['C', 'peso-illeggibile']]);
    expect(e.indicatorsLeftOut.map((l) => [l.node.row.code, l.reason])).toEqual([
      ['C1', 'peso-illeggibile'],
      ['A1', 'valore-mancante'],
    ]);
    expect(addsUp(e)).toBe(true);
    expect(explanationText(e, MODENA_2024)).toBe(
      'Obiettivo strategico OS1 al 62,00% (giallo), 38,00 punti sotto il 100%: ' +
        "l'indicatore A2 (50,00%) toglie 30,00 punti, indicatore B1 (80,00%) 8,00 punti. " +
        'Fuori dal calcolo: per un peso illeggibile, C1; senza valore, A1.',
    );
  });

  test('smvp spiega\'s text names the child out of the mean with its reason', () => {
    const [root] = evaluateForest(buildTree(TREE), MODENA_2024);
    const lines: string[] = [];
    printExplanation({ line: (t) => lines.push(t), table: (rows) => rows.forEach((r) => lines.push(r.join(' | '))) }, explain(root, MODENA_2024));
    expect(lines).toContain('Fuori dalla media: C (per un peso illeggibile).');
    expect(lines.at(-1)).toMatch(/^Per la Relazione: Obiettivo strategico OS1 al 62,00%/);
  });

  test('counted as zero: A1 takes its whole share of A, and the losses still add up', () => {
    const zero = profileFromJson({ ...profileToJson(MODENA_2024), missingValue: 'zero' });
    if (!zero.ok) throw new Error('profile');
    const [root] = evaluateForest(buildTree(TREE), zero.value);
    const e = explain(root, zero.value);
    // A = (0 + 0,5)/2 = 25%: OS = 0,6·0,25 + 0,4·0,8 = 47%.
    expect(root.achievement?.toString()).toBe('0.47');
    expect(e.indicators.map((c) => [c.node.row.code, c.loss.toString(), c.countedAsZero])).toEqual([
      ['A1', '0.3', true],
      ['A2', '0.15', false],
      ['B1', '0.08', false],
    ]);
    expect(addsUp(e)).toBe(true);
    expect(explanationText(e, zero.value)).toContain("l'indicatore A1 (senza valore, contato 0%) toglie 30,00 punti");
  });

  test('nothing measurable: the figure is said not to be computable, never invented', () => {
    const [root] = evaluateForest(buildTree([row('os', 'X'), ind('X1', '100%', 'N/D')]));
    expect(explanationText(explain(root))).toBe('Obiettivo strategico X: raggiungimento non calcolabile, nessun figlio con un valore e un peso leggibili. Fuori dal calcolo: senza valore, X1.');
  });

  test('nodesNamed finds a node by code or by label, ignoring case and spaces', () => {
    const roots = evaluateForest(buildTree([row('ente', 'Ente'), row('ambito', '', { label: 'Blocco Uno', weight: '100%' }), row('os', '301', { label: 'Internazionalizzazione', weight: '100%' }), ind('I', '100%', '1 N.')]));
    expect(nodesNamed(roots, ' blocco uno ').map((n) => n.row.label)).toEqual(['Blocco Uno']);
    expect(nodesNamed(roots, 'internazionalizzazione').map((n) => n.row.code)).toEqual(['301']);
    expect(nodesNamed(roots, 'ENTE')).toHaveLength(1);
    expect(nodesNamed(roots, 'nessuno')).toEqual([]);
  });
});

test('a scorecard\'s OS, graded from the Ente, stands for itself: never «every indicator meets its target» below 100%', async () => {
  const book = await readWorkbook('seeds/schede-2024.xlsx');
  if (!book.ok) throw new Error(book.message);
  const card = analyseWorkbook(book.grids).find((r) => r.name === 'Scheda SG')!;
  const [os] = nodesNamed(card.roots, '803');
  const e = explain(os);
  expect(e.indicators.map((c) => [c.node.row.code, c.loss.toFixed(4)])).toEqual([['803', '0.0025']]);
  expect(explanationText(e)).toBe('Obiettivo strategico 803 «Trasparenza e anticorruzione» al 99,75% (verde), 0,25 punti sotto il 100%.');
});

test.each(['integra-ente-2024.xlsx', 'integra-unita-2024.xlsx', 'schede-2024.xlsx'])('%s: at every node of every sheet the losses add up to the gap', async (file) => {
  const book = await readWorkbook(`seeds/${file}`);
  if (!book.ok) throw new Error(book.message);
  const nodes = analyseWorkbook(book.grids).flatMap((r) => flatten(r.roots));
  expect(nodes.length).toBeGreaterThan(20);
  for (const node of nodes) {
    const e = explain(node);
    if (e.gap !== null) expect([rowName(node.row), addsUp(e)]).toEqual([rowName(node.row), true]);
  }
});

test('generated reports: at every node the indicators and the children each add up to the gap', () => {
  fc.assert(
    fc.property(fc.gen(), (g) => {
      const { grid } = generateReport(fcDraw(g), EVERYTHING);
      for (const node of flatten(analyseSheet(grid).roots)) {
        const e = explain(node);
        if (e.gap === null) continue;
        if (!addsUp(e)) throw new Error(`${node.row.code}: losses ${sum(e.indicators.map((c) => c.loss))} ≠ gap ${e.gap}`);
        if (e.children.length === 0) continue;
        expect(sum(e.children.map((c) => c.loss)).minus(e.gap).abs().lessThan('1e-35')).toBe(true);
        expect(sum(e.children.map((c) => c.share)).minus(1).abs().lessThan('1e-35')).toBe(true);
      }
    }),
    { numRuns: 15 },
  );
}, 30_000);

describe('what-if', () => {
  const roots = evaluateForest(buildTree(TREE), MODENA_2024);

  test('a value typed for A1 recomputes A and the OS; the official trees stay as they were', () => {
    const ids = nodeIds(roots);
    expect(ids.get('0.0.0')?.row.code).toBe('A1');
    const tried = whatIf(roots, new Map([['0.0.0', { value: '100 N.' }]]), MODENA_2024);
    const after = nodeIds(tried);
    // A = (1 + 0,5)/2 = 75%: OS = 0,6·0,75 + 0,4·0,8 = 77%.
    expect([after.get('0.0')?.achievement?.toString(), after.get('0')?.achievement?.toString()]).toEqual(['0.75', '0.77']);
    expect(after.get('0.1')?.achievement).toEqual(ids.get('0.1')?.achievement);
    expect(roots[0].achievement?.toString()).toBe('0.62');
  });

  test('a weight and a target: C counts once its weight is readable, B1 meets a lower target', () => {
    const tried = nodeIds(whatIf(roots, new Map([['0.2', { weight: '0%' }], ['0.1.0', { target: '>= 80 N.' }]]), MODENA_2024));
    // B = 100%, C counts with weight 0: OS = (0,6·0,5 + 0,4·1 + 0·0,1)/1 = 70%.
    expect(tried.get('0')?.achievement?.toString()).toBe('0.7');
  });

  test('a value typed over measures replaces them', () => {
    const measured = evaluateForest(buildTree([row('os', 'M'), row('indicatore', 'M1', { weight: '100%', target: '>= 10 N.', value: '5 N.', measures: '5 N. / 1 N.' })]));
    expect(measured[0].achievement?.toString()).toBe('0.5');
    expect(whatIf(measured, new Map([['0.0', { value: '10 N.' }]]))[0].achievement?.toString()).toBe('1');
  });
});
