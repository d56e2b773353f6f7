/** How Excel hands values to custom functions, and how errors go back to it. */
import {
  DEFAULT_PROFILE,
  parseActual,
  parseTarget,
  profileByName,
  profileFromJson,
  type CellScalar,
  type DateValue,
  type Quantity,
  type Result,
  type SmvpProfile,
  type SuggestionMethod,
  type Target,
} from '../engine';

/** Excel passes a single cell as a scalar and a range as a 2-D array; a 1×1 range is its cell. */
export function firstCell(arg: unknown): CellScalar {
  let v = arg;
  while (Array.isArray(v)) v = v[0];
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined ? v : String(v);
}

/** A range as rows of cells; a single value is a 1×1 range. */
export function matrix(arg: unknown): CellScalar[][] {
  if (!Array.isArray(arg)) return [[firstCell(arg)]];
  return arg.map((row) => (Array.isArray(row) ? row.map(firstCell) : [firstCell(row)]));
}

export type ExcelErrorKind = 'value' | 'notAvailable';

/** An Excel error (#VALUE!, #N/A) carrying an Italian message that Excel shows on the cell. */
export function excelError(kind: ExcelErrorKind, message: string): CustomFunctions.Error {
  const code = kind === 'value' ? CustomFunctions.ErrorCode.invalidValue : CustomFunctions.ErrorCode.notAvailable;
  return new CustomFunctions.Error(code, message);
}

/** The value of a Result, or #VALUE! with the engine's message. */
export function orValueError<T>(result: Result<T>): T {
  if (!result.ok) throw excelError('value', result.error.message);
  return result.value;
}

export function readTarget(arg: unknown): Target {
  return orValueError(parseTarget(firstCell(arg)));
}

/** A value that can be measured: #N/A when it is missing (empty, N/D), #VALUE! when unreadable. */
export function readActual(arg: unknown): Quantity | DateValue {
  const actual = orValueError(parseActual(firstCell(arg)));
  if (actual.kind === 'missing') {
    throw excelError('notAvailable', actual.reason === 'n/d' ? 'Valore non disponibile (N/D).' : 'Valore mancante: la cella è vuota.');
  }
  return actual;
}

/** The optional profilo argument: omitted, a shipped profile's name, or its parameters as JSON. */
export function readProfile(arg: unknown): SmvpProfile {
  const v = firstCell(arg);
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return DEFAULT_PROFILE;
  if (typeof v !== 'string') throw excelError('value', 'Profilo SMVP: indicare il nome (ad es. "Modena 2024") o i parametri in JSON.');
  if (v.trim().startsWith('{')) return orValueError(profileFromJson(v));
  const shipped = profileByName(v);
  if (shipped === undefined) throw excelError('value', `Profilo SMVP «${v.trim()}» sconosciuto: usare "${DEFAULT_PROFILE.name}" o i parametri in JSON.`);
  return shipped;
}

const METHODS: Readonly<Record<string, SuggestionMethod>> = { ultimo: 'ultimo', last: 'ultimo', media: 'media', mean: 'media' };

/** The optional metodo argument of TARGET_SUGGERITO: omitted means the default profile's. */
export function readSuggestionMethod(arg: unknown): SuggestionMethod {
  const v = firstCell(arg);
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return DEFAULT_PROFILE.suggestedTarget;
  const method = typeof v === 'string' ? METHODS[v.trim().toLowerCase()] : undefined;
  if (method === undefined) throw excelError('value', `Metodo «${String(v)}» sconosciuto: usare "ultimo" o "media".`);
  return method;
}
