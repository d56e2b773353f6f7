/**
 * One measurement in a fresh process, so peak memory is its own: `load` (ExcelJS alone), or the
 * `validate` / `overshooting` commands end to end. Prints {"ms", "peakMiB"} as JSON.
 */
import ExcelJS from 'exceljs';
import { main } from '../src/cli/smvp';

async function measure(mode: string, file: string): Promise<void> {
  const start = performance.now();
  if (mode === 'load') {
    await new ExcelJS.Workbook().xlsx.readFile(file);
  } else {
    const code = await main([mode, file, '--json'], { out: () => undefined, err: (t) => process.stderr.write(`${t}\n`) });
    if (code >= 2) throw new Error(`${mode} ${file}: unusable (exit ${code})`);
  }
  const ms = performance.now() - start;
  console.log(JSON.stringify({ ms, peakMiB: process.resourceUsage().maxRSS / 1024 }));
}

const [mode, file] = process.argv.slice(2);
void measure(mode, file);
