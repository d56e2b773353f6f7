import { capitalised, counted, DEFAULT_PROFILE, excerpt, formatNumber, formatPercent, HUNDRED, ZERO, type Dec, type SmvpProfile } from '../core';
import { semaforo } from '../rules';
import {
  LEVEL_NAMES, rowName, rowNameInMessage, type Contribution, type Explanation, type LeftOut,
  type LeftOutReason, type TreeRow,
} from '../trees';

/** Indicators named one by one in a sentence; the others are summed. */
const NAMED_INDICATORS = 3;

/** A node by its level and name, without its label: «obiettivo strategico 701», «Ente», «Area Dirigenziale 1». */
export function levelAndName(row: TreeRow): string {
  const level = LEVEL_NAMES[row.level];
  const name = rowNameInMessage(row);
  // «Area Dirigenziale 1» is an area already: no «area Area Dirigenziale 1».
  return name.toLowerCase().startsWith(level.toLowerCase()) ? name : `${level} ${name}`;
}

/** «obiettivo strategico 701 «Tutela della legalità»», «ambito «Competitività»» (a row without code), «Ente». */
export function nodeTitle(row: TreeRow): string {
  const head = levelAndName(row);
  if (row.code === '' && head !== rowNameInMessage(row)) return `${LEVEL_NAMES[row.level]} «${rowNameInMessage(row)}»`;
  return row.code === '' || row.label === '' ? head : `${head} «${excerpt(row.label)}»`;
}

/** Percentage points: «1,20 punti»; a loss that rounds to nothing is said to be under the last digit. */
export function points(loss: Dec): string {
  const shown = formatNumber(loss.times(HUNDRED), 2);
  if (shown === '0,00' && !loss.isZero()) return 'meno di 0,01 punti';
  return `${shown} ${shown === '1,00' ? 'punto' : 'punti'}`;
}

/** The definite article of a level's name: «il blocco», «la scheda», «l'indicatore». */
const article = (level: TreeRow['level']): string => (level === 'blocco' ? 'il ' : level === 'scheda' ? 'la ' : "l'");

function indicatorCost(c: Contribution, profile: SmvpProfile, first: boolean): string {
  const at = c.countedAsZero ? 'senza valore, contato 0%' : formatPercent(c.achievement, profile.displayDecimals);
  return `${first ? article(c.node.row.level) : ''}${nodeTitle(c.node.row)} (${at}) ${first ? 'toglie ' : ''}${points(c.loss)}`;
}

/** Why a row is out of the mean, as the texts say it. */
export const LEFT_OUT_WORDS: Readonly<Record<LeftOutReason, string>> = {
  'valore-mancante': 'senza valore',
  'non-calcolabile': 'non calcolabili',
  'peso-illeggibile': 'per un peso illeggibile',
};

/** Rows named in the left-out sentence for each reason; the others are counted. */
const NAMED_LEFT_OUT = 5;

function leftOutSentence(leftOut: readonly LeftOut[]): string {
  const byReason = new Map<LeftOutReason, string[]>();
  for (const { node, reason } of leftOut) byReason.set(reason, [...(byReason.get(reason) ?? []), excerpt(rowName(node.row))]);
  const parts = [...byReason].map(([reason, names]) => {
    const more = names.length - NAMED_LEFT_OUT;
    return `${LEFT_OUT_WORDS[reason]}, ${names.slice(0, NAMED_LEFT_OUT).join(', ')}${more > 0 ? ` e altre ${more} righe` : ''}`;
  });
  return ` Fuori dal calcolo: ${parts.join('; ')}.`;
}

/**
 * One sentence a controller can paste into the *Relazione*, from the recomputed figures only: the
 * node's figure and semaphore, the indicators that cost the most points, the rest summed, and what
 * was left out of the mean.
 */
export function explanationText(e: Explanation, profile: SmvpProfile = DEFAULT_PROFILE): string {
  const subject = capitalised(nodeTitle(e.node.row));
  const leftOut = e.indicatorsLeftOut.length === 0 ? '' : leftOutSentence(e.indicatorsLeftOut);
  if (e.node.achievement === null || e.gap === null) return `${subject}: raggiungimento non calcolabile, nessun figlio con un valore e un peso leggibili.${leftOut}`;
  const figure = `${subject} al ${formatPercent(e.node.achievement, profile.displayDecimals)} (${semaforo(e.node.achievement, profile)})`;
  if (e.gap.isZero()) return `${figure}: ogni indicatore misurato raggiunge il target.${leftOut}`;
  // The node itself, when it stands for its own gap (an indicator, an OS graded from the Ente), is not named again.
  const costing = e.indicators.filter((c) => !c.loss.isZero() && c.node !== e.node);
  if (costing.length === 0) return `${figure}, ${points(e.gap)} sotto il 100%.${leftOut}`;
  const named = costing.slice(0, NAMED_INDICATORS).map((c, i) => indicatorCost(c, profile, i === 0));
  const rest = costing.slice(NAMED_INDICATORS);
  if (rest.length > 0) {
    const restLoss = rest.reduce((sum, c) => sum.plus(c.loss), ZERO);
    named.push(`${rest.length === 1 ? "l'altro indicatore sotto il target" : `gli altri ${counted(rest.length, 'indicatore', 'indicatori')} sotto il target`} ${points(restLoss)}`);
  }
  return `${figure}, ${points(e.gap)} sotto il 100%: ${named.join(', ')}.${leftOut}`;
}
