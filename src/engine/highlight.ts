import type { SheetReport } from './analyse';
import { DEFAULT_PROFILE, type SmvpProfile } from './profile';
import { semaforo, type Semaforo } from './semaphore';

/** Excel's own good / neutral / bad fills, so the colours read as users expect. */
export const SEMAPHORE_FILLS: Readonly<Record<Semaforo, string>> = { verde: 'C6EFCE', giallo: 'FFEB9C', rosso: 'FFC7CE' };
export const OVERSHOOTING_FILL = 'F4B084';

/** A cell to colour: its A1 address on the validated sheet and the fill (RGB hex). */
export interface Mark {
  readonly address: string;
  readonly fill: string;
}

/**
 * What *Evidenzia* colours: the semaphore on each achievement cell (the stated one in a tree, the
 * grado in an annex) and a mark on the value (or overshooting) cell of each indicator in overshooting.
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
  return [...marks].map(([address, fill]) => ({ address, fill }));
}
