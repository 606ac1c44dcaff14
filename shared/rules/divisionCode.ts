/**
 * Statistical division codes (统计用区划代码): 12 digits = province 2 + city 2 + county 2
 * + township 3 + village 3, the first 6 being GB/T 2260. Shorter forms (2/4/6/9 digits) are
 * the significant prefix of a code, padded here with zeros to 12.
 *
 * Municipalities have a city level too: 北京市 110000000000 → 市辖区 110100000000 → 东城区
 * 110101000000. A code is well formed when no zero segment comes before a non-zero one.
 */
import type { LocalizedText } from '../contract/text';
import { text } from '../contract/text';
import { clip, toHalfWidth } from './helpers';

export type DivisionLevel = 1 | 2 | 3 | 4 | 5;

/** Province-level divisions of GB/T 2260 (71 台湾, 81 香港, 82 澳门 included). */
export const PROVINCES: Readonly<Record<string, string>> = {
  '11': '北京市', '12': '天津市', '13': '河北省', '14': '山西省', '15': '内蒙古自治区',
  '21': '辽宁省', '22': '吉林省', '23': '黑龙江省',
  '31': '上海市', '32': '江苏省', '33': '浙江省', '34': '安徽省', '35': '福建省', '36': '江西省', '37': '山东省',
  '41': '河南省', '42': '湖北省', '43': '湖南省', '44': '广东省', '45': '广西壮族自治区', '46': '海南省',
  '50': '重庆市', '51': '四川省', '52': '贵州省', '53': '云南省', '54': '西藏自治区',
  '61': '陕西省', '62': '甘肃省', '63': '青海省', '64': '宁夏回族自治区', '65': '新疆维吾尔自治区',
  '71': '台湾省', '81': '香港特别行政区', '82': '澳门特别行政区',
};

export function isProvinceCode(code2: string): boolean {
  return Object.hasOwn(PROVINCES, code2);
}

/** Digits of each segment: province, city, county, township, village. */
const SEGMENTS = [2, 2, 2, 3, 3] as const;
/** Significant prefix length per level. */
const PREFIX_LENGTH = [2, 4, 6, 9, 12] as const;

export type DivisionCodeResult =
  | { ok: true; code12: string; level: DivisionLevel }
  | { ok: false; code: 'empty' | 'chars' | 'length' | 'province' | 'structure'; reason: LocalizedText };

function segmentsOf(code12: string): string[] {
  const parts: string[] = [];
  let at = 0;
  for (const len of SEGMENTS) {
    parts.push(code12.slice(at, at + len));
    at += len;
  }
  return parts;
}

/** Level of a well-formed 12-digit code, or a reason why it is not one. */
function inspect(code12: string): { level: DivisionLevel } | { code: 'province' | 'structure'; reason: LocalizedText } {
  const parts = segmentsOf(code12);
  const province = parts[0] ?? '';
  if (!isProvinceCode(province)) {
    return {
      code: 'province',
      reason: text(`“${province}”不是省级行政区划代码`, `"${province}" is not a province-level division code.`),
    };
  }
  let level = 1;
  parts.forEach((part, i) => {
    if (!/^0+$/.test(part)) level = i + 1;
  });
  for (let i = 1; i < level; i++) {
    if (/^0+$/.test(parts[i] ?? '')) {
      return {
        code: 'structure',
        reason: text(
          `代码 ${code12} 的上一级（第 ${i + 1} 段）为全零，不是有效的区划代码`,
          `Code ${code12} has an all-zero segment (${i + 1}) above a non-zero one: not a valid division code.`,
        ),
      };
    }
  }
  return { level: level as DivisionLevel };
}

/** Accepts 2/4/6/9/12 digits (full-width too, spaces around) and returns the 12-digit form. */
export function normalizeDivisionCode(raw: string): DivisionCodeResult {
  const value = toHalfWidth(typeof raw === 'string' ? raw : '').trim();
  if (value === '') {
    return { ok: false, code: 'empty', reason: text('请输入区划代码', 'Please enter a division code.') };
  }
  if (!/^[0-9]+$/.test(value)) {
    return {
      ok: false,
      code: 'chars',
      reason: text(`区划代码只能由数字组成：“${clip(value)}”`, `A division code has digits only: "${clip(value)}".`),
    };
  }
  if (!(PREFIX_LENGTH as readonly number[]).includes(value.length)) {
    return {
      ok: false,
      code: 'length',
      reason: text(
        `区划代码应为 2、4、6、9 或 12 位，现在是 ${value.length} 位`,
        `A division code has 2, 4, 6, 9 or 12 digits; this one has ${value.length}.`,
      ),
    };
  }
  const code12 = value.padEnd(12, '0');
  const result = inspect(code12);
  return 'level' in result ? { ok: true, code12, level: result.level } : { ok: false, ...result };
}

/** True for a well-formed 12-digit ASCII code. */
export function isValidDivisionCode(code12: string): boolean {
  return typeof code12 === 'string' && /^[0-9]{12}$/.test(code12) && 'level' in inspect(code12);
}

/** 1 province, 2 city, 3 county, 4 township, 5 village; null when not a valid 12-digit code. */
export function divisionLevel(code12: string): DivisionLevel | null {
  if (!isValidDivisionCode(code12)) return null;
  const result = inspect(code12);
  return 'level' in result ? result.level : null;
}

/** The significant prefix (2/4/6/9/12 digits) for `LIKE 'prefix%'` searches; null when invalid. */
export function divisionPrefix(code12: string): string | null {
  const level = divisionLevel(code12);
  return level === null ? null : code12.slice(0, PREFIX_LENGTH[level - 1]);
}

/** The 12-digit code of the division directly above, or null for a province or an invalid code. */
export function parentDivisionCode(code12: string): string | null {
  const level = divisionLevel(code12);
  if (level === null || level === 1) return null;
  return code12.slice(0, PREFIX_LENGTH[level - 2]).padEnd(12, '0');
}
