/**
 * Small helpers shared by the domain rules in this folder: half-width digits,
 * code points, and the Gregorian calendar. Pure, no Node or DOM APIs.
 */

/** Full-width digits ０-９ and letters Ａ-Ｚ ａ-ｚ become their ASCII forms; nothing else changes. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/gu, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** The characters of a string as code points (astral characters count once). */
export function codePoints(text: string): string[] {
  return Array.from(text);
}

/** 'U+4E00', 'U+20000': how a character is named in messages. */
export function codePointLabel(char: string): string {
  const cp = char.codePointAt(0) ?? 0;
  return 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12) of the proleptic Gregorian calendar; 0 for a month that does not exist. */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) return 0;
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
}

/** 'YYYY-MM-DD' for years 0–9999. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parses a strict 'YYYY-MM-DD' that names a real day, else null. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

/** Today on this machine's calendar as 'YYYY-MM-DD' (the only clock read in this folder). */
export function localToday(): string {
  const now = new Date();
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Keeps user text short inside messages. */
export function clip(text: string, max = 40): string {
  const chars = codePoints(text);
  return chars.length <= max ? text : chars.slice(0, max).join('') + '…';
}
