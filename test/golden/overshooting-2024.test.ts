/**
 * Golden test: the *Dimensioni Performance e Overshooting* annex of the seed (93 indicators with a
 * target), every grado and overshooting figure recomputed. SMVP.md §5 and §7.
 */
import { evaluateMeasures, formatPercent, overshooting, parseActual, parseTarget, type OvershootingOutcome } from '../../src/engine';
import { readOvershootingSource, type OvershootingSourceRow } from '../../scripts/seed-source';

const rows = readOvershootingSource();

function recompute(row: OvershootingSourceRow): OvershootingOutcome {
  const target = parseTarget(row.target);
  const measured = evaluateMeasures(row.measures);
  const stated = parseActual(row.value);
  const actual = measured.ok ? measured : stated;
  if (!target.ok || !actual.ok || actual.value.kind === 'missing') throw new Error(`${row.code}: unreadable row`);
  const result = overshooting(target.value, actual.value);
  if (!result.ok) throw new Error(`${row.code}: ${result.error.message}`);
  return result.value;
}

const results = rows.map((row) => ({ row, os: recompute(row) }));

describe('Dimensioni Performance e Overshooting 2024', () => {
  test('93 indicators with a target', () => {
    expect(rows).toHaveLength(93);
  });

  test.each(results.map(({ row, os }) => [row.code, row, os] as const))('%s: grado, valore vs target, overshooting', (_code, row, os) => {
    expect([formatPercent(os.achievement), formatPercent(os.valueVsTarget), formatPercent(os.overshooting)]).toEqual([
      row.grado,
      row.valueVsTarget,
      row.overshooting,
    ]);
  });

  test('exactly 8 in overshooting (8,6%), 6 of them with ministry targets', () => {
    const flagged = results.filter((r) => r.os.flagged);
    expect(flagged.map((r) => [r.row.code, formatPercent(r.os.valueVsTarget), formatPercent(r.os.overshooting)])).toEqual([
      ['61.D3.1.5', '400,00%', '300,00%'],
      ['61.D3.1.52', '295,00%', '195,00%'],
      ['83.A1.2_MISURA.B2.1', '250,00%', '150,00%'],
      ['D1.1.0', '278,75%', '178,75%'],
      ['D1.1.1_PROMOS.ASS.', '244,44%', '144,44%'],
      ['D2.1_MIMIT.1', '337,50%', '237,50%'],
      ['D2.1_MIMIT.2', '325,00%', '225,00%'],
      ['D4.3.1_MIMIT', '1350,00%', '1250,00%'],
    ]);
    expect(((flagged.length / rows.length) * 100).toFixed(1)).toBe('8.6');
    expect(flagged.filter((r) => r.row.external)).toHaveLength(6);
  });
});
