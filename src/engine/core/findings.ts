import type { EngineError } from './result';

export type Severity = 'errore' | 'avviso' | 'nota';

/** Stable identifiers of what the validator reports. */
export type FindingCode =
  | 'layout-non-riconosciuto'
  | 'livello-incerto'
  | 'peso-illeggibile'
  | 'somma-pesi'
  | 'pesi-nulli'
  | 'target-illeggibile'
  | 'valore-illeggibile'
  | 'valore-mancante'
  | 'valore-incompatibile'
  | 'unita-ambigua'
  | 'errore-excel'
  | 'formula-senza-valore'
  | 'misure-illeggibili'
  | 'valore-diverso-dalle-misure'
  | 'raggiungimento-illeggibile'
  | 'raggiungimento-diverso'
  | 'arrotondamento'
  | 'overshooting-diverso'
  | 'target-non-sfidante'
  | 'overshooting-seguito'
  | 'overshooting-non-seguito'
  | 'obiettivo-aggiunto'
  | 'obiettivo-eliminato'
  | 'obiettivo-rinominato'
  | 'corrispondenza-probabile'
  | 'peso-obiettivo-diverso'
  | 'os-non-verificato';

export interface Finding {
  readonly severity: Severity;
  readonly code: FindingCode;
  /** A1 address of the cell to look at; empty when the finding is about the whole sheet. */
  readonly cell: string;
  /** Italian, saying what is wrong and what to do. */
  readonly message: string;
  /** Figures compared, full precision (percentages as fractions). */
  readonly stated?: string;
  readonly computed?: string;
  /** A target to propose instead, as Integra writes it (planning tree). */
  readonly suggested?: string;
}

/** The finding code of an unreadable cell: its own for an Excel error or a formula without its result, else `code`. */
export function readingFindingCode(error: EngineError, code: FindingCode): FindingCode {
  if (error.code === 'excel-error') return 'errore-excel';
  return error.code === 'formula-without-value' ? 'formula-senza-valore' : code;
}

const ORDER: Readonly<Record<Severity, number>> = { errore: 0, avviso: 1, nota: 2 };

export function bySeverity(a: Finding, b: Finding): number {
  return ORDER[a.severity] - ORDER[b.severity];
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { errore: 0, avviso: 0, nota: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
