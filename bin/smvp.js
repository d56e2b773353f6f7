#!/usr/bin/env node
// `smvp` runs the command line compiled to out/smvp by `npm run build:cli`, which `npm ci` and
// `npm install` run through the `prepare` script (also with --omit=dev: `typescript` is a dependency).
const { existsSync } = require('node:fs');
const path = require('node:path');

const entry = path.join(__dirname, '..', 'out', 'smvp', 'cli', 'run.js');
if (!existsSync(entry)) {
  process.stderr.write(`Errore: smvp non è compilato (manca ${path.relative(process.cwd(), entry) || entry}). Eseguire \`npm run build:cli\` nella cartella del progetto.\n`);
  process.exitCode = 2;
} else {
  require(entry);
}
