/** SMVP §3 on weights: one check for the reports and the planning tree, with the same findings. */
import { parseWeight, type TreeRow } from '../../src/engine';
import { DEFAULT_PROFILE } from '../../src/engine/core';
import { buildTree, evaluateForest, validateTree, weightFindings } from '../../src/engine/trees';

const child = (code: string, weight: string): { row: TreeRow; weight: ReturnType<typeof parseWeight> } => ({
  row: { level: 'os', code, label: code, addresses: { weight: `B${code}`, code: `A${code}` } },
  weight: parseWeight(weight),
});

describe('weightFindings', () => {
  test('weights adding up to 100% within the tolerance: nothing', () => {
    expect(weightFindings('X', [child('1', '33,33%'), child('2', '33,33%'), child('3', '33,34%')], DEFAULT_PROFILE)).toEqual([]);
  });

  test('a sum off 100%: one somma-pesi at the first weight, with the sum', () => {
    const [f, ...rest] = weightFindings('X', [child('1', '60%'), child('2', '60%')], DEFAULT_PROFILE);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'errore', code: 'somma-pesi', cell: 'B1', computed: '1.2' });
    expect(f.message).toBe('I pesi sotto X sommano a 120,00% invece di 100%: correggere i pesi (la media è normalizzata sulla loro somma).');
  });

  test('every weight zero: pesi-nulli, not a sum', () => {
    expect(weightFindings('X', [child('1', '0%'), child('2', '0%')], DEFAULT_PROFILE).map((f) => f.code)).toEqual(['pesi-nulli']);
  });

  test('an unreadable weight: its own finding at its cell, and none on the sum it makes unknown', () => {
    const found = weightFindings('X', [child('1', 'tanto'), child('2', '60%')], DEFAULT_PROFILE);
    expect(found.map((f) => [f.code, f.cell])).toEqual([['peso-illeggibile', 'B1']]);
  });

  test('a report tree gives the same finding as the check alone', () => {
    const rows: TreeRow[] = [
      { level: 'ente', code: 'Ente', label: 'Ente' },
      { ...child('1', '60%').row, level: 'ambito', weight: '60%' },
      { level: 'indicatore', code: 'I1', label: 'I1', weight: '100%', target: '>= 1 N.', value: '1 N.' },
      { ...child('2', '60%').row, level: 'ambito', weight: '60%' },
      { level: 'indicatore', code: 'I2', label: 'I2', weight: '100%', target: '>= 1 N.', value: '1 N.' },
    ];
    const inReport = validateTree(evaluateForest(buildTree(rows)), DEFAULT_PROFILE).filter((f) => f.code === 'somma-pesi');
    expect(inReport).toEqual(weightFindings('Ente', [child('1', '60%'), child('2', '60%')], DEFAULT_PROFILE));
  });
});
