/**
 * The 2025 planning tree of the second seed, checked as an OIV does when the plan is approved, with
 * last year's Ente report and overshooting annex beside it in the same workbook (SMVP §8).
 */
import { join } from 'node:path';
import { readWorkbook } from '../../src/cli/xlsx-read';
import {
  analyseWorkbook,
  formatTarget,
  parseActual,
  parseTarget,
  readAlbero,
  recogniseLayout,
  suggestTarget,
  type Actual,
  type Finding,
  type Grid,
  type SheetReport,
} from '../../src/engine';
import { value } from '../engine/helpers';
import { SEEDS_DIR } from '../../scripts/make-seeds';

let grids: Grid[];
let all: SheetReport[];
let albero: SheetReport;

beforeAll(async () => {
  const read = await readWorkbook(join(SEEDS_DIR, 'albero-2025.xlsx'));
  if (!read.ok) throw new Error(read.message);
  grids = read.grids;
  all = analyseWorkbook(grids);
  albero = all[0];
});

const byCode = (code: string) => (f: Finding) => f.code === code;

describe('Albero 2025 (seeds/albero-2025.xlsx)', () => {
  test('is recognised with its three sheets: the plan, last year’s Ente report and overshooting annex', () => {
    expect(all.map((r) => [r.name, r.layout])).toEqual([
      ['Albero 2025', 'albero'],
      ['Ente 2024', 'ente'],
      ['Overshooting 2024', 'overshooting'],
    ]);
    expect(albero.nodes.filter((n) => n.level === 'indicatore')).toHaveLength(106);
    expect(albero.nodes.find((n) => n.code === 'OC_TBS_03')?.weight).toBe('0.5');
  });

  test('weights add up to 100% under every node: no weight finding', () => {
    expect(albero.findings.filter((f) => f.code === 'somma-pesi' || f.code === 'peso-illeggibile')).toEqual([]);
  });

  test('the only error is the unreadable 2027 target of 803.S1 (N/D)', () => {
    expect(albero.findings.filter((f) => f.severity === 'errore').map((f) => [f.cell, f.code])).toEqual([['M179', 'target-illeggibile']]);
  });

  test('OC_TBS_03: 2025 target >= 12 below the 2024 actual 19,14 and below the 2024 target >= 14', () => {
    const f = albero.findings.find((x) => x.cell === 'K120');
    expect(f).toMatchObject({ severity: 'avviso', code: 'target-non-sfidante', suggested: '>= 19,14 N.' });
    expect(f?.message).toContain("inferiore all'ultimo consuntivo (2024: 19,14 N.)");
    expect(f?.message).toContain('meno impegnativo del target 2024 «>= 14 N.»');
  });

  test('non-challenging targets: the list the rule finds, each with its suggested target (last actual)', () => {
    const found = albero.findings.filter(byCode('target-non-sfidante')).map((f) => `${f.cell} ${f.message.split(':')[0]} ${f.suggested ?? '—'}`);
    expect(found).toEqual([
      'K13 D1 >= 1.136 N.', 'L13 D1 >= 1.136 N.', 'M13 D1 >= 1.136 N.',
      'K18 D1.1.1_PROMOS >= 784 N.',
      'K20 D1.1.2_MIMIT >= 13 N.',
      // Renamed from D1.1.2_PROMOS.ATT. (2024: >= 500 N.): lowered without a note.
      'K21 D1.1.2+3_PROMOS —',
      'L25 400.S3 >= 3,86 N.', 'M25 400.S3 >= 3,86 N.',
      'K26 D2 >= 1.248 N.', 'L26 D2 >= 1.248 N.', 'M26 D2 >= 1.248 N.',
      'K27 D5 >= 2.777 N.', 'L27 D5 >= 2.777 N.', 'M27 D5 >= 2.777 N.',
      'K30 40.D2.1_4 >= 17 N.',
      'K34 E1.1 >= 658 N.',
      'K37 401.S0 >= 72,70 %', 'L37 401.S0 >= 72,70 %', 'M37 401.S0 >= 72,70 %',
      'K38 D6.1 >= 821 N.', 'L38 D6.1 >= 821 N.', 'M38 D6.1 >= 821 N.',
      'K42 D6.1.1 >= 307 N.',
      'K46 402.S2 >= 19,48 %', 'L46 402.S2 >= 19,48 %',
      'K47 D4 >= 5.776 N.', 'L47 D4 >= 5.776 N.', 'M47 D4 >= 5.776 N.',
      'K59 42.D4.1.3 >= 39 N.',
      'K60 D4.1 >= 4.181 N.',
      'K61 D4.3_1.MIMIT >= 405 N.',
      'K62 D4.3_2.MIMIT >= 5 N.',
      'K63 D4.3_3.MIMIT >= 6 N.',
      'K67 600.S1 >= 13 N.', 'L67 600.S1 >= 13 N.', 'M67 600.S1 >= 13 N.',
      'L73 601.S1 >= 1.729.530 N.',
      'K74 601.S2 >= 556.857 N.', 'L74 601.S2 >= 556.857 N.',
      'K75 D3 >= 128 N.', 'L75 D3 >= 128 N.', 'M75 D3 >= 128 N.',
      'K78 61.D3.1_4 >= 1.402 N.',
      'K80 61D3.1_0 >= 102 N.',
      'K86 701.S0 >= 7,14 %',
      'L87 701.S1 —',
      'K88 701.S2 >= 6.768 N.', 'L88 701.S2 >= 6.768 N.', 'M88 701.S2 >= 6.768 N.',
      'K89 701.S3 C2.1_01 <= 1,61 gg', 'L89 701.S3 C2.1_01 <= 1,61 gg', 'M89 701.S3 C2.1_01 <= 1,61 gg',
      'K92 71.C1.1_2 >= 6.088 N.',
      'K98 71.Controlli Servizi —',
      'K112 71.C2.7_2 <= 2,76 gg',
      'K113 71.C2.7_3 <= 5,68 gg',
      'L119 801.S4 —',
      'K120 OC_TBS_03 >= 19,14 N.', 'L120 OC_TBS_03 >= 19,14 N.', 'M120 OC_TBS_03 >= 19,14 N.',
      'K124 81.C1.1.6 >= 99,00 %',
      'K125 81.C1.1_3a >= 114 N.',
      'K127 81.SERV.DIG.STAT. >= 92,27 %',
      'K134 B3.2_01_rev2018 <= -24,31 gg', 'L134 B3.2_01_rev2018 <= -24,31 gg', 'M134 B3.2_01_rev2018 <= -24,31 gg',
      'K136 C1.1_04_OLD >= 99,70 %', 'L136 C1.1_04_OLD >= 99,70 %', 'M136 C1.1_04_OLD >= 99,70 %',
      'K137 C1.1_07 <= 0,90 gg', 'L137 C1.1_07 <= 0,90 gg', 'M137 C1.1_07 <= 0,90 gg',
      'K138 EC27 >= 27,07 %', 'L138 EC27 >= 27,07 %', 'M138 EC27 >= 27,07 %',
      'K144 83.A1.1_3 >= 16 N.',
      'K153 82.EUREKA <= -16,60 %',
      'K168 82.FORMAZIONE >= 116 N.',
      'K169 82.SYLLABUS >= 33 N.',
      'K172 B3.2_01_rev2018 <= -24,31 gg',
      'K175 82.C1.1_04 C1.1_04_OLD >= 99,70 %',
      'K176 82.C1.1_07 C1.1_07 <= 0,90 gg',
      'K181 803.S3 >= 100,00 %', 'L181 803.S3 >= 100,00 %', 'M181 803.S3 >= 100,00 %',
      'K184 83.A1.2_3 >= 91,67 %',
      'K186 83.A1.2_MISURA.B2.1 >= 5 N.',
      'K187 83.A1.2_MISURA.C2.7 >= 100,00 %',
      'K188 83.A1.2_MISURE.RISCH >= 100,00 %',
    ]);
  });

  test('a lower target explained in a Note column is a nota, not an avviso', () => {
    const plan = (note: string): Grid => ({
      name: 'Albero',
      rows: [
        ['Ambito', 'Obiettivo strategico', 'Indicatore', '', 'Baseline 2024', 'Target 2025', 'Target 2026', 'Note'].map((v) => ({ value: v })),
        [{ value: '100,00%' }, { value: '1 - Ambito' }],
        [undefined, { value: '100,00%' }, { value: '101 - Obiettivo' }],
        [undefined, undefined, { value: '100,00%' }, { value: 'X.1 - Indicatore' }, { value: '10 N.' }, { value: '>= 12 N.' }, { value: '>= 11 N.' }, { value: note }],
      ],
    });
    const lowered = (note: string) => analyseWorkbook([plan(note)])[0].findings.filter(byCode('target-non-sfidante')).map((f) => [f.severity, f.cell]);
    expect(lowered('')).toEqual([['avviso', 'G4']]);
    expect(lowered('Fondi ridotti nel 2026')).toEqual([['nota', 'G4']]);
  });

  test('every 2024 overshooting indicator is followed up: all eight targets were raised', () => {
    const follow = albero.findings.filter((f) => f.code === 'overshooting-seguito' || f.code === 'overshooting-non-seguito');
    expect(follow.map((f) => [f.severity, f.code, f.cell, f.message.split(' ')[0], f.suggested])).toEqual([
      ['nota', 'overshooting-seguito', 'K79', '61.D3.1.5', '>= 4 N.'],
      ['nota', 'overshooting-seguito', 'K83', '61.D3.1.52', '>= 70 N.'],
      ['nota', 'overshooting-seguito', 'K186', '83.A1.2_MISURA.B2.1', '>= 5 N.'],
      ['nota', 'overshooting-seguito', 'K16', 'D1.1.0', '>= 100 N.'],
      ['nota', 'overshooting-seguito', 'K19', 'D1.1.1_PROMOS.ASS.', '>= 350 N.'],
      ['nota', 'overshooting-seguito', 'K31', 'D2.1_MIMIT.1', '>= 500 N.'],
      ['nota', 'overshooting-seguito', 'K32', 'D2.1_MIMIT.2', '>= 25 N.'],
      ['nota', 'overshooting-seguito', 'K61', 'D4.3.1_MIMIT', '>= 405 N.'],
    ]);
    // SMVP §8: D4.2_MIMIT (D4.3.1_MIMIT in the annex, D4.3_1.MIMIT in the plan) 405 → >= 180.
    expect(follow[7].message).toContain('(ora D4.3_1.MIMIT): target 2025 innalzato da «>= 30 N.» a «>= 180 N.»');
  });

  test('suggested targets of the 2024 overshooting indicators by either method of the profile', () => {
    const source = readAlberoRows();
    const suggestions = (method: 'ultimo' | 'media') =>
      ['61.D3.1_5', '61.D3.1_52', '83.A1.2_MISURA.B2.1', 'D1.1.0', 'D1.1.1_PROMOS.ASS.', 'D2.1_MIMIT.1', 'D2.1_MIMIT.2', 'D4.3_1.MIMIT'].map((code) => {
        const row = source.find((r) => r.code === code)!;
        const baselines: Actual[] = row.baselines.flatMap((b) => {
          const v = parseActual(b.cell);
          return v.ok ? [v.value] : [];
        });
        return `${code} ${formatTarget(value(suggestTarget(baselines, value(parseTarget(row.targets[0].cell)), method)))}`;
      });
    expect(suggestions('ultimo')).toEqual([
      '61.D3.1_5 >= 4 N.', '61.D3.1_52 >= 70 N.', '83.A1.2_MISURA.B2.1 >= 5 N.', 'D1.1.0 >= 100 N.',
      'D1.1.1_PROMOS.ASS. >= 350 N.', 'D2.1_MIMIT.1 >= 500 N.', 'D2.1_MIMIT.2 >= 25 N.', 'D4.3_1.MIMIT >= 405 N.',
    ]);
    // Means of the readable baselines, rounded up: (62 + 76 + 405) / 3 = 181 → >= 181.
    expect(suggestions('media')).toEqual([
      '61.D3.1_5 >= 4 N.', '61.D3.1_52 >= 70 N.', '83.A1.2_MISURA.B2.1 >= 5 N.', 'D1.1.0 >= 131 N.',
      'D1.1.1_PROMOS.ASS. >= 350 N.', 'D2.1_MIMIT.1 >= 500 N.', 'D2.1_MIMIT.2 >= 25 N.', 'D4.3_1.MIMIT >= 181 N.',
    ]);
  });

  test('legend against the 2024 tree: targets raised and lowered, objectives added and dropped', () => {
    const count = (change: string) => albero.legend.filter((l) => l.change === change).length;
    // The eight renamed indicators are compared too: six raised, two lowered.
    expect([count('incrementato'), count('diminuito'), count('aggiunto'), count('eliminato'), count('rinominato')]).toEqual([33, 8, 29, 24, 8]);
    expect(albero.legend.find((l) => l.code === 'OC_TBS_03')).toEqual({ code: 'OC_TBS_03', change: 'diminuito', cell: 'K120' });
    expect(albero.legend.find((l) => l.code === 'D4.3_1.MIMIT')).toEqual({ code: 'D4.3_1.MIMIT', change: 'incrementato', cell: 'K61' });
    expect(albero.findings.filter(byCode('obiettivo-eliminato')).length).toBe(24);
  });

  test('indicators recoded since 2024 are renamed, not eliminated and added: same description, or close (to confirm)', () => {
    const renamed = albero.legend.filter((l) => l.change === 'rinominato').map((l) => `${l.previousCode} → ${l.code} ${l.cell}`);
    expect(renamed).toEqual([
      '601.S3 → D3 E75',
      '81.EUREKA → 82.EUREKA E153',
      '83.A1.2_FORMAZIONE → 83.A1.2_FORMAZION E185',
      '40.E1.1 → E1.1 E34',
      '400.S1 → D2 E26',
      'D1.1.2_PROMOS.ATT. → D1.1.2+3_PROMOS E21',
      '42.D4.1.1.1 → D4.1 E60',
      'D1.1 → D1 E13',
    ]);
    // Identical descriptions are certain; close ones ask the controller to confirm.
    expect(albero.findings.filter(byCode('obiettivo-rinominato')).map((f) => f.cell)).toEqual(['E75', 'E153']);
    expect(albero.findings.filter(byCode('corrispondenza-probabile')).map((f) => f.cell)).toEqual(['E185', 'E34', 'E26', 'E21', 'E60', 'E13']);
  });

  test('no eliminated indicator has an added twin with the same description', () => {
    const ente = all.find((r) => r.name === 'Ente 2024')!;
    const described = (code: string, nodes: SheetReport['nodes']) => nodes.find((n) => n.code === code)?.label.toLowerCase();
    const added = new Set(albero.legend.filter((l) => l.change === 'aggiunto').map((l) => described(l.code, albero.nodes)));
    const twins = albero.legend.filter((l) => l.change === 'eliminato' && added.has(described(l.code, ente.nodes)));
    expect(twins).toEqual([]);
  });
});

function readAlberoRows() {
  const grid = grids.find((g) => g.name === 'Albero 2025')!;
  return readAlbero(grid, recogniseLayout(grid)!);
}
