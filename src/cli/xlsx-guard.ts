/**
 * Looks inside an .xlsx (a zip of XML parts) before ExcelJS loads it: the parts' real unzipped size
 * and the number of cells, so a zip bomb or a huge sheet is refused instead of exhausting memory.
 */
import { inflateRawSync } from 'node:zlib';
import { excerpt } from '../engine';
import { MAX_CELLS, MAX_UNZIPPED_BYTES } from './xlsx-limits';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

function endOfDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  const stop = Math.max(0, bytes.length - 22 - 65_535);
  for (let i = bytes.length - 22; i >= stop; i -= 1) if (bytes.readUInt32LE(i) === END_OF_DIRECTORY) return i;
  return -1;
}

function entries(bytes: Buffer): Entry[] | undefined {
  const end = endOfDirectory(bytes);
  if (end < 0) return undefined;
  const count = bytes.readUInt16LE(end + 10);
  // Bytes put in front of the zip shift every offset; ExcelJS's unzipper allows for them, so must we.
  const shift = end - (bytes.readUInt32LE(end + 12) + bytes.readUInt32LE(end + 16));
  if (shift < 0) return undefined;
  let at = bytes.readUInt32LE(end + 16) + shift;
  const out: Entry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) return undefined;
    const nameLength = bytes.readUInt16LE(at + 28);
    out.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      localOffset: bytes.readUInt32LE(at + 42) + shift,
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return out;
}

type Unzipped = Buffer | 'too-large' | 'damaged';

/** The part's bytes, inflated up to `budget` (the declared sizes may lie). */
function unzipped(bytes: Buffer, entry: Entry, budget: number): Unzipped {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_HEADER) return 'damaged';
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === STORED) return data.length > budget ? 'too-large' : data;
  if (entry.method !== DEFLATED) return 'damaged';
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
  } catch (e) {
    return e instanceof RangeError ? 'too-large' : 'damaged';
  }
}

function countOf(xml: Buffer, tag: string): number {
  let n = 0;
  for (let i = xml.indexOf(tag); i >= 0; i = xml.indexOf(tag, i + tag.length)) n += 1;
  return n;
}

/** Why the workbook must not be loaded, in Italian; undefined when it may. */
export function oversizedWorkbook(bytes: Buffer): string | undefined {
  // Whatever cannot be walked here is refused: what is not checked is not loaded.
  const parts = entries(bytes);
  if (parts === undefined) return 'file danneggiato: l\'indice dello zip non è leggibile. Aprirlo in Excel e salvarlo di nuovo.';
  let left = MAX_UNZIPPED_BYTES;
  let cells = 0;
  for (const part of parts) {
    const xml = unzipped(bytes, part, left);
    if (xml === 'damaged') return `file danneggiato: la parte ${excerpt(part.name)} non è leggibile. Aprirlo in Excel e salvarlo di nuovo.`;
    if (xml === 'too-large') {
      return `una volta decompresso supera ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB (parte ${excerpt(part.name)}): un report Integra è molto più piccolo; il file è forse costruito per esaurire la memoria.`;
    }
    left -= xml.length;
    if (part.name.startsWith('xl/worksheets/')) cells += countOf(xml, '<c ') + countOf(xml, '<c>');
  }
  if (cells > MAX_CELLS) {
    return `contiene ${cells.toLocaleString('it-IT')} celle, oltre il limite di ${MAX_CELLS.toLocaleString('it-IT')}: un report Integra ne ha poche migliaia. Dividere il file o togliere i fogli che non sono report.`;
  }
  return undefined;
}
