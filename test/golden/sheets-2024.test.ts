/**
 * Golden tests of the sheet reader and validator: the seed reports laid out as Integra prints them
 * (the grids the seed workbooks are made of), read back, recomputed and checked. SMVP.md §7.
 */
import { analyseSheet, buildTree, Dec, formatPercent, type Finding, type SheetReport, type TreeNode } from '../../src/engine';
import { annexGrid, enteGrid, unitGrid } from '../../scripts/seed-grids';
import { enteTreeRows, readEnteSource, readOvershootingSource, readUnitSource } from '../../scripts/seed-source';

function* treeNodes(node: TreeNode): Generator<TreeNode> {
  yield node;
  for (const child of node.children) yield* treeNodes(child);
}

const pct = (fraction: string | null) => (fraction === null ? '' : formatPercent(new Dec(fraction)));
const summary = (findings: readonly Finding[]) => findings.map((f) => [f.severity, f.code, f.cell]);

function figures(report: SheetReport, levels: readonly string[]) {
  return report.nodes.filter((n) => levels.includes(n.level)).map((n) => [n.code, pct(n.computed)]);
}

const ENTE_FIGURES = [
  ['Ente', '99,62%'],
  ['1', '99,86%'],
  ['301', '100,00%'],
  ['400', '100,00%'],
  ['401', '99,44%'],
  ['402', '100,00%'],
  ['2', '99,60%'],
  ['600', '100,00%'],
  ['601', '100,00%'],
  ['701', '98,80%'],
  ['3', '99,39%'],
  ['801', '98,42%'],
  ['802', '100,00%'],
  ['803', '99,75%'],
];

describe.each([
  ['text as printed, with the measures column', 'text' as const],
  ['real Excel numbers, dates and percentages', 'number' as const],
])('Performance organizzativa Ente, %s', (_name, style) => {
  const report = analyseSheet(enteGrid('Ente', readEnteSource(), style));

  test('recognised, with every row and its level', () => {
    expect(report.layout).toBe('ente');
    // The transcription states each row's level; the reader infers it from codes and context.
    const transcribed = buildTree(enteTreeRows(readEnteSource(), false)).flatMap((root) => [...treeNodes(root)]);
    expect(report.nodes.map((n) => [n.code, n.level])).toEqual(transcribed.map((n) => [n.row.code, n.row.level]));
    expect(report.nodes).toHaveLength(151);
  });

  test('Ente 99,62%, the three ambiti and the ten OS', () => {
    expect(figures(report, ['ente', 'ambito', 'os'])).toEqual(ENTE_FIGURES);
  });

  test('the only finding is the 280% of 701.C2.1, at its first weight', () => {
    expect(summary(report.findings)).toEqual([['errore', 'somma-pesi', 'D98']]);
    expect(report.findings[0].message).toContain('280,00%');
  });
});

describe('Performance organizzativa Ente with only the printed 2-decimal values', () => {
  const printedOnly = readEnteSource().map((r) => ({ ...r, measures: '' }));
  const report = analyseSheet(enteGrid('Ente', printedOnly, 'text'));

  test('801 98,43%: rounding notes, not errors', () => {
    expect(report.nodes.find((n) => n.code === '801')?.computed).toBeDefined();
    expect(pct(report.nodes.find((n) => n.code === '801')?.computed ?? null)).toBe('98,43%');
    const notes = report.findings.filter((f) => f.code === 'arrotondamento');
    expect(notes.every((f) => f.severity === 'nota')).toBe(true);
    expect(notes.map((f) => f.message.split(':')[0])).toEqual(['801', 'Indicatori', 'OC_TBS_03', '803.S1', '83.A1.2_TRASP.']);
    expect(report.findings.filter((f) => f.severity === 'errore').map((f) => f.code)).toEqual(['somma-pesi']);
  });
});

describe('Performance unità organizzativa', () => {
  const report = analyseSheet(unitGrid('Unità', readUnitSource()));

  test('areas and units recomputed', () => {
    expect(report.layout).toBe('unita');
    expect(figures(report, ['area', 'ao'])).toEqual([
      ['Area Dirigenziale 1', '99,86%'],
      ['AO1', '100,00%'],
      ['AO3', '99,42%'],
      ['AO4', '100,00%'],
      ['AO6', '100,00%'],
      ['Area Dirigenziale 2', '100,00%'],
      ['AO7', '100,00%'],
      ['Staff SG', '100,00%'],
      ['Controllo di gestione', '100,00%'],
    ]);
  });

  test('802.A1.3 in AO3 states 98,33% while its indicators are all at 100%', () => {
    const errors = report.findings.filter((f) => f.severity === 'errore');
    expect(summary(errors)).toEqual([['errore', 'raggiungimento-diverso', 'G49']]);
    expect(errors[0].message).toContain('98,33%');
    expect(errors[0].message).toContain('100,00%');
    expect(pct(errors[0].computed ?? null)).toBe('100,00%');
  });

  test('the 2-decimal value of 83.A1.2_TRASP. in AO3 is a rounding note', () => {
    expect(summary(report.findings.filter((f) => f.severity === 'nota'))).toEqual([['nota', 'arrotondamento', 'G64']]);
  });
});

describe('Dimensioni Performance e Overshooting', () => {
  const report = analyseSheet(annexGrid('Overshooting', readOvershootingSource()));

  test('93 indicators, 8 in overshooting, 6 with ministry targets (green), every printed figure confirmed', () => {
    expect(report.layout).toBe('overshooting');
    const os = report.overshooting;
    expect(os === null ? null : [os.total, os.flagged, os.external, formatPercent(os.share, 1)]).toEqual([93, 8, 6, '8,6%']);
    expect(os?.byTipo).toEqual({ Efficacia: 6, Volume: 1, Qualità: 1 });
    expect(report.findings).toEqual([]);
  });
});

describe('what is not a known report', () => {
  test('an unknown layout is a clear result, not a crash', () => {
    const report = analyseSheet({ name: 'Foglio1', rows: [[{ value: 'Nome' }, { value: 'Cognome' }], [{ value: 'Mario' }, { value: 'Rossi' }]] });
    expect(report.layout).toBeNull();
    expect(summary(report.findings)).toEqual([['errore', 'layout-non-riconosciuto', '']]);
    expect(report.findings[0].message).toContain('Layout non riconosciuto');
  });
});
