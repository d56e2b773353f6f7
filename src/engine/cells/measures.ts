import {
  Dec, excerpt, fail, formatNumber, FULL_PRECISION, HUNDRED, italianNumberAt, MAX_MEASURES_CHARS,
  MAX_MEASURES_DEPTH, MAX_MEASURES_TERMS, MAX_NUMBER_DIGITS, numberFromMatch, ok, quantity, unitAt,
  type Quantity, type Result, type Unit,
} from '../core';
import { parseActual, type Actual } from './actual';
import { isBlankCell, toCellInput, type CellLike } from './cell';
import { looksLikeDate, parseItalianDate, type DateValue } from './dates';

/**
 * The *valori misure* of an indicator: the measures its value is computed from, as Integra prints
 * them ("8.270 N. / 630,56 N.", "(15.248 N. - 18.283 N.) / 18.283 N.", "270 N. * 1000 / 69.749 N.").
 * A small recursive-descent parser: + - * / and parentheses over Italian numbers with units. The
 * limits in limits.ts are checked before the work they bound, so a hostile cell is a finding.
 */
export type MeasuresValue = Quantity | DateValue;

type Op = '+' | '-' | '*' | '/' | '(' | ')';
type Token = { readonly type: 'number'; readonly value: Quantity } | { readonly type: 'op'; readonly op: Op };

const OPERATORS: Readonly<Record<string, Op>> = {
  '+': '+',
  '-': '-',
  '−': '-',
  '*': '*',
  '×': '*',
  '/': '/',
  ':': '/',
  '(': '(',
  ')': ')',
};

const count = (n: number) => formatNumber(new Dec(n), 0);

function tokenize(text: string): Result<Token[]> {
  const tokens: Token[] = [];
  let terms = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const op = OPERATORS[ch];
    if (/\s/.test(ch)) {
      i += 1;
    } else if (op !== undefined) {
      tokens.push({ type: 'op', op });
      i += 1;
    } else {
      const matched = italianNumberAt(text, i);
      if (matched === undefined) {
        const character = Array.from(text.slice(i, i + 2))[0]; // a whole emoji, not half of it
        return fail('invalid-expression', `Carattere inatteso «${character}» in posizione ${i + 1} di «${excerpt(text)}».`);
      }
      terms += 1;
      if (terms > MAX_MEASURES_TERMS) {
        return fail('too-many-terms', `Valori misure con più di ${count(MAX_MEASURES_TERMS)} numeri: «${excerpt(text)}».`);
      }
      // Before the number is built: the cost of the arithmetic grows with its digits.
      const digits = matched.replace(/\D/g, '').length;
      if (digits > MAX_NUMBER_DIGITS) {
        return fail('too-many-digits', `Numero di ${count(digits)} cifre (al massimo ${MAX_NUMBER_DIGITS}) nei valori misure: «${excerpt(matched)}».`);
      }
      const n = numberFromMatch(matched);
      i += matched.length;
      const u = unitAt(text, i);
      const unit: Unit | null = u?.unit ?? null;
      if (u !== undefined) i += u.length;
      const amount = unit === '%' ? n.amount.div(HUNDRED) : n.amount;
      tokens.push({ type: 'number', value: quantity(amount, unit, n.decimals) });
    }
  }
  return ok(tokens);
}

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(
    private readonly tokens: readonly Token[],
    /** The cell as messages quote it: an excerpt. */
    private readonly quoted: string,
  ) {}

  parse(): Result<Quantity> {
    const result = this.sum();
    if (result.ok && this.pos < this.tokens.length) return this.unexpected();
    return result;
  }

  private sum(): Result<Quantity> {
    let left = this.product();
    while (left.ok && this.peekOp('+', '-')) {
      const op = this.next() as { op: '+' | '-' };
      const right = this.product();
      if (!right.ok) return right;
      const a = left.value;
      const b = right.value;
      const amount = op.op === '+' ? a.amount.plus(b.amount) : a.amount.minus(b.amount);
      left = ok(quantity(amount, a.unit === b.unit ? a.unit : null, Math.max(a.decimals, b.decimals)));
    }
    return left;
  }

  private product(): Result<Quantity> {
    let left = this.factor();
    while (left.ok && this.peekOp('*', '/')) {
      const op = this.next() as { op: '*' | '/' };
      const right = this.factor();
      if (!right.ok) return right;
      const a = left.value;
      const b = right.value;
      if (op.op === '/' && b.amount.isZero()) {
        return fail('division-by-zero', `Divisione per zero nei valori misure «${this.quoted}».`);
      }
      left = ok(
        op.op === '*'
          ? quantity(a.amount.times(b.amount), a.unit ?? b.unit, FULL_PRECISION)
          : quantity(a.amount.div(b.amount), b.unit === null || b.unit !== a.unit ? a.unit : null, FULL_PRECISION),
      );
    }
    return left;
  }

  private factor(): Result<Quantity> {
    const token = this.tokens[this.pos];
    if (token === undefined) return fail('invalid-expression', `Espressione incompleta: «${this.quoted}».`);
    if (token.type === 'number') {
      this.pos += 1;
      return ok(token.value);
    }
    if (token.op === '-' || token.op === '+') {
      this.pos += 1;
      const operand = this.nested(() => this.factor());
      if (!operand.ok || token.op === '+') return operand;
      return ok(quantity(operand.value.amount.negated(), operand.value.unit, operand.value.decimals));
    }
    if (token.op === '(') {
      this.pos += 1;
      const inner = this.nested(() => this.sum());
      if (!inner.ok) return inner;
      if (!this.peekOp(')')) return fail('invalid-expression', `Parentesi non chiusa in «${this.quoted}».`);
      this.pos += 1;
      return inner;
    }
    return this.unexpected();
  }

  /** Parses one level deeper, refusing beyond the limit: the recursion, and so the stack, stays bounded. */
  private nested(parse: () => Result<Quantity>): Result<Quantity> {
    if (this.depth === MAX_MEASURES_DEPTH) {
      return fail('too-deep', `Valori misure annidati oltre ${MAX_MEASURES_DEPTH} livelli di parentesi e segni: «${this.quoted}».`);
    }
    this.depth += 1;
    const result = parse();
    this.depth -= 1;
    return result;
  }

  private peekOp(...ops: string[]): boolean {
    const t = this.tokens[this.pos];
    return t !== undefined && t.type === 'op' && ops.includes(t.op);
  }

  private next(): Token {
    const t = this.tokens[this.pos];
    this.pos += 1;
    return t;
  }

  private unexpected(): Result<never> {
    const t = this.tokens[this.pos];
    const what = t.type === 'op' ? `«${t.op}»` : 'un numero';
    return fail('invalid-expression', `Trovato ${what} inatteso in «${this.quoted}».`);
  }
}

/** Computes the value from its measures; a single date stands for itself. Never throws. */
export function evaluateMeasures(text: string): Result<MeasuresValue> {
  const t = text.trim();
  if (t === '') return fail('empty', 'Valori misure vuoti.');
  if (t.length > MAX_MEASURES_CHARS) {
    return fail('too-long', `Valori misure di ${count(t.length)} caratteri, oltre il limite di ${count(MAX_MEASURES_CHARS)}: «${excerpt(t)}».`);
  }
  if (looksLikeDate(t)) return parseItalianDate(t);
  const tokens = tokenize(t);
  if (!tokens.ok) return tokens;
  return new Parser(tokens.value, excerpt(t)).parse();
}

/**
 * What a *Valori misure* cell gives, the same for a tree and an annex: an expression as Integra prints
 * it, or a number or date typed in; undefined when the cell is blank (empty or «-»).
 */
export function readMeasures(cell: CellLike | undefined): Result<Actual> | undefined {
  if (cell === undefined || isBlankCell(cell)) return undefined;
  const input = toCellInput(cell);
  return typeof input.value === 'string' ? evaluateMeasures(input.value) : parseActual(input);
}
