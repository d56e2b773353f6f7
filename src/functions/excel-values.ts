/** How Excel hands values to custom functions, and how errors go back to it. */
import {
  DEFAULT_PROFILE,
  parseAchievementCell,
  parseActual,
  parseWeight,
  type Dec,
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

export type ExcelErrorKind = 'value' | 'notAvailable';

/** An Excel error (#VALUE!, #N/A) carrying an Italian message that Excel shows on the cell. */
export function excelError(kind: ExcelErrorKind, message: string): CustomFunctions.Error {
  const code = kind === 'value' ? CustomFunctions.ErrorCode.invalidValue : CustomFunctions.ErrorCode.notAvailable;
  return new CustomFunctions.Error(code, message);
}

/*
 * Besides text, numbers, booleans and null, Excel can hand an argument over as:
 * - a rich value, the JSON of an Excel.CellValue (node_modules/@types/office-js/index.d.ts:
 *   Excel.CellValueType, DoubleCellValue, FormattedNumberCellValue, StringCellValue, BooleanCellValue,
 *   EmptyCellValue, EntityCellValue, LinkedEntityCellValue, ErrorCellValue...), because the generated
 *   functions.json sets allowCustomDataForDataTypeAny (custom-functions-metadata, generate.js) and
 *   the runtime then passes each rich cell as JSON.parse of its value (custom-functions-runtime.js,
 *   _transferCustomFunctionRichData);
 * - an error, as a CustomFunctions.Error instance with its `code` (@types/custom-functions-runtime;
 *   custom-functions-runtime.js, _transferCustomFunctionError) or as a rich { type: "Error" } whose
 *   basicValue is the code. Excel hands errors to `any` parameters only when functions.json sets
 *   allowErrorForDataTypeAny ("Errors as custom function inputs", Microsoft's custom functions
 *   errors page), which the build adds (scripts/localize-functions.ts); custom messages show on
 *   #VALUE! and #N/A only.
 */
interface RichValue {
  readonly type?: unknown;
  readonly basicValue?: unknown;
  readonly text?: unknown;
}

/** Rich values whose basicValue (what Range.values gives for the cell) is the cell's own value. */
const BASIC_TYPES: ReadonlySet<unknown> = new Set(['Double', 'FormattedNumber', 'String', 'Boolean', 'Empty']);

function isScalar(v: unknown): v is CellScalar {
  return v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/**
 * The error a custom function can return for an error it was given: the same one, except those it
 * cannot return (#REF!, #NAME?, #SPILL!...), which the runtime would turn into #VALUE! anyway
 * (custom-functions-runtime.js, _getCustomFunctionResultErrorCodeFromErrorCode).
 */
function returnableCode(code: unknown): CustomFunctions.ErrorCode {
  const { invalidValue, notAvailable, divisionByZero, invalidNumber, nullReference } = CustomFunctions.ErrorCode;
  return [notAvailable, divisionByZero, invalidNumber, nullReference].find((c) => c === code) ?? invalidValue;
}

function inputError(code: unknown, where: string): CustomFunctions.Error {
  const shown = typeof code === 'string' ? code : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(returnableCode(code), `Errore ${shown} in ${where}.`);
}

function notAFigure(rich: RichValue, where: string): CustomFunctions.Error {
  if (rich.type === 'Entity' || rich.type === 'LinkedEntity') {
    const subject = typeof rich.text === 'string' ? `«${rich.text}» è` : 'è';
    return excelError('value', `${where}: ${subject} un tipo di dati collegato, non una cifra: passare il valore di un suo campo, ad es. =A1.Campo.`);
  }
  const kind = typeof rich.type === 'string' ? ` di tipo ${rich.type}` : '';
  return excelError('value', `${where}: valore${kind} non leggibile: passare un numero, un testo o una data.`);
}

/**
 * One cell as the engine reads it: a rich value by its basic value; an error is thrown back as
 * that error (or #VALUE! when a custom function cannot return it) saying where it was; a data type
 * or any other object is #VALUE!. `where` names the argument and, in a range, the cell.
 */
function readCell(v: unknown, where: string): CellScalar {
  if (isScalar(v)) return v;
  if (v instanceof CustomFunctions.Error) throw inputError(v.code, where);
  const rich = v as RichValue;
  if (rich.type === 'Error') throw inputError(rich.basicValue, where);
  if (BASIC_TYPES.has(rich.type) && isScalar(rich.basicValue)) return rich.basicValue;
  throw notAFigure(rich, where);
}

const isErrorValue = (v: unknown): boolean => v instanceof CustomFunctions.Error || (v as RichValue | null)?.type === 'Error';

/**
 * A child's weight in PERF.MEDIA_PESATA: null when it cannot be read (an error too), so the child is
 * left out, as the recomputation leaves out a child whose weight is unreadable.
 */
export function readLiveWeight(v: unknown, child: number): Dec | null {
  if (isErrorValue(v)) return null;
  const weight = parseWeight(readCell(v, `«pesi_e_valori», peso ${child}`));
  return weight.ok ? weight.value : null;
}

/**
 * A child's achievement in PERF.MEDIA_PESATA: null (missing) for an empty cell, N/D or an error (a
 * child that cannot be computed), which the mean leaves out or counts as 0%, as the profile says.
 */
export function readLiveAchievement(v: unknown, child: number): Dec | null {
  if (isErrorValue(v)) return null;
  const read = parseAchievementCell(readCell(v, `«pesi_e_valori», raggiungimento ${child}`));
  if (!read.ok) throw excelError('value', `Figlio ${child}: ${read.error.message}`);
  return read.value;
}

/** Where a cell of a range is, 1-based, for messages. */
export function placeInRange(row: number, col: number): string {
  return `riga ${row + 1}, colonna ${col + 1} dell'intervallo`;
}

/**
 * A single-value argument, named as the Italian signature names it: Excel passes a single cell as
 * a scalar and a range as a 2-D array; a 1×1 range is its cell.
 */
export function firstCell(arg: unknown, name: string): CellScalar {
  let v = arg;
  while (Array.isArray(v)) v = v[0];
  return readCell(v, `«${name}»`);
}

/** A range argument as rows of cells; a single value is a 1×1 range. */
export function matrix(arg: unknown, name: string): CellScalar[][] {
  const rows: unknown[] = Array.isArray(arg) ? arg : [[arg]];
  return rows.map((row, r) => (Array.isArray(row) ? row : [row]).map((cell: unknown, c) => readCell(cell, `«${name}», ${placeInRange(r, c)}`)));
}

/** The value of a Result, or #VALUE! with the engine's message. */
export function orValueError<T>(result: Result<T>): T {
  if (!result.ok) throw excelError('value', result.error.message);
  return result.value;
}

export function readTarget(arg: unknown, name = 'target'): Target {
  return orValueError(parseTarget(firstCell(arg, name)));
}

/** A value that can be measured: #N/A when it is missing (empty, N/D), #VALUE! when unreadable. */
export function readActual(arg: unknown): Quantity | DateValue {
  const actual = orValueError(parseActual(firstCell(arg, 'valore')));
  if (actual.kind === 'missing') {
    throw excelError('notAvailable', actual.reason === 'n/d' ? 'Valore non disponibile (N/D).' : 'Valore mancante: la cella è vuota.');
  }
  return actual;
}

/** The optional profilo argument: omitted, a shipped profile's name, or its parameters as JSON. */
export function readProfile(arg: unknown): SmvpProfile {
  const v = firstCell(arg, 'profilo');
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return DEFAULT_PROFILE;
  if (typeof v !== 'string') throw excelError('value', 'Profilo SMVP: indicare il nome (ad es. "Modena 2024") o i parametri in JSON.');
  if (v.trim().startsWith('{')) return orValueError(profileFromJson(v));
  const shipped = profileByName(v);
  if (shipped === undefined) throw excelError('value', `Profilo SMVP «${v.trim()}» sconosciuto: usare "${DEFAULT_PROFILE.name}" o i parametri in JSON.`);
  return shipped;
}

// A Map: the argument is user text, and «constructor» must not find Object's.
const METHODS: ReadonlyMap<string, SuggestionMethod> = new Map([
  ['ultimo', 'ultimo'],
  ['last', 'ultimo'],
  ['media', 'media'],
  ['mean', 'media'],
]);

/** The optional metodo argument of TARGET_SUGGERITO: omitted means the default profile's. */
export function readSuggestionMethod(arg: unknown): SuggestionMethod {
  const v = firstCell(arg, 'metodo');
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return DEFAULT_PROFILE.suggestedTarget;
  const method = typeof v === 'string' ? METHODS.get(v.trim().toLowerCase()) : undefined;
  if (method === undefined) throw excelError('value', `Metodo «${String(v)}» sconosciuto: usare "ultimo" o "media".`);
  return method;
}
