/**
 * PERF.* given what Excel hands over besides text and numbers: rich values (formatted numbers, data
 * types) as the JSON of an Excel.CellValue, and error cells as CustomFunctions.Error or as a rich
 * { type: "Error" } value.
 */
import fc from 'fast-check';
import { excelResult } from '../support/custom-functions-global';
import { perfAchievement, perfActual, perfRollup, perfSuggestedTarget, perfTrafficLight } from '../../src/functions/functions';

const VALUE = '#VALUE!';
const inputError = (code: CustomFunctions.ErrorCode) => new CustomFunctions.Error(code);

const comune = {
  type: 'Entity',
  text: 'Modena',
  properties: { Popolazione: { type: 'Double', basicValue: 184739 } },
};
const linked = {
  type: 'LinkedEntity',
  text: 'Modena',
  id: { entityId: 'x', domainId: 'Geography', serviceId: 268435456, culture: 'it-IT' },
};

describe('rich values are read by their basic value', () => {
  test('PERF.RAGGIUNGIMENTO with a formatted number, a double, a string, in a 1×1 range too', () => {
    expect(perfAchievement('>= 200 N.', { type: 'FormattedNumber', basicValue: 184, numberFormat: '0' }, null)).toBeCloseTo(0.92, 12);
    expect(perfAchievement('>= 200 N.', { type: 'Double', basicValue: 184, numberFormat: '#.##0' }, null)).toBeCloseTo(0.92, 12);
    expect(perfAchievement('>= 200 N.', [[{ type: 'Double', basicValue: 184 }]], null)).toBeCloseTo(0.92, 12);
    expect(perfAchievement({ type: 'String', basicValue: '<= 2 gg' }, { type: 'String', basicValue: '1,61 gg' }, null)).toBe(1);
    expect(perfAchievement('>= 72,00 %', { type: 'FormattedNumber', basicValue: 0.69, numberFormat: '0.00%' }, null)).toBeCloseTo(0.69 / 0.72, 12);
  });

  test('a boolean or an empty rich value behaves as the plain one', () => {
    expect(excelResult(() => perfAchievement('>= 10 N.', { type: 'Boolean', basicValue: true }, null))).toEqual(excelResult(() => perfAchievement('>= 10 N.', true, null)));
    expect(excelResult(() => perfAchievement('>= 10 N.', { type: 'Empty', basicValue: '' }, null))).toEqual(excelResult(() => perfAchievement('>= 10 N.', null, null)));
  });

  test('in ranges: weights and values of PERF.AGGREGA, the baseline of PERF.TARGET_SUGGERITO', () => {
    const half = { type: 'FormattedNumber', basicValue: 0.5, numberFormat: '0%' };
    expect(perfRollup([[half], [half]], [[{ type: 'Double', basicValue: 1 }], [{ type: 'String', basicValue: '80 %' }]])).toBeCloseTo(0.9, 12);
    expect(perfSuggestedTarget([[{ type: 'Double', basicValue: 62 }, { type: 'String', basicValue: '405 N.' }]], '>= 180 N.')).toBe('>= 405 N.');
  });

  test('property: x wrapped as a Double or a FormattedNumber gives PERF.RAGGIUNGIMENTO the same result as x', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('>= 200 N.', '<= 2 gg', '>= 72,00 %', '<= 0', 'Entro 30-06-2024'),
        fc.oneof(fc.double({ noNaN: true }), fc.integer({ min: -1000, max: 100000 }), fc.double({ min: 0, max: 2, noNaN: true })),
        fc.constantFrom<(x: number) => unknown>(
          (x) => ({ type: 'Double', basicValue: x }),
          (x) => ({ type: 'FormattedNumber', basicValue: x, numberFormat: '0.00' }),
        ),
        (target, x, wrap) => {
          expect(excelResult(() => perfAchievement(target, wrap(x), null))).toEqual(excelResult(() => perfAchievement(target, x, null)));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('data types and unknown objects are refused with #VALUE!, never as "[object Object]"', () => {
  test('an Entity or a LinkedEntity: the argument is named and the user told to pass a field', () => {
    for (const entity of [comune, linked]) {
      const result = excelResult(() => perfAchievement('>= 10 N.', entity, null));
      expect(result).toEqual({ error: VALUE, message: '«valore»: «Modena» è un tipo di dati collegato, non una cifra: passare il valore di un suo campo, ad es. =A1.Campo.' });
    }
    expect(excelResult(() => perfTrafficLight({ type: 'Entity', properties: {} }, null))).toEqual({
      error: VALUE,
      message: '«raggiungimento»: è un tipo di dati collegato, non una cifra: passare il valore di un suo campo, ad es. =A1.Campo.',
    });
  });

  test('a data type in a range is refused with its place', () => {
    expect(excelResult(() => perfRollup([[0.5], [comune]], [[1], [1]]))).toEqual({ error: VALUE, message: expect.stringContaining("«pesi», riga 2, colonna 1 dell'intervallo: «Modena» è un tipo di dati collegato") });
  });

  test('other objects: an image, an array value, a plain object', () => {
    const image = { type: 'WebImage', address: 'https://example.org/logo.png' };
    const array = { type: 'Array', elements: [[{ type: 'Double', basicValue: 1 }]] };
    expect(excelResult(() => perfActual(image))).toEqual({ error: VALUE, message: '«valori_misure»: valore di tipo WebImage non leggibile: passare un numero, un testo o una data.' });
    expect(excelResult(() => perfAchievement('>= 10 N.', array, null))).toEqual({ error: VALUE, message: expect.stringContaining('«valore»: valore di tipo Array non leggibile') });
    expect(excelResult(() => perfAchievement({}, 5, null))).toEqual({ error: VALUE, message: '«target»: valore non leggibile: passare un numero, un testo o una data.' });
    for (const arg of [comune, linked, image, array, {}]) {
      expect(JSON.stringify(excelResult(() => perfAchievement(arg, arg, arg)))).not.toContain('[object Object]');
    }
  });
});

describe('an error given as an argument is returned as that same error', () => {
  test('a scalar argument: the error, naming the argument', () => {
    expect(excelResult(() => perfAchievement('>= 10 N.', inputError(CustomFunctions.ErrorCode.divisionByZero), null))).toEqual({ error: '#DIV/0!', message: 'Errore #DIV/0! in «valore».' });
    expect(excelResult(() => perfAchievement('>= 10 N.', { type: 'Error', basicValue: '#N/A', errorType: 'NotAvailable' }, null))).toEqual({ error: '#N/A', message: 'Errore #N/A in «valore».' });
    expect(excelResult(() => perfSuggestedTarget([[5]], inputError(CustomFunctions.ErrorCode.invalidNumber)))).toEqual({ error: '#NUM!', message: 'Errore #NUM! in «target_attuale».' });
  });

  test('PERF.AGGREGA: an error among the values or the weights, with its place; even where the row would be skipped', () => {
    const div0 = inputError(CustomFunctions.ErrorCode.divisionByZero);
    expect(excelResult(() => perfRollup([[0.5], [0.5]], [[1], [div0]]))).toEqual({ error: '#DIV/0!', message: "Errore #DIV/0! in «valori», riga 2, colonna 1 dell'intervallo." });
    expect(excelResult(() => perfRollup([[0.5, { type: 'Error', basicValue: '#NUM!', errorType: 'Num' }]], [[1, 1]]))).toEqual({
      error: '#NUM!',
      message: "Errore #NUM! in «pesi», riga 1, colonna 2 dell'intervallo.",
    });
    expect(excelResult(() => perfRollup([[0.5], [null]], [[1], [inputError(CustomFunctions.ErrorCode.notAvailable)]]))).toEqual({
      error: '#N/A',
      message: "Errore #N/A in «valori», riga 2, colonna 1 dell'intervallo.",
    });
  });

  test('PERF.TARGET_SUGGERITO: an error in the baseline, with its place', () => {
    const baseline = [['13,43 N.'], [inputError(CustomFunctions.ErrorCode.nullReference)], ['19,14 N.']];
    expect(excelResult(() => perfSuggestedTarget(baseline, '>= 12 N.'))).toEqual({ error: '#NULL!', message: "Errore #NULL! in «baseline», riga 2, colonna 1 dell'intervallo." });
  });

  test('errors a custom function cannot return (#REF!, #NAME?, #SPILL!) are #VALUE!, naming the original', () => {
    expect(excelResult(() => perfRollup([[1]], [[inputError(CustomFunctions.ErrorCode.invalidReference)]]))).toEqual({ error: VALUE, message: "Errore #REF! in «valori», riga 1, colonna 1 dell'intervallo." });
    expect(excelResult(() => perfAchievement(inputError(CustomFunctions.ErrorCode.invalidName), 5, null))).toEqual({ error: VALUE, message: 'Errore #NAME? in «target».' });
    expect(excelResult(() => perfAchievement('>= 10 N.', { type: 'Error', basicValue: '#SPILL!', errorType: 'Spill' }, null))).toEqual({ error: VALUE, message: 'Errore #SPILL! in «valore».' });
  });
});
