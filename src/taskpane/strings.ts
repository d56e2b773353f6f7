/** Pane texts: Italian, and English when Office runs in English. */
const it = {
  title: 'Performance SMVP',
  subtitle: 'Verifica, ricalcolo e spiegazione dei report Integra secondo lo SMVP.',
  rulesTitle: 'Regole SMVP',
  profile: 'Profilo',
  green: 'Verde da',
  red: 'Rosso fino a',
  tolerance: 'Soglia di tolleranza overshooting',
  deadline: 'Scadenza non rispettata',
  deadlineZero: '0%',
  deadlineLinear: (days: number) => `decresce a 0% in ${days} giorni`,
  missing: 'Valore mancante (N/D)',
  missingExclude: 'escluso dalla media, pesi rinormalizzati',
  missingZero: 'conteggiato come 0%',
  functionsHint: 'Nelle celle: =PERF.RAGGIUNGIMENTO(target; valore)',
};

export type Strings = typeof it;

const en: Strings = {
  title: 'SMVP Performance',
  subtitle: 'Checks, recomputes and explains the Integra reports under the SMVP.',
  rulesTitle: 'SMVP rules',
  profile: 'Profile',
  green: 'Green from',
  red: 'Red up to',
  tolerance: 'Overshooting tolerance',
  deadline: 'Missed deadline',
  deadlineZero: '0%',
  deadlineLinear: (days: number) => `decreases to 0% over ${days} days`,
  missing: 'Missing value (N/D)',
  missingExclude: 'left out of the mean, weights renormalised',
  missingZero: 'counted as 0%',
  functionsHint: 'In cells: =PERF.RAGGIUNGIMENTO(target, value)',
};

export function stringsFor(language: string): Strings {
  return language.toLowerCase().startsWith('en') ? en : it;
}
