/**
 * `npm run seeds`: writes the seed workbooks (seeds/*.xlsx) from the transcriptions in seeds/source,
 * shaped as Integra prints them.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Grid } from '../src/engine';
import { saveWorkbook } from '../src/cli/xlsx-write';
import { addGridSheet } from './grid-workbook';
import { alberoGrid, annexGrid, enteGrid, SCHEDE, schedaGrid, unitGrid } from './seed-grids';
import { readAlberoSource, readEnteSource, readOvershootingSource, readSchedeSource, readUnitSource } from './seed-source';

export const SEEDS_DIR = join(__dirname, '..', 'seeds');

const ENTE_WIDTHS = [10, 10, 12, 14, 60, 22, 22, 14, 12, 36];
const UNIT_WIDTHS = [22, 50, 14, 50, 18, 16, 14, 12];
const ANNEX_WIDTHS = [48, 14, 40, 40, 30, 18, 22, 14, 14, 14, 12];
const ALBERO_WIDTHS = [10, 10, 12, 10, 60, 50, 30, 16, 16, 16, 22, 22, 22];
const SCHEDA_WIDTHS = [10, 50, 12, 50, 40, 40, 22, 14, 18, 14, 12, 14];

interface SeedSheet {
  readonly grid: Grid;
  readonly widths: readonly number[];
}

export function seedWorkbooks(): Record<string, readonly SeedSheet[]> {
  const ente = readEnteSource();
  const annex = readOvershootingSource();
  const schede = readSchedeSource();
  return {
    'integra-ente-2024.xlsx': [
      { grid: enteGrid('Ente', ente, 'text'), widths: ENTE_WIDTHS },
      { grid: enteGrid('Ente (valori numerici)', ente, 'number'), widths: ENTE_WIDTHS },
    ],
    'integra-unita-2024.xlsx': [{ grid: unitGrid('Unità organizzative', readUnitSource()), widths: UNIT_WIDTHS }],
    'integra-overshooting-2024.xlsx': [{ grid: annexGrid('Overshooting', annex), widths: ANNEX_WIDTHS }],
    // The plan with last year's tree and overshooting annex beside it, as an OIV compares them.
    'albero-2025.xlsx': [
      { grid: alberoGrid('Albero 2025', readAlberoSource()), widths: ALBERO_WIDTHS },
      { grid: enteGrid('Ente 2024', ente, 'text'), widths: ENTE_WIDTHS },
      { grid: annexGrid('Overshooting 2024', annex), widths: ANNEX_WIDTHS },
    ],
    // The cards with the Ente report their OS objectives are graded in.
    'schede-2024.xlsx': [
      ...SCHEDE.map((card) => ({ grid: schedaGrid(card, schede), widths: SCHEDA_WIDTHS })),
      { grid: enteGrid('Ente 2024', ente, 'text'), widths: ENTE_WIDTHS },
    ],
  };
}

async function main(): Promise<void> {
  for (const [file, sheets] of Object.entries(seedWorkbooks())) {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'smvp seeds';
    workbook.created = new Date(Date.UTC(2025, 4, 27));
    workbook.modified = workbook.created;
    for (const { grid, widths } of sheets) addGridSheet(workbook, grid, widths);
    await saveWorkbook(workbook, join(SEEDS_DIR, file));
    console.log(`seeds/${file}`);
  }
}

if (require.main === module) void main();
