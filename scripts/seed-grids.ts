/**
 * Lays the seed transcriptions out as Integra prints them, as plain grids: title lines, the header
 * repeated at each page break, each weight in the column it was printed in, code and label split
 * where the report splits them. The same grids become the seed workbooks (`npm run seeds`).
 */
import {
  evaluateMeasures,
  LEGEND_FILLS,
  parseActual,
  parseWeight,
  type CellScalar,
  type Grid,
  type GridCell,
} from '../src/engine';
import { ALBERO_BASELINE_YEARS, ALBERO_TARGET_YEARS, type AlberoSourceRow, type EnteSourceRow, type OvershootingSourceRow, type SchedaSourceRow, type UnitSourceRow } from './seed-source';

export const ENTE_HEADER = ['Ente', 'Ambito', 'Obiettivo strategico', 'Obiettivi Operativi / Indicatori OS', 'Indicatori', 'Target', 'Valore', 'Raggiungimento', 'Valutazione'];
export const UNIT_HEADER = ['Area', 'Settore', 'Obiettivo', 'Indicatore', 'Target', 'Valore', 'Raggiungimento', 'Valutazione'];
export const ANNEX_HEADER = ['INDICATORE', 'TIPO', 'DESCRIZIONE', 'ALGORITMO', 'VALORI MISURE', 'CONSUNTIVO', 'TARGET', 'GRADO RAGGIUNGIMENTO', 'VALORE vs TARGET', 'OVERSHOOTING', 'VALUTAZIONE'];
export const ALBERO_HEADER = [
  'Ambito',
  'Obiettivo strategico',
  'Indicatori / Obiettivi operativi',
  'Obiettivo operativo',
  'Indicatore',
  'Descrizione',
  'Algoritmo',
  ...ALBERO_BASELINE_YEARS.map((y) => `Baseline ${y}`),
  ...ALBERO_TARGET_YEARS.map((y) => `Target ${y}`),
];
export const MEASURES_HEADER = 'Valori misure';
export const GREEN = '92D050';

const text = (value: string): GridCell | undefined => (value === '' ? undefined : { value });

/** How a value cell is written: the printed text, or the real Excel value a numeric export holds. */
export type ValueStyle = 'text' | 'number';

const PERCENT = '0.00%';
const NUMBER_FORMATS: Readonly<Record<string, string>> = { N: '#,##0.##', '€': '#,##0.00 "€"', gg: '0.00 "gg"', h: '0.00 "h"' };

/** A printed figure as a real Excel cell, at full precision when its measures are known. */
export function numericCell(printed: string, measures = ''): GridCell | undefined {
  if (printed === '') return undefined;
  const fromMeasures = measures === '' ? undefined : evaluateMeasures(measures);
  const parsed = fromMeasures?.ok ? fromMeasures : parseActual(printed);
  if (!parsed.ok || parsed.value.kind === 'missing') return { value: printed };
  if (parsed.value.kind === 'date') return { value: parsed.value.serial, numberFormat: 'dd-mm-yyyy' };
  const printedUnit = (() => {
    const p = parseActual(printed);
    return p.ok && p.value.kind === 'quantity' ? p.value.unit : null;
  })();
  const amount = parsed.value.amount.toNumber();
  if (printedUnit === '%') return { value: amount, numberFormat: PERCENT };
  return { value: amount, numberFormat: NUMBER_FORMATS[printedUnit ?? 'N'] ?? '0.00' };
}

function weightCell(weight: string, style: ValueStyle): GridCell | undefined {
  if (weight === '' || style === 'text') return text(weight);
  const w = parseWeight(weight);
  return w.ok ? { value: w.value.toNumber(), numberFormat: PERCENT } : { value: weight };
}

function statedCell(stated: string, style: ValueStyle): GridCell | undefined {
  if (style === 'text' || stated === '') return text(stated);
  const p = parseActual(stated);
  return p.ok && p.value.kind === 'quantity' ? { value: p.value.amount.toNumber(), numberFormat: PERCENT } : { value: stated };
}

type PrintedRow = UnitSourceRow & { readonly measures?: string };

interface TreeLayout {
  readonly title: string;
  readonly header: readonly string[];
  readonly targetCol: number;
  readonly withMeasures: boolean;
}

function treeGrid(name: string, rows: readonly PrintedRow[], layout: TreeLayout, style: ValueStyle): Grid {
  const header = layout.withMeasures ? [...layout.header, MEASURES_HEADER] : layout.header;
  const out: Array<Array<GridCell | undefined>> = [];
  const t = layout.targetCol;
  let page = 0;
  for (const r of rows) {
    if (r.page !== page) {
      if (page !== 0) out.push([]);
      out.push([{ value: layout.title }], [], header.map((h) => ({ value: h })));
      page = r.page;
    }
    const line: Array<GridCell | undefined> = [];
    let col = r.column;
    if (r.weight !== '') line[col++] = weightCell(r.weight, style);
    if (r.split && col + 1 < t) {
      line[col] = text(r.code);
      line[col + 1] = text(r.label);
    } else {
      line[col] = text(r.label === '' ? r.code : `${r.code} - ${r.label}`);
    }
    line[t] = text(r.target);
    line[t + 1] = style === 'text' ? text(r.value) : numericCell(r.value, r.measures);
    line[t + 2] = statedCell(r.stated, style);
    if (layout.withMeasures && style === 'text') line[header.length - 1] = text(r.measures ?? '');
    out.push(line);
  }
  return { name, rows: out };
}

export function enteGrid(name: string, rows: readonly EnteSourceRow[], style: ValueStyle): Grid {
  return treeGrid(
    name,
    rows,
    { title: 'Integra_Report_Performance organizzativa Ente_Modena_dicembre_2024', header: ENTE_HEADER, targetCol: 5, withMeasures: style === 'text' },
    style,
  );
}

export function unitGrid(name: string, rows: readonly UnitSourceRow[]): Grid {
  return treeGrid(
    name,
    rows,
    { title: 'Integra_Report_Performance unità organizzativa_Modena_dicembre_2024', header: UNIT_HEADER, targetCol: 4, withMeasures: false },
    'text',
  );
}

/** Rows per printed page of the annex, as in the seed. */
const ANNEX_PAGE = 20;

export function annexGrid(name: string, rows: readonly OvershootingSourceRow[]): Grid {
  const title = 'Integra_Report_DimensioniPerformance_Overshooting_Modena_dicembre_2024';
  const out: Array<Array<GridCell | undefined>> = [
    [{ value: title }],
    [],
    [{ value: 'Dimensioni Performance e Overshooting - Modena dicembre 2024' }],
    [{ value: 'In verde i target fissati dal MINISTERO' }],
    ANNEX_HEADER.map((h) => ({ value: h })),
  ];
  rows.forEach((r, i) => {
    if (i > 0 && i % ANNEX_PAGE === 0) out.push([], [{ value: title }], []);
    const cells: CellScalar[] = [`${r.code} - ${r.label}`, r.tipo, r.description, r.algorithm, r.measures, r.value, r.target, r.grado, r.valueVsTarget, r.overshooting, ''];
    const line = cells.map((v) => (v === '' ? undefined : ({ value: v } as GridCell)));
    if (r.external) line[6] = { value: r.target, fill: GREEN };
    out.push(line);
  });
  return { name, rows: out };
}

/**
 * The legend of the 2025 tree. The extraction lost its colours (and which rows wore them), so the
 * fills are ours: those the add-in uses when it computes the legend.
 */
export const ALBERO_LEGEND: ReadonlyArray<readonly [string, string]> = [
  ['target incrementati', LEGEND_FILLS.incrementato],
  ['target diminuiti', LEGEND_FILLS.diminuito],
  ['obiettivo eliminato', LEGEND_FILLS.eliminato],
  ['obiettivo aggiunto', LEGEND_FILLS.aggiunto],
];

/** Column of each level's weight in the tree; its label is printed in the next column. */
const ALBERO_WEIGHT_COLUMN: Readonly<Partial<Record<string, number>>> = { ambito: 0, os: 1, blocco: 2, oo: 3, indicatore: 3 };

export function alberoGrid(name: string, rows: readonly AlberoSourceRow[]): Grid {
  const title = 'Integra_Report_Albero della performance_Modena_2025';
  const out: Array<Array<GridCell | undefined>> = [];
  let page = 0;
  for (const r of rows) {
    if (r.page !== page) {
      if (page !== 0) out.push([]);
      out.push([{ value: title }], [{ value: 'Albero della performance 2025 - PIAO 2025-2027' }]);
      for (const [label, fill] of ALBERO_LEGEND) out.push([{ value: '', fill }, { value: label }]);
      out.push([], ALBERO_HEADER.map((h) => ({ value: h })));
      page = r.page;
    }
    const col = ALBERO_WEIGHT_COLUMN[r.level] ?? 0;
    const line: Array<GridCell | undefined> = [];
    line[col] = text(r.weight);
    line[col + 1] = text(r.label === '' ? r.code : `${r.code} - ${r.label}`);
    [r.description, r.algorithm, ...r.baseline, ...r.targets].forEach((v, i) => {
      line[5 + i] = text(v);
    });
    out.push(line);
  }
  return { name, rows: out };
}

/** The scorecards' header as printed; the EQ card calls its semaphore column *Utilizzazione*. */
export function schedaHeader(evaluation: string): string[] {
  // «Consumivo» is how the seed prints *Consuntivo*.
  return ['Tipologia obiettivo', 'Obiettivo', 'Peso indicatore', 'Indicatore', 'Descrizione', 'Algoritmo', 'Valore misure', 'Consumivo', 'Target', 'Grado raggiungimento', evaluation, 'Peso obiettivo individuale'];
}

/** The seed's four cards, in print order; the holders are named by role, as their objectives show. */
export const SCHEDE: ReadonlyArray<{ readonly card: string; readonly sheet: string; readonly holder: string; readonly evaluation: string }> = [
  { card: 'sg', sheet: 'Scheda SG', holder: 'Segretario Generale', evaluation: 'Valutazione' },
  { card: 'dir2', sheet: 'Scheda Dirigente Area 2', holder: 'Dirigente Area 2', evaluation: 'Valutazione' },
  { card: 'dir1', sheet: 'Scheda Dirigente Area 1', holder: 'Dirigente Area 1', evaluation: 'Valutazione' },
  { card: 'eq-ao6', sheet: 'Scheda EQ AO6', holder: 'EQ Area Organizzativa 6', evaluation: 'Utilizzazione' },
];

export function schedaGrid(card: (typeof SCHEDE)[number], rows: readonly SchedaSourceRow[]): Grid {
  const header = schedaHeader(card.evaluation).map((h) => ({ value: h }));
  const out: Array<Array<GridCell | undefined>> = [[{ value: `Scheda obiettivi individuali 2024 - ${card.holder}` }], []];
  let table = 0;
  for (const r of rows.filter((row) => row.card === card.card)) {
    if (r.table !== table) {
      if (table !== 0) out.push([]);
      out.push(header);
      table = r.table;
    }
    out.push(
      [r.type, r.objective, r.indicatorWeight, r.indicator, r.description, r.algorithm, r.measures, r.value, r.target, r.grado, r.evaluation, r.objectiveWeight].map(text),
    );
  }
  return { name: card.sheet, rows: out };
}
