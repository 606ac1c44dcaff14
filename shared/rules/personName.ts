/**
 * Person names as written in the records (姓名).
 *
 * A name is Han characters only (any CJK block, Extensions A–H and compatibility ideographs
 * included), optionally in parts joined by the middle dot `·` U+00B7 (transliterated minority
 * and foreign names such as 阿依古丽·买买提). Spaces are removed and the dot's look-alikes are
 * folded to U+00B7. Kangxi radicals (U+2F00–U+2FD5, which PDF copy-paste produces instead of
 * the ideograph they look like) are folded to that ideograph. Nothing else is normalized: NFC
 * would turn compatibility ideographs into other characters, and a name must stay as entered.
 * Private Use Area characters (old GB 18030-2005 mappings of rare characters) are refused.
 */
import type { LocalizedText } from '../contract/text';
import { text } from '../contract/text';
import { codePointLabel, codePoints } from './helpers';

export const NAME_SEPARATOR = '\u00B7';
export const MAX_NAME_LENGTH = 50;

export type PersonNameErrorCode = 'empty' | 'tooLong' | 'badChar' | 'privateUse';

export type PersonNameResult =
  | { ok: true; normalized: string; surname: string; givenName: string; characters: number }
  | { ok: false; code: PersonNameErrorCode; reason: LocalizedText };

/** • ・ ． ‧ ･ ᛫ ∙ (and · itself) → · U+00B7 */
const SEPARATOR_LOOKALIKES = /[\u00B7\u2022\u30FB\uFF0E\u2027\uFF65\u16EB\u2219]/gu;
/** Whitespace of any kind, and invisible characters that copy-paste brings along. */
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF]/gu;
const KANGXI_RADICAL = /[\u2F00-\u2FD5]/gu;
const HAN = /^\p{Script=Han}$/u;
/** CJK Radicals Supplement and Kangxi radicals are Script=Han but are not characters of a name. */
const RADICAL = /^[\u2E80-\u2FDF]$/u;

/**
 * Common compound surnames (复姓), longest first when matched. A name only splits on one when
 * something follows it (欧阳 alone is 欧 + 阳). 单于 is left out on purpose: 单 + 于… is far more common.
 */
export const COMPOUND_SURNAMES: readonly string[] = [
  '爱新觉罗', '叶赫那拉',
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒',
  '夏侯', '轩辕', '令狐', '钟离', '端木', '独孤', '南宫', '西门', '百里', '呼延', '赫连', '澹台',
  '公冶', '宗政', '濮阳', '太史', '申屠', '万俟', '闻人', '东郭', '第五', '拓跋', '完颜', '司空',
  '淳于', '鲜于', '闾丘', '公羊', '仲孙', '乐正', '漆雕', '壤驷', '公良', '颛孙', '巫马', '公西',
  '亓官', '司寇', '段干', '左丘', '梁丘', '谷梁', '夹谷', '宰父', '羊舌', '微生', '子车', '东门',
  '南门', '归海', '纳兰',
].sort((a, b) => codePoints(b).length - codePoints(a).length);

/** Removes spaces and invisible characters, folds separator look-alikes and Kangxi radicals. */
export function normalizePersonName(raw: string): string {
  if (typeof raw !== 'string') return '';
  return raw
    .replace(INVISIBLE, '')
    .replace(SEPARATOR_LOOKALIKES, NAME_SEPARATOR)
    .replace(KANGXI_RADICAL, (ch) => ch.normalize('NFKC'));
}

export function isHanCharacter(char: string): boolean {
  return HAN.test(char) && !RADICAL.test(char);
}

export function isPrivateUse(char: string): boolean {
  const cp = char.codePointAt(0) ?? 0;
  return (cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000;
}

/** Surname and given name. Names with `·` have no surname split: surname '' and the whole name given. */
export function splitName(name: string): { surname: string; givenName: string } {
  const normalized = normalizePersonName(name);
  if (normalized.includes(NAME_SEPARATOR)) return { surname: '', givenName: normalized };
  const chars = codePoints(normalized);
  for (const compound of COMPOUND_SURNAMES) {
    if (normalized.startsWith(compound) && chars.length > codePoints(compound).length) {
      return { surname: compound, givenName: normalized.slice(compound.length) };
    }
  }
  return { surname: chars[0] ?? '', givenName: chars.slice(1).join('') };
}

function charError(char: string, position: number): PersonNameResult {
  const label = codePointLabel(char);
  if (isPrivateUse(char)) {
    return {
      ok: false,
      code: 'privateUse',
      reason: text(
        `第 ${position} 个字（${label}）是私用区字符（旧版 GB 18030-2005 的映射），在别的电脑上无法正确显示。请用支持 GB 18030-2022 的输入法重新输入这个字。`,
        `Character ${position} (${label}) is a Private Use Area character (an old GB 18030-2005 mapping) that other computers cannot show. Please re-enter it with a GB 18030-2022 input method.`,
      ),
    };
  }
  const shown = /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(char) ? `“${char}”` : '';
  return {
    ok: false,
    code: 'badChar',
    reason: text(
      `姓名只能由汉字和间隔号“·”组成，第 ${position} 个字符${shown}（${label}）不可用`,
      `A name may contain only Chinese characters and the separator "·"; character ${position} ${shown ? `"${char}" ` : ''}(${label}) is not allowed.`,
    ),
  };
}

/** Checks a person's name and splits it. Never throws. */
export function checkPersonName(raw: string): PersonNameResult {
  const normalized = normalizePersonName(raw);
  const chars = codePoints(normalized);
  if (chars.length === 0) {
    return { ok: false, code: 'empty', reason: text('请输入姓名', 'Please enter a name.') };
  }
  if (chars.length > MAX_NAME_LENGTH) {
    return {
      ok: false,
      code: 'tooLong',
      reason: text(
        `姓名最多 ${MAX_NAME_LENGTH} 个字，现在是 ${chars.length} 个`,
        `A name has at most ${MAX_NAME_LENGTH} characters; this one has ${chars.length}.`,
      ),
    };
  }
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? '';
    if (char === NAME_SEPARATOR) {
      const where =
        i === 0 ? text('开头', 'start') : i === chars.length - 1 ? text('末尾', 'end') : null;
      if (where) {
        return {
          ok: false,
          code: 'badChar',
          reason: text(`间隔号“·”不能在姓名${where.zh}`, `The separator "·" cannot be at the ${where.en} of a name.`),
        };
      }
      if (chars[i + 1] === NAME_SEPARATOR) {
        return {
          ok: false,
          code: 'badChar',
          reason: text(`第 ${i + 1} 个字符起间隔号“·”重复了`, `The separator "·" is doubled at character ${i + 1}.`),
        };
      }
      continue;
    }
    if (!isHanCharacter(char)) return charError(char, i + 1);
  }
  const { surname, givenName } = splitName(normalized);
  return { ok: true, normalized, surname, givenName, characters: chars.length };
}
