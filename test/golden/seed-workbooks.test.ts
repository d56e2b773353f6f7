/** The committed seed workbooks hold exactly what `npm run seeds` writes from the transcriptions. */
import { join } from 'node:path';
import type { Grid } from '../../src/engine';
import { readWorkbook } from '../../src/cli/xlsx-read';
import { SEEDS_DIR, seedWorkbooks } from '../../scripts/make-seeds';

function cells(grid: Grid): string[] {
  return grid.rows.flatMap((row, r) =>
    row.flatMap((cell, c) =>
      cell === undefined || cell.value === null || cell.value === undefined ? [] : [`${r},${c}=${JSON.stringify([cell.value, cell.numberFormat ?? '', cell.fill ?? ''])}`],
    ),
  );
}

describe.each(Object.entries(seedWorkbooks()))('seeds/%s', (file, sheets) => {
  test('matches its transcription', async () => {
    const grids = sheets.map((s) => s.grid);
    const read = await readWorkbook(join(SEEDS_DIR, file));
    if (!read.ok) throw new Error(read.message);
    expect(read.grids.map((g) => g.name)).toEqual(grids.map((g) => g.name));
    read.grids.forEach((g, i) => {
      expect(cells(g)).toEqual(cells(grids[i]));
    });
  });
});
