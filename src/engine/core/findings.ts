import type { Dec } from './decimal';
import type { EngineError } from './result';

export type Severity = 'errore' | 'avviso' | 'nota';

/**
 * Every finding the engine reports, by its stable code: the severity it usually has and what it means
 * for the person checking the report, in Italian. `finding` below builds them all; the user guide lists
 * this table.
 */
export const FINDINGS = {
  'layout-non-riconosciuto': { severity: 'errore', meaning: 'Il foglio non ha le intestazioni di un report Integra noto: controllare di aver scelto il foglio giusto.' },
  'livello-incerto': { severity: 'avviso', meaning: "Le righe sotto non dicono a che livello appartiene la riga: è letta un livello sotto quella aperta; controllare l'ordine delle righe." },
  'peso-illeggibile': { severity: 'errore', meaning: 'Il peso non si legge come percentuale: il nodo resta fuori dalla media del padre finché non è corretto.' },
  'somma-pesi': { severity: 'errore', meaning: 'I pesi dei figli non sommano a 100% (entro la tolleranza del profilo): correggere i pesi.' },
  'pesi-nulli': { severity: 'errore', meaning: 'Tutti i pesi dei figli sono zero: la media pesata non esiste.' },
  'target-illeggibile': { severity: 'errore', meaning: 'Il target non è scritto come Integra lo scrive (>= t, <= t, = t, Entro una data): correggerlo.' },
  'valore-illeggibile': { severity: 'errore', meaning: 'Il valore consuntivo non si legge come numero, percentuale o data: correggerlo.' },
  'valore-mancante': { severity: 'errore', meaning: "Valore assente (N/D o cella vuota): l'indicatore non è misurabile e resta fuori dalla media, o vale 0%, come dice il profilo." },
  'valore-incompatibile': { severity: 'errore', meaning: 'Target e valore non si confrontano (una data contro un numero, unità diverse) o il rapporto non è rappresentabile.' },
  'unita-ambigua': { severity: 'avviso', meaning: 'Valore senza % contro un target in percentuale: letto come punti se maggiore di 1, come frazione se no; scriverlo con il %.' },
  'errore-excel': { severity: 'errore', meaning: 'La cella contiene un errore di Excel (#DIV/0!, #RIF!…): correggere la formula da cui viene.' },
  'formula-senza-valore': { severity: 'errore', meaning: 'Formula senza risultato salvato nel file: aprirlo e salvarlo in Excel, che calcola i valori.' },
  'misure-illeggibili': { severity: 'avviso', meaning: 'I valori misure non si leggono come espressione: è usato il valore dichiarato.' },
  'valore-diverso-dalle-misure': { severity: 'avviso', meaning: 'Il valore dichiarato non è quello che danno i valori misure: verificare il consuntivo o le misure.' },
  'raggiungimento-illeggibile': { severity: 'avviso', meaning: 'Il raggiungimento stampato non si legge: il nodo è ricalcolato ma non confrontato.' },
  'raggiungimento-diverso': { severity: 'errore', meaning: 'Il raggiungimento stampato è diverso da quello ricalcolato oltre ogni arrotondamento: verificare pesi e valori.' },
  arrotondamento: { severity: 'nota', meaning: 'Stampato e ricalcolato differiscono solo per i pochi decimali delle cifre stampate.' },
  'overshooting-diverso': { severity: 'errore', meaning: "Grado, valore/target o overshooting dell'allegato diversi dal ricalcolo: verificare target, consuntivo e misure." },
  'target-non-sfidante': { severity: 'avviso', meaning: 'Target più facile di quanto già ottenuto nella baseline: è proposto un target; nota se la descrizione lo motiva.' },
  'overshooting-seguito': { severity: 'nota', meaning: "Indicatore in overshooting l'anno prima: il target è stato innalzato, o l'indicatore non c'è più." },
  'overshooting-non-seguito': { severity: 'avviso', meaning: "Indicatore in overshooting l'anno prima: il target non è stato innalzato." },
  'obiettivo-aggiunto': { severity: 'nota', meaning: "Obiettivo o indicatore che non c'era l'anno prima." },
  'obiettivo-eliminato': { severity: 'nota', meaning: "Obiettivo o indicatore dell'anno prima che non c'è più." },
  'obiettivo-rinominato': { severity: 'nota', meaning: "Lo stesso obiettivo dell'anno prima con un nuovo codice (stessa descrizione)." },
  'corrispondenza-probabile': { severity: 'avviso', meaning: "Probabilmente lo stesso obiettivo dell'anno prima con un nuovo codice (descrizione simile): da confermare." },
  'peso-obiettivo-diverso': { severity: 'avviso', meaning: "Le righe di uno stesso obiettivo della scheda ne danno pesi diversi: è usato quello della prima riga." },
  'os-non-verificato': { severity: 'nota', meaning: 'Il grado di un obiettivo strategico in una scheda comprende indicatori che la scheda non elenca: confrontato con il report Ente.' },
} as const satisfies Record<string, { readonly severity: Severity; readonly meaning: string }>;

/** Stable identifiers of what the validator reports. */
export type FindingCode = keyof typeof FINDINGS;

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

/** What a finding may carry besides its message; `severity` only where a place weighs the code differently. */
export interface FindingDetails {
  readonly severity?: Severity;
  readonly stated?: Dec;
  readonly computed?: Dec;
  readonly suggested?: string;
}

/** The one way to build a finding: the code's severity unless the place says otherwise; no cell for the whole sheet. */
export function finding(code: FindingCode, cell: string | undefined, message: string, details: FindingDetails = {}): Finding {
  const { severity = FINDINGS[code].severity, stated, computed, suggested } = details;
  return {
    severity,
    code,
    cell: cell ?? '',
    message,
    ...(stated === undefined ? {} : { stated: stated.toString() }),
    ...(computed === undefined ? {} : { computed: computed.toString() }),
    ...(suggested === undefined ? {} : { suggested }),
  };
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
