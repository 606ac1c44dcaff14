/**
 * Resident identity numbers (公民身份号码, GB 11643-1999).
 *
 * 18 digits: region (6) + birth date YYYYMMDD (8) + sequence (3, odd = male) + check character.
 * The check character is Σ(digit × weight) mod 11 mapped to 1 0 X 9 8 7 6 5 4 3 2.
 * Old 15-digit numbers: region (6) + YYMMDD meaning 19YY + sequence (3, last digit odd = male);
 * they convert to 18 digits by inserting '19' and appending the check character.
 * Numbers of living people are personal information (PIPL): show them through maskIdNumber.
 */
import type { LocalizedText } from '../contract/text';
import { text } from '../contract/text';
import { PROVINCES } from './divisionCode';
import { codePoints, isRealDate, isoDate, localToday, parseIsoDate } from './helpers';

export type Sex = 'male' | 'female';
export type IdNumberErrorCode = 'length' | 'chars' | 'checksum' | 'birthDate' | 'region';

export interface IdNumberValid {
  valid: true;
  /** The number as entered, cleaned: 15 or 18 ASCII digits, X uppercase. */
  normalized: string;
  /** The 18-digit form (equal to `normalized` for 18-digit numbers). */
  as18: string;
  kind: '18' | '15';
  regionCode: string;
  /** 'YYYY-MM-DD' */
  birthDate: string;
  sex: Sex;
}

export interface IdNumberInvalid {
  valid: false;
  code: IdNumberErrorCode;
  reason: LocalizedText;
}

export type IdNumberResult = IdNumberValid | IdNumberInvalid;

export interface IdNumberOptions {
  /** 'YYYY-MM-DD'; a birth date after it is refused. Defaults to this machine's date. */
  today?: string;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
export const EARLIEST_BIRTH_DATE = '1850-01-01';

/** First two digits allowed: the provinces, plus 83 (台湾居民居住证). 81/82 are also used on HK/Macao residence permits. */
export const ID_REGION_PREFIXES: readonly string[] = [...Object.keys(PROVINCES), '83'];

/** The check character for 17 digits, or null if the input is not 17 ASCII digits. */
export function idCheckChar(first17: string): string | null {
  if (!/^[0-9]{17}$/.test(first17)) return null;
  let sum = 0;
  WEIGHTS.forEach((weight, i) => {
    sum += Number(first17[i]) * weight;
  });
  return CHECK_CHARS[sum % 11] ?? null;
}

/** Trims (ASCII and ideographic spaces), folds ０-９ Ｘ ｘ x to ASCII uppercase. */
function clean(raw: string): string {
  return raw
    .trim()
    .replace(/[\uFF10-\uFF19]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[xｘＸ]/gu, 'X');
}

function fail(code: IdNumberErrorCode, reason: LocalizedText): IdNumberInvalid {
  return { valid: false, code, reason };
}

function checkChars(id: string): IdNumberInvalid | null {
  const chars = codePoints(id);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    if (/^[0-9]$/.test(ch)) continue;
    if (ch === 'X' && i === chars.length - 1 && chars.length !== 15) continue;
    if (ch === 'X') {
      return fail('chars', text(
        `X 只能是 18 位号码的最后一位（第 ${i + 1} 位是 X）`,
        `X may only be the last character of an 18-digit number (character ${i + 1} is X).`,
      ));
    }
    return fail('chars', text(
      `身份证号码只能由数字组成，最后一位可以是 X；第 ${i + 1} 位是“${ch}”`,
      `An ID number has digits only, with X allowed as the last character; character ${i + 1} is "${ch}".`,
    ));
  }
  return null;
}

function checkBirthDate(yyyymmdd: string, today: string): IdNumberInvalid | null {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const shown = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  if (!isRealDate(year, month, day)) {
    return fail('birthDate', text(
      `号码中的出生日期 ${shown} 不存在`,
      `The birth date in the number, ${shown}, does not exist.`,
    ));
  }
  const date = isoDate(year, month, day);
  if (date < EARLIEST_BIRTH_DATE) {
    return fail('birthDate', text(
      `号码中的出生日期 ${date} 早于 1850 年`,
      `The birth date in the number, ${date}, is before 1850.`,
    ));
  }
  if (date > today) {
    return fail('birthDate', text(
      `号码中的出生日期 ${date} 晚于今天`,
      `The birth date in the number, ${date}, is in the future.`,
    ));
  }
  return null;
}

/** Checks and decodes an ID number. Never throws; an invalid number comes back with a reason. */
export function parseIdNumber(raw: string, options: IdNumberOptions = {}): IdNumberResult {
  const id = clean(typeof raw === 'string' ? raw : '');
  const today = typeof options.today === 'string' && parseIsoDate(options.today) ? options.today : localToday();

  if (id === '') return fail('length', text('请输入身份证号码', 'Please enter an ID number.'));
  const charError = checkChars(id);
  if (charError) return charError;
  if (id.length !== 18 && id.length !== 15) {
    return fail('length', text(
      `身份证号码应为 18 位（旧号码 15 位），现在是 ${id.length} 位`,
      `An ID number has 18 digits (old numbers 15); this one has ${id.length}.`,
    ));
  }

  const prefix = id.slice(0, 2);
  if (!ID_REGION_PREFIXES.includes(prefix)) {
    return fail('region', text(
      `前两位“${prefix}”不是省级行政区划代码`,
      `The first two digits, "${prefix}", are not a province code.`,
    ));
  }

  const kind = id.length === 18 ? '18' : '15';
  const birth = kind === '18' ? id.slice(6, 14) : '19' + id.slice(6, 12);
  const dateError = checkBirthDate(birth, today);
  if (dateError) return dateError;

  let as18 = id;
  if (kind === '18') {
    if (idCheckChar(id.slice(0, 17)) !== id[17]) {
      return fail('checksum', text(
        '校验位不符：号码中可能有输错的数字',
        'The check character does not match: a digit may be mistyped.',
      ));
    }
  } else {
    const first17 = id.slice(0, 6) + birth + id.slice(12, 15);
    as18 = first17 + (idCheckChar(first17) ?? '');
  }

  const sexDigit = Number(as18[16]);
  return {
    valid: true,
    normalized: id,
    as18,
    kind,
    regionCode: id.slice(0, 6),
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    sex: sexDigit % 2 === 1 ? 'male' : 'female',
  };
}

/** Screen masking (PIPL): first 3 and last 4 characters kept, the rest '*'. Short values are masked entirely. */
export function maskIdNumber(id: string): string {
  const chars = codePoints(clean(typeof id === 'string' ? id : ''));
  if (chars.length <= 7) return '*'.repeat(chars.length);
  return chars.slice(0, 3).join('') + '*'.repeat(chars.length - 7) + chars.slice(-4).join('');
}

