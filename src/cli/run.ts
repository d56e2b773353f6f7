/**
 * Process entry point of `smvp`.
 * A reader that stops early (`smvp validate … --json | head -1`) closes the pipe: the rest of the output
 * is dropped without a word and the exit code stays the command's own, since the check ran to the end
 * and `set -o pipefail` scripts still learn its result. Any other failure of standard output (a full
 * disk under `> report.json`) means the report was lost: said on standard error, exit 3 (output not
 * writable). An unexpected failure exits 2, as an input the command could not use.
 */
import { EXIT, main, printable } from './smvp';

let stdoutClosed = false;
let stdoutFailed = false;
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  stdoutClosed = true;
  if (e.code === 'EPIPE') return;
  stdoutFailed = true;
  process.stderr.write(`Errore: impossibile scrivere l'uscita standard (${e.code ?? e.message}).\n`);
  process.exitCode = EXIT.unwritable;
});

const out = (t: string) => {
  if (!stdoutClosed) process.stdout.write(`${t}\n`);
};

main(process.argv.slice(2), { out, err: (t) => process.stderr.write(`${t}\n`) }).then(
  (code) => {
    // The 'error' event may come after main has returned: whichever runs last, a failure keeps exit 3.
    if (!stdoutFailed) process.exitCode = code;
  },
  (e: unknown) => {
    // The message may quote a cell: each line made printable, the stack's own line breaks kept.
    const text = e instanceof Error ? (e.stack ?? e.message) : String(e);
    process.stderr.write(`Errore inatteso: ${text.split('\n').map(printable).join('\n')}\n`);
    process.exitCode = EXIT.unusable;
  },
);
