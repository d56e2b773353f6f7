/**
 * A generated Overshooting workbook opens in LibreOffice Calc with the same figures: converted to CSV
 * by `soffice --headless`, as shown on screen. CI installs LibreOffice (.ci/run); where it is missing
 * outside CI, the test is skipped with a message.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/smvp';

function sofficeAvailable(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const available = sofficeAvailable();
if (!available && process.env.CI === 'true') throw new Error('LibreOffice (soffice) is required in CI: .ci/run installs libreoffice-calc.');
if (!available) console.warn('LibreOffice non installato: test di apertura in Calc saltato (in CI è obbligatorio).');
const maybe = available ? test : test.skip;

maybe(
  'the Overshooting workbook opens in LibreOffice Calc with the same figures',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smvp-lo-'));
    const xlsx = join(dir, 'overshooting.xlsx');
    const quiet = { out: () => undefined, err: () => undefined };
    expect(await main(['overshooting', 'seeds/integra-overshooting-2024.xlsx', '-o', xlsx], quiet)).toBe(0);
    // Comma-separated, UTF-8, cell contents as shown.
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true', '--outdir', dir, xlsx], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    expect(readdirSync(dir)).toContain('overshooting.csv');
    const workbook = new ExcelJS.Workbook();
    const sheet = await workbook.csv.readFile(join(dir, 'overshooting.csv'), { map: (v: unknown) => v });
    const rows = sheet.getSheetValues().slice(1) as unknown[][];
    const cells = rows.map((r) => (r ?? []).slice(1).map((v) => String(v ?? '')));
    const header = cells.findIndex((r) => r[0] === 'INDICATORE');
    const data = cells.slice(header + 1, header + 94);
    expect(data).toHaveLength(93);
    const flagged = data.filter((r) => r[9] !== '0.00%').map((r) => [r[0].split(' - ')[0], r[8], r[9]]);
    expect(flagged).toEqual([
      ['61.D3.1.5', '400.00%', '300.00%'],
      ['61.D3.1.52', '295.00%', '195.00%'],
      ['83.A1.2_MISURA.B2.1', '250.00%', '150.00%'],
      ['D1.1.0', '278.75%', '178.75%'],
      ['D1.1.1_PROMOS.ASS.', '244.44%', '144.44%'],
      ['D2.1_MIMIT.1', '337.50%', '237.50%'],
      ['D2.1_MIMIT.2', '325.00%', '225.00%'],
      ['D4.3.1_MIMIT', '1350.00%', '1250.00%'],
    ]);
    const summary = Object.fromEntries(cells.slice(header + 94).filter((r) => r[0] !== '').map((r) => [r[0], r[1]]));
    expect(summary).toMatchObject({ 'Indicatori con target': '93', 'Indicatori in overshooting': '8', 'Quota in overshooting': '8.6%', 'di cui con target fissato dal Ministero': '6' });
  },
  180_000,
);
