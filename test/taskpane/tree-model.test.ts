/**
 * The pure helpers of the pane's «Albero» tab (src/taskpane/tree-model.ts): the nodes open by
 * default, the figures a what-if changes (and what it cannot read), the pairs of figures shown side
 * by side, the typed changes, the chart rows and the overshooting by Tipo, on the seed reports and
 * on hand-made values.
 */
import { analyseSheet, analyseWorkbook, Dec, MODENA_2024, nodeIds, nodesNamed, type EvaluatedNode, type NodeId, type OvershootingReport, type SheetReport } from '../../src/engine';
import { readWorkbook } from '../../src/cli/xlsx-read';
import {
  ancestorsOf, cellOf, changeOf, chartRows, depthOf, figurePair, figureText, indicatorReadings, levelTitle, nameAndLabel,
  openByDefault, overshootingByTipo, sheetRowOf, tryWhatIf, unreadableOf,
} from '../../src/taskpane/tree-model';

async function seedReport(file: string, sheet?: string): Promise<SheetReport> {
  const book = await readWorkbook(`seeds/${file}`);
  if (!book.ok) throw new Error(book.message);
  const grid = sheet === undefined ? book.grids[0] : book.grids.find((g) => g.name === sheet);
  if (grid === undefined) throw new Error(`no sheet ${sheet}`);
  return analyseSheet(grid);
}

describe('the seed Ente report', () => {
  let report: SheetReport;
  let ids: Map<NodeId, EvaluatedNode>;
  const idOf = (name: string): NodeId => {
    const [node] = nodesNamed(report.roots, name);
    const found = [...ids].find(([, n]) => n === node);
    if (found === undefined) throw new Error(`no node ${name}`);
    return found[0];
  };
  beforeAll(async () => {
    report = await seedReport('integra-ente-2024.xlsx', 'Ente');
    ids = nodeIds(report.roots);
  });

  test('the Ente and its ambiti open by default, so the OS show and nothing below them', () => {
    expect(openByDefault(ids)).toEqual(['0', '0.0', '0.1', '0.2']);
    expect(idOf('701')).toBe('0.1.2');
    expect(depthOf('0.1.2')).toBe(2);
    expect(ancestorsOf('0.1.2.0.1')).toEqual(['0', '0.1', '0.1.2', '0.1.2.0']);
    expect(ancestorsOf('0')).toEqual([]);
  });

  test('a node names its cell (the stated achievement) and its row; a block has its label as name', () => {
    const os = ids.get('0.1.2')!;
    expect(cellOf(os.row)).toBe('H88');
    expect(sheetRowOf(os.row)).toBe(88);
    expect(nameAndLabel(os.row)).toEqual({ name: '701', label: 'Tutela della legalità' });
    expect(nameAndLabel(ids.get('0.1.2.0')!.row)).toEqual({ name: 'Indicatori', label: '' });
    expect(levelTitle(os.row)).toBe('Obiettivo strategico 701');
    expect(figureText(os.achievement, MODENA_2024, 'n.c.')).toBe('98,80%');
    expect(figureText(null, MODENA_2024, 'n.c.')).toBe('n.c.');
  });

  test('701.S1 reads as typed in its cells, for the what-if placeholders', () => {
    expect(indicatorReadings(ids.get(idOf('701.S1'))!)).toEqual({ target: '>= 200 N.', value: '184 N.' });
    expect(indicatorReadings(ids.get('0.1.2')!)).toEqual({ target: null, value: null });
  });

  test('701.S1 meeting its target changes it and its ancestors only, the official trees untouched', () => {
    const s1 = idOf('701.S1');
    const outcome = tryWhatIf(report.roots, ids, new Map([[s1, { value: '200 N.' }]]), MODENA_2024);
    if (!outcome.ok) throw new Error(outcome.message);
    expect([...outcome.changed.keys()]).toEqual(['0', '0.1', '0.1.2', '0.1.2.0', s1]);
    const figures = (id: NodeId) => {
      const c = outcome.changed.get(id)!;
      return figurePair(c.before, c.after, MODENA_2024, 'n.c.');
    };
    expect(figures('0.1.2')).toEqual(['98,80%', '100,00%']);
    expect(figures(s1)).toEqual(['92,00%', '100,00%']);
    expect(figures('0.1')).toEqual(['99,60%', '100,00%']);
    expect(figures('0')).toEqual(['99,62%', '99,75%']);
    expect(ids.get('0.1.2')!.achievement!.toString()).toBe('0.988');
    expect(unreadableOf(outcome.changed.get(s1)!.tried)).toBeNull();
  });

  test('an unreadable typed value makes the node n.c. with the engine’s reason, and the OS is the mean of the rest', () => {
    const s1 = idOf('701.S1');
    const outcome = tryWhatIf(report.roots, ids, new Map([[s1, { value: 'tanto' }]]), MODENA_2024);
    if (!outcome.ok) throw new Error(outcome.message);
    const c = outcome.changed.get(s1)!;
    expect(c.after).toBeNull();
    expect(figurePair(c.before, c.after, MODENA_2024, 'n.c.')).toEqual(['92,00%', 'n.c.']);
    expect(unreadableOf(c.tried)).toEqual({ field: 'figure', message: expect.stringMatching(/tanto/) });
    // The other indicators of the block meet their targets: the OS is 100% without 701.S1.
    expect(outcome.changed.get('0.1.2')!.after!.toString()).toBe('1');
  });

  test('an unreadable weight is the engine’s finding; the same weight retyped changes nothing; a larger one moves the ambito and the Ente', () => {
    const s1 = idOf('701.S1');
    const bad = tryWhatIf(report.roots, ids, new Map([[s1, { weight: 'molto' }]]), MODENA_2024);
    if (!bad.ok) throw new Error(bad.message);
    expect(unreadableOf(bad.ids.get(s1)!)).toEqual({ field: 'weight', message: expect.stringMatching(/molto/) });
    // OS 701 weighs 33,33% of ambito 2.
    const same = tryWhatIf(report.roots, ids, new Map([['0.1.2', { weight: '33,33%' }]]), MODENA_2024);
    expect(same.ok && same.changed.size).toBe(0);
    const heavier = tryWhatIf(report.roots, ids, new Map([['0.1.2', { weight: '60%' }]]), MODENA_2024);
    if (!heavier.ok) throw new Error(heavier.message);
    expect([...heavier.changed.keys()]).toEqual(['0', '0.1']);
    expect(heavier.changed.get('0.1')!.after!.lessThan(heavier.changed.get('0.1')!.before!)).toBe(true);
  });

  test('the chart: each ambito with its OS, named «Ambito 2» and «701»', () => {
    const rows = chartRows(report.roots);
    expect(rows.filter((r) => r.depth === 0).map((r) => r.name)).toEqual(['Ambito 1', 'Ambito 2', 'Ambito 3']);
    const os = rows.find((r) => r.id === '0.1.2')!;
    expect(os).toMatchObject({ depth: 1, name: '701', title: 'Obiettivo strategico 701 Tutela della legalità' });
    expect(os.achievement!.toString()).toBe('0.988');
    expect(rows.every((r) => ids.get(r.id)?.achievement === r.achievement)).toBe(true);
  });

  test('an Ente report has no Tipo: its overshooting shows flagged / total', () => {
    expect(report.overshooting!.byTipo).toEqual({ 'Non indicato': 8 });
    expect(overshootingByTipo(report.overshooting!)).toBeNull();
  });
});

test('a unit report opens its areas and ao, so its objectives show; a scorecard its card, its indicators one click away', async () => {
  const unit = await seedReport('integra-unita-2024.xlsx');
  const open = openByDefault(nodeIds(unit.roots));
  expect(open.slice(0, 3)).toEqual(['0', '0.0', '0.1']);
  expect(open.every((id) => depthOf(id) < 2)).toBe(true);
  const book = await readWorkbook('seeds/schede-2024.xlsx');
  if (!book.ok) throw new Error(book.message);
  const [card] = analyseWorkbook(book.grids, MODENA_2024);
  expect(openByDefault(nodeIds(card.roots))).toEqual(['0']);
  expect(chartRows(card.roots).map((r) => r.name)).toEqual(['Scheda obiettivi individuali 2024 - Segr…', '803', 'A111', 'ACCESSIBILITÀ SG', 'FORMAZIONE SG', 'OIV']);
});

test('a unit report charts its areas and their ao', async () => {
  const report = await seedReport('integra-unita-2024.xlsx');
  const rows = chartRows(report.roots);
  expect(rows.filter((r) => r.depth === 0).map((r) => r.name)).toEqual(['Area Dirigenziale 1', 'Area Dirigenziale 2', 'Area Staff SG']);
  expect(rows.filter((r) => r.depth === 1).map((r) => r.name).slice(0, 4)).toEqual(['AO1', 'AO3', 'AO4', 'AO6']);
  expect(rows.find((r) => r.name === 'AO3')!.id).toBe('0.1');
});

test('the annex has no tree, and its overshooting by Tipo, largest first', async () => {
  const book = await readWorkbook('seeds/integra-overshooting-2024.xlsx');
  if (!book.ok) throw new Error(book.message);
  const [report] = analyseWorkbook(book.grids, MODENA_2024);
  expect(report.roots).toEqual([]);
  expect(chartRows(report.roots)).toEqual([]);
  expect(overshootingByTipo(report.overshooting!)).toEqual([
    ['Efficacia', 6],
    ['Volume', 1],
    ['Qualità', 1],
  ]);
});

test('overshooting by Tipo: none, empty or «Non indicato» only are no breakdown; a real Tipo beside them is', () => {
  const of = (byTipo: Record<string, number>) => ({ byTipo }) as unknown as OvershootingReport;
  expect(overshootingByTipo(of({}))).toBeNull();
  expect(overshootingByTipo(of({ '': 3 }))).toBeNull();
  expect(overshootingByTipo(of({ '  ': 1, 'Non indicato': 2 }))).toBeNull();
  expect(overshootingByTipo(of({ 'Non indicato': 2, Efficacia: 3 }))).toEqual([
    ['Efficacia', 3],
    ['Non indicato', 2],
  ]);
  expect(overshootingByTipo(of({ Efficacia: 0 }))).toBeNull();
});

test('two figures side by side get the decimals that tell them apart, up to six more', () => {
  const p = MODENA_2024;
  expect(figurePair(new Dec('0.99617'), new Dec('0.99101'), p, 'n.c.')).toEqual(['99,62%', '99,10%']);
  expect(figurePair(new Dec('0.996171'), new Dec('0.996174'), p, 'n.c.')).toEqual(['99,6171%', '99,6174%']);
  expect(figurePair(new Dec('0.5'), new Dec('0.5000000000001'), p, 'n.c.')).toEqual(['50,00000000%', '50,00000000%']);
  expect(figurePair(new Dec('0.92'), null, p, 'n.c.')).toEqual(['92,00%', 'n.c.']);
  expect(figurePair(null, new Dec('1'), { ...p, displayDecimals: 1 }, 'n.c.')).toEqual(['n.c.', '100,0%']);
});

test('a what-if form asks for the fields typed in only, trimmed', () => {
  expect(changeOf({ value: '', target: '  ', weight: '' })).toBeNull();
  expect(changeOf({ value: ' 200 N. ', target: '', weight: '' })).toEqual({ value: '200 N.' });
  expect(changeOf({ value: '', target: '>= 1.200 N.', weight: '30%' })).toEqual({ target: '>= 1.200 N.', weight: '30%' });
});

test('the what-if of an empty change list changes nothing, and the engine throwing is caught', () => {
  const roots: EvaluatedNode[] = [];
  const ok = tryWhatIf(roots, new Map(), new Map(), MODENA_2024);
  expect(ok.ok && ok.changed.size).toBe(0);
  // A forest that is not one (what a bug elsewhere might hand over) is reported, not thrown.
  const broken = tryWhatIf([{} as EvaluatedNode], new Map(), new Map([['0', { value: '1' }]]), MODENA_2024);
  expect(broken.ok).toBe(false);
});
