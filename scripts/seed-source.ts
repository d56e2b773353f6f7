/**
 * Reads the transcriptions of the seed reports (seeds/source/*.tsv): the versioned source data that
 * the golden tests check the engine against and from which the seed workbooks are generated.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Level, TreeRow } from '../src/engine';

export const SOURCE_DIR = join(__dirname, '..', 'seeds', 'source');

function readTsv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(join(SOURCE_DIR, file), 'utf8').replace(/\r/g, '').split('\n').filter((l) => l !== '');
  const names = header.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(names.map((name, i) => [name, cells[i] ?? '']));
  });
}

/** A row of the *Performance organizzativa Ente* report, as printed. */
export interface EnteSourceRow {
  readonly page: number;
  /** Column (0-based) in which Integra printed the weight, or the label when there is no weight. */
  readonly column: number;
  readonly level: Level;
  readonly weight: string;
  readonly code: string;
  readonly label: string;
  readonly target: string;
  readonly value: string;
  readonly stated: string;
  /** Code and label printed in two cells. */
  readonly split: boolean;
  /** The *valori misure* of the same indicator in the overshooting annex, when it has them. */
  readonly measures: string;
}

function printedRow(r: Record<string, string>): UnitSourceRow {
  return {
    page: Number(r.pagina),
    column: Number(r.colonna),
    level: r.livello as Level,
    weight: r.peso,
    code: r.codice,
    label: r.descrizione,
    target: r.target,
    value: r.valore,
    stated: r.raggiungimento,
    split: r.diviso === '1',
  };
}

export function readEnteSource(): EnteSourceRow[] {
  return readTsv('integra-ente-2024.tsv').map((r) => ({ ...printedRow(r), measures: r.valori_misure }));
}

/** The Ente rows as engine input; without measures, only the printed 2-decimal values are used. */
export function enteTreeRows(rows: readonly EnteSourceRow[], withMeasures: boolean): TreeRow[] {
  return rows.map((r) => ({
    level: r.level,
    code: r.code,
    label: r.label,
    weight: r.weight,
    target: r.target,
    value: r.value,
    stated: r.stated,
    ...(withMeasures && r.measures !== '' ? { measures: r.measures } : {}),
  }));
}

/** A row of the *Performance unità organizzativa* report, as printed. */
export type UnitSourceRow = Omit<EnteSourceRow, 'measures'>;

export function readUnitSource(): UnitSourceRow[] {
  return readTsv('integra-unita-2024.tsv').map(printedRow);
}

/** A row of the *Dimensioni Performance e Overshooting* annex (the eleven columns, and the colour). */
export interface OvershootingSourceRow {
  readonly code: string;
  readonly label: string;
  readonly tipo: string;
  readonly description: string;
  readonly algorithm: string;
  readonly measures: string;
  readonly value: string;
  readonly target: string;
  readonly grado: string;
  readonly valueVsTarget: string;
  readonly overshooting: string;
  /** Target set by the ministry (printed in green). */
  readonly external: boolean;
}

export function readOvershootingSource(): OvershootingSourceRow[] {
  return readTsv('integra-overshooting-2024.tsv').map((r) => ({
    code: r.codice,
    label: r.indicatore,
    tipo: r.tipo,
    description: r.descrizione,
    algorithm: r.algoritmo,
    measures: r.valori_misure,
    value: r.consuntivo,
    target: r.target,
    grado: r.grado,
    valueVsTarget: r.valore_vs_target,
    overshooting: r.overshooting,
    external: r.esterno === '1',
  }));
}

/** A row of the *Albero della performance 2025*: weights, algorithm, baseline 2022-2024, targets 2025-2027. */
export interface AlberoSourceRow {
  readonly page: number;
  readonly level: Level;
  readonly weight: string;
  readonly code: string;
  readonly label: string;
  readonly description: string;
  readonly algorithm: string;
  /** Printed baselines, oldest first (2022, 2023, 2024). */
  readonly baseline: readonly string[];
  /** Printed targets, nearest first (2025, 2026, 2027); '' where the plan sets none. */
  readonly targets: readonly string[];
}

export const ALBERO_BASELINE_YEARS = [2022, 2023, 2024] as const;
export const ALBERO_TARGET_YEARS = [2025, 2026, 2027] as const;

export function readAlberoSource(): AlberoSourceRow[] {
  return readTsv('albero-2025.tsv').map((r) => ({
    page: Number(r.pagina),
    level: r.livello as Level,
    weight: r.peso,
    code: r.codice,
    label: r.descrizione,
    description: r.descrizione_algoritmo,
    algorithm: r.algoritmo,
    baseline: ALBERO_BASELINE_YEARS.map((y) => r[`baseline_${y}`]),
    targets: ALBERO_TARGET_YEARS.map((y) => r[`target_${y}`]),
  }));
}

/**
 * A row of the individual scorecards (*schede obiettivi individuali*, seed section 4): an objective
 * (OS / OP / EXTRA), a line of its description, or one of its indicators. The extraction shifted the
 * cells of some cards left of their headers; the transcription puts each figure back under its header
 * and drops the indicator weight that one card prints twice. What is kept as printed: the card whose
 * objective rows carry neither grado nor weight (they sit on its indicator rows), the card that writes
 * the objective's description in the *Obiettivo* cell of its first indicator, the page break inside
 * the Dirigente Area 1 card (column `tabella`).
 */
export interface SchedaSourceRow {
  readonly card: string;
  readonly table: number;
  readonly kind: 'obiettivo' | 'descrizione' | 'indicatore';
  readonly type: string;
  readonly objective: string;
  readonly indicatorWeight: string;
  readonly indicator: string;
  readonly description: string;
  readonly algorithm: string;
  readonly measures: string;
  readonly value: string;
  readonly target: string;
  readonly grado: string;
  readonly evaluation: string;
  readonly objectiveWeight: string;
}

export function readSchedeSource(): SchedaSourceRow[] {
  return readTsv('schede-2024.tsv').map((r) => ({
    card: r.scheda,
    table: Number(r.tabella),
    kind: r.riga as SchedaSourceRow['kind'],
    type: r.tipologia,
    objective: r.obiettivo,
    indicatorWeight: r.peso_indicatore,
    indicator: r.indicatore,
    description: r.descrizione,
    algorithm: r.algoritmo,
    measures: r.valore_misure,
    value: r.consuntivo,
    target: r.target,
    grado: r.grado,
    evaluation: r.valutazione,
    objectiveWeight: r.peso_obiettivo,
  }));
}
