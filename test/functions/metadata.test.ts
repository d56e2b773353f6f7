/**
 * The functions' metadata as the build makes it: functions.json from the JSDoc (English) and
 * functions-it.json from the translation file, and the manifest entries that point Excel at them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { acceptingErrors, localizeFunctions, type Translations } from '../../scripts/localize-functions';
import { LIVE_FUNCTIONS } from '../../src/engine/reports';

const ROOT = join(__dirname, '..', '..');
const translations = JSON.parse(readFileSync(join(ROOT, 'src', 'functions', 'functions.it.json'), 'utf8')) as Translations;
const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

interface Metadata {
  functions: Array<{ id: string; name: string; description: string; parameters: Array<{ name: string; description: string; optional?: boolean; dimensionality?: string; repeating?: boolean }> }>;
}

let english: string;
beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata([join(ROOT, 'src', 'functions', 'functions.ts')], true);
  expect(generated.errors).toEqual([]);
  english = generated.metadataJson;
});

const signature = (m: Metadata) =>
  m.functions.map((f) => `${f.id} ${f.name}(${f.parameters.map((p) => `${p.optional === true ? '[' : ''}${p.name}${p.dimensionality === 'matrix' ? '[][]' : ''}${p.optional === true ? ']' : ''}${p.repeating === true ? '…' : ''}`).join('; ')})`);

describe('custom functions metadata', () => {
  test('error cells and data types reach the functions, in both languages', () => {
    const built = acceptingErrors(english);
    const localized = localizeFunctions(built, translations);
    if (!localized.ok) throw new Error(localized.errors.join('; '));
    for (const json of [built, localized.json]) {
      expect(JSON.parse(json)).toMatchObject({ allowErrorForDataTypeAny: true, allowCustomDataForDataTypeAny: true });
    }
  });

  test('functions.json: English names and parameters from the JSDoc, Italian ids', () => {
    expect(signature(JSON.parse(english) as Metadata)).toEqual([
      'RAGGIUNGIMENTO ACHIEVEMENT(target; actual; [profile])',
      'RAPPORTO RATIO(target; actual)',
      'AGGREGA ROLLUP(weights[][]; values[][])',
      'INDICATORE INDICATOR(target; actual; [measures]; [valueFormat]; [profile])',
      'MEDIA_PESATA WEIGHTEDMEAN(weightsAndValues…)',
      'SEMAFORO TRAFFICLIGHT(achieved; [profile])',
      'OVERSHOOTING OVERSHOOTING(target; actual; [tolerance])',
      'SCOSTAMENTO DEVIATION(target; actual)',
      'CONSUNTIVO ACTUAL(measures)',
      'TARGET_SUGGERITO SUGGESTEDTARGET(baseline[][]; target; [method])',
    ]);
  });

  test('functions-it.json: Italian names, parameters and descriptions for every function', () => {
    const localized = localizeFunctions(english, translations);
    if (!localized.ok) throw new Error(localized.errors.join('\n'));
    const italian = JSON.parse(localized.json) as Metadata;
    expect(signature(italian)).toEqual([
      'RAGGIUNGIMENTO RAGGIUNGIMENTO(target; valore; [profilo])',
      'RAPPORTO RAPPORTO(target; valore)',
      'AGGREGA AGGREGA(pesi[][]; valori[][])',
      'INDICATORE INDICATORE(target; valore; [valori_misure]; [formato_valore]; [profilo])',
      'MEDIA_PESATA MEDIA_PESATA(pesi_e_valori…)',
      'SEMAFORO SEMAFORO(raggiungimento; [profilo])',
      'OVERSHOOTING OVERSHOOTING(target; valore; [tolleranza])',
      'SCOSTAMENTO SCOSTAMENTO(target; valore)',
      'CONSUNTIVO CONSUNTIVO(valori_misure)',
      'TARGET_SUGGERITO TARGET_SUGGERITO(baseline[][]; target_attuale; [metodo])',
    ]);
    const englishDescriptions = new Set((JSON.parse(english) as Metadata).functions.flatMap((f) => [f.description, ...f.parameters.map((p) => p.description)]));
    const untranslated = italian.functions.flatMap((f) => [f.description, ...f.parameters.map((p) => p.description)]).filter((d) => englishDescriptions.has(d));
    expect(untranslated).toEqual([]);
  });

  test('the live column writes the functions by the names Excel gives them in each language', () => {
    const localized = localizeFunctions(english, translations);
    if (!localized.ok) throw new Error(localized.errors.join('\n'));
    const names = (json: string, id: string) => `PERF.${(JSON.parse(json) as Metadata).functions.find((f) => f.id === id)?.name}`;
    expect(LIVE_FUNCTIONS).toEqual({
      indicator: { it: names(localized.json, 'INDICATORE'), en: names(english, 'INDICATORE') },
      mean: { it: names(localized.json, 'MEDIA_PESATA'), en: names(english, 'MEDIA_PESATA') },
    });
    expect(manifest).toContain('<bt:String id="Functions.Namespace" DefaultValue="PERF"/>');
  });

  test('a missing or stale translation is an error naming it (the build fails on it)', () => {
    const rest = Object.fromEntries(Object.entries(translations).filter(([id]) => id !== 'CONSUNTIVO'));
    const semaforo = translations.SEMAFORO;
    const broken: Translations = {
      ...rest,
      SEMAFORO: { ...semaforo, parameters: { achieved: semaforo.parameters.achieved, colour: { name: 'colore', description: 'x' } } },
      OLD: { name: 'VECCHIA', description: 'non più usata', parameters: {} },
    };
    const localized = localizeFunctions(english, broken);
    expect(localized.ok ? [] : localized.errors).toEqual([
      'SEMAFORO: parameter "colour" translated but not declared',
      'SEMAFORO: parameter "profile" has no Italian name or description',
      'CONSUNTIVO: Italian name or description missing',
      'OLD: translated but no such function',
    ]);
  });

  test('the manifest registers namespace PERF and serves the Italian metadata to it-IT', () => {
    expect(manifest).toMatch(/<Namespace resid="Functions.Namespace"\/>/);
    expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="PERF"\/>/);
    expect(manifest).toMatch(
      /<bt:Url id="Functions.Metadata.Url" DefaultValue="https:\/\/localhost:3000\/functions.json">\s*<bt:Override Locale="it-IT" Value="https:\/\/localhost:3000\/functions-it.json"\/>/,
    );
  });
});
