/**
 * What preparing a martyr record derives from values that recur across a roll — the same names,
 * dates, division codes and sources come back row after row — memoized for ONE import job. The
 * import's check pass and write pass share it, so a name is checked, and its pinyin and stroke
 * keys are worked out, once per distinct name rather than twice per row.
 *
 * Each memo holds the result of a pure function of its key (checkPersonName, parsePartialDate,
 * nameToPinyin, sortKey), or of a lookup in tables the import does not write (divisions, sources)
 * and that cannot change under it: its write transaction holds the database. So a cache belongs
 * to one job (martyrImportSpec makes one per job) and never outlives it. Each memo is bounded:
 * past `limit` entries it starts afresh, so a roll of a million distinct names cannot grow it.
 */
import type { Db } from '../db/connection';
import { divisionExists } from '../db/divisions';
import { sourceExists } from '../db/sources';
import { checkPersonName } from '../../../shared/rules/personName';
import { parsePartialDate } from '../../../shared/rules/partialDate';
import { nameToPinyin, type PinyinForms } from '../../../shared/rules/pinyin';
import { sortKey } from '../../../shared/rules/strokeOrder';

/** The sort and search keys of one (normalized) name. */
export interface NameKeys {
  pinyin: PinyinForms;
  strokeSurnameKey: string;
  strokeFullKey: string;
}

export interface PrepareCache {
  checkName(name: string): ReturnType<typeof checkPersonName>;
  parseDate(text: string): ReturnType<typeof parsePartialDate>;
  nameKeys(name: string): NameKeys;
  divisionExists(db: Db, code: string): boolean;
  sourceExists(db: Db, id: number): boolean;
}

export function nameKeysOf(name: string): NameKeys {
  return { pinyin: nameToPinyin(name), strokeSurnameKey: sortKey(name, 'surname'), strokeFullKey: sortKey(name, 'fullName') };
}

/** `fn` memoized by its argument; the memo is dropped whole when it reaches `limit` entries. */
export function memoize<K, V>(fn: (key: K) => V, limit: number): (key: K) => V {
  const memo = new Map<K, V>();
  return (key) => {
    let value = memo.get(key);
    if (value !== undefined) return value;
    value = fn(key);
    if (memo.size >= limit) memo.clear();
    memo.set(key, value);
    return value;
  };
}

/** Entries per memo: ~100,000 distinct names hold ~30 MB of keys. */
export const PREPARE_CACHE_LIMIT = 100_000;

/** A fresh cache for one import job. The database lookups are memoized for the `db` they were first asked of. */
export function createPrepareCache(limit = PREPARE_CACHE_LIMIT): PrepareCache {
  let lookupsFor: Db | null = null;
  let divisions = new Map<string, boolean>();
  let sources = new Map<number, boolean>();
  const forDb = (db: Db) => {
    if (lookupsFor !== db) {
      lookupsFor = db;
      divisions = new Map();
      sources = new Map();
    }
  };
  return {
    checkName: memoize(checkPersonName, limit),
    parseDate: memoize(parsePartialDate, limit),
    nameKeys: memoize(nameKeysOf, limit),
    divisionExists(db, code) {
      forDb(db);
      let exists = divisions.get(code);
      if (exists === undefined) {
        exists = divisionExists(db, code);
        if (divisions.size >= limit) divisions.clear();
        divisions.set(code, exists);
      }
      return exists;
    },
    sourceExists(db, id) {
      forDb(db);
      let exists = sources.get(id);
      if (exists === undefined) {
        exists = sourceExists(db, id);
        if (sources.size >= limit) sources.clear();
        sources.set(id, exists);
      }
      return exists;
    },
  };
}
