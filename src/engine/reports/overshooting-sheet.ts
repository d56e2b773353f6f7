import { DEFAULT_PROFILE, formatPercent, type Dec, type SmvpProfile } from '../core';
import type { CellInput } from '../cells';
import { semaforo } from '../rules';
import { fitsDouble, UNREPRESENTABLE, type OvershootingReport } from './overshooting-report';

/** A cell of a generated sheet: text is always written as text, numbers with their format. */
export type SheetValue = { readonly text: string } | { readonly number: number; readonly format: string };

export interface SheetLine {
  readonly cells: readonly SheetValue[];
  readonly flagged: boolean;
  readonly external: boolean;
}

/** The *Overshooting* sheet, the same whether written by the CLI (ExcelJS) or the pane (Office.js). */
export interface OvershootingSheet {
  readonly title: string;
  readonly header: readonly string[];
  readonly lines: readonly SheetLine[];
  readonly summary: ReadonlyArray<readonly [string, SheetValue]>;
  /** Column (0-based) of TARGET, marked when the target is set by the ministry. */
  readonly targetColumn: number;
}

const OVERSHOOTING_HEADER = [
  'INDICATORE',
  'TIPO',
  'DESCRIZIONE',
  'ALGORITMO',
  'VALORI MISURE',
  'CONSUNTIVO',
  'TARGET',
  'GRADO RAGGIUNGIMENTO',
  'VALORE vs TARGET',
  'OVERSHOOTING',
  'VALUTAZIONE',
] as const;

const PERCENT = '0.00%';
const text = (t: string): SheetValue => ({ text: t });
/** Never Infinity, which LibreOffice shows as 0%: a figure beyond a double is text, and the report's finding says why. */
const percent = (d: Dec): SheetValue => (fitsDouble(d) ? { number: d.toNumber(), format: PERCENT } : text(UNREPRESENTABLE));
const count = (n: number): SheetValue => ({ number: n, format: '0' });

/**
 * A cell of the source report as it was: a number stays a number with its format (0.125 formatted
 * "0.00%" is 12,50%, not the text "0.125"), so the written sheet reads back as the source did.
 */
function sourceCell(cell: CellInput): SheetValue {
  const { value, numberFormat } = cell;
  if (typeof value === 'number') return { number: value, format: numberFormat ?? 'General' };
  if (typeof value === 'boolean') return text(value ? 'VERO' : 'FALSO');
  return text(value ?? '');
}

export function overshootingSheet(report: OvershootingReport, profile: SmvpProfile = DEFAULT_PROFILE): OvershootingSheet {
  const lines: SheetLine[] = report.lines.map(({ input, outcome }) => {
    const name = input.label === '' ? input.code : `${input.code} - ${input.label}`;
    const figures: SheetValue[] =
      outcome === null
        ? [text('non calcolabile'), text(''), text(''), text('')]
        : [percent(outcome.achievement), percent(outcome.valueVsTarget), percent(outcome.overshooting), text(semaforo(outcome.achievement, profile))];
    return {
      cells: [
        text(name),
        text(input.tipo),
        text(input.description),
        text(input.algorithm),
        sourceCell(input.measures),
        sourceCell(input.value),
        sourceCell(input.target),
        ...figures,
      ],
      flagged: outcome?.flagged === true,
      external: input.external,
    };
  });
  const summary: Array<readonly [string, SheetValue]> = [
    ['Indicatori con target', count(report.total)],
    ['Indicatori in overshooting', count(report.flagged)],
    ['Quota in overshooting', { number: report.share.toNumber(), format: '0.0%' }],
    ['di cui con target fissato dal Ministero', count(report.external)],
    ...Object.entries(report.byTipo).map(([tipo, n]) => [`Tipo ${tipo}`, count(n)] as const),
    ['Soglia di tolleranza', text(formatPercent(profile.overshootingTolerance))],
  ];
  return { title: 'Dimensioni Performance e Overshooting', header: OVERSHOOTING_HEADER, lines, summary, targetColumn: 6 };
}

/** Fills of the generated sheet (RGB hex), the same in every writer. */
const SHEET_FILLS = { header: 'D9E1F2', flagged: 'FCE4D6', external: '92D050' } as const;

/** One cell of a generated sheet at its place (0-based), with its look. */
export interface PlacedCell {
  readonly row: number;
  readonly col: number;
  readonly value: SheetValue;
  readonly fill?: string;
  readonly bold?: boolean;
}

export interface SheetLayout {
  readonly cells: readonly PlacedCell[];
  readonly rowCount: number;
  readonly columnCount: number;
  readonly widths: readonly number[];
  /** Rows frozen at the top (title and header). */
  readonly frozenRows: number;
}

const HEADER_ROW = 3;
const WIDTHS = [48, 14, 40, 40, 28, 16, 22, 14, 14, 14, 12];

/** Where everything of the Overshooting sheet goes: title, note, header, lines, summary below. */
export function layOutOvershootingSheet(model: OvershootingSheet): SheetLayout {
  const cells: PlacedCell[] = [
    { row: 0, col: 0, value: text(model.title), bold: true },
    { row: 1, col: 0, value: text('Righe evidenziate: in overshooting. In verde i target fissati dal Ministero.') },
    ...model.header.map((h, col) => ({ row: HEADER_ROW, col, value: text(h), bold: true, fill: SHEET_FILLS.header })),
  ];
  model.lines.forEach((line, i) => {
    const row = HEADER_ROW + 1 + i;
    line.cells.forEach((value, col) => {
      const fill = line.external && col === model.targetColumn ? SHEET_FILLS.external : line.flagged ? SHEET_FILLS.flagged : undefined;
      cells.push({ row, col, value, ...(fill === undefined ? {} : { fill }) });
    });
  });
  const first = HEADER_ROW + model.lines.length + 2;
  model.summary.forEach(([label, value], i) => {
    cells.push({ row: first + i, col: 0, value: text(label), bold: true }, { row: first + i, col: 1, value });
  });
  return { cells, rowCount: first + model.summary.length, columnCount: model.header.length, widths: WIDTHS, frozenRows: HEADER_ROW + 1 };
}

/** A sheet name not yet taken (Excel compares names without case): "Overshooting (2)" and on. */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i += 1) {
    const name = `${base} (${i})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * Text as Excel must store it: a leading = + - @ would make Excel read a formula, so such text gets
 * the apostrophe prefix that Excel shows as nothing and keeps as text.
 */
export function literalText(t: string): string {
  return /^[=+\-@]/.test(t) ? `'${t}` : t;
}
