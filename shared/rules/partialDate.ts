/**
 * Partial and uncertain dates as archivists find them (1947年春, 民国三十六年, 约1938年,
 * 1944年至1945年间 …), turned into EDTF (ISO 8601-2) text plus the earliest and latest day they
 * can mean, for sorting and range search. The verbatim text is always kept by the caller.
 *
 * Choices:
 * - 民国 N = 1911 + N (民国元年 = 1912). Chinese numerals 〇○零一…九 十 廿 卅 and 元(年).
 * - Seasons are the meteorological ones: 春 Mar–May (EDTF 21), 夏 Jun–Aug (22), 秋 Sep–Nov (23),
 *   冬 Dec–Feb of the next year (24). (edtf.js itself reads 21–24 as calendar quarters, so the
 *   earliest/latest of a season are computed here.) A season that is qualified (约/?), or is an
 *   end of an interval, is written as its months (1947-03~/1947-05~): edtf.js accepts neither.
 * - 上旬/中旬/下旬 are days 1–10, 11–20, 21–end, written as an interval of days.
 * - 约/左右/前后 → approximate (~); ?/（?）/疑 → uncertain (?); both → %. earliest/latest stay the
 *   nominal range; callers widen them for fuzzy search if they want.
 * - 以前 → ../X with earliest OPEN_START (1840-01-01, the start of the period this app's records
 *   cover; MIN_DAY for an end before that); 以后 → X/.. with latest OPEN_END (9999-12-31).
 * - Years 1000–2999. Every EDTF string produced is accepted by edtf() and round-trips through it
 *   unchanged (edtf() silently rolls 1947-02-29 over to 1947-03-01, so days are checked here).
 */
import edtf from 'edtf';
import type { LocalizedText } from '../contract/text';
import { text } from '../contract/text';
import { clip, daysInMonth, isoDate } from './helpers';

export type PartialDateResult =
  | { ok: true; verbatim: string; edtf: string; earliest: string; latest: string; approximate: boolean; uncertain: boolean }
  | { ok: false; verbatim: string; reason: LocalizedText };

export const OPEN_START = '1840-01-01';
export const OPEN_END = '9999-12-31';
export const MIN_DAY = '1000-01-01';
export const MIN_YEAR = 1000;
export const MAX_YEAR = 2999;
const MAX_INPUT = 200;
const EXAMPLES = ['1947年3月5日', '1947.3', '民国三十六年', '1947年春', '约1938年', '1938年以前', '1944年至1945年间', '1947年3月上旬'];

interface Qualifiers { approximate: boolean; uncertain: boolean }
/** One date as written: its EDTF as a whole (null if it needs an interval), as a lower and an upper end. */
interface Point {
  year: number;
  month: number | null;
  single: string | null;
  season: boolean;
  lower: string;
  upper: string;
  earliest: string;
  latest: string;
}
type Parsed<T> = { kind: 'ok'; value: T } | { kind: 'invalid'; reason: LocalizedText } | { kind: 'nomatch' };

const SEASONS: Record<string, { code: number; firstMonth: number }> = {
  春: { code: 21, firstMonth: 3 }, 夏: { code: 22, firstMonth: 6 }, 秋: { code: 23, firstMonth: 9 }, 冬: { code: 24, firstMonth: 12 },
};
const SEASON_NAMES: Record<string, string> = { '21': '春', '22': '夏', '23': '秋', '24': '冬' };
const DEKADS: Record<string, 1 | 2 | 3> = { 上: 1, 中: 2, 下: 3 };
const CN_DIGITS: Record<string, number> = { 〇: 0, '○': 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

const invalid = (zh: string, en: string): Parsed<never> => ({ kind: 'invalid', reason: text(zh, en) });
const y4 = (year: number): string => String(year).padStart(4, '0');
const m2 = (month: number): string => String(month).padStart(2, '0');

/** 三十六 → 36, 廿五 → 25, 一九四七 → 1947; null when not a numeral this module reads. */
function chineseNumber(run: string): string | null {
  if (!/[十廿卅]/u.test(run)) return Array.from(run, (ch) => String(CN_DIGITS[ch] ?? '')).join('');
  const m = /^([一二三四五六七八九])?([十廿卅])([一二三四五六七八九])?$/u.exec(run);
  if (!m || (m[1] && m[2] !== '十')) return null;
  const tens = m[2] === '廿' ? 2 : m[2] === '卅' ? 3 : m[1] ? (CN_DIGITS[m[1]] ?? 0) : 1;
  return String(tens * 10 + (m[3] ? (CN_DIGITS[m[3]] ?? 0) : 0));
}

function point(
  year: number, month: number | null, single: string | null,
  lower: string, upper: string, earliest: string, latest: string, season = false,
): Point {
  return { year, month, single, season, lower, upper, earliest, latest };
}

function dayPoint(year: number, month: number, day: number): Parsed<Point> {
  if (month < 1 || month > 12) return invalid(`月份“${month}”不存在`, `There is no month ${month}.`);
  if (day < 1 || day > daysInMonth(year, month)) {
    return invalid(`${year}年${month}月没有${day}日`, `${year}-${m2(month)} has no day ${day}.`);
  }
  const s = isoDate(year, month, day);
  return { kind: 'ok', value: point(year, month, s, s, s, s, s) };
}

function monthPoint(year: number, month: number): Parsed<Point> {
  if (month < 1 || month > 12) return invalid(`月份“${month}”不存在`, `There is no month ${month}.`);
  const s = `${y4(year)}-${m2(month)}`;
  return { kind: 'ok', value: point(year, month, s, s, s, isoDate(year, month, 1), isoDate(year, month, daysInMonth(year, month))) };
}

/** After 'YYYY年': nothing, a season, a month with an optional day or 旬. */
function afterYear(year: number, rest: string): Parsed<Point> {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return invalid(`年份 ${year} 超出可记录的范围（${MIN_YEAR}—${MAX_YEAR}）`, `Year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}.`);
  }
  if (rest === '') {
    const s = y4(year);
    return { kind: 'ok', value: point(year, null, s, s, s, isoDate(year, 1, 1), isoDate(year, 12, 31)) };
  }
  const season = /^([春夏秋冬])[季天]?$/u.exec(rest);
  const info = season ? SEASONS[season[1] ?? ''] : undefined;
  if (info) {
    const first = info.firstMonth;
    const endYear = first === 12 ? year + 1 : year;
    const endMonth = first === 12 ? 2 : first + 2;
    return {
      kind: 'ok',
      value: point(year, null, `${y4(year)}-${info.code}`, `${y4(year)}-${m2(first)}`, `${y4(endYear)}-${m2(endMonth)}`,
        isoDate(year, first, 1), isoDate(endYear, endMonth, daysInMonth(endYear, endMonth)), true),
    };
  }
  const m = /^(\d{1,2})月(?:(\d{1,2})[日号]|([上中下])旬)?$/u.exec(rest);
  if (!m) return { kind: 'nomatch' };
  const month = Number(m[1]);
  if (m[2] !== undefined) return dayPoint(year, month, Number(m[2]));
  const monthResult = monthPoint(year, month);
  const part = m[3] ? DEKADS[m[3]] : undefined;
  if (!part || monthResult.kind !== 'ok') return monthResult;
  const from = part === 1 ? 1 : part === 2 ? 11 : 21;
  const to = part === 1 ? 10 : part === 2 ? 20 : daysInMonth(year, month);
  const [lo, hi] = [isoDate(year, month, from), isoDate(year, month, to)];
  return { kind: 'ok', value: point(year, month, null, lo, hi, lo, hi) };
}

function parsePoint(s: string): Parsed<Point> {
  const era = /^(?:中华)?民国(\d{1,3})年(.*)$/u.exec(s);
  if (era) {
    const n = Number(era[1]);
    if (n < 1) return invalid('民国纪年从元年（1912年）开始', 'The Republic (民国) era starts with year 1 (1912).');
    return afterYear(1911 + n, era[2] ?? '');
  }
  const written = /^(\d{4})年?(.*)$/u.exec(s);
  if (written && (s.includes('年') || written[2] === '')) return afterYear(Number(written[1]), written[2] ?? '');
  const numeric = /^(\d{4})([./-])(\d{1,2})(?:\2(\d{1,2}))?$/u.exec(s);
  if (!numeric) return { kind: 'nomatch' };
  const [year, month] = [Number(numeric[1]), Number(numeric[3])];
  const yearCheck = afterYear(year, '');
  if (yearCheck.kind !== 'ok') return yearCheck;
  return numeric[4] === undefined ? monthPoint(year, month) : dayPoint(year, month, Number(numeric[4]));
}

const APPROX_PREFIX = /^(大约|约在|约于|大概|约)/u;
const UNCERTAIN_PREFIX = /^(疑为|疑|可能是|可能)/u;
const APPROX_SUFFIX = /(左右|前后|~)$/u;
const UNCERTAIN_SUFFIX = /(\(\?\)|\?)$/u;

/** Takes 约…, …左右, …(?) and the like off both ends. */
function stripQualifiers(input: string): { rest: string; q: Qualifiers } {
  const q: Qualifiers = { approximate: false, uncertain: false };
  let s = input;
  for (;;) {
    const before = s;
    if (APPROX_PREFIX.test(s)) { s = s.replace(APPROX_PREFIX, ''); q.approximate = true; }
    if (UNCERTAIN_PREFIX.test(s)) { s = s.replace(UNCERTAIN_PREFIX, ''); q.uncertain = true; }
    if (APPROX_SUFFIX.test(s)) { s = s.replace(APPROX_SUFFIX, ''); q.approximate = true; }
    if (UNCERTAIN_SUFFIX.test(s)) { s = s.replace(UNCERTAIN_SUFFIX, ''); q.uncertain = true; }
    if (/\?(?=[年月日号])/u.test(s)) { s = s.replace(/\?(?=[年月日号])/gu, ''); q.uncertain = true; }
    if (s === before) return { rest: s, q };
  }
}

function parseEnd(s: string, outer: Qualifiers): Parsed<{ p: Point; q: Qualifiers }> {
  const { rest, q } = stripQualifiers(s);
  const parsed = parsePoint(rest);
  if (parsed.kind !== 'ok') return parsed;
  const merged = { approximate: q.approximate || outer.approximate, uncertain: q.uncertain || outer.uncertain };
  return { kind: 'ok', value: { p: parsed.value, q: merged } };
}

function mark(s: string, q: Qualifiers): string {
  return s + (q.approximate && q.uncertain ? '%' : q.approximate ? '~' : q.uncertain ? '?' : '');
}

interface Built { edtf: string; earliest: string; latest: string; q: Qualifiers }

function single({ p, q }: { p: Point; q: Qualifiers }): Built {
  const qualified = q.approximate || q.uncertain;
  const value = p.single !== null && !(p.season && qualified) ? mark(p.single, q) : `${mark(p.lower, q)}/${mark(p.upper, q)}`;
  return { edtf: value, earliest: p.earliest, latest: p.latest, q };
}

/** Splits 'A至B' (至 到 — – ~ - /) and parses both ends; B may leave out A's year (1947年3月至5月). */
function parseRange(s: string, outer: Qualifiers): Parsed<Built> {
  let firstError: Parsed<Built> | null = null;
  for (const sep of [/至|到|—+|–+|―+|~/gu, /[-/]/gu]) {
    for (const m of s.matchAll(sep)) {
      let left = s.slice(0, m.index);
      let right = s.slice(m.index + m[0].length);
      if (/年\d{1,2}$/u.test(left) && /^\d{1,2}月$/u.test(right)) left += '月';
      const a = parseEnd(left, outer);
      if (a.kind === 'ok') {
        if (/^\d{1,2}月/u.test(right)) right = `${a.value.p.year}年${right}`;
        else if (/^\d{1,2}[日号]$/u.test(right) && a.value.p.month !== null) right = `${a.value.p.year}年${a.value.p.month}月${right}`;
      }
      const b = parseEnd(right, outer);
      if (a.kind === 'ok' && b.kind === 'ok') {
        if (a.value.p.lower === b.value.p.lower && a.value.p.upper === b.value.p.upper) return { kind: 'ok', value: single(a.value) };
        if (a.value.p.earliest > b.value.p.latest) return invalid('起始日期晚于结束日期', 'The start is after the end.');
        const q = { approximate: a.value.q.approximate || b.value.q.approximate, uncertain: a.value.q.uncertain || b.value.q.uncertain };
        const value = `${mark(a.value.p.lower, a.value.q)}/${mark(b.value.p.upper, b.value.q)}`;
        return { kind: 'ok', value: { edtf: value, earliest: a.value.p.earliest, latest: b.value.p.latest, q } };
      }
      const bad = a.kind === 'invalid' ? a : b.kind === 'invalid' ? b : null;
      if (bad && !firstError) firstError = bad;
    }
  }
  return firstError ?? { kind: 'nomatch' };
}

function build(s: string): Parsed<Built> {
  const outer = stripQualifiers(s);
  let rest = outer.rest;
  const open = /(以前|之前|前)$/u.test(rest) ? 'before' : /(以后|之后|以来|后)$/u.test(rest) ? 'after' : null;
  if (open) {
    rest = rest.replace(/(以前|之前|前|以后|之后|以来|后)$/u, '');
    const end = parseEnd(rest, outer.q);
    if (end.kind !== 'ok') return end;
    const { p, q } = end.value;
    return {
      kind: 'ok',
      value: open === 'before'
        ? { edtf: `../${mark(p.upper, q)}`, earliest: p.earliest < OPEN_START ? MIN_DAY : OPEN_START, latest: p.latest, q }
        : { edtf: `${mark(p.lower, q)}/..`, earliest: p.earliest, latest: OPEN_END, q },
    };
  }
  const one = parseEnd(rest, outer.q);
  if (one.kind === 'ok') return { kind: 'ok', value: single(one.value) };
  if (one.kind === 'invalid') return one;
  return parseRange(rest.replace(/(之间|期间|间)$/u, ''), outer.q);
}

function dayOf(ms: number | null, fallback: string): string {
  return typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : fallback;
}

/** Reads a date as written. Never throws. */
export function parsePartialDate(verbatim: string): PartialDateResult {
  const v = typeof verbatim === 'string' ? verbatim : '';
  const fail = (reason: LocalizedText): PartialDateResult => ({ ok: false, verbatim: v, reason });
  if (v.length > MAX_INPUT) {
    return fail(text(`日期写法过长（最多 ${MAX_INPUT} 个字符）`, `The date text is too long (at most ${MAX_INPUT} characters).`));
  }
  const s = v
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/元年/gu, '1年')
    .replace(/[〇○零一二三四五六七八九十廿卅]+/gu, (run) => chineseNumber(run) ?? run)
    .replace(/^公元/u, '');
  if (s === '') return fail(text('请填写日期', 'Please enter a date.'));
  const built = build(s);
  if (built.kind === 'invalid') return fail(built.reason);
  if (built.kind === 'nomatch') {
    return fail(text(
      `无法识别“${clip(v)}”。可以写成：${EXAMPLES.join('、')}`,
      `"${clip(v)}" is not a date this app can read. Try: ${EXAMPLES.join(', ')}.`,
    ));
  }
  const b = built.value;
  try {
    const parsed = edtf(b.edtf);
    if (parsed.edtf !== b.edtf) throw new RangeError(parsed.edtf);
    const useEdtf = parsed.type !== 'Season';
    return {
      ok: true,
      verbatim: v,
      edtf: b.edtf,
      earliest: useEdtf ? dayOf(parsed.min, b.earliest) : b.earliest,
      latest: useEdtf ? dayOf(parsed.max, b.latest) : b.latest,
      approximate: b.q.approximate,
      uncertain: b.q.uncertain,
    };
  } catch {
    return fail(text(
      '起止日期的顺序不对，或这个日期无法表示',
      'The start and end are in the wrong order, or this date cannot be represented.',
    ));
  }
}

function formatPoint(value: string): string | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?([~?%])?$/u.exec(value);
  if (!m) return null;
  const season = m[2] !== undefined && m[3] === undefined ? SEASON_NAMES[m[2]] : undefined;
  const month = Number(m[2]);
  if (m[2] !== undefined && !season && (month < 1 || month > 12)) return null;
  let t = `${Number(m[1])}年` + (season ?? (m[2] !== undefined ? `${month}月` : '')) + (m[3] !== undefined ? `${Number(m[3])}日` : '');
  if (m[4] === '~' || m[4] === '%') t = '约' + t;
  if (m[4] === '?' || m[4] === '%') t += '（?）';
  return t;
}

/** Chinese display text for the EDTF this module produces (1947-21 → 1947年春); anything else comes back unchanged. */
export function formatPartialDate(value: string): string {
  if (typeof value !== 'string') return '';
  const parts = value.trim().split('/');
  if (parts.length === 1) return formatPoint(parts[0] ?? '') ?? value;
  if (parts.length !== 2) return value;
  const [a = '', b = ''] = parts;
  if (a === '..') return b !== '..' && formatPoint(b) ? `${formatPoint(b)}以前` : value;
  if (b === '..') return formatPoint(a) ? `${formatPoint(a)}以后` : value;
  const fa = formatPoint(a);
  const fb = formatPoint(b);
  if (!fa || !fb) return value;
  const q = a.slice(-1) === b.slice(-1) && /[~?%]/u.test(a.slice(-1)) ? a.slice(-1) : '';
  const [pa, pb] = [a.replace(/[~?%]$/u, ''), b.replace(/[~?%]$/u, '')];
  const day = /^(\d{4})-(\d{2})-(\d{2})$/u;
  const [da, db] = [day.exec(pa), day.exec(pb)];
  if (da && db && da[1] === db[1] && da[2] === db[2] && (q !== '' || (a === pa && b === pb))) {
    const [from, to, dim] = [Number(da[3]), Number(db[3]), daysInMonth(Number(da[1]), Number(da[2]))];
    const part = from === 1 && to === 10 ? '上' : from === 11 && to === 20 ? '中' : from === 21 && to === dim ? '下' : null;
    if (part) return (formatPoint(`${da[1]}-${da[2]}${q}`) ?? '').replace(/月(（\?）)?$/u, `月${part}旬$1`);
  }
  const ma = /^(\d{4})-(\d{2})$/u.exec(pa);
  const mb = /^(\d{4})-(\d{2})$/u.exec(pb);
  if (q !== '' && ma && mb) {
    const [ya, mona, yb, monb] = [Number(ma[1]), Number(ma[2]), Number(mb[1]), Number(mb[2])];
    const name = Object.entries(SEASONS).find(([, s]) => s.firstMonth === mona)?.[0];
    const endOk = mona === 12 ? yb === ya + 1 && monb === 2 : yb === ya && monb === mona + 2;
    if (name && endOk) return (formatPoint(`${ma[1]}${q}`) ?? '').replace(/年/u, `年${name}`);
  }
  return `${fa}至${fb}`;
}
