/**
 * Pinyin search keys for names and place names, with pinyin-pro.
 *
 * Names use surname mode (`surname: 'head'`): a surname at the start takes its surname reading,
 * 单雄信 → shan, 曾国藩 → zeng, 解 → xie, 仇 → qiu, 区 → ou, 朴 → piao, 查 → zha, 万俟 → mo qi.
 * Names with the separator `·` (transliterated names) have no surname and use plain readings.
 * Place names use plain readings (word-based, so 长沙 → chang sha, 六安 → lu an). Place names
 * pinyin-pro 3.29 misreads (单县 → dan, 乐亭 → le, 北京市长安街 → …shi zhang an…) are read from
 * PLACE_READINGS, matched as whole words inside the text.
 *
 * Output: no tones, lowercase. `full` and `initials` are ASCII search keys and write ü as v
 * (吕 → lv, the way pinyin input methods type it); `spaced` is for display and keeps ü (lü).
 * Characters without a reading (non-Han, or rare Han such as most of Extension B) pass through
 * lowercased, a run of them as one token (kept whole in `initials` too). Spaces and `·` are dropped.
 */
import { pinyin } from 'pinyin-pro';
import { NAME_SEPARATOR, normalizePersonName } from './personName';

export interface PinyinForms {
  /** 'shanxiongxin' */
  full: string;
  /** 'shan xiong xin' */
  spaced: string;
  /** 'sxx' */
  initials: string;
}

interface Token {
  text: string;
  isZh: boolean;
}

const SEPARATORS = /[\s\u00B7\u2022\u30FB\uFF0E\u2027\uFF65\u16EB\u2219]+/u;

/** Division names pinyin-pro 3.29 reads wrongly (checked one by one), with their standard readings. */
export const PLACE_READINGS: Readonly<Record<string, string>> = {
  单县: 'shan xian', 乐亭: 'lao ting', 洪洞: 'hong tong', 歙县: 'she xian', 涡阳: 'guo yang',
  黄陂: 'huang pi', 尉犁: 'yu li', 繁峙: 'fan shi', 筠连: 'jun lian', 大埔: 'da bu', 郫都: 'pi du',
  珲春: 'hun chun', 乐清: 'yue qing', 浚县: 'xun xian', 蔚县: 'yu xian', 泌阳: 'bi yang',
  万柏林: 'wan bai lin', 长安: 'chang an',
};
const PLACE_PATTERN = new RegExp(
  `(${Object.keys(PLACE_READINGS).sort((a, b) => b.length - a.length).join('|')})`,
  'u',
);

function placeTokens(segment: string): Token[] {
  return segment.split(PLACE_PATTERN).flatMap((piece, i) => {
    const reading = i % 2 === 1 ? PLACE_READINGS[piece] : undefined;
    return reading ? reading.split(' ').map((syllable) => ({ text: syllable, isZh: true })) : tokensOf(piece, 'off');
  });
}

const ALL_HAN = /^\p{Script=Han}+$/u;
const READING = /^[a-zü]+$/;

function tokensOf(segment: string, surname: 'head' | 'off'): Token[] {
  if (segment === '') return [];
  try {
    if (ALL_HAN.test(segment)) {
      // Han characters only (nearly every name): pinyin-pro's plain array of readings is what its
      // detailed form gives, at a third of the cost, whenever every character has a reading
      // (checked for every Han character, and for names, in test/unit/shared/rules/pinyin.test.ts).
      const readings = pinyin(segment, { type: 'array', toneType: 'none', surname, nonZh: 'consecutive' });
      if (readings.every((r) => READING.test(r))) return readings.map((r) => ({ text: r, isZh: true }));
    }
    return pinyin(segment, { type: 'all', toneType: 'none', surname, nonZh: 'consecutive' }).map((item) =>
      item.isZh && item.pinyin !== ''
        ? { text: item.pinyin.toLowerCase(), isZh: true }
        : { text: item.origin.toLowerCase(), isZh: false },
    );
  } catch {
    return [{ text: segment.toLowerCase(), isZh: false }];
  }
}

function formsOf(tokens: Token[]): PinyinForms {
  const kept = tokens.filter((t) => t.text !== '');
  const ascii = (s: string): string => s.replace(/ü/gu, 'v');
  return {
    full: kept.map((t) => ascii(t.text)).join(''),
    spaced: kept.map((t) => t.text).join(' '),
    initials: kept.map((t) => (t.isZh ? ascii(t.text.slice(0, 1)) : t.text)).join(''),
  };
}

/** Pinyin of a person's name, reading a leading surname as a surname. Never throws. */
export function nameToPinyin(name: string): PinyinForms {
  const normalized = normalizePersonName(name);
  const segments = normalized.split(NAME_SEPARATOR);
  const mode = segments.length > 1 ? 'off' : 'head';
  return formsOf(segments.flatMap((segment) => tokensOf(segment, mode)));
}

/** Pinyin of ordinary text such as a place name (no surname readings). Never throws. */
export function textToPinyin(input: string): PinyinForms {
  const value = typeof input === 'string' ? input : '';
  return formsOf(value.split(SEPARATORS).flatMap(placeTokens));
}
