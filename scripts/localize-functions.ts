/**
 * Builds functions-it.json from the generated English functions.json and the translation file
 * src/functions/functions.it.json. Anything untranslated, or translated but no longer there, is an
 * error that fails the build: an Italian user must never meet a half-English function.
 */
interface ParameterMetadata {
  name: string;
  description?: string;
  [key: string]: unknown;
}

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  [key: string]: unknown;
}

interface Text {
  readonly name: string;
  readonly description: string;
}

export interface FunctionTranslation extends Text {
  readonly parameters: Readonly<Record<string, Text>>;
}

export type Translations = Readonly<Record<string, FunctionTranslation>>;

export type Localized = { readonly ok: true; readonly json: string } | { readonly ok: false; readonly errors: readonly string[] };

const NAME = /^[A-Z][A-Z0-9._]*$/;

function complete(text: Partial<Text> | undefined): text is Text {
  return typeof text?.name === 'string' && text.name.trim() !== '' && typeof text.description === 'string' && text.description.trim() !== '';
}

/**
 * The generated metadata, with error cells handed to the functions (Microsoft, "Handle and return
 * errors in your custom function": without `allowErrorForDataTypeAny` Excel does not call a function
 * whose range holds an error), so that PERF.AGGREGA and PERF.TARGET_SUGGERITO can say where it is.
 */
export function acceptingErrors(generatedJson: string): string {
  return JSON.stringify({ ...(JSON.parse(generatedJson) as object), allowErrorForDataTypeAny: true }, null, 4);
}

export function localizeFunctions(englishJson: string, translations: Translations): Localized {
  const metadata = JSON.parse(englishJson) as { functions: FunctionMetadata[] };
  const errors: string[] = [];
  const ids = new Set(metadata.functions.map((f) => f.id));
  const names = new Set<string>();
  const functions = metadata.functions.map((f) => {
    const t = translations[f.id] as FunctionTranslation | undefined;
    if (!complete(t)) {
      errors.push(`${f.id}: Italian name or description missing`);
      return f;
    }
    if (!NAME.test(t.name)) errors.push(`${f.id}: invalid name "${t.name}" (capital letters, digits, dot, underscore)`);
    if (names.has(t.name)) errors.push(`${f.id}: name "${t.name}" already used by another function`);
    names.add(t.name);
    const params = new Set(f.parameters.map((p) => p.name));
    for (const extra of Object.keys(t.parameters ?? {}).filter((p) => !params.has(p))) errors.push(`${f.id}: parameter "${extra}" translated but not declared`);
    const parameters = f.parameters.map((p) => {
      const tp = t.parameters?.[p.name];
      if (!complete(tp)) {
        errors.push(`${f.id}: parameter "${p.name}" has no Italian name or description`);
        return p;
      }
      return { ...p, name: tp.name, description: tp.description };
    });
    return { ...f, name: t.name, description: t.description, parameters };
  });
  for (const id of Object.keys(translations).filter((id) => !ids.has(id))) errors.push(`${id}: translated but no such function`);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, json: JSON.stringify({ ...metadata, functions }, null, 4) };
}
