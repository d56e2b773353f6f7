/**
 * A sheet that recalculates the live column as Excel would, through the custom functions' own code:
 * enough of Excel's formula evaluation for the formulas formulaText writes (one function call, its
 * arguments cell references, text literals or omitted; and =NA()). Each behaviour is a claim about
 * Excel, with its source:
 * - an omitted optional argument reaches the function as null (Microsoft, "Custom functions parameter
 *   options": "When no value is specified for an optional parameter, Excel assigns it the value null");
 * - a repeating parameter reaches it as one array of the arguments (same page, "Repeating parameters");
 * - an error cell reaches it as a CustomFunctions.Error, since the metadata sets allowErrorForDataTypeAny
 *   (Microsoft, "Handle and return errors in your custom function"); a thrown CustomFunctions.Error is
 *   the cell's error;
 * - an empty cell reaches it as null on the web and as 0 on Windows (OfficeDev/office-js issue 4702):
 *   `emptyAs` chooses which;
 * - a function sees a cell's value, never its number format (the parameter types of functions.json).
 */
import '../support/custom-functions-global';
import { LIVE_FUNCTIONS } from '../../src/engine/reports';
import { perfIndicator, perfWeightedMean } from '../../src/functions/functions';
import type { Grid, GridCell } from '../../src/engine';
import { address } from '../../src/engine/sheets';

type Scalar = string | number | boolean | null;
/** What a cell holds after recalculation: a value or an error (its code). */
export type Computed = { readonly value: Scalar } | { readonly error: string; readonly message?: string };

const FUNCTIONS: ReadonlyMap<string, (args: unknown[]) => number> = new Map([
  ...Object.values(LIVE_FUNCTIONS.indicator).map((name) => [name, (a: unknown[]) => perfIndicator(a[0], a[1], a[2] ?? null, a[3] ?? null, a[4] ?? null)] as const),
  ...Object.values(LIVE_FUNCTIONS.mean).map((name) => [name, (a: unknown[]) => perfWeightedMean(a)] as const),
]);

/** The arguments of a call's text, split at commas outside text literals. */
function splitArguments(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

export class LiveSheet {
  private readonly formulas = new Map<string, string>();
  private cache = new Map<string, Computed>();

  constructor(
    private readonly cells: Map<string, GridCell>,
    private readonly emptyAs: null | 0 = null,
  ) {}

  /** A grid's cells by their sheet address. */
  static fromGrid(grid: Grid, emptyAs: null | 0 = null): LiveSheet {
    const cells = new Map<string, GridCell>();
    grid.rows.forEach((row, r) => row.forEach((cell, c) => cell !== undefined && cells.set(address(grid, r, c), cell)));
    return new LiveSheet(cells, emptyAs);
  }

  setFormula(address: string, formula: string): void {
    this.formulas.set(address, formula);
    this.cache = new Map();
  }

  /** Types a value into a cell, as a user does: its formula, if any, is gone. */
  setValue(address: string, value: GridCell['value']): void {
    this.formulas.delete(address);
    this.cells.set(address, { value });
    this.cache = new Map();
  }

  /** The cell recalculated. */
  get(address: string): Computed {
    const cached = this.cache.get(address);
    if (cached !== undefined) return cached;
    const formula = this.formulas.get(address);
    const computed = formula === undefined ? this.stored(address) : this.evaluate(formula);
    this.cache.set(address, computed);
    return computed;
  }

  private stored(address: string): Computed {
    const value = this.cells.get(address)?.value;
    if (typeof value === 'string' && /^#[A-Z/0!?]+[!?A]?$/.test(value)) return { error: value };
    return { value: value === undefined || value === null || value === '' ? null : (value as Scalar) };
  }

  /** What a function receives for a cell reference. */
  private argument(address: string): unknown {
    const computed = this.get(address);
    if ('error' in computed) return new CustomFunctions.Error(computed.error as CustomFunctions.ErrorCode, computed.message);
    return computed.value === null ? this.emptyAs : computed.value;
  }

  private evaluate(formula: string): Computed {
    if (formula === '=NA()') return { error: '#N/A' };
    const call = /^=([A-Z_.]+)\((.*)\)$/.exec(formula);
    const run = call === null ? undefined : FUNCTIONS.get(call[1]);
    if (call === null || run === undefined) return { error: '#NAME?' };
    const args = splitArguments(call[2]).map((a) => {
      if (a === '') return null;
      if (a.startsWith('"')) return a.slice(1, -1).replace(/""/g, '"');
      return this.argument(a);
    });
    try {
      return { value: run(args) };
    } catch (e) {
      if (e instanceof CustomFunctions.Error) return { error: e.code, message: e.message };
      throw e;
    }
  }
}
