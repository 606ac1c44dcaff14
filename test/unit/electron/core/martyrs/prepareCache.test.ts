import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../../electron/core/db/connection';
import { migrate } from '../../../../../electron/core/db/migrate';
import { migrations } from '../../../../../electron/core/db/migrations';
import { insertSource } from '../../../../../electron/core/db/sources';
import { upsertDivision } from '../../../../../electron/core/db/divisions';
import { createPrepareCache, memoize, nameKeysOf } from '../../../../../electron/core/martyrs/prepareCache';
import { prepareMartyr } from '../../../../../electron/core/martyrs/fields';
import { martyrImportSpec } from '../../../../../electron/core/martyrs/importSpec';
import { CoreError } from '../../../../../electron/core/errors';
import { martyrFieldsSchema, type MartyrFieldsInput } from '../../../../../shared/contract';
import { checkPersonName } from '../../../../../shared/rules/personName';
import { parsePartialDate } from '../../../../../shared/rules/partialDate';

const NOW = '2026-11-23T09:00:00.000Z';
let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
  migrate(db, migrations);
});
afterEach(() => db.close());

describe('memoize', () => {
  it('answers each key with its own value, never another key’s', () => {
    const calls: string[] = [];
    const upper = memoize((s: string) => {
      calls.push(s);
      return { text: s.toUpperCase() };
    }, 100);
    expect(upper('ab').text).toBe('AB');
    expect(upper('cd').text).toBe('CD');
    expect(upper('ab').text).toBe('AB');
    expect(upper('abc').text).toBe('ABC');
    expect(calls).toEqual(['ab', 'cd', 'abc']);
  });

  it('stays within its limit and stays right past it', () => {
    let calls = 0;
    const double = memoize((n: number) => {
      calls++;
      return n * 2;
    }, 3);
    for (let n = 1; n <= 10; n++) expect(double(n)).toBe(n * 2);
    expect(calls).toBe(10);
    // 10 was memoized after the last clearing; 1 was dropped with it and is worked out again.
    expect(double(10)).toBe(20);
    expect(calls).toBe(10);
    expect(double(1)).toBe(2);
    expect(calls).toBe(11);
  });
});

describe('the prepare cache of one import job', () => {
  it('gives what the rules give, for every kind of input, good or bad', () => {
    const cache = createPrepareCache();
    for (const name of ['单雄信', '曾国藩', '阿依古丽·买买提', '王 福', 'abc', '', '张三😀', '单雄信']) {
      expect(cache.checkName(name)).toEqual(checkPersonName(name));
      expect(cache.nameKeys(name)).toEqual(nameKeysOf(name));
    }
    for (const text of ['1947年春', '民国三十六年', '约1938年', '1944年至1945年间', '1947年13月', '不详', '1947年春']) {
      expect(cache.parseDate(text)).toEqual(parsePartialDate(text));
    }
  });

  it('prepares a record exactly as without it', () => {
    const cache = createPrepareCache();
    const inputs: MartyrFieldsInput[] = [
      { name: '单雄信', birthDate: '民国九年', deathDate: '1947年春', nativePlaceText: '山东省惠民县' },
      { name: '曾国藩', deathDate: '1947年春', unitAndPost: '华东野战军第九纵队' },
      { name: '单雄信', birthDate: '1950年', deathDate: '1947年春' },
      { name: '', unnamed: true, deathDate: '约1938年' },
      { name: '王 福', nativePlaceCode: '370000000000', nextOfKin: [{ name: '王 大', relation: 'parent' }] },
    ];
    for (const input of inputs) {
      const fields = martyrFieldsSchema.parse(input);
      let expected: unknown;
      try {
        expected = prepareMartyr(db, fields);
      } catch (error) {
        expected = error;
      }
      if (expected instanceof CoreError) {
        expect(() => prepareMartyr(db, fields, cache)).toThrow(expected.message);
      } else {
        expect(prepareMartyr(db, fields, cache)).toEqual(expected);
      }
    }
  });

  it('answers database lookups for its own job only: a new job sees what changed', () => {
    const first = createPrepareCache();
    expect(first.divisionExists(db, '379999000000')).toBe(false);
    expect(first.sourceExists(db, 1)).toBe(false);
    upsertDivision(db, { code: '379999000000', name: '测试县', level: 3, parentCode: null, pinyin: 'ceshixian', initials: 'csx', source: 'test' });
    insertSource(db, { kind: 'register', title: '名册', description: '', userId: null, at: NOW });
    const next = createPrepareCache();
    expect(next.divisionExists(db, '379999000000')).toBe(true);
    expect(next.sourceExists(db, 1)).toBe(true);
  });

  it('keeps lookups apart between two databases', () => {
    const other = openDatabase(':memory:');
    try {
      migrate(other, migrations);
      insertSource(other, { kind: 'register', title: '名册', description: '', userId: null, at: NOW });
      const cache = createPrepareCache();
      expect(cache.sourceExists(other, 1)).toBe(true);
      expect(cache.sourceExists(db, 1)).toBe(false);
      expect(cache.sourceExists(other, 1)).toBe(true);
    } finally {
      other.close();
    }
  });

  it('is made afresh for every import: one job’s answer does not reach the next', () => {
    const context = { audit: () => {}, rowNumbers: [2], fileName: 'a.xlsx', actor: { userId: null, username: 't' }, now: NOW };
    const row = martyrFieldsSchema.parse({ name: '张德胜', sourceId: 1 });
    // The first job looks source 1 up and finds nothing.
    expect(() => martyrImportSpec({ sourceId: 1 }).commit(db, [row], () => {}, context)).toThrow(/source does not exist/);
    insertSource(db, { kind: 'register', title: '名册', description: '', userId: null, at: NOW });
    // The next job finds it.
    expect(martyrImportSpec({ sourceId: 1 }).commit(db, [row], () => {}, context)).toEqual({ created: 1 });
  });
});
