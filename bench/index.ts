/** `npm run bench`: the speed and size figures of the product, as one table (README, "Benchmarks"). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchBundles } from './bundles';
import { benchFunctions } from './functions';
import { benchOffice } from './office';
import { machine, table, type BenchRow } from './report';
import { benchEngine, benchScaling } from './scaling';

async function main(): Promise<void> {
  const date = new Date().toISOString().slice(0, 10);
  const rows: BenchRow[] = [...(await benchScaling()), ...benchEngine(), ...(await benchFunctions()), ...(await benchOffice()), ...benchBundles()];
  const text = `smvp benchmarks, ${date}, ${machine()}\n\n${table(rows)}\n`;
  console.log(text);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${date}.txt`), text);
}

void main();
