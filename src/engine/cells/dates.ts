import { excerpt, fail, ok, type Result } from '../core';

/**
 * A calendar day as an Excel serial number (1900 date system, day 1 = 1900-01-01, with Excel's
 * fictitious 1900-02-29), so that cell values and parsed text compare directly.
 */
export interface DateValue {
  readonly kind: 'date';
  readonly serial: number;
}

const MS_PER_DAY = 86_400_000;
/** 1899-12-30: serial 0 for every date after Excel's fictitious 1900-02-29. */
const EPOCH = Date.UTC(1899, 11, 30);

function dateValue(serial: number): DateValue {
  return { kind: 'date', serial };
}

export function serialFromYmd(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - EPOCH) / MS_PER_DAY);
}

function ymdFromSerial(serial: number): { year: number; month: number; day: number } {
  const d = new Date(EPOCH + Math.floor(serial) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const ITALIAN_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

export function looksLikeDate(text: string): boolean {
  return ITALIAN_DATE.test(text.trim());
}

/** Reads "DD-MM-YYYY" or "DD/MM/YYYY" (also "DD.MM.YYYY"), rejecting impossible days. */
export function parseItalianDate(text: string): Result<DateValue> {
  const m = ITALIAN_DATE.exec(text.trim());
  if (m === null) return fail('invalid-date', `Data non leggibile: «${excerpt(text.trim())}» (atteso GG-MM-AAAA).`);
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return fail('invalid-date', `Data inesistente: «${excerpt(text.trim())}».`);
  }
  return ok(dateValue(serialFromYmd(year, month, day)));
}

/** Accepts a real Excel date serial (time of day is ignored). */
export function dateFromSerial(serial: number): Result<DateValue> {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) {
    return fail('invalid-date', `Numero di serie di data non valido: ${serial}.`);
  }
  return ok(dateValue(Math.floor(serial)));
}

export function formatDate(date: DateValue): string {
  const { year, month, day } = ymdFromSerial(date.serial);
  return `${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}-${year}`;
}
