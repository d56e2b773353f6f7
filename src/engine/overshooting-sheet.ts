import type { Dec } from './decimal';
import { formatPercent } from './format';
import type { OvershootingReport } from './overshooting-report';
import { DEFAULT_PROFILE, type SmvpProfile } from './profile';
import { semaforo } from './semaphore';

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

export const OVERSHOOTING_HEADER = [
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
const percent = (d: Dec): SheetValue => ({ number: d.toNumber(), format: PERCENT });
const count = (n: number): SheetValue => ({ number: n, format: '0' });

function cellText(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
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
        text(cellText(input.measures.value)),
        text(cellText(input.value.value)),
        text(cellText(input.target.value)),
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
