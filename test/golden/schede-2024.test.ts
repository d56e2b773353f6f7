/**
 * The individual scorecards of the seed (section 4: the Segretario Generale, the two dirigenti, an EQ)
 * read from seeds/schede-2024.xlsx, with the Ente report their OS objectives are graded in.
 */
import { join } from 'node:path';
import { readWorkbook } from '../../src/cli/xlsx-read';
import { analyseSheet, analyseWorkbook, Dec, formatPercent, parseTarget, parseWeight, type Grid, type NodeReport, type SheetReport } from '../../src/engine';
import { SEEDS_DIR } from '../../scripts/make-seeds';
import { SCHEDE } from '../../scripts/seed-grids';
import { readSchedeSource } from '../../scripts/seed-source';

const pct = (fraction: string | null) => (fraction === null ? '—' : formatPercent(new Dec(fraction)));

let grids: Grid[];
let reports: SheetReport[];

beforeAll(async () => {
  const read = await readWorkbook(join(SEEDS_DIR, 'schede-2024.xlsx'));
  if (!read.ok) throw new Error(read.message);
  grids = read.grids;
  reports = analyseWorkbook(grids);
});

const card = (sheet: string) => {
  const report = reports.find((r) => r.name === sheet);
  if (report === undefined) throw new Error(sheet);
  return report;
};
const objectives = (report: SheetReport) => report.nodes.filter((n) => n.level !== 'indicatore' && n.level !== 'scheda');
const figures = (nodes: readonly NodeReport[]) => nodes.map((n) => [n.level, n.code, pct(n.weight), pct(n.stated), pct(n.computed)]);

describe('Scorecards: transcription (seeds/source/schede-2024.tsv)', () => {
  const rows = readSchedeSource();
  const sum = (weights: readonly string[]) =>
    weights.reduce((s, w) => {
      const p = parseWeight(w);
      if (!p.ok) throw new Error(w);
      return s.plus(p.value);
    }, new Dec(0));

  /** Each objective's weight: on its own row, or (one card) on its first indicator row. */
  function objectiveWeights(id: string): string[] {
    const weights: string[] = [];
    let pending = false;
    for (const r of rows.filter((row) => row.card === id)) {
      if (r.kind === 'obiettivo') {
        pending = r.objectiveWeight === '';
        if (!pending) weights.push(r.objectiveWeight);
      } else if (pending && r.objectiveWeight !== '') {
        weights.push(r.objectiveWeight);
        pending = false;
      }
    }
    return weights;
  }

  test.each(SCHEDE.map((c) => c.card))('card %s: objective weights add up to 100%%', (id) => {
    expect(sum(objectiveWeights(id)).toString()).toBe('1');
  });

  test('every printed target is readable', () => {
    expect(rows.filter((r) => r.kind === 'indicatore' && !parseTarget(r.target).ok).map((r) => r.indicator)).toEqual([]);
  });
});

describe('Scorecards (seeds/schede-2024.xlsx)', () => {
  test('four cards recognised, beside the Ente report', () => {
    expect(reports.map((r) => [r.name, r.layout])).toEqual([...SCHEDE.map((c) => [c.sheet, 'schede']), ['Ente 2024', 'ente']]);
  });

  test('Segretario Generale: OS 803 99,75% (its grado in the Ente report), EXTRA A111 100%; result 99,95%', () => {
    const sg = card('Scheda SG');
    expect(figures(objectives(sg))).toEqual([
      ['os', '803', '20,00%', '99,75%', '99,75%'],
      ['extra', 'A111', '20,00%', '100,00%', '100,00%'],
      ['extra', 'ACCESSIBILITÀ SG', '20,00%', '100,00%', '100,00%'],
      ['extra', 'FORMAZIONE SG', '20,00%', '100,00%', '100,00%'],
      ['extra', 'OIV', '20,00%', '100,00%', '100,00%'],
    ]);
    expect(pct(sg.nodes[0].computed)).toBe('99,95%');
    expect(sg.findings).toEqual([]);
  });

  test('Dirigente Area 2: MISURE ANTICORR. 99,37% from 100% and 98,75% (60 / 62 against >= 98%); result 99,87%', () => {
    const dir2 = card('Scheda Dirigente Area 2');
    const anticorr = dir2.nodes.findIndex((n) => n.code === 'MISURE ANTICORR.');
    expect(figures(dir2.nodes.slice(anticorr, anticorr + 3))).toEqual([
      ['extra', 'MISURE ANTICORR.', '20,00%', '99,37%', '99,37%'],
      ['indicatore', 'MISURE RISCHIO', '50,00%', '100,00%', '100,00%'],
      ['indicatore', 'MISURE TRASP.', '50,00%', '98,75%', '98,75%'],
    ]);
    expect(dir2.nodes[anticorr].computed).toMatch(/^0\.99374/);
    expect(pct(dir2.nodes[0].computed)).toBe('99,87%');
    expect(dir2.findings).toEqual([]);
  });

  test('Dirigente Area 1: objective weights printed on the indicator rows; OP 803.A.12 99,87% over the page break; result 99,97%', () => {
    const dir1 = card('Scheda Dirigente Area 1');
    expect(figures(objectives(dir1))).toEqual([
      ['extra', 'ACCESSIBILITÀ DIR1', '20,00%', '—', '100,00%'],
      ['extra', 'FORMAZIONE DIR1', '20,00%', '—', '100,00%'],
      ['extra', 'VALUTAZIONE', '20,00%', '—', '100,00%'],
      ['op', '801A13', '20,00%', '—', '100,00%'],
      ['op', '803.A.12', '20,00%', '99,87%', '99,87%'],
    ]);
    expect(dir1.nodes.filter((n) => n.level === 'indicatore')).toHaveLength(18);
    expect(pct(dir1.nodes[0].computed)).toBe('99,97%');
    expect(dir1.findings).toEqual([]);
  });

  test('EQ: MISURE ANTICORR. states 99,37% while both its indicators are at 100% (12 / 12, 33 / 33): an error', () => {
    const eq = card('Scheda EQ AO6');
    expect(eq.findings.map((f) => [f.severity, f.code, f.cell, pct(f.stated ?? null), pct(f.computed ?? null)])).toEqual([
      ['errore', 'raggiungimento-diverso', 'J10', '99,37%', '100,00%'],
    ]);
    expect(pct(eq.nodes[0].computed)).toBe('100,00%');
    expect(eq.nodes[0]).toMatchObject({ level: 'scheda', label: 'Scheda obiettivi individuali 2024 - EQ Area Organizzativa 6' });
  });

  test('a card alone: OS 803 cannot be verified; its stated grado stands, with a note', () => {
    const sg = analyseSheet(grids[0]);
    expect(sg.findings.map((f) => [f.severity, f.code, f.cell, pct(f.stated ?? null), pct(f.computed ?? null)])).toEqual([
      ['nota', 'os-non-verificato', 'J4', '99,75%', '99,62%'],
    ]);
    expect(pct(sg.nodes[0].computed)).toBe('99,95%');
  });
});
