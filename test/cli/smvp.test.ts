/**
 * The `smvp` command line, run in-process as a user would call it, on the seed workbooks and on bad input;
 * spawned as a process where the process itself is under test (a closed pipe, a full disk).
 */
import { spawn } from 'node:child_process';
import { chmodSync, closeSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import fsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/smvp';
import { readWorkbook } from '../../src/cli/xlsx-read';
import { MAX_CELLS } from '../../src/cli/xlsx-limits';
import type { Grid } from '../../src/engine';

// The real reader, wrapped so that one test can hand `main` a workbook larger than it is worth writing.
jest.mock('../../src/cli/xlsx-read', () => {
  const actual = jest.requireActual<typeof import('../../src/cli/xlsx-read')>('../../src/cli/xlsx-read');
  return { ...actual, readWorkbook: jest.fn(actual.readWorkbook) };
});

const dir = mkdtempSync(join(tmpdir(), 'smvp-'));

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

async function xlsx(name: string, rows: ExcelJS.CellValue[][], sheet = 'Foglio1'): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(sheet);
  rows.forEach((r) => ws.addRow(r));
  const path = join(dir, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

function file(name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const pct = (x: number) => (x * 100).toFixed(2);

describe('smvp validate on the seed workbooks', () => {
  test('text: the tree once, a legend for the level codes, Italian plurals; the second sheet said to be the same report', async () => {
    const { out } = await run('validate', 'seeds/integra-ente-2024.xlsx');
    expect(out.match(/^os +701 +33,33% +98,80% +98,80% +verde$/gm)).toHaveLength(1);
    expect(out).toContain('Livelli: os = obiettivo strategico.');
    expect(out).toContain('Rilievi: 1 errore, 0 avvisi, 0 note.');
    expect(out).toContain('foglio «Ente (valori numerici)»: Performance organizzativa Ente\nStesso report del foglio «Ente»: stesse cifre e stessi rilievi, non ripetuti.');
  });

  test('text: an annex prints no empty table', async () => {
    const { out } = await run('validate', 'seeds/integra-overshooting-2024.xlsx');
    expect(out).not.toContain('Livello');
    expect(out).toContain('Overshooting: 8/93 indicatori (8,6%), 6 con target ministeriale.\nRilievi: 0 errori, 0 avvisi, 0 note.');
  });

  test('Ente: 99,62% and the ten OS, in both sheets; exit 1 for the 280% weights', async () => {
    const { code, out } = await run('validate', 'seeds/integra-ente-2024.xlsx', '--json');
    const json = JSON.parse(out);
    expect(json.file).toBe('seeds/integra-ente-2024.xlsx');
    expect(json.sheets.map((s: { name: string }) => s.name)).toEqual(['Ente', 'Ente (valori numerici)']);
    for (const sheet of json.sheets) {
      expect(sheet.layout).toBe('ente');
      const ente = sheet.nodes.find((n: { level: string }) => n.level === 'ente');
      expect(pct(ente.computed)).toBe('99.62');
      expect(ente.computed).not.toBe(0.9962); // full precision, not the rounded figure
      const os = sheet.nodes.filter((n: { level: string }) => n.level === 'os').map((n: { code: string; computed: number }) => [n.code, pct(n.computed)]);
      expect(os).toEqual([
        ['301', '100.00'],
        ['400', '100.00'],
        ['401', '99.44'],
        ['402', '100.00'],
        ['600', '100.00'],
        ['601', '100.00'],
        ['701', '98.80'],
        ['801', '98.42'],
        ['802', '100.00'],
        ['803', '99.75'],
      ]);
      expect(sheet.findings.map((f: { code: string; cell: string }) => [f.code, f.cell])).toEqual([['somma-pesi', 'D98']]);
      const node = sheet.nodes[1];
      expect(Object.keys(node)).toEqual(['row', 'level', 'code', 'label', 'weight', 'stated', 'computed', 'semaforo']);
    }
    expect(code).toBe(1);
  });

  test('unit report: the 802.A1.3 finding, readable by default', async () => {
    const { code, out } = await run('validate', 'seeds/integra-unita-2024.xlsx');
    expect(code).toBe(1);
    expect(out).toContain('G49');
    expect(out).toContain('802.A1.3: raggiungimento dichiarato 98,33%, ricalcolato 100,00%');
    expect(out).toContain('Rilievi: 1 errore, 0 avvisi, 1 nota.');
  });

  test('the annex checks out: exit 0', async () => {
    const { code, out } = await run('validate', 'seeds/integra-overshooting-2024.xlsx');
    expect(out).toContain('Overshooting: 8/93 indicatori (8,6%), 6 con target ministeriale.');
    expect(code).toBe(0);
  });
});

describe('smvp validate on the 2025 planning tree', () => {
  test('--sheet still checks it against the other sheets: legend, suggested targets, exit 1 for 803.S1', async () => {
    const { code, out } = await run('validate', 'seeds/albero-2025.xlsx', '--sheet', 'Albero 2025', '--json');
    const json = JSON.parse(out);
    expect(code).toBe(1);
    expect(json.sheets.map((s: { name: string; layout: string }) => [s.name, s.layout])).toEqual([['Albero 2025', 'albero']]);
    const [sheet] = json.sheets;
    expect(sheet.findings.find((f: { cell: string }) => f.cell === 'K120')).toMatchObject({ code: 'target-non-sfidante', severity: 'avviso', suggested: '>= 19,14 N.' });
    expect(sheet.legend.filter((l: { change: string }) => l.change === 'eliminato')).toHaveLength(24);
    expect(sheet.nodes.filter((n: { level: string }) => n.level === 'indicatore')).toHaveLength(106);
  });

  test('text: weights, the comparison with last year, the findings by code with the errore, every one with --dettagli', async () => {
    const { out } = await run('validate', 'seeds/albero-2025.xlsx', '--sheet', 'Albero 2025');
    expect(out).toContain('Albero della performance');
    expect(out).toContain("Rispetto all'anno precedente: target incrementati 33, diminuiti 8; obiettivi aggiunti 29, eliminati 24, rinominati 8.");
    expect(out).toContain('Rilievi: 1 errore, 95 avvisi, 63 note.');
    expect(out).toMatch(/avviso\s+target-non-sfidante\s+89\n/);
    expect(out).toMatch(/nota\s+obiettivo-aggiunto\s+29\n/);
    expect(out).toMatch(/errore\s+M179\s+target-illeggibile: Target 2027 di 803\.S1/);
    expect(out).not.toContain('K61');
    expect(out).toContain('Tutti i 159 rilievi con la loro cella: --dettagli (o --json).');
    const detailed = (await run('validate', 'seeds/albero-2025.xlsx', '--sheet', 'Albero 2025', '--dettagli')).out;
    expect(detailed).toMatch(/avviso\s+K61\s+target-non-sfidante: D4\.3_1\.MIMIT: target 2025 «>= 180 N\.»/);
    expect(detailed.split('\n').filter((l) => /^ {2}(errore|avviso|nota) /.test(l))).toHaveLength(159);
  });
});

describe('smvp validate on the individual scorecards', () => {
  test('--sheet: the card graded against the Ente report of its workbook; levels scheda / os / extra / indicatore', async () => {
    const { code, out } = await run('validate', 'seeds/schede-2024.xlsx', '--sheet', 'Scheda SG', '--json');
    expect(code).toBe(0);
    const [sheet] = JSON.parse(out).sheets;
    expect(sheet.layout).toBe('schede');
    expect(sheet.findings).toEqual([]);
    expect(sheet.nodes.slice(0, 3).map((n: { level: string; code: string; weight: number | null; stated: number | null }) => [n.level, n.code, n.weight, n.stated])).toEqual([
      ['scheda', '', null, null],
      ['os', '803', 0.2, 0.9975],
      ['indicatore', '803.S3', 0.4, 1],
    ]);
    expect(sheet.nodes[0].computed).toBeCloseTo(0.9995, 6);
  });

  test('text: each card’s result and objectives; the EQ card’s error, exit 1', async () => {
    const { code, out } = await run('validate', 'seeds/schede-2024.xlsx');
    expect(code).toBe(1);
    expect(out).toContain('foglio «Scheda EQ AO6»: Scheda obiettivi individuali');
    expect(out).toMatch(/scheda\s+Scheda obiettivi individuali 2024 - Dirigente Area 2\s+—\s+99,87%\s+verde/);
    expect(out).toMatch(/extra\s+MISURE ANTICORR\.\s+25,00%\s+99,37%\s+100,00%\s+verde/);
    expect(out).toMatch(/errore\s+J10\s+raggiungimento-diverso: MISURE ANTICORR\.: raggiungimento dichiarato 99,37%, ricalcolato 100,00%/);
  });
});

describe('smvp overshooting', () => {
  test('both commands speak one JSON: the schema number, and a finding’s figures as numbers', async () => {
    const path = await xlsx('annesso.xlsx', [
      ['INDICATORE', 'VALORI MISURE', 'CONSUNTIVO', 'TARGET', 'GRADO RAGGIUNGIMENTO', 'VALORE vs TARGET', 'OVERSHOOTING'],
      ['I1', '', '8 N.', '>= 10 N.', '90,00%', '90,00%', '0,00%'],
    ]);
    for (const command of ['validate', 'overshooting']) {
      const json = JSON.parse((await run(command, path, '--json')).out);
      const findings = command === 'validate' ? json.sheets[0].findings : json.findings;
      expect(json.schema).toBe(1);
      expect(findings).toEqual(['E2', 'F2'].map((cell) => expect.objectContaining({ code: 'overshooting-diverso', cell, stated: 0.9, computed: 0.8 })));
    }
  });

  test('93 / 8 / 6 as JSON, and the workbook it writes holds the same figures', async () => {
    const output = join(dir, 'os.xlsx');
    const { code, out } = await run('overshooting', 'seeds/integra-overshooting-2024.xlsx', '--json', '-o', output);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect([json.total, json.flagged, json.external, json.share.toFixed(3)]).toEqual([93, 8, 6, '0.086']);
    expect(json.byTipo).toEqual({ Efficacia: 6, Volume: 1, Qualità: 1 });
    const d4 = json.rows.find((r: { code: string }) => r.code === 'D4.3.1_MIMIT');
    expect(d4).toMatchObject({ grado: 1, ratio: 13.5, excess: 12.5, flagged: true, external: true });
    expect(Object.keys(d4)).toEqual(['row', 'code', 'grado', 'ratio', 'excess', 'flagged', 'external']);

    const written = await readWorkbook(output);
    if (!written.ok) throw new Error(written.message);
    const [sheet] = written.grids;
    expect(sheet.name).toBe('Overshooting');
    const header = sheet.rows[3].map((c) => c?.value);
    expect(header).toHaveLength(11);
    const data = sheet.rows.slice(4, 97);
    const flagged = data.filter((r) => r[0]?.fill === 'FCE4D6').map((r) => String(r[0]?.value).split(' - ')[0]);
    expect(flagged).toEqual(json.rows.filter((r: { flagged: boolean }) => r.flagged).map((r: { code: string }) => r.code));
    expect(data.filter((r) => r[6]?.fill === '92D050')).toHaveLength(13);
    const target = data.find((r) => String(r[0]?.value).startsWith('82.ACCESSIBILITA'))?.[6];
    expect(target?.value).toBe('100,00 %'); // a target is text, never a formula
    const summary = sheet.rows.slice(98).map((r) => [r[0]?.value, r[1]?.value]);
    expect(summary.slice(0, 4)).toEqual([
      ['Indicatori con target', 93],
      ['Indicatori in overshooting', 8],
      ['Quota in overshooting', 8 / 93],
      ['di cui con target fissato dal Ministero', 6],
    ]);
  });

  test('from an Ente report: its indicators, each once', async () => {
    const { code, out } = await run('overshooting', 'seeds/integra-ente-2024.xlsx', '--sheet', 'Ente', '--json');
    const json = JSON.parse(out);
    expect(json.sheet).toBe('Ente');
    // 99 indicator rows; B3.2_01_rev2018 is printed twice (indicator of 802 and of 802.B3.1)
    expect(json.total).toBe(98);
    expect(json.rows.filter((r: { code: string }) => r.code === 'B3.2_01_rev2018')).toHaveLength(1);
    expect(json.flagged).toBe(8);
    expect(code).toBe(0);
  });
});

describe('input that cannot be used: exit 2 with the reason; a wrong command line: exit 4', () => {
  test.each([
    ['a missing file', () => join(dir, 'non-esiste.xlsx'), 'File non trovato'],
    ['an empty file', () => file('vuoto.xlsx', ''), 'il file è vuoto'],
    ['a text file', () => file('note.xlsx', 'Ente;Ambito\n1;2\n'), 'non è un file .xlsx'],
    ['a password-protected workbook', () => file('protetto.xlsx', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(64), Buffer.from('EncryptedPackage', 'utf16le')])), 'protetto da password'],
    ['an Excel 97-2003 file', () => file('vecchio.xls', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(64)])), '.xls'],
    ['a corrupt workbook', () => file('rotto.xlsx', Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.from('non è uno zip valido')])), 'danneggiato'],
  ])('%s', async (_what, make, reason) => {
    const { code, err } = await run('validate', make());
    expect(code).toBe(2);
    expect(err).toContain(reason);
  });

  test('a sheet of another shape: layout non riconosciuto', async () => {
    const path = await xlsx('altro.xlsx', [['Nome', 'Cognome', 'Ufficio', 'Telefono'], ['Mario', 'Rossi', 'Protocollo', '059 123']]);
    const { code, err } = await run('validate', path);
    expect(code).toBe(2);
    expect(err).toContain('layout non riconosciuto');
  });

  test('a sheet that does not exist: the sheets there are', async () => {
    const { code, err } = await run('validate', 'seeds/integra-unita-2024.xlsx', '--sheet', 'Ente');
    expect(code).toBe(2);
    expect(err).toContain('Fogli presenti: Unità organizzative');
  });

  test.each([
    [[], 'manca il comando: validate, overshooting oppure spiega'],
    [['validate'], 'manca il file .xlsx da leggere'],
    [['somma', 'x.xlsx'], 'comando sconosciuto: somma'],
    [['validate', 'a.xlsx', 'b.xlsx'], 'troppi argomenti: b.xlsx'],
    [['validate', 'a.xlsx', '--boh'], 'opzione sconosciuta: --boh'],
    [['validate', 'a.xlsx', '-x'], 'opzione sconosciuta: -x'],
    [['overshooting', 'a.xlsx', '-o'], "manca il valore dell'opzione -o"],
    [['overshooting', 'a.xlsx', '-o', '--json'], "manca il valore dell'opzione -o (trovato «--json»; un valore che inizia con «-» va scritto --output=VALORE)"],
    [['validate', 'a.xlsx', '--sheet'], "manca il valore dell'opzione --sheet"],
    [['validate', 'a.xlsx', '--json=sì'], "l'opzione --json non accetta un valore"],
    [['validate', 'a.xlsx', '-o', 'esito.xlsx'], "l'opzione -o vale solo per overshooting: validate non scrive file"],
    [['overshooting', 'a.xlsx', '--dettagli'], "l'opzione --dettagli vale solo per validate: overshooting elenca già ogni indicatore"],
    [['spiega', 'a.xlsx', '-o', 'b.xlsx'], "l'opzione -o vale solo per overshooting: spiega non scrive file"],
    [['spiega', 'a.xlsx', '--dettagli'], "l'opzione --dettagli vale solo per validate: spiega elenca tutto con --json"],
    [['validate', 'a.xlsx', '--nodo', '701'], "l'opzione --nodo vale solo per spiega: validate legge sempre tutto il foglio"],
    [['spiega', 'a.xlsx', '--nodo'], "manca il valore dell'opzione --nodo"],
  ])('usage %p: the reason in Italian, then the usage, exit 4', async (args, reason) => {
    const { code, out, err } = await run(...args);
    expect(code).toBe(4);
    expect(out).toBe('');
    expect(err).toContain(`Errore: ${reason}\n\nUso:`);
    expect(err).not.toMatch(/Unknown option|argument missing|ambiguous|does not take|positional/);
  });
});

describe('smvp spiega', () => {
  test('--nodo 701: the blocks, then 701.S1 at 92% taking all 1,20 points, then the sentence', async () => {
    const { code, out } = await run('spiega', 'seeds/integra-ente-2024.xlsx', '--sheet', 'Ente', '--nodo', '701');
    expect(code).toBe(0);
    expect(out).toContain('Obiettivo strategico 701 «Tutela della legalità», riga 88: 98,80% (verde)\nSotto il 100% di 1,20 punti. Figli nella media:');
    expect(out).toMatch(/blocco +Indicatori +50,00% +97,60% +1,20 punti\n/);
    expect(out).toMatch(/indicatore +701\.S1 +Soggetti economici coinvolti nelle inizi… +15,00% +92,00% +1,20 punti\n/);
    expect(out).toContain("Per la Relazione: Obiettivo strategico 701 «Tutela della legalità» al 98,80% (verde), 1,20 punti sotto il 100%: l'indicatore 701.S1");
  });

  test('without --nodo: each sheet\'s root, a second sheet with the same figures said to be the same', async () => {
    const { code, out } = await run('spiega', 'seeds/integra-ente-2024.xlsx');
    expect(code).toBe(0);
    expect(out).toContain('Ente, riga 4: 99,62% (verde)');
    expect(out).toMatch(/ambito +3 +.* +33,34% +99,39% +0,20 punti/);
    expect(out).toContain('foglio «Ente (valori numerici)»\nStessa spiegazione di un foglio precedente');
  });

  test('--json: every indicator, shares and losses as numbers adding up to the gap', async () => {
    const { code, out } = await run('spiega', 'seeds/integra-ente-2024.xlsx', '--sheet', 'Ente', '--json');
    expect(code).toBe(0);
    const [ente] = JSON.parse(out).sheets[0].explanations;
    expect([ente.code, ente.computed, ente.semaforo]).toEqual(['Ente', expect.closeTo(0.99617, 5), 'verde']);
    const losses = ente.indicators.map((i: { loss: number }) => i.loss);
    expect(losses.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(ente.gap, 12);
    expect(ente.indicators[0]).toMatchObject({ code: 'OC_TBS_03', level: 'indicatore', share: 0.02778889 });
    expect(ente.leftOut).toEqual([]);
    expect(ente.text).toMatch(/^Ente al 99,62%/);
  });

  test('an unknown node, and a workbook with no tree, exit 2 with the reason', async () => {
    const missing = await run('spiega', 'seeds/integra-ente-2024.xlsx', '--nodo', '999');
    expect([missing.code, missing.err]).toEqual([2, expect.stringContaining('Nodo «999» non trovato')]);
    const annex = await run('spiega', 'seeds/integra-overshooting-2024.xlsx');
    expect([annex.code, annex.err]).toEqual([2, expect.stringContaining('nessun albero da spiegare')]);
  });
});

describe('-o never loses data', () => {
  const ANNEX = 'seeds/integra-overshooting-2024.xlsx';

  /** A fresh folder holding a copy of the annex: what a user's folder looks like before `smvp`. */
  function folder(): { where: string; input: string; before: Buffer } {
    const where = mkdtempSync(join(dir, 'uscita-'));
    const input = join(where, 'allegato.xlsx');
    copyFileSync(ANNEX, input);
    return { where, input, before: readFileSync(input) };
  }

  test.each([
    ['the same path', (input: string) => input],
    ['the same file spelled another way', (input: string) => join(input, '..', '.', basename(input))],
    ['a symbolic link to it', (input: string) => (symlinkSync(input, `${input}.link.xlsx`), `${input}.link.xlsx`)],
    ['a hard link to it', (input: string) => (linkSync(input, `${input}.hard.xlsx`), `${input}.hard.xlsx`)],
  ])('-o onto the input through %s: exit 3, the input byte-identical', async (_how, onto) => {
    const { where, input, before } = folder();
    const output = onto(input);
    const { code, out, err } = await run('overshooting', input, '-o', output);
    expect(code).toBe(3);
    expect(out).toBe('');
    expect(err).toContain(`Errore: ${output} è il file letto (${input})`);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readdirSync(where).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test.each([['out.csv'], ['out.xlsx.bak'], ['senza-estensione']])('-o %s: not a .xlsx name, refused (exit 3), nothing created', async (name) => {
    const { where, input } = folder();
    const { code, err } = await run('overshooting', input, '-o', join(where, name));
    expect(code).toBe(3);
    expect(err).toContain(`Il file di uscita deve terminare in .xlsx: ${join(where, name)}`);
    expect(readdirSync(where)).toEqual(['allegato.xlsx']);
  });

  test('-o onto a folder (even one named .xlsx): refused (exit 3), the folder left as it was', async () => {
    const { where, input } = folder();
    const folderName = join(where, 'cartella.xlsx');
    mkdirSync(folderName);
    const { code, err } = await run('overshooting', input, '-o', folderName);
    expect(code).toBe(3);
    expect(err).toContain(`${folderName} è una cartella`);
    expect(readdirSync(folderName)).toEqual([]);
  });

  test('a written workbook: readable, an Overshooting sheet, no temporary file left; .XLSX in capitals is fine', async () => {
    const { where, input } = folder();
    const output = join(where, 'OVERSHOOTING.XLSX');
    const { code, out } = await run('overshooting', input, '-o', output);
    expect(code).toBe(0);
    expect(out).toContain(`Scritto ${output}`);
    expect(readdirSync(where).sort()).toEqual(['OVERSHOOTING.XLSX', 'allegato.xlsx']);
    const written = await readWorkbook(output);
    if (!written.ok) throw new Error(written.message);
    expect(written.grids.map((g) => g.name)).toEqual(['Overshooting']);
  });

  test('another existing .xlsx is replaced whole, through its symbolic link, which stays a link', async () => {
    const { where, input } = folder();
    const old = join(where, 'vecchio.xlsx');
    writeFileSync(old, 'contenuto precedente');
    const link = join(where, 'collegamento.xlsx');
    symlinkSync(old, link);
    expect(await run('overshooting', input, '-o', link)).toMatchObject({ code: 0 });
    const written = await readWorkbook(old);
    if (!written.ok) throw new Error(written.message);
    expect(written.grids.map((g) => g.name)).toEqual(['Overshooting']);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(where).sort()).toEqual(['allegato.xlsx', 'collegamento.xlsx', 'vecchio.xlsx']);
  });

  test('a folder that does not exist: exit 3, the path and the reason in Italian', async () => {
    const { where, input } = folder();
    const output = join(where, 'manca', 'os.xlsx');
    const { code, err } = await run('overshooting', input, '-o', output);
    expect(code).toBe(3);
    expect(err).toContain(`Errore: Impossibile scrivere ${output}: la cartella non esiste. Nessuna modifica a ${output}.`);
    expect(readdirSync(where)).toEqual(['allegato.xlsx']);
  });

  // Root writes whatever the permissions: there these tests cannot fail, so they do not run.
  const unlessRoot = process.getuid?.() === 0 ? test.skip : test;

  unlessRoot('a read-only .xlsx is not replaced: exit 3, permesso negato, its bytes as they were', async () => {
    const { where, input } = folder();
    const output = join(where, 'sola-lettura.xlsx');
    writeFileSync(output, 'da conservare');
    chmodSync(output, 0o444);
    const { code, err } = await run('overshooting', input, '-o', output);
    expect(code).toBe(3);
    expect(err).toContain(`Impossibile scrivere ${output}: permesso negato.`);
    expect(readFileSync(output, 'utf8')).toBe('da conservare');
    expect(readdirSync(where).sort()).toEqual(['allegato.xlsx', 'sola-lettura.xlsx']);
  });

  unlessRoot('a folder without write permission: exit 3, permesso negato, nothing left', async () => {
    const { where, input } = folder();
    const locked = join(where, 'bloccata');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    try {
      const output = join(locked, 'os.xlsx');
      const { code, err } = await run('overshooting', input, '-o', output);
      expect(code).toBe(3);
      expect(err).toContain(`Impossibile scrivere ${output}: permesso negato.`);
      expect(readdirSync(locked)).toEqual([]);
    } finally {
      chmodSync(locked, 0o755);
    }
  });

  test('a write failing at the last step (the rename): the old target byte-identical, the temporary file removed', async () => {
    const { where, input } = folder();
    const output = join(where, 'os.xlsx');
    writeFileSync(output, 'versione precedente');
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const rename = jest.spyOn(fsPromises, 'rename').mockRejectedValueOnce(denied);
    try {
      const { code, err } = await run('overshooting', input, '-o', output);
      expect(rename).toHaveBeenCalledTimes(1);
      expect(code).toBe(3);
      expect(err).toContain(`Impossibile scrivere ${output}: permesso negato. Nessuna modifica a ${output}.`);
      expect(err).not.toContain('permission denied');
    } finally {
      rename.mockRestore();
    }
    expect(readFileSync(output, 'utf8')).toBe('versione precedente');
    expect(readdirSync(where).sort()).toEqual(['allegato.xlsx', 'os.xlsx']);
  });
});

describe('the smvp process and its standard output', () => {
  /** `smvp` as a user runs it (bin/smvp.js, the CLI compiled by `pretest`): its exit code and standard error. */
  function spawnSmvp(args: string[], stdout: 'pipe' | number, onOut: (child: ReturnType<typeof spawn>) => void = () => undefined): Promise<{ code: number | null; err: string }> {
    const child = spawn(process.execPath, ['bin/smvp.js', ...args], { stdio: ['ignore', stdout, 'pipe'] });
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    onOut(child);
    return new Promise((done) => child.on('close', (code) => done({ code, err })));
  }

  // Closed before smvp writes, as `| head -1` closes it mid-output: every write then meets EPIPE.
  test('a reader that goes away (| head -1): no stack trace, the exit code of the check', async () => {
    const { code, err } = await spawnSmvp(['validate', 'seeds/integra-ente-2024.xlsx', '--json'], 'pipe', (child) => child.stdout?.destroy());
    expect(err).toBe('');
    expect(code).toBe(1); // the 280% weights at D98, as in-process
  }, 30_000);

  (existsSync('/dev/full') ? test : test.skip)('a full disk under standard output: said in Italian, exit 3', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const { code, err } = await spawnSmvp(['validate', 'seeds/integra-ente-2024.xlsx', '--json'], full);
      expect(err).toBe("Errore: impossibile scrivere l'uscita standard (ENOSPC).\n");
      expect(code).toBe(3);
    } finally {
      closeSync(full);
    }
  }, 30_000);
});

describe('cells with Excel errors', () => {
  test('#N/A and #DIV/0! are findings at their cells, not crashes', async () => {
    const path = await xlsx('errori.xlsx', [
      ['Ente', 'Ambito', 'Obiettivo strategico', 'Obiettivi Operativi / Indicatori OS', 'Indicatori', 'Target', 'Valore', 'Raggiungimento', 'Valutazione'],
      ['Ente', null, null, null, null, null, null, '100,00%'],
      ['50,00%', 'A.1 - Primo', null, null, null, '>= 10 N.', { error: '#N/A' } as ExcelJS.CellErrorValue, '100,00%'],
      ['50,00%', 'A.2 - Secondo', null, null, null, '>= 10 N.', { formula: '1/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellValue, '100,00%'],
    ]);
    const { code, out } = await run('validate', path, '--json');
    expect(code).toBe(1);
    const findings = JSON.parse(out).sheets[0].findings.map((f: { code: string; cell: string; message: string }) => [f.code, f.cell, f.message.includes('#')]);
    expect(findings).toEqual([
      ['errore-excel', 'G3', true],
      ['errore-excel', 'G4', true],
    ]);
  });
});

describe('merged cells', () => {
  test('a merged label is read once, from its first cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Ente');
    ws.addRow(['Ente', 'Ambito', 'Obiettivo strategico', 'Obiettivi Operativi / Indicatori OS', 'Indicatori', 'Target', 'Valore', 'Raggiungimento']);
    ws.addRow(['Ente', null, null, null, null, null, null, '100,00%']);
    ws.addRow(['100,00%', '301.S1 - Indicatore con etichetta unita su più celle', null, null, null, '>= 5 N.', '5 N.', '100,00%']);
    ws.mergeCells('B3:E3');
    const path = join(dir, 'unite.xlsx');
    await workbook.xlsx.writeFile(path);
    const read = await readWorkbook(path);
    if (!read.ok) throw new Error(read.message);
    expect(read.grids[0].rows[2].slice(1, 5).map((cell) => cell?.value)).toEqual(['301.S1 - Indicatore con etichetta unita su più celle', undefined, undefined, undefined]);
    const { code, out } = await run('validate', path, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out).sheets[0].nodes.map((n: { code: string; computed: number }) => [n.code, n.computed])).toEqual([
      ['Ente', 1],
      ['301.S1', 1],
    ]);
  });
});

const ANNEX_HEADER = ['INDICATORE', 'TIPO', 'VALORI MISURE', 'CONSUNTIVO', 'TARGET', 'GRADO RAGGIUNGIMENTO', 'VALORE vs TARGET', 'OVERSHOOTING'];

describe('TIPO values that name an object’s own machinery', () => {
  const TIPI = ['constructor', 'toString', 'hasOwnProperty', '__proto__'];

  test('counted as they are in the JSON, the text and the written sheet', async () => {
    // Every line 30 against >= 10: in overshooting; each TIPO twice, and Efficacia once.
    const rows = [...TIPI, ...TIPI, 'Efficacia'].map((tipo, i) => [`I${i}`, tipo, null, '30 N.', '>= 10 N.']);
    const path = await xlsx('tipi.xlsx', [ANNEX_HEADER, ...rows], 'Overshooting');
    const output = join(dir, 'tipi-os.xlsx');
    const json = await run('overshooting', path, '--json', '-o', output);
    expect(json.code).toBe(0);
    const byTipo = JSON.parse(json.out).byTipo as object;
    expect(Object.entries(byTipo)).toEqual([...TIPI.map((t) => [t, 2]), ['Efficacia', 1]]);
    expect(json.out).not.toContain('native code');

    const text = await run('overshooting', path);
    expect(text.out).toContain('Per tipo: constructor 2, toString 2, hasOwnProperty 2, __proto__ 2, Efficacia 1.');

    const written = await readWorkbook(output);
    if (!written.ok) throw new Error(written.message);
    const summary = written.grids[0].rows.filter((r) => String(r[0]?.value).startsWith('Tipo ')).map((r) => [r[0]?.value, r[1]?.value]);
    expect(summary).toEqual([...TIPI.map((t) => [`Tipo ${t}`, 2]), ['Tipo Efficacia', 1]]);
  });
});

describe('annex measures in the command line', () => {
  test('unreadable measures and measures against the CONSUNTIVO: avvisi, exit 0', async () => {
    const path = await xlsx('misure.xlsx', [ANNEX_HEADER, ['I1', 'Efficacia', 'ciao', '10 N.', '>= 5 N.'], ['I2', 'Efficacia', '100 N.', 10, '>= 5 N.']], 'Overshooting');
    const { code, out } = await run('validate', path, '--json');
    expect(code).toBe(0);
    const findings = JSON.parse(out).sheets[0].findings.map((f: { severity: string; code: string }) => [f.severity, f.code]);
    expect(findings).toEqual([
      ['avviso', 'misure-illeggibili'],
      ['avviso', 'valore-diverso-dalle-misure'],
    ]);
  });
});

describe('a figure too large for a spreadsheet', () => {
  test('1e308 against 1e-29: an errore, exit 1, and the written sheet says «non rappresentabile» instead of Infinity', async () => {
    const tiny = `>= 0,${'0'.repeat(28)}1 N.`;
    const path = await xlsx('enorme.xlsx', [ANNEX_HEADER, ['I1', 'Efficacia', null, 1e308, tiny]], 'Overshooting');
    const output = join(dir, 'enorme-os.xlsx');
    const { code, out } = await run('overshooting', path, '-o', output);
    expect(code).toBe(1);
    expect(out).toMatch(/errore\s+D2\s+valore-incompatibile: I1: .*non rappresentabile/);
    const written = await readWorkbook(output);
    if (!written.ok) throw new Error(written.message);
    expect(written.grids[0].rows[4].slice(7, 10).map((cell) => cell?.value)).toEqual([1, 'non rappresentabile', 'non rappresentabile']);
  });
});

describe('control characters in cells never reach the terminal', () => {
  // Excel stores a control character in a cell as _xHHHH_; ExcelJS reads it back as the character.
  const FAKE = 'X_x001B_[2K_x000D_Rilievi: 0 errori';

  test('an ESC sequence in a code cannot erase a line and print a fake summary', async () => {
    const path = await xlsx('controllo.xlsx', [
      ['Ente', 'Ambito', 'Obiettivo strategico', 'Obiettivi Operativi / Indicatori OS', 'Indicatori', 'Target', 'Valore', 'Raggiungimento'],
      ['Ente', null, null, null, null, null, null, '50,00%'],
      ['100,00%', FAKE, null, null, null, '>= 10 N.', '5 N.', '100,00%'],
    ]);
    const read = await readWorkbook(path);
    if (!read.ok) throw new Error(read.message);
    expect(read.grids[0].rows[2][1]?.value).toBe('X\u001b[2K\rRilievi: 0 errori');
    const { code, out } = await run('validate', path);
    expect(code).toBe(1);
    expect(out).not.toMatch(/(?!\n)\p{Cc}/u);
    expect(out.split('\n').filter((l) => l.startsWith('Rilievi:'))).toEqual(['Rilievi: 1 errore, 0 avvisi, 0 note.']);
    expect(out).toContain('X\\x1b[2K Rilievi: 0 errori: raggiungimento dichiarato 100,00%, ricalcolato 50,00%');
  });

  test('nor through a file name, on standard error', async () => {
    const { code, err } = await run('validate', join(dir, 'manca\u001b[2K\r.xlsx'));
    expect(code).toBe(2);
    expect(err).not.toMatch(/(?!\n)\p{Cc}/u);
    expect(err).toContain('manca\\x1b[2K .xlsx');
  });

  test('the JSON escapes DEL and C1 controls as well, and reads the same', async () => {
    const path = await xlsx('c1.xlsx', [ANNEX_HEADER, ['I_x009B_2K_x007F_', 'Efficacia', null, '30 N.', '>= 10 N.']], 'Overshooting');
    const { out } = await run('overshooting', path, '--json');
    expect(out).not.toMatch(/[\u007f-\u009f]/);
    expect(out).toContain('"code": "I\\u009b2K\\u007f"');
    expect(JSON.parse(out).rows[0].code).toBe('I\u009b2K\u007f');
  });
});

describe('text output of any size', () => {
  test('a long code is cut to its column, and its messages quote 40 characters of it', async () => {
    const code = `I${'x'.repeat(1000)}`;
    const path = await xlsx('lunghi.xlsx', [ANNEX_HEADER, [code, 'Efficacia', 'ciao', '30 N.', '>= 10 N.']], 'Overshooting');
    const { out } = await run('overshooting', path);
    const row = out.split('\n').find((l) => l.startsWith('Ix'));
    expect(row).toMatch(new RegExp(`^I${'x'.repeat(58)}… +300,00%`));
    const finding = out.split('\n').find((l) => l.includes('misure-illeggibili'));
    expect(finding).toContain(`misure-illeggibili: I${'x'.repeat(39)}…: valori misure non leggibili`);
    // The JSON keeps the code whole.
    const json = JSON.parse((await run('overshooting', path, '--json')).out);
    expect(json.rows[0].code).toBe(code);
    expect(json.findings[0].message).toContain(`I${'x'.repeat(39)}…: valori misure non leggibili`);
  });

  test('a long line is cut to 500 characters', async () => {
    // Eighty kinds of indicator, each named in the line that counts them.
    const rows = Array.from({ length: 80 }, (_, i) => [`I${i}`, `Tipo ${i} ${'y'.repeat(20)}`, null, '30 N.', '>= 10 N.']);
    const { out } = await run('overshooting', await xlsx('tipi.xlsx', [ANNEX_HEADER, ...rows], 'Overshooting'));
    const line = out.split('\n').find((l) => l.startsWith('Per tipo: '));
    expect(line).toMatch(/…\.$/);
    expect(line!.length).toBeLessThan(520);
  });

  // The most a workbook within the cell limit can hold, four cells a row (the bench times larger ones).
  test(`${MAX_CELLS / 4} indicators in overshooting: every one listed, one line each`, async () => {
    const n = MAX_CELLS / 4;
    const rows: Array<Grid['rows'][number]> = [ANNEX_HEADER.map((value) => ({ value }))];
    for (let i = 0; i < n; i += 1) rows.push([{ value: `I${i}` }, { value: 'Efficacia' }, undefined, { value: '30 N.' }, { value: '>= 10 N.' }]);
    jest.mocked(readWorkbook).mockResolvedValueOnce({ ok: true, grids: [{ name: 'Overshooting', rows }] });
    const lines: string[] = [];
    const code = await main(['overshooting', 'grande.xlsx'], { out: (t) => lines.push(t), err: (t) => lines.push(t) });
    expect(code).toBe(0);
    expect(lines.filter((l) => /^I\d+ /.test(l))).toHaveLength(n);
    expect(lines[lines.length - 1]).toMatch(new RegExp(`^I${n - 1} +300,00% +200,00%$`));
  }, 60_000);
});

describe('exit codes', () => {
  test('--help: the usage with every exit code, exit 0', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toContain('0 nessun errore, 1 errori trovati, 2 input non utilizzabile,\n3 uscita non scrivibile, 4 comando, opzione o argomento errato.');
  });
});
