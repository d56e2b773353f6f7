/**
 * The checks of test/engine/generated-reports.test.ts over many generated Integra reports, with a
 * summary: how many fail, under which variations, with what kind of problem, and their seeds.
 *
 *   npx tsx scripts/generated-reports.ts [N] [--seed FIRST]   N reports (default 2000), seeds FIRST…
 *   npx tsx scripts/generated-reports.ts --show SEED           one report: its sheet, what is expected, what is wrong
 *
 * Exit code 1 when a report fails.
 */
import { parseArgs } from 'node:util';
import { analyseSheet } from '../src/engine';
import { checkReport, describeExpected, describeGrid, EVERYTHING, generateReport, seededDraw, type GeneratedReport } from '../test/support/integra-generator';

interface Outcome {
  readonly seed: number;
  readonly generated: GeneratedReport;
  readonly problems: readonly string[];
}

function run(seed: number): Outcome {
  const generated = generateReport(seededDraw(seed), EVERYTHING);
  return { seed, generated, problems: checkReport(generated, analyseSheet(generated.grid)) };
}

/** A problem's kind, without the rows and figures: "level ambito → indicatore", "unexpected errore somma-pesi". */
function kindOf(problem: string): string {
  const level = /: level (\S+), expected (\S+)$/.exec(problem);
  if (level !== null) return `level: ${level[2]} read as ${level[1]}`;
  const finding = /: (unexpected errore|missing) (\S+)/.exec(problem);
  if (finding !== null) return `${finding[1]} ${finding[2]}`;
  if (problem.includes(': computed ')) return 'computed figure differs';
  if (problem.includes(': no node ')) return 'row not read as a node';
  if (problem.includes(': unexpected node ')) return 'unexpected node (a repeated row not merged?)';
  return problem;
}

function table(rows: ReadonlyArray<readonly [string, ...Array<string | number>]>): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ')).join('\n');
}

function show(seed: number): number {
  const { generated, problems } = run(seed);
  console.log(`Seed ${seed}\n\nSheet «${generated.grid.name}»:\n${describeGrid(generated.grid)}\n\nExpected:\n${describeExpected(generated)}`);
  console.log(problems.length === 0 ? '\nNo problem.' : `\nProblems:\n${problems.join('\n')}`);
  return problems.length === 0 ? 0 : 1;
}

function summarise(count: number, first: number): number {
  const started = Date.now();
  const outcomes = Array.from({ length: count }, (_, i) => run(first + i));
  const seconds = (Date.now() - started) / 1000;
  const failed = outcomes.filter((o) => o.problems.length > 0);
  const rows = outcomes.reduce((n, o) => n + o.generated.grid.rows.length, 0);
  const faults = outcomes.reduce((n, o) => n + o.generated.faults.length, 0);
  console.log(`${count} reports (seeds ${first}–${first + count - 1}), ${rows} rows, ${faults} planted faults, in ${seconds.toFixed(1)} s.`);
  console.log(`Passed ${count - failed.length}, failed ${failed.length}.\n`);

  const byFeature = new Map<string, { reports: number; failed: number }>();
  for (const o of outcomes) {
    for (const f of o.generated.features) {
      const entry = byFeature.get(f) ?? { reports: 0, failed: 0 };
      entry.reports += 1;
      if (o.problems.length > 0) entry.failed += 1;
      byFeature.set(f, entry);
    }
  }
  const features = [...byFeature].sort(([a, x], [b, y]) => y.failed / y.reports - x.failed / x.reports || a.localeCompare(b));
  console.log(table([['Variation', 'reports', 'failed', '%'], ...features.map(([f, e]) => [f, e.reports, e.failed, ((100 * e.failed) / e.reports).toFixed(0)] as const)]));

  if (failed.length === 0) return 0;
  const byKind = new Map<string, { problems: number; reports: Set<number> }>();
  for (const o of failed) {
    for (const p of o.problems) {
      const entry = byKind.get(kindOf(p)) ?? { problems: 0, reports: new Set<number>() };
      entry.problems += 1;
      entry.reports.add(o.seed);
      byKind.set(kindOf(p), entry);
    }
  }
  const kinds = [...byKind].sort(([, x], [, y]) => y.reports.size - x.reports.size);
  console.log(`\n${table([['Problem', 'reports', 'times', 'first seed'], ...kinds.map(([k, e]) => [k, e.reports.size, e.problems, Math.min(...e.reports)] as const)])}`);

  // The smallest failing reports first: the easiest to read.
  const shown = [...failed].sort((a, b) => a.generated.grid.rows.length - b.generated.grid.rows.length).slice(0, 15);
  console.log('\nSmallest failing reports (npx tsx scripts/generated-reports.ts --show SEED):');
  for (const o of shown) {
    console.log(`  seed ${o.seed} (${o.generated.grid.rows.length} rows; ${o.generated.features.join(', ')})`);
    for (const p of o.problems.slice(0, 3)) console.log(`    ${p}`);
  }
  return 1;
}

function main(): number {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { seed: { type: 'string' }, show: { type: 'string' } } });
  const integer = (text: string | undefined, fallback: number, what: string): number => {
    const n = text === undefined ? fallback : Number(text);
    if (!Number.isSafeInteger(n)) throw new Error(`${what}: expected an integer, got «${String(text)}».`);
    return n;
  };
  if (values.show !== undefined) return show(integer(values.show, 0, '--show'));
  const count = integer(positionals[0], 2000, 'N');
  if (count < 1) throw new Error('N: at least one report.');
  return summarise(count, integer(values.seed, 1, '--seed'));
}

process.exitCode = main();
