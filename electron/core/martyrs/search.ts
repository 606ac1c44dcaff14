/**
 * The one search box, turned into an FTS5 MATCH expression over `martyr_fts`:
 * - Chinese text → in names, places, units, certificate numbers and deeds: one character as
 *   its token, two or more as a phrase of their bigrams (db/searchText.ts), so 2 characters
 *   find every record containing them;
 * - Latin letters → a prefix of the full pinyin or of the initials (zhangd*, zds*);
 * - digits and letters with digits → a prefix of a certificate number.
 * Keyset cursors are opaque strings for the client.
 */
import { CoreError } from '../errors';
import { spacedText } from './fields';
import { queryBigrams } from '../db/searchText';
import type { MartyrQuery } from '../db/martyrSearch';
import type { MartyrSort, MartyrStatus, PeriodFilter } from '../../../shared/contract';
import { divisionPrefix } from '../../../shared/rules/divisionCode';

/** The list's search and filters as the contract carries them (martyrs.search, martyrs.export). */
export interface SearchInput {
  query: string;
  status?: MartyrStatus | undefined;
  period?: PeriodFilter | undefined;
  divisionCode?: string | undefined;
  deathFrom?: string | undefined;
  deathTo?: string | undefined;
  sourceId?: number | undefined;
  deleted: boolean;
  sort: MartyrSort;
}

export function queryFromSearch(input: SearchInput, limit: number, after: [string | number, number] | null): MartyrQuery {
  return {
    match: input.deleted ? null : matchExpression(input.query),
    nameContains: input.deleted && input.query ? input.query : undefined,
    status: input.status,
    period: input.period,
    divisionPrefix: input.divisionCode ? (divisionPrefix(input.divisionCode) ?? undefined) : undefined,
    deathFrom: input.deathFrom,
    deathTo: input.deathTo,
    sourceId: input.sourceId,
    deleted: input.deleted,
    sort: input.deleted ? 'deleted' : input.sort,
    limit,
    after,
  };
}

export function matchExpression(query: string, scope: 'all' | 'name' = 'all'): string | null {
  const q = query.normalize('NFKC').trim();
  if (q === '') return null;
  if (/^[a-z\s']+$/i.test(q)) {
    const letters = q.toLowerCase().replace(/[\s']/g, '');
    return letters ? `pinyin : ${letters}*` : null;
  }
  const tokens = spacedText(q).split(' ').filter(Boolean);
  if (tokens.length === 0) return null;
  const phrase = `"${tokens.join(' ')}"`;
  if (/^[\p{L}\p{N}\s-]+$/u.test(q) && /\d/.test(q) && !/\p{Script=Han}/u.test(q)) return `cert : ${phrase} *`;
  // Two or more Han characters: a phrase of bigrams (short lists), same matches as the phrase of characters.
  const bigrams = queryBigrams(tokens.join(' '));
  if (bigrams) return scope === 'name' ? `name2 : "${bigrams.join(' ')}"` : `{name2 place2 unit2 cert2 deeds2} : "${bigrams.join(' ')}"`;
  return scope === 'name' ? `name : ${phrase}` : `{name place unit cert deeds} : ${phrase}`;
}

export function encodeCursor(cursor: [string | number, number] | null): string | null {
  return cursor ? Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url') : null;
}

export function decodeCursor(text: string | undefined): [string | number, number] | null {
  if (text === undefined) return null;
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && (typeof value[0] === 'string' || typeof value[0] === 'number') && Number.isSafeInteger(value[1])) {
      return [value[0], value[1] as number];
    }
  } catch {
    // fall through
  }
  throw new CoreError('VALIDATION', { zh: '翻页位置无效，请重新搜索。', en: 'The page cursor is not valid; search again.' });
}
