import { DEFAULT_PROFILE, type SmvpProfile } from './core';
import { SEMAPHORE_FILLS, semaforo } from './rules';
import type { LegendChange } from './planning';
import type { SheetReport } from './analyse';

const OVERSHOOTING_FILL = 'F4B084';

/** The planning tree's legend (target incrementati / diminuiti, obiettivo eliminato / aggiunto / rinominato). */
export const LEGEND_FILLS: Readonly<Record<LegendChange, string>> = { incrementato: 'C6EFCE', diminuito: 'FFC7CE', eliminato: 'D9D9D9', aggiunto: 'BDD7EE', rinominato: 'E4DFEC' };

/** A cell to colour: its A1 address on the validated sheet and the fill (RGB hex). */
export interface Mark {
  readonly address: string;
  readonly fill: string;
}

/**
 * What *Evidenzia* colours: the semaphore on each achievement cell (the stated one in a tree, the
 * grado in an annex) and a mark on the value (or overshooting) cell of each indicator in overshooting.
 * In a planning tree: the legend's colours, and the overshooting mark on targets not challenging
 * enough (it wins over the legend: the same warning, a target too easy).
 */
export function highlightMarks(report: SheetReport, profile: SmvpProfile = DEFAULT_PROFILE): Mark[] {
  const marks = new Map<string, string>();
  for (const node of report.nodes) {
    if (node.cell !== null && node.semaforo !== null) marks.set(node.cell, SEMAPHORE_FILLS[node.semaforo]);
  }
  for (const { input, outcome } of report.overshooting?.lines ?? []) {
    if (outcome === null) continue;
    const grado = input.addresses?.grado;
    if (grado !== undefined && report.layout === 'overshooting') marks.set(grado, SEMAPHORE_FILLS[semaforo(outcome.achievement, profile)]);
    const where = input.addresses?.overshooting ?? input.addresses?.value;
    if (outcome.flagged && where !== undefined) marks.set(where, OVERSHOOTING_FILL);
  }
  for (const { cell, change } of report.legend) if (cell !== null) marks.set(cell, LEGEND_FILLS[change]);
  for (const f of report.findings) {
    if (f.code === 'target-non-sfidante' && f.severity === 'avviso' && f.cell !== '') marks.set(f.cell, OVERSHOOTING_FILL);
  }
  return [...marks].map(([address, fill]) => ({ address, fill }));
}
