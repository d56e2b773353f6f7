/**
 * Where `smvp` writes a workbook without ever losing data: only to a .xlsx path that is not its input,
 * and atomically, so a failed write leaves the target as it was.
 */
import { randomBytes } from 'node:crypto';
import { constants, type BigIntStats } from 'node:fs';
import { access, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permesso negato',
  // Windows answers EPERM or EBUSY when the file is open in Excel.
  EPERM: 'operazione non permessa (il file è forse aperto in Excel?)',
  EBUSY: 'il file è in uso (forse aperto in Excel?)',
  ENOENT: 'la cartella non esiste',
  ENOTDIR: 'una parte del percorso non è una cartella',
  ENOSPC: 'spazio su disco esaurito',
  EDQUOT: 'quota del disco superata',
  EROFS: 'il disco è di sola lettura',
};

function errnoCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException).code;
}

/** Why a write failed, in Italian; the system's code when it is not a usual one. */
export function writeFailure(e: unknown): string {
  const code = errnoCode(e);
  if (code === undefined) return e instanceof Error ? e.message : String(e);
  return REASONS[code] ?? code;
}

async function identity(path: string): Promise<BigIntStats | undefined> {
  try {
    // bigint: on Windows a file index can exceed 2^53, and two files must not compare equal by rounding.
    return await stat(path, { bigint: true });
  } catch (e) {
    if (errnoCode(e) === 'ENOENT' || errnoCode(e) === 'ENOTDIR') return undefined;
    throw e;
  }
}

function sameFile(a: BigIntStats, b: BigIntStats | undefined): boolean {
  return b !== undefined && a.dev === b.dev && a.ino === b.ino;
}

/**
 * Why `output` cannot receive the workbook made from `inputs`, or undefined when it can. The same file
 * is recognised by path, and by device and inode when `output` exists: through a symbolic or hard link,
 * or a different case on a case-insensitive disk. Another existing .xlsx may be replaced: the user
 * named it, and `replaceFile` swaps it in whole or not at all.
 */
export async function outputProblem(output: string, inputs: readonly string[]): Promise<string | undefined> {
  if (extname(output).toLowerCase() !== '.xlsx') return `Il file di uscita deve terminare in .xlsx: ${output}`;
  try {
    const target = await identity(output);
    if (target?.isDirectory()) return `${output} è una cartella: indicare il nome del file .xlsx da scrivere.`;
    for (const input of inputs) {
      if (resolve(input) === resolve(output) || (target !== undefined && sameFile(target, await identity(input)))) {
        return `${output} è il file letto (${input}): scegliere un altro nome, il file letto non va sovrascritto.`;
      }
    }
  } catch (e) {
    return `Impossibile controllare ${output}: ${writeFailure(e)}.`;
  }
  return undefined;
}

/**
 * Writes `bytes` to `path` through a temporary file in the same folder renamed over it: on one file
 * system the rename is atomic, so `path` holds its old bytes or all the new ones. A symbolic link is
 * written through (the link stays; one that points nowhere is replaced by the file); an existing file
 * keeps its permission bits, less the umask, and a read-only one is refused as a plain write would be.
 */
export async function replaceFile(path: string, bytes: Uint8Array): Promise<void> {
  const target = await realpath(path).catch(() => path);
  const existing = await stat(target).catch(() => undefined);
  if (existing !== undefined) await access(target, constants.W_OK);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  // 'wx': the temporary name is never someone else's file, so removing it on failure is safe.
  const handle = await open(temp, 'wx', existing === undefined ? 0o666 : existing.mode & 0o7777);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync(); // on disk before the rename: a crash cannot leave an empty target
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => undefined); // the write's own error is the one to report
    throw e;
  }
}
