/**
 * Synthetic Integra-shaped sheets of any size for the benchmarks: the *Performance organizzativa Ente*
 * tree and the overshooting KPI list, with the mix of target kinds and of text and numeric cells
 * found in the seeds. Deterministic: the same size gives the same sheet.
 */
import {
  achievement,
  formatPercent,
  overshooting,
  parseActual,
  parseTarget,
  type Grid,
  type GridCell,
} from '../src/engine';
import { ANNEX_HEADER, ENTE_HEADER } from '../scripts/seed-grids';

/** Indicators per operational objective, objectives per block, OS per ambito: weights stay exact. */
const PER_OO = 10;
const OO_PER_OS = 4;
const OS_INDICATORS = 4;
const OS_PER_AMBITO = 4;
const PER_OS = OS_INDICATORS + OO_PER_OS * PER_OO;

interface Indicator {
  readonly target: string;
  readonly value: GridCell;
  readonly measures?: string;
}

/** The i-th indicator: counts, percentages, days, deadlines and N/D, as text or real numbers. */
function indicator(i: number): Indicator {
  const numeric = i % 2 === 1;
  switch (i % 6) {
    case 0:
      return { target: `>= ${100 + (i % 50)} N.`, value: numeric ? { value: 90 + (i % 80) } : { value: `${90 + (i % 80)} N.` }, measures: `${(90 + (i % 80)) * 3} N. / 3 N.` };
    case 1:
      return { target: `>= ${60 + (i % 30)},00 %`, value: { value: (55 + (i % 40)) / 100, numberFormat: '0.00%' } };
    case 2:
      return { target: `<= ${2 + (i % 5)} gg`, value: { value: `${1 + (i % 7)},${i % 100} gg` } };
    case 3:
      return { target: 'Entro 30-06-2024', value: numeric ? { value: 45_460 + (i % 30), numberFormat: 'dd-mm-yyyy' } : { value: `${10 + (i % 20)}-06-2024` } };
    case 4:
      return { target: `>= ${20 + (i % 10)} N.`, value: { value: `${(20 + (i % 10)) * (1 + (i % 5))} N.` } };
    default:
      return { target: `>= ${1_000 + i} N.`, value: i % 60 === 5 ? { value: 'N/D' } : { value: 1_100 + i } };
  }
}

function statedOf(ind: Indicator): string {
  const t = parseTarget(ind.target);
  const v = parseActual(ind.value);
  if (!t.ok || !v.ok) return '';
  const a = achievement(t.value, v.value);
  return a.ok && a.value.kind === 'measured' ? formatPercent(a.value.value) : '';
}

const cell = (value: string): GridCell | undefined => (value === '' ? undefined : { value });

/** An Ente report with at least `count` indicators (rounded up to whole operational objectives). */
export function enteSheet(count: number): Grid {
  const osCount = Math.max(1, Math.ceil(count / PER_OS));
  const ambiti = Math.ceil(osCount / OS_PER_AMBITO);
  const rows: Array<Array<GridCell | undefined>> = [[{ value: 'Integra_Report_Performance organizzativa Ente (sintetico)' }], [], ENTE_HEADER.map((value) => ({ value }))];
  rows.push([{ value: 'Ente' }]);
  let i = 0;
  for (let a = 0; a < ambiti; a += 1) {
    // Ambiti are numbered with one digit in Integra: the numbers cycle, consecutive ones differ.
    rows.push([{ value: 1 / ambiti, numberFormat: '0.00%' }, { value: `${(a % 9) + 1} - Ambito ${a + 1}` }]);
    for (let o = 0; o < OS_PER_AMBITO; o += 1) {
      // Integra's OS codes have three digits; they repeat across ambiti, as siblings they stay distinct.
      const os = String(100 + ((a * OS_PER_AMBITO + o) % 900));
      rows.push([undefined, cell('25,00%'), cell(`${os} - Obiettivo strategico ${os}`)]);
      rows.push([undefined, undefined, cell('50,00%'), cell('Indicatori')]);
      for (let k = 0; k < OS_INDICATORS; k += 1, i += 1) indicatorRow(rows, `S${i}`, '25,00%', indicator(i));
      rows.push([undefined, undefined, cell('50,00%'), cell('Obiettivi operativi')]);
      for (let b = 0; b < OO_PER_OS; b += 1) {
        rows.push([undefined, undefined, undefined, cell('25,00%'), cell(`${os}.D${b}.1 - Obiettivo operativo ${os}.D${b}.1`)]);
        for (let k = 0; k < PER_OO; k += 1, i += 1) indicatorRow(rows, `D${i}.${k}`, '10,00%', indicator(i));
      }
    }
  }
  return { name: 'Ente', rows };
}

function indicatorRow(rows: Array<Array<GridCell | undefined>>, code: string, weight: string, ind: Indicator): void {
  rows.push([undefined, undefined, undefined, cell(weight), cell(`${code} - Indicatore ${code}: numero di imprese coinvolte nelle iniziative dell'anno`), cell(ind.target), ind.value, cell(statedOf(ind))]);
}

/** The overshooting KPI list with `count` rows, its printed figures recomputed so they agree. */
export function overshootingSheet(count: number): Grid {
  const rows: Array<Array<GridCell | undefined>> = [[{ value: 'Dimensioni Performance e Overshooting (sintetico)' }], [], ANNEX_HEADER.map((value) => ({ value }))];
  for (let i = 0; i < count; i += 1) {
    const ind = indicator(i);
    const t = parseTarget(ind.target);
    const v = parseActual(ind.value);
    const o = t.ok && v.ok && v.value.kind !== 'missing' ? overshooting(t.value, v.value) : null;
    const figures = o?.ok ? [formatPercent(o.value.achievement), formatPercent(o.value.valueVsTarget), formatPercent(o.value.overshooting)] : ['', '', ''];
    rows.push([
      cell(`K${i} - Indicatore ${i}`),
      cell(['Efficacia', 'Efficienza', 'Qualità', 'Volume'][i % 4]),
      cell('Numero di imprese coinvolte nelle iniziative promosse nell\'anno'),
      cell('K_NUM / K_DEN'),
      cell(ind.measures ?? ''),
      ind.value,
      { value: ind.target, ...(i % 7 === 0 ? { fill: '92D050' } : {}) },
      ...figures.map(cell),
    ]);
  }
  return { name: 'Overshooting', rows };
}
