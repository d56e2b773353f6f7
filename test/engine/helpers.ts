import { parseActual, parseTarget, type Actual, type DateValue, type GridCell, type Quantity, type Result, type Target } from '../../src/engine';

/** A sheet cell with its value and, optionally, number format and colours. */
export const c = (value: GridCell['value'], extra: Omit<GridCell, 'value'> = {}): GridCell => ({ value, ...extra });

export function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

export function target(text: string): Target {
  return value(parseTarget(text));
}

export function actual(text: string): Actual {
  return value(parseActual(text));
}

export function present(text: string): Quantity | DateValue {
  const a = actual(text);
  if (a.kind === 'missing') throw new Error(`${text} is missing`);
  return a;
}
