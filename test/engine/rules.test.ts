import {
  achievement,
  deviation,
  formatPercent,
  MODENA_2024,
  overshooting,
  rollUp,
  semaforo,
  Dec,
  type Outcome,
  type SmvpProfile,
} from '../../src/engine';
import { actual, present, target, value } from './helpers';

function grado(t: string, v: string, profile: SmvpProfile = MODENA_2024): Dec {
  const o: Outcome = value(achievement(target(t), actual(v), profile));
  if (o.kind !== 'measured') throw new Error('not measured');
  return o.value;
}

const pct = (d: Dec) => formatPercent(d);

describe('achievement (SMVP §2)', () => {
  test('>= t with t > 0: v / t when not met (seed rows)', () => {
    expect(pct(grado('>= 200 N.', '184 N.'))).toBe('92,00%');
    expect(pct(grado('>= 27 N.', '26 N.'))).toBe('96,30%');
    expect(pct(grado('>= 14 N.', '13,12 N.'))).toBe('93,71%');
    expect(grado('>= 30 N.', '405 N.').toString()).toBe('1');
    expect(grado('>= 30 N.', '30 N.').toString()).toBe('1');
  });

  test('>= t otherwise: 1 − (t − v)/|t|, floored at 0; 0 when t = 0', () => {
    expect(grado('>= -10 %', '-15 %').toString()).toBe('0.5');
    expect(grado('>= -10 %', '-40 %').toString()).toBe('0');
    expect(grado('>= 0 N.', '-1 N.').toString()).toBe('0');
    expect(grado('>= 0 N.', '0 N.').toString()).toBe('1');
    expect(grado('>= 10 N.', '-5 N.').toString()).toBe('0');
  });

  test('<= t with t > 0, v > 0: t / v when not met', () => {
    expect(grado('<= 2 gg', '1,61 gg').toString()).toBe('1');
    expect(grado('<= 2 gg', '2,5 gg').toString()).toBe('0.8');
    expect(grado('<= 2 gg', '2 gg').toString()).toBe('1');
  });

  test('<= t otherwise: 1 − (v − t)/|t|', () => {
    expect(grado('<= -19 gg', '-24,31 gg').toString()).toBe('1');
    expect(grado('<= -10,00 %', '-16,60 %').toString()).toBe('1');
    expect(grado('<= -10,00 %', '-5,00 %').toString()).toBe('0.5');
    expect(grado('<= 0 gg', '3 gg').toString()).toBe('0');
  });

  test('= t: 1 − |v − t|/|t|', () => {
    expect(grado('= 100,00 %', '100,00 %').toString()).toBe('1');
    expect(grado('100,00 %', '90,00 %').toString()).toBe('0.9');
    expect(grado('= 100,00 %', '110,00 %').toString()).toBe('0.9');
    expect(grado('= 0 N.', '1 N.').toString()).toBe('0');
  });

  test('deadlines: on time is 100%, late is 0% by default or a linear decay', () => {
    expect(grado('Entro 30-06-2024', '25-06-2024').toString()).toBe('1');
    expect(grado('Entro 30-06-2024', '30-06-2024').toString()).toBe('1');
    expect(grado('Entro 30-06-2024', '01-07-2024').toString()).toBe('0');
    const linear: SmvpProfile = { ...MODENA_2024, deadline: { rule: 'linear', days: 30 } };
    expect(grado('Entro 30-06-2024', '15-07-2024', linear).toString()).toBe('0.5');
    expect(grado('Entro 30-06-2024', '30-08-2024', linear).toString()).toBe('0');
  });

  test('a missing value is not measurable, not 0', () => {
    expect(value(achievement(target('>= 5 N.'), actual('N/D')))).toEqual({ kind: 'notMeasurable', reason: 'n/d' });
    expect(value(achievement(target('>= 5 N.'), actual('')))).toEqual({ kind: 'notMeasurable', reason: 'empty' });
  });

  test('incompatible value and target are typed failures', () => {
    const dateVsNumber = achievement(target('>= 5 N.'), actual('25-06-2024'));
    const pctVsCount = achievement(target('>= 5 N.'), actual('50 %'));
    const numberVsDeadline = achievement(target('Entro 30-06-2024'), actual('5 N.'));
    expect(!dateVsNumber.ok && dateVsNumber.error.code).toBe('incompatible-value');
    expect(!pctVsCount.ok && pctVsCount.error.code).toBe('incompatible-units');
    expect(!numberVsDeadline.ok && numberVsDeadline.error.code).toBe('incompatible-value');
  });

  test('a unitless number against a deadline is an Excel date serial', () => {
    const o = value(achievement(target('Entro 30-06-2024'), { kind: 'quantity', amount: new Dec(45468), unit: null, decimals: 0 }));
    expect(o).toEqual({ kind: 'measured', value: new Dec(1), met: true });
  });
});

describe('roll-up (SMVP §3)', () => {
  const w = (weight: string, achievement: string | null) => ({
    weight: new Dec(weight),
    achievement: achievement === null ? null : new Dec(achievement),
  });

  test('weighted mean normalised by the sum of the weights', () => {
    const r = value(rollUp([w('0.2', '1'), w('0.3', '0.962962962962962962963'), w('0.5', '1')]));
    expect(pct(r.value as Dec)).toBe('98,89%');
    expect(r.weightsOk).toBe(true);
  });

  test('33,33 + 33,33 + 33,34 sums to 100%; off by more than 0,01 points is flagged', () => {
    expect(value(rollUp([w('0.3333', '1'), w('0.3333', '1'), w('0.3334', '1')])).weightsOk).toBe(true);
    expect(value(rollUp([w('0.3333', '1'), w('0.3333', '1'), w('0.3333', '1')])).weightsOk).toBe(true);
    expect(value(rollUp([w('0.3333', '1'), w('0.3333', '1'), w('0.3332', '1')])).weightsOk).toBe(false);
    const glitch = value(rollUp([w('0.1', '1'), w('0.2', '1'), w('1', '1'), w('1', '1'), w('0.1', '1'), w('0.2', '1'), w('0.2', '1')]));
    expect(glitch.weightSum.toString()).toBe('2.8');
    expect(glitch.weightsOk).toBe(false);
    expect(glitch.value?.toString()).toBe('1');
  });

  test('a not measurable child is left out by default, or counted as 0%', () => {
    const children = [w('0.5', '1'), w('0.5', null)];
    expect(value(rollUp(children)).value?.toString()).toBe('1');
    expect(value(rollUp(children)).excluded).toBe(1);
    expect(value(rollUp(children, { ...MODENA_2024, missingValue: 'zero' })).value?.toString()).toBe('0.5');
    expect(value(rollUp([w('1', null)])).value).toBeNull();
  });

  test('zero or negative weights are typed failures', () => {
    const zero = rollUp([w('0', '1'), w('0', '0.5')]);
    const negative = rollUp([w('-0.5', '1')]);
    expect(!zero.ok && zero.error.code).toBe('zero-weights');
    expect(!negative.ok && negative.error.code).toBe('invalid-weight');
  });
});

describe('semaphore (SMVP §4), on full precision', () => {
  test.each([
    ['1', 'verde'],
    ['0.95', 'verde'],
    ['0.94996', 'giallo'],
    ['0.6000001', 'giallo'],
    ['0.60', 'rosso'],
    ['0', 'rosso'],
  ])('%s is %s', (p, colour) => {
    expect(semaforo(new Dec(p))).toBe(colour);
  });

  test('94,996% displays as 95,00% but is giallo', () => {
    expect(formatPercent(new Dec('0.94996'))).toBe('95,00%');
    expect(semaforo(new Dec('0.94996'))).toBe('giallo');
  });

  test('thresholds come from the profile', () => {
    const strict: SmvpProfile = { ...MODENA_2024, semaphore: { green: new Dec('0.99'), red: new Dec('0.8') } };
    expect(semaforo(new Dec('0.98'), strict)).toBe('giallo');
    expect(semaforo(new Dec('0.8'), strict)).toBe('rosso');
  });
});

describe('overshooting (SMVP §5)', () => {
  const os = (t: string, v: string) => value(overshooting(target(t), present(v)));

  test('seed rows', () => {
    const d4 = os('>= 30 N.', '405 N.');
    expect(d4.flagged).toBe(true);
    expect(d4.excess?.toString()).toBe('12.5');
    expect(pct(d4.valueVsTarget)).toBe('1350,00%');
    expect(pct(d4.overshooting)).toBe('1250,00%');
    const social = os('>= 250,00 %', '498,11 %');
    expect(social.flagged).toBe(false);
    expect(pct(social.valueVsTarget)).toBe('100,00%');
    expect(pct(social.overshooting)).toBe('0,00%');
    expect(pct(os('>= 200 N.', '184 N.').valueVsTarget)).toBe('92,00%');
  });

  test('excess exactly 110% is not overshooting; just above is', () => {
    expect(os('>= 10 N.', '21 N.').flagged).toBe(false);
    expect(os('>= 10 N.', '21,0001 N.').flagged).toBe(true);
  });

  test('<=, = and deadlines are never in overshooting', () => {
    for (const [t, v] of [
      ['<= 100 gg', '1 gg'],
      ['= 1 N.', '5 N.'],
      ['Entro 31-12-2024', '01-01-2024'],
      ['>= -5 N.', '100 N.'],
    ]) {
      const r = os(t, v);
      expect(r.eligible).toBe(false);
      expect(r.flagged).toBe(false);
      expect(r.ratio).toBeNull();
    }
  });

  test('the tolerance is a profile parameter', () => {
    const r = overshooting(target('>= 10 N.'), present('16 N.'), { ...MODENA_2024, overshootingTolerance: new Dec('0.5') });
    expect(value(r).flagged).toBe(true);
  });
});

describe('scostamento (SMVP §6)', () => {
  test('in the target unit; days for deadlines', () => {
    const money = value(deviation(target('>= 18.000.000.000 €'), present('18.231.200.000 €')));
    expect(money).toEqual({ amount: new Dec(231200000), unit: '€' });
    const days = value(deviation(target('<= 2,00 gg'), present('0,90 gg')));
    expect(days.amount.toString()).toBe('-1.1');
    const early = value(deviation(target('Entro 30-06-2024'), present('25-06-2024')));
    expect(early).toEqual({ amount: new Dec(-5), unit: 'gg' });
    const percent = value(deviation(target('>= 18,10 %'), present('19,54 %')));
    expect(percent.amount.toString()).toBe('0.0144');
    expect(percent.unit).toBe('%');
  });
});
