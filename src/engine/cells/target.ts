import { excerpt, fail, ok, parseQuantityText, type Quantity, type Result } from '../core';
import { excelErrorMessage, FORMULA_WITHOUT_VALUE, isNotAvailableText, numberCell } from './actual';
import { isBlank, isExcelError, toCellInput, type CellLike } from './cell';
import { looksLikeDate, parseItalianDate, type DateValue } from './dates';

export type ComparisonKind = 'atLeast' | 'atMost' | 'equal';

/** `>= t`, `<= t`, `= t` (also a bare t) or `Entro DD-MM-YYYY`. */
export type Target =
  | { readonly kind: ComparisonKind; readonly threshold: Quantity }
  | { readonly kind: 'deadline'; readonly date: DateValue };

const OPERATORS: ReadonlyArray<readonly [RegExp, ComparisonKind]> = [
  [/^(>=|≥)\s*/, 'atLeast'],
  [/^(<=|≤)\s*/, 'atMost'],
  [/^=\s*/, 'equal'],
];

const MISSPELT: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(==|≠|<>|!=)/, '='],
  [/^(=>|>>|>\s+=|>(?!=))/, '>='],
  [/^(=<|<<|<\s+=|<(?!=))/, '<='],
];

const DEADLINE = /^entro(\s+(il|la data( del)?))?\s+/i;

/** Reads a target from Integra text or from a real Excel value (a number is `= t`, a date a deadline). */
export function parseTarget(cell: CellLike): Result<Target> {
  const { value, numberFormat, formulaWithoutValue } = toCellInput(cell);
  if (formulaWithoutValue === true) return fail('formula-without-value', FORMULA_WITHOUT_VALUE);
  if (value === null || value === undefined) return fail('invalid-target', 'Target mancante.');
  if (typeof value === 'boolean') return fail('invalid-target', 'Target non valido: valore logico.');
  if (typeof value === 'number') {
    const n = numberCell(value, numberFormat);
    if (!n.ok) return n;
    return ok(n.value.kind === 'date' ? { kind: 'deadline', date: n.value } : { kind: 'equal', threshold: n.value });
  }
  return parseTargetText(value);
}

function parseTargetText(raw: string): Result<Target> {
  const text = raw.trim().replace(/\u00a0/g, ' ');
  if (isBlank(text)) return fail('invalid-target', 'Target mancante.');
  if (isNotAvailableText(text)) return fail('invalid-target', `Target non disponibile («${excerpt(text)}»): indicare il target.`);
  if (isExcelError(text)) return fail('excel-error', excelErrorMessage(text));
  const deadline = DEADLINE.exec(text);
  if (deadline !== null || looksLikeDate(text)) {
    const date = parseItalianDate(deadline === null ? text : text.slice(deadline[0].length));
    return date.ok ? ok({ kind: 'deadline', date: date.value }) : fail('invalid-target', `Target: ${date.error.message}`);
  }
  for (const [re, suggestion] of MISSPELT) {
    if (re.test(text)) {
      return fail('invalid-operator', `Operatore non valido nel target «${excerpt(text)}»: usare «${suggestion}».`);
    }
  }
  const operator = OPERATORS.find(([re]) => re.test(text));
  const kind = operator?.[1] ?? 'equal';
  const rest = operator === undefined ? text : text.replace(operator[0], '');
  const threshold = parseQuantityText(rest);
  if (!threshold.ok) return fail('invalid-target', `Target «${excerpt(text)}» non leggibile: ${threshold.error.message}`);
  return ok({ kind, threshold: threshold.value });
}
