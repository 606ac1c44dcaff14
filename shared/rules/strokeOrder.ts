/**
 * Name order by strokes (笔画), mainland standard: stroke count first, then the stroke classes
 * 横 1 竖 2 撇 3 点 4 折 5 in writing order (GB13000.1 字符集汉字笔顺规范), then the code point.
 *
 * Data: cnchar-order's table of stroke names for 6,939 common characters (the stroke count is
 * the number of strokes; it equals cnchar's count for every one of them). Only that table is
 * loaded: cnchar's main module is not needed and would patch String.prototype. Characters the
 * table lacks (rare and traditional ones, Extension B…) sort after all others (count 99).
 * ICU's zh-u-co-stroke collation is not used: it counts some surnames the traditional way.
 *
 * Keys compare as plain strings (JS `<`, SQLite BINARY). Per character: 2-digit count + one
 * class digit per stroke + 5 hex digits of the code point; an unknown character is '99' + hex.
 * Two conventions:
 * - 'fullName' (姓名笔画): character by character, so 王一明 < 王五.
 * - 'surname' (姓氏笔画): the surname (compound ones too) first, closed by '-' so that every
 *   王 comes before any 王X surname; then a one-character given name is read as a blank slot
 *   ('00') followed by that character, so 王五 < 王一明. Names with `·` have no surname and sort
 *   character by character.
 * `·`, spaces and non-Han characters are skipped.
 */
import order from 'cnchar-order';
import { isHanCharacter, NAME_SEPARATOR, normalizePersonName, splitName } from './personName';
import { codePoints } from './helpers';

export type StrokeClass = 1 | 2 | 3 | 4 | 5;
export type NameOrderConvention = 'surname' | 'fullName';

/**
 * Every stroke name cnchar-order 3.2.6 produces (its strokeTable, alternatives split at '|'),
 * folded as GB13000.1 does: 提 → 横, 竖钩 → 竖, 捺 (and cnchar's 点2, the left-falling dot of
 * 心 火 冖) → 点, every other stroke with a turn or hook → 折.
 */
export const STROKE_NAME_CLASS: Readonly<Record<string, StrokeClass>> = {
  横: 1, 提: 1,
  竖: 2, 竖钩: 2,
  撇: 3,
  点: 4, 点2: 4, 捺: 4,
  横折: 5, 横撇: 5, 横钩: 5, 横折钩: 5, 横折提: 5, 横折弯: 5, 横折折: 5, 横斜钩: 5, 横折折撇: 5,
  横折折折: 5, 横折折折钩: 5, 横撇弯钩: 5,
  竖弯: 5, 竖提: 5, 竖折撇: 5, 竖折折: 5, 竖弯钩: 5, 竖折折钩: 5,
  撇折: 5, 撇点: 5,
  弯钩: 5, 斜钩: 5, 卧钩: 5,
};

export const UNKNOWN_STROKE_COUNT = 99;
const SURNAME_END = '-';
const BLANK_SLOT = '00';

interface OrderDict {
  orders: Record<string, string>;
  letterClass: Record<string, string>;
}

/** Reads cnchar-order's tables once, defensively: bad data gives empty tables, never a crash. */
function loadDict(): OrderDict {
  const letterClass: Record<string, string> = {};
  const orders: Record<string, string> = {};
  try {
    const dict = (order as { dict?: { orders?: unknown; strokeTable?: unknown } }).dict;
    const table = (dict?.strokeTable ?? {}) as Record<string, { name?: unknown }>;
    for (const [letter, entry] of Object.entries(table)) {
      const names = typeof entry?.name === 'string' ? entry.name.split('|') : [];
      const cls = STROKE_NAME_CLASS[names[0] ?? ''];
      if (cls !== undefined) letterClass[letter] = String(cls);
    }
    for (const [char, letters] of Object.entries((dict?.orders ?? {}) as Record<string, unknown>)) {
      if (typeof letters === 'string') orders[char] = letters;
    }
  } catch {
    // keep whatever was read
  }
  return { orders, letterClass };
}

const DICT = loadDict();

/** Stroke classes of one character as digits ('12' for 丁), or '' when unknown. */
export function strokeClasses(char: string): string {
  const letters = typeof char === 'string' && Object.hasOwn(DICT.orders, char) ? DICT.orders[char] : undefined;
  if (letters === undefined) return '';
  let digits = '';
  for (const letter of letters) digits += DICT.letterClass[letter] ?? '5';
  return digits;
}

/** Mainland stroke count of one character; 0 when the data has no entry for it. */
export function strokeCount(char: string): number {
  return strokeClasses(char).length;
}

/** Sort key of one character (see the header). */
export function charSortKey(char: string): string {
  const hex = ((typeof char === 'string' ? char.codePointAt(0) : undefined) ?? 0).toString(16).toUpperCase().padStart(5, '0');
  const classes = strokeClasses(char);
  if (classes === '' || classes.length >= UNKNOWN_STROKE_COUNT) return String(UNKNOWN_STROKE_COUNT) + hex;
  return String(classes.length).padStart(2, '0') + classes + hex;
}

function charsKey(text: string): string {
  let key = '';
  for (const char of codePoints(text)) {
    if (isHanCharacter(char)) key += charSortKey(char);
  }
  return key;
}

/** Sort key of a name in one of the two conventions. Never throws; '' sorts first. */
export function sortKey(name: string, convention: NameOrderConvention): string {
  const normalized = normalizePersonName(name);
  if (convention === 'fullName' || normalized.includes(NAME_SEPARATOR)) return charsKey(normalized);
  // Skip what cannot be part of a name, then split: 'a王 五' sorts as 王五.
  const hanOnly = codePoints(normalized).filter(isHanCharacter).join('');
  if (hanOnly === '') return '';
  const { surname, givenName } = splitName(hanOnly);
  const given = charsKey(givenName);
  const slot = codePoints(givenName).length === 1 ? BLANK_SLOT : '';
  return charsKey(surname) + SURNAME_END + slot + given;
}

/** Orders two names by strokes; equal keys fall back to code-unit order so the result is total. */
export function compareNames(a: string, b: string, convention: NameOrderConvention): number {
  const ka = sortKey(a, convention);
  const kb = sortKey(b, convention);
  if (ka !== kb) return ka < kb ? -1 : 1;
  const sa = String(a);
  const sb = String(b);
  return sa === sb ? 0 : sa < sb ? -1 : 1;
}
