/**
 * The value of one spreadsheet cell after reading, and the helpers that turn it into what a
 * field parser wants. Every reader (xlsx, CSV) hands out cells normalized the same way:
 *
 * - `string`: trimmed (Unicode whitespace incl. U+3000 and zero-width characters), line breaks
 *   as `\n`, full-width digits and Latin letters folded to ASCII (１９４７年３月 → 1947年3月) and
 *   full-width `．－／：` between two digits folded too (1947．3 → 1947.3). Chinese text and
 *   Chinese punctuation are left as they are. An empty string becomes `null`.
 * - `number`: a finite number from a numeric xlsx cell (CSV cells are always text: codes and ID
 *   numbers keep their leading zeros). Formulas give their cached result, never evaluated.
 * - `Date`: an xlsx cell with a date format. The date is in UTC: read it with getUTC* (the
 *   calendar day is what Excel showed, whatever the machine's time zone).
 * - `null`: empty.
 */
import { toHalfWidth } from '../../../shared/rules/helpers';

export type Cell = string | number | Date | null;

const INVISIBLE_EDGES = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/gu;
const FULL_WIDTH_BETWEEN_DIGITS = /(?<=\d)[．－／：](?=\d)/gu;
const FULL_WIDTH_ASCII = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/u;
const DIGIT_PUNCT: Record<string, string> = { '．': '.', '－': '-', '／': '/', '：': ':' };

/** Normalizes the text of a cell as described above; '' → null. */
export function normalizeText(raw: string): string | null {
  let text = raw;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  text = text.replace(INVISIBLE_EDGES, '');
  if (text === '') return null;
  if (FULL_WIDTH_ASCII.test(text)) text = toHalfWidth(text);
  if (/[．－／：]/u.test(text)) text = text.replace(FULL_WIDTH_BETWEEN_DIGITS, (ch) => DIGIT_PUNCT[ch] ?? ch);
  return text;
}

/** A number as a cell: NaN and ±Infinity are no value. */
export function normalizeNumber(n: number): number | null {
  if (!Number.isFinite(n)) return null;
  return Object.is(n, -0) ? 0 : n;
}

export function normalizeDate(d: Date): Date | null {
  return Number.isNaN(d.getTime()) ? null : d;
}

const MS_PER_DAY = 86_400_000;
/** Serial 25569 is 1970-01-01 in Excel's 1900 date system. */
const UNIX_EPOCH_SERIAL = 25569;
const DATE1904_OFFSET = 1462;

/**
 * An Excel date serial as a UTC date (the time of day is kept if the serial has a fraction).
 * Excel's 1900 system counts a 29 February 1900 that never was (serial 60): serials below 60
 * are moved one day so that 1 = 1900-01-01. Returns null outside 1900-01-01 … 9999-12-31.
 */
export function excelSerialToDate(serial: number, date1904 = false): Date | null {
  if (!Number.isFinite(serial)) return null;
  const s = date1904 ? serial + DATE1904_OFFSET : serial;
  if (s < 1 || s >= 2_958_466) return null;
  const adjusted = s < 60 ? s + 1 : s;
  return new Date(Math.round((adjusted - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
}

/** Serials from 3000 (1908-03-18) to 73415 (2100-12-31): a plain number in a date column in this range was most likely a date whose format was lost. */
export const PLAUSIBLE_SERIALS = { min: 3000, max: 73415 } as const;

/**
 * True when a number found in a date column LOOKS like an Excel date serial rather than a year
 * or a yyyymmdd number: 1000–2999 are years (1947), 194703 and 19470305 are far above the range.
 * The bounds can be narrowed or widened per column.
 */
export function looksLikeExcelSerial(n: number, range: { min: number; max: number } = PLAUSIBLE_SERIALS): boolean {
  return Number.isFinite(n) && n >= range.min && n <= range.max;
}

/** 'YYYY-MM-DD' of a cell date (UTC). */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * The text of a cell for a field parser: strings as they are; integers without exponent or
 * thousands separators, to 15 significant digits as Excel shows them; dates as 'YYYY-MM-DD';
 * empty as ''. With `dateColumn`, a number that looks like an Excel serial (see
 * looksLikeExcelSerial) is written as the date it stands for.
 */
export function cellText(cell: Cell, options: { dateColumn?: boolean; date1904?: boolean } = {}): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (cell instanceof Date) return isoDay(cell);
  if (options.dateColumn && looksLikeExcelSerial(cell)) {
    const d = excelSerialToDate(cell, options.date1904);
    if (d) return isoDay(d);
  }
  if (Number.isInteger(cell) && Math.abs(cell) < 1e21) return integerText(cell);
  return String(cell);
}

/**
 * An integer as Excel shows it: beyond 15 significant digits Excel keeps zeros (an 18-digit ID
 * number typed as a number is already 110105194901010000 there), so the text matches the screen.
 */
function integerText(n: number): string {
  if (Math.abs(n) < 1e15) return n.toFixed(0);
  const [mantissa = '', exponent = '0'] = n.toExponential(14).split('e');
  const digits = mantissa.replace('-', '').replace('.', '');
  return (n < 0 ? '-' : '') + digits.padEnd(Number(exponent) + 1, '0');
}

/** A cell as a date if it is one, or a number that looks like an Excel serial; otherwise null. */
export function cellDate(cell: Cell, options: { date1904?: boolean; range?: { min: number; max: number } } = {}): Date | null {
  if (cell instanceof Date) return cell;
  if (typeof cell === 'number' && looksLikeExcelSerial(cell, options.range)) return excelSerialToDate(cell, options.date1904);
  return null;
}

export function isEmptyCell(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined;
}

/** Cells are compared and shown by their text. */
export function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  return cellText(a ?? null) === cellText(b ?? null);
}

/** A table's own entry for a cell's text ('constructor' in a cell is not a key of every object). */
export function ownValue<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
