import { Dec, DEFAULT_PROFILE, HUNDRED, profileToJson, type SmvpProfile } from '../core';
import { SEMAPHORE_FILLS, type Semaforo } from '../rules';
import { formatDate, isBlankCell, isDateFormat, isPercentFormat, parseTarget, toCellInput } from '../cells';
import { columnLetters } from '../sheets';
import type { EvaluatedNode, TreeRow } from '../trees';

/** The header of the column of live formulas. */
export const LIVE_HEADER = 'Ricalcolato SMVP';

/**
 * The two functions the live column uses, as Excel names them in each language: the build gives the
 * English names (functions.json, from the JSDoc of src/functions/functions.ts) and the Italian ones
 * (functions.it.json); a test checks these against both.
 */
export const LIVE_FUNCTIONS = {
  indicator: { it: 'PERF.INDICATORE', en: 'PERF.INDICATOR' },
  mean: { it: 'PERF.MEDIA_PESATA', en: 'PERF.WEIGHTEDMEAN' },
} as const;

export type FunctionLanguage = 'it' | 'en';

/** One row's formula, by the cells it reads. */
export type LiveFormula =
  | {
      readonly kind: 'indicator';
      readonly target: string;
      /**
       * The target as text, in place of its cell, when the cell is a date or a percentage: a function
       * sees the number (a date's serial, 0,95), not its format, and would read it as «= n».
       */
      readonly targetText?: string;
      readonly value: string;
      readonly measures?: string;
      /** The value cell holds a number formatted as a percentage: a function sees the number, not its format. */
      readonly percentValue: boolean;
    }
  | {
      readonly kind: 'mean';
      /** Each child's weight cell and its own live cell, in print order. */
      readonly children: readonly {
        readonly weight: string;
        /**
         * The weight as text, in place of its cell, when the cell is a number formatted as a
         * percentage above 100%: a function sees 1,25, not 125%, and reads a plain number above 1 as
         * percentage points (1,25%).
         */
        readonly weightText?: string;
        readonly achievement: string;
      }[];
    }
  /** Nothing to compute (no target, no children): #N/A, which the parent's mean reads as a missing value. */
  | { readonly kind: 'none' };

export interface LiveRow {
  /** 1-based sheet row. */
  readonly row: number;
  readonly node: EvaluatedNode;
  readonly formula: LiveFormula;
}

/**
 * The formulas of the *Ricalcolato SMVP* column (`column`, 0-based), one per node on the row where it
 * is first printed: an indicator's achievement from its own target, value and measures cells, a
 * parent's weighted mean of exactly its children's weight and live cells. A child whose weight has no
 * cell is left out, as the recomputation leaves out an unreadable weight. A node with nothing to
 * compute gets #N/A rather than an empty cell: Excel on Windows hands an empty cell to a custom
 * function as 0 (OfficeDev/office-js issue 4702), which the mean would count as 0%.
 */
export function liveRows(roots: readonly EvaluatedNode[], column: number): LiveRow[] {
  const letters = columnLetters(column);
  const out: LiveRow[] = [];
  const visit = (node: EvaluatedNode): void => {
    if (node.row.sheetRow !== undefined) out.push({ row: node.row.sheetRow, node, formula: formulaOf(node, letters) });
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  return out;
}

const NONE: LiveFormula = { kind: 'none' };

function formulaOf(node: EvaluatedNode, letters: string): LiveFormula {
  const { row } = node;
  const at = row.addresses ?? {};
  if (node.indicator !== undefined) {
    if (at.target === undefined || at.value === undefined) return NONE;
    const input = toCellInput(row.value ?? null);
    const percentValue = typeof input.value === 'number' && isPercentFormat(input.numberFormat);
    const targetText = formattedTargetText(row.target);
    // Only measures that are there: an empty cell would reach the function as 0 on Windows (issue 4702).
    const measures = at.measures === undefined || isBlankCell(row.measures) ? {} : { measures: at.measures };
    return { kind: 'indicator', target: at.target, ...(targetText === undefined ? {} : { targetText }), value: at.value, ...measures, percentValue };
  }
  const children = node.children.flatMap((child) => {
    const weight = child.row.addresses?.weight;
    if (weight === undefined || child.row.sheetRow === undefined) return [];
    const weightText = percentWeightText(child.row.weight);
    return [{ weight, ...(weightText === undefined ? {} : { weightText }), achievement: `${letters}${child.row.sheetRow}` }];
  });
  return children.length === 0 ? NONE : { kind: 'mean', children };
}

/** A target held as a date or a percentage, as the text that reads the same («Entro 30-06-2024», «95 %»); undefined for any other cell. */
function formattedTargetText(cell: TreeRow['target']): string | undefined {
  const { value, numberFormat } = toCellInput(cell ?? null);
  if (typeof value !== 'number' || !(isDateFormat(numberFormat) || isPercentFormat(numberFormat))) return undefined;
  const target = parseTarget(cell ?? null);
  if (!target.ok) return undefined;
  if (target.value.kind === 'deadline') return `Entro ${formatDate(target.value.date)}`;
  return percentText(target.value.threshold.amount);
}

/** A weight held as a number formatted as a percentage above 100%, as the text that reads the same («125 %»); undefined otherwise. */
function percentWeightText(cell: TreeRow['weight']): string | undefined {
  const { value, numberFormat } = toCellInput(cell ?? null);
  if (typeof value !== 'number' || !isPercentFormat(numberFormat) || !(value > 1)) return undefined;
  return percentText(new Dec(value));
}

/** A fraction as the percentage text the engine reads back to the same decimal: 1,219 → «121,9 %». */
const percentText = (fraction: Dec): string => `${fraction.times(HUNDRED).toFixed().replace('.', ',')} %`;

/**
 * The profilo argument the formulas need: only what changes their figures (the deadline rule and
 * missing values; the semaphore is the column's formatting), as JSON the functions read. Null for
 * the default profile's figures, so the formulas stay short.
 */
export function liveProfileArgument(profile: SmvpProfile): string | null {
  const json = profileToJson(profile);
  const base = profileToJson(DEFAULT_PROFILE);
  const needed = {
    ...(JSON.stringify(json.deadline) === JSON.stringify(base.deadline) ? {} : { deadline: json.deadline }),
    ...(json.missingValue === base.missingValue ? {} : { missingValue: json.missingValue }),
  };
  return Object.keys(needed).length === 0 ? null : JSON.stringify(needed);
}

/** A text as an Excel formula's string literal: quotes doubled. */
const literal = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/**
 * A formula as Office.js `Range.formulas` takes it: English separators (commas) whatever the user's
 * locale, and the custom functions' names in the language Excel shows them in (see LIVE_FUNCTIONS).
 */
export function formulaText(formula: LiveFormula, language: FunctionLanguage, profile: string | null): string {
  if (formula.kind === 'none') return '=NA()';
  const tail = profile === null ? [] : [literal(profile)];
  if (formula.kind === 'indicator') {
    const optional = [formula.measures ?? '', formula.percentValue ? literal('%') : '', ...tail];
    // Trailing empty arguments dropped: =PERF.INDICATORE(F5,G5) rather than =PERF.INDICATORE(F5,G5,,).
    while (optional.length > 0 && optional[optional.length - 1] === '') optional.pop();
    const target = formula.targetText === undefined ? formula.target : literal(formula.targetText);
    return `=${LIVE_FUNCTIONS.indicator[language]}(${[target, formula.value, ...optional].join(',')})`;
  }
  const pairs = formula.children.flatMap((c) => [c.weightText === undefined ? c.weight : literal(c.weightText), c.achievement]);
  return `=${LIVE_FUNCTIONS.mean[language]}(${[...pairs, ...tail].join(',')})`;
}

/** One conditional format of the live column: the cell's semaphore, as a formula on its top cell. */
export interface SemaphoreRule {
  readonly semaforo: Semaforo;
  /** In English, relative to the range's top cell, as ConditionalFormatRule.formula takes it. */
  readonly formula: string;
  /** RGB hex, the same as the static highlight's. */
  readonly fill: string;
}

/**
 * The profile's semaphore (SMVP §4) as three rules on the live column, whose top cell is `topCell`:
 * verde from the green threshold, rosso up to the red one, giallo between. ISNUMBER keeps them off
 * the errors and empty cells, which Excel would otherwise compare as 0 (rosso).
 */
export function semaphoreRules(topCell: string, profile: SmvpProfile = DEFAULT_PROFILE): SemaphoreRule[] {
  // Plain notation: a formula cannot read Decimal's exponent form (1e-7).
  const green = profile.semaphore.green.toFixed();
  const red = profile.semaphore.red.toFixed();
  const rule = (semaforo: Semaforo, test: string): SemaphoreRule => ({ semaforo, formula: `=AND(ISNUMBER(${topCell}),${test})`, fill: SEMAPHORE_FILLS[semaforo] });
  return [rule('verde', `${topCell}>=${green}`), rule('rosso', `${topCell}<=${red}`), rule('giallo', `${topCell}>${red},${topCell}<${green}`)];
}
