/** Every failure the engine can report; stable identifiers, messages are in Italian. */
export type ErrorCode =
  | 'empty'
  | 'excel-error'
  | 'formula-without-value'
  | 'invalid-number'
  | 'invalid-date'
  | 'invalid-target'
  | 'invalid-operator'
  | 'invalid-expression'
  | 'division-by-zero'
  | 'too-long'
  | 'too-deep'
  | 'too-many-digits'
  | 'too-many-terms'
  | 'incompatible-units'
  | 'incompatible-value'
  | 'invalid-weight'
  | 'zero-weights'
  | 'invalid-profile'
  | 'no-suggestion'
  | 'no-baseline';

export interface EngineError {
  readonly code: ErrorCode;
  readonly message: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: EngineError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
