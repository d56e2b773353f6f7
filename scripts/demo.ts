/**
 * `npm run demo`: the main job on the seed workbooks. Validates each Integra report with `smvp`,
 * explains the Ente's figure and writes the Overshooting workbook to out/, printing what a user
 * would see.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli/smvp';

const ROOT = join(__dirname, '..');
const io = { out: (t: string) => process.stdout.write(`${t}\n`), err: (t: string) => process.stderr.write(`${t}\n`) };

async function demo(): Promise<void> {
  process.chdir(ROOT);
  mkdirSync('out', { recursive: true });
  const runs: string[][] = [
    ['validate', 'seeds/integra-ente-2024.xlsx'],
    ['validate', 'seeds/integra-unita-2024.xlsx'],
    ['validate', 'seeds/integra-overshooting-2024.xlsx'],
    ['validate', 'seeds/albero-2025.xlsx', '--sheet', 'Albero 2025'],
    ['validate', 'seeds/schede-2024.xlsx'],
    ['spiega', 'seeds/integra-ente-2024.xlsx', '--sheet', 'Ente'],
    ['overshooting', 'seeds/integra-overshooting-2024.xlsx', '-o', 'out/overshooting-2024.xlsx'],
  ];
  for (const args of runs) {
    io.out(`\n$ smvp ${args.map((a) => (a.includes(' ') ? `"${a}"` : a)).join(' ')}`);
    const code = await main(args, io);
    io.out(`(uscita ${code}: ${['nessun errore', 'errori trovati nel report', 'input non utilizzabile'][code]})`);
    if (code === 2) process.exitCode = 2;
  }
}

void demo();
