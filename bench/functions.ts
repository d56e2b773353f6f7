/** Calls per second of the custom functions, called as Excel calls them (section 3 of the benchmarks). */
import { Bench } from 'tinybench';
import '../test/support/custom-functions-global';
import { perfAchievement, perfActual, perfRollup } from '../src/functions/functions';
import { perSecond, type BenchRow } from './report';

const RANGE = 100;
const weightsNumeric = Array.from({ length: RANGE }, () => [1 / RANGE]);
const valuesNumeric = Array.from({ length: RANGE }, (_v, i) => [0.5 + (i % 50) / 100]);
const weightsText = Array.from({ length: RANGE }, () => ['1,00%']);
const valuesText = Array.from({ length: RANGE }, (_v, i) => [`${50 + (i % 50)},00 %`]);

interface Case {
  readonly item: string;
  readonly call: () => unknown;
  readonly goal?: number;
}

const CASES: readonly Case[] = [
  { item: 'PERF.RAGGIUNGIMENTO, numbers (200; 184)', call: () => perfAchievement(200, 184, null), goal: 200_000 },
  { item: 'PERF.RAGGIUNGIMENTO, text target, number (">= 200 N."; 184)', call: () => perfAchievement('>= 200 N.', 184, null) },
  { item: 'PERF.RAGGIUNGIMENTO, text (">= 1.000 N."; "1.250 N.")', call: () => perfAchievement('>= 1.000 N.', '1.250 N.', null) },
  { item: 'PERF.RAGGIUNGIMENTO, deadline text', call: () => perfAchievement('Entro 30-06-2024', '25-06-2024', null) },
  { item: `PERF.AGGREGA, ${RANGE}-cell ranges of numbers`, call: () => perfRollup(weightsNumeric, valuesNumeric) },
  { item: `PERF.AGGREGA, ${RANGE}-cell ranges of text`, call: () => perfRollup(weightsText, valuesText) },
  { item: 'PERF.CONSUNTIVO, "8.270 N. / 630,56 N."', call: () => perfActual('8.270 N. / 630,56 N.') },
  { item: 'PERF.CONSUNTIVO, number', call: () => perfActual(8270) },
];

export async function benchFunctions(): Promise<BenchRow[]> {
  const bench = new Bench({ time: 500, warmupTime: 100 });
  for (const c of CASES) bench.add(c.item, c.call);
  await bench.run();
  return CASES.map((c, i) => {
    const result = bench.tasks[i].result;
    if (result.state !== 'completed') throw new Error(`${c.item}: ${result.state}`);
    const hz = result.throughput.mean;
    return {
      section: '3. custom functions',
      item: c.item,
      figure: perSecond(hz),
      ...(c.goal === undefined ? {} : { goal: `≥ ${perSecond(c.goal)}`, met: hz >= c.goal }),
    };
  });
}
