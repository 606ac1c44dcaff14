/**
 * What the search index (`martyr_fts`) holds for one record, column by column. Pure functions,
 * kept beside the index's repository because the index must be able to rebuild a record's
 * entry from its stored columns alone (moving entries in the index's order, rebuilding it).
 */
import { nameToPinyin } from '../../../shared/rules/pinyin';

export interface SearchText {
  name: string;
  pinyin: string;
  place: string;
  unit: string;
  cert: string;
  deeds: string;
  name2: string;
  place2: string;
  unit2: string;
  cert2: string;
  deeds2: string;
}

/** The columns of `martyr_fts`, in order. */
export const SEARCH_COLUMNS = ['name', 'pinyin', 'place', 'unit', 'cert', 'deeds', 'name2', 'place2', 'unit2', 'cert2', 'deeds2'] as const;

/** The stored values the index is made from. */
export interface SearchSource {
  name: string;
  pinyin: string;
  pinyinSpaced: string;
  initials: string;
  nativePlaceText: string;
  deathPlaceText: string;
  burialPlace: string;
  cemetery: string;
  unitAndPost: string;
  certificateNo: string;
  deeds: string;
  merits: string;
  remarks: string;
  deathCause: string;
}

/** Han characters become one token each; runs of letters and digits stay whole. */
export function spacedText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/(\p{Script=Han})/gu, ' $1 ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();
}

const isHanToken = (token: string) => /^\p{Script=Han}$/u.test(token);

/**
 * Each pair of neighbouring Han tokens of a spaced text, as one token: '惠 民 县' → '惠民 民县'.
 * A fragment of two or more characters is then a phrase of bigrams, whose lists are short, where
 * the same phrase of single characters would walk the long lists of common characters (军 is
 * in every unit's name). Pairs are of tokens, so they bridge what spacing removed ('·', spaces);
 * where a letter or digit token interrupts the Han run, a '0' keeps the runs apart, so that
 * '民县9县团' does not match 民县团.
 */
export function bigramText(spaced: string): string {
  const tokens = spaced.split(' ');
  const pairs: string[] = [];
  for (let i = 1; i < tokens.length; i++) {
    if (isHanToken(tokens[i - 1]!) && isHanToken(tokens[i]!)) pairs.push(tokens[i - 1]! + tokens[i]!);
    else if (pairs.length > 0 && pairs.at(-1) !== '0') pairs.push('0');
  }
  if (pairs.at(-1) === '0') pairs.pop();
  return pairs.join(' ');
}

/**
 * The bigrams of a query, when it is two or more Han characters and nothing else; else null.
 */
export function queryBigrams(spaced: string): string[] | null {
  const tokens = spaced.split(' ').filter(Boolean);
  if (tokens.length < 2 || !tokens.every(isHanToken)) return null;
  return tokens.slice(1).map((t, i) => tokens[i]! + t);
}

/** A text's tokens and bigrams. */
function tokensOf(text: string): [string, string] {
  const spaced = spacedText(text);
  return [spaced, bigramText(spaced)];
}

/**
 * Places and units recur on thousands of records (and deeds are mostly empty in an import): the
 * tokens of a short text are worked out once. A pure function of the text, bounded.
 */
const recurring = new Map<string, [string, string]>();
function tokensOfRecurring(text: string): [string, string] {
  if (text.length > 100) return tokensOf(text);
  let tokens = recurring.get(text);
  if (!tokens) {
    tokens = tokensOf(text);
    if (recurring.size >= 10_000) recurring.clear();
    recurring.set(text, tokens);
  }
  return tokens;
}

/** The columns of `martyr_fts` for one record. */
export function searchText(m: SearchSource): SearchText {
  const [name, name2] = tokensOf(m.name);
  const [place, place2] = tokensOfRecurring([m.nativePlaceText, m.deathPlaceText, m.burialPlace, m.cemetery].join(' '));
  const [unit, unit2] = tokensOfRecurring(m.unitAndPost);
  const [cert, cert2] = tokensOf(m.certificateNo);
  const [deeds, deeds2] = tokensOfRecurring([m.deeds, m.merits, m.remarks, m.deathCause].join(' '));
  return { name, pinyin: `${m.pinyin} ${m.initials} ${m.pinyinSpaced}`.trim(), place, unit, cert, deeds, name2, place2, unit2, cert2, deeds2 };
}

/**
 * The same, from a stored row whose spaced pinyin is not stored (it is derived from the name);
 * `pinyinCache` (name → spaced pinyin) saves the conversion for names that repeat in a rebuild.
 */
export function searchTextOfStored(row: Omit<SearchSource, 'pinyinSpaced'>, pinyinCache?: Map<string, string>): SearchText {
  let pinyinSpaced = pinyinCache?.get(row.name);
  if (pinyinSpaced === undefined) {
    pinyinSpaced = nameToPinyin(row.name).spaced;
    if (pinyinCache) {
      if (pinyinCache.size >= 100_000) pinyinCache.clear();
      pinyinCache.set(row.name, pinyinSpaced);
    }
  }
  return searchText({ ...row, pinyinSpaced });
}
