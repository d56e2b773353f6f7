import { normaliseHeader, textOf, type Grid } from './grid';

/** The Integra report shapes the reader knows. */
export type LayoutKind = 'ente' | 'unita' | 'overshooting' | 'albero' | 'schede';

export type Column =
  | 'target'
  | 'value'
  | 'stated'
  | 'measures'
  | 'externalTarget'
  | 'indicator'
  | 'tipo'
  | 'description'
  | 'algorithm'
  | 'grado'
  | 'valueVsTarget'
  | 'overshooting'
  | 'note'
  | 'objectiveType'
  | 'objective'
  | 'indicatorWeight'
  | 'objectiveWeight';

/** A column of the planning tree that holds one year's baseline or target. */
export interface YearColumn {
  readonly year: number;
  readonly col: number;
}

export interface Layout {
  readonly kind: LayoutKind;
  readonly headerRow: number;
  /** First and last column of the tree part (weights, codes and labels), for the tree reports. */
  readonly treeColumns: readonly [number, number];
  readonly columns: Readonly<Partial<Record<Column, number>>>;
  /** The planning tree's baseline and target columns, oldest year first. */
  readonly years?: { readonly baseline: readonly YearColumn[]; readonly target: readonly YearColumn[] };
}

type Matcher = (header: string) => boolean;
const is =
  (...words: string[]): Matcher =>
  (h) =>
    words.includes(h);
const starts =
  (word: string): Matcher =>
  (h) =>
    h.startsWith(word);

interface Shape {
  readonly kind: LayoutKind;
  /** Header cells that open the tree part, in order; the first one is required. */
  readonly tree: readonly Matcher[];
  readonly required: Readonly<Partial<Record<Column, Matcher>>>;
  readonly optional: Readonly<Partial<Record<Column, Matcher>>>;
}

const COMMON_OPTIONAL = {
  measures: is('valori misure', 'valore misure', 'misure'),
  externalTarget: starts('target esterno'),
} satisfies Partial<Record<Column, Matcher>>;

const SHAPES: readonly Shape[] = [
  {
    kind: 'ente',
    tree: [is('ente'), is('ambito'), is('obiettivo strategico'), starts('obiettivi operativi'), is('indicatori')],
    required: { target: is('target'), value: is('valore', 'consuntivo'), stated: is('raggiungimento', 'grado di raggiungimento') },
    optional: COMMON_OPTIONAL,
  },
  {
    kind: 'unita',
    tree: [is('area', 'area dirigenziale'), is('settore', 'area organizzativa'), is('obiettivo'), is('indicatore')],
    required: { target: is('target'), value: is('valore', 'consuntivo'), stated: is('raggiungimento', 'grado di raggiungimento') },
    optional: COMMON_OPTIONAL,
  },
  {
    kind: 'overshooting',
    tree: [],
    required: {
      indicator: is('indicatore'),
      measures: is('valori misure', 'valore misure'),
      value: is('consuntivo', 'valore'),
      target: is('target'),
      grado: starts('grado'),
      overshooting: is('overshooting'),
    },
    optional: {
      tipo: is('tipo', 'dimensione'),
      description: is('descrizione'),
      algorithm: is('algoritmo'),
      valueVsTarget: is('valore vs target', 'valore vs. target'),
      externalTarget: COMMON_OPTIONAL.externalTarget,
    },
  },
  {
    kind: 'schede',
    tree: [],
    required: {
      objectiveType: starts('tipologia'),
      indicatorWeight: is('peso indicatore'),
      indicator: is('indicatore'),
      target: is('target'),
      // «Consumivo» is how the seed's cards print it.
      value: is('consuntivo', 'consumivo', 'valore'),
      stated: starts('grado'),
      objectiveWeight: starts('peso obiettivo'),
    },
    optional: {
      objective: is('obiettivo'),
      measures: COMMON_OPTIONAL.measures,
      description: is('descrizione'),
      algorithm: is('algoritmo'),
      externalTarget: COMMON_OPTIONAL.externalTarget,
    },
  },
];

const SCAN_ROWS = 60;

function matchShape(headers: readonly string[], shape: Shape, headerRow: number): Layout | undefined {
  const find = (m: Matcher, from = 0) => headers.findIndex((h, i) => i >= from && m(h));
  const columns: Partial<Record<Column, number>> = {};
  for (const [name, m] of Object.entries(shape.required) as Array<[Column, Matcher]>) {
    const col = find(m);
    if (col < 0) return undefined;
    columns[name] = col;
  }
  for (const [name, m] of Object.entries(shape.optional) as Array<[Column, Matcher]>) {
    const col = find(m);
    if (col >= 0) columns[name] = col;
  }
  let tree: readonly [number, number] = [0, -1];
  if (shape.tree.length > 0) {
    const first = find(shape.tree[0]);
    if (first < 0 || first >= (columns.target ?? 0)) return undefined;
    tree = [first, (columns.target ?? first + 1) - 1];
  }
  return { kind: shape.kind, headerRow, treeColumns: tree, columns };
}

const YEAR_HEADER = /^(baseline|target) (\d{4})$/;

/**
 * The *Albero della performance*: a tree (Ambito … Indicatore) with a *Baseline YYYY* column per
 * past year and a *Target YYYY* column per planned year. The first target column is the target the
 * tree reader sees, the last baseline the value.
 */
function matchAlbero(headers: readonly string[], headerRow: number): Layout | undefined {
  const baseline: YearColumn[] = [];
  const target: YearColumn[] = [];
  headers.forEach((h, col) => {
    const m = YEAR_HEADER.exec(h);
    if (m !== null) (m[1] === 'baseline' ? baseline : target).push({ year: Number(m[2]), col });
  });
  const first = headers.indexOf('ambito');
  if (baseline.length === 0 || target.length === 0 || first < 0) return undefined;
  const byYear = (a: YearColumn, b: YearColumn) => a.year - b.year;
  baseline.sort(byYear);
  target.sort(byYear);
  const columns: Partial<Record<Column, number>> = { target: target[0].col, value: baseline[baseline.length - 1].col };
  const optional: ReadonlyArray<readonly [Column, Matcher]> = [
    ['description', is('descrizione', 'descrizione algoritmo')],
    ['algorithm', is('algoritmo')],
    ['note', starts('note')],
  ];
  for (const [name, m] of optional) {
    const col = headers.findIndex(m);
    if (col >= 0) columns[name] = col;
  }
  const figures = Math.min(...[columns.description, columns.algorithm, baseline[0].col, target[0].col].filter((c): c is number => c !== undefined));
  if (figures <= first) return undefined;
  return { kind: 'albero', headerRow, treeColumns: [first, figures - 1], columns, years: { baseline, target } };
}

/** Finds the header row of a known report shape, wherever the table starts. */
export function recogniseLayout(grid: Grid): Layout | undefined {
  const last = Math.min(grid.rows.length, SCAN_ROWS);
  for (let r = 0; r < last; r += 1) {
    // Array.from, not map: a row with holes must give '' for each hole, not a hole.
    const headers = Array.from(grid.rows[r] ?? [], (c) => normaliseHeader(textOf(c?.value)));
    if (headers.filter((h) => h !== '').length < 4) continue;
    for (const shape of SHAPES) {
      const layout = matchShape(headers, shape, r);
      if (layout !== undefined) return layout;
    }
    const albero = matchAlbero(headers, r);
    if (albero !== undefined) return albero;
  }
  return undefined;
}

const targetHeaders = new WeakMap<Layout, string>();

/** Integra repeats the header at every page break: its target cell reads as the header's. */
export function isHeaderRow(grid: Grid, row: number, layout: Layout): boolean {
  if (row === layout.headerRow) return true;
  const col = layout.columns.target;
  if (col === undefined) return false;
  let header = targetHeaders.get(layout);
  if (header === undefined) {
    header = normaliseHeader(textOf(grid.rows[layout.headerRow]?.[col]?.value));
    targetHeaders.set(layout, header);
  }
  const value = grid.rows[row]?.[col]?.value;
  // Only text can repeat a header; numbers and dates never do.
  return typeof value === 'string' && normaliseHeader(value) === header;
}

export const LAYOUT_NAMES: Readonly<Record<LayoutKind, string>> = {
  ente: 'Performance organizzativa Ente',
  unita: 'Performance unità organizzativa',
  overshooting: 'Dimensioni Performance e Overshooting',
  albero: 'Albero della performance',
  schede: 'Scheda obiettivi individuali',
};
