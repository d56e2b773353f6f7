/** `npm run bench`: the speed and size figures of the product, as one table (README, issue "benchmarks"). */
import { benchFunctions } from './functions';
import { machine, table } from './report';

async function main(): Promise<void> {
  const rows = [...(await benchFunctions())];
  console.log(`smvp benchmarks, ${new Date().toISOString().slice(0, 10)}, ${machine()}\n`);
  console.log(table(rows));
}

void main();
