import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../support/tempCore';
import { syntheticRoll } from '../../support/syntheticRoll';
import { compareNames } from '../../../shared/rules/strokeOrder';
import { nameToPinyin } from '../../../shared/rules/pinyin';
import type { MartyrSort } from '../../../shared/contract';

let t: Awaited<ReturnType<typeof makeSetUpCore>>;
const roll = syntheticRoll(500, 7);
const ids = new Map<number, string>();

beforeAll(async () => {
  t = await makeSetUpCore();
  for (const m of roll) {
    // Only the name carries Chinese text, so a fragment's expected hits are exactly the names containing it.
    const created = await t.ok('martyrs.create', { name: m.name, birthDate: m.birthDate, deathDate: m.deathDate }, t.admin);
    ids.set(created.id, created.name);
  }
}, 120_000);
afterAll(() => t.dispose());

async function all(query: string, sort: MartyrSort = 'strokeSurname', limit = 37) {
  const rows: { id: number; name: string }[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await t.ok('martyrs.search', { query, sort, limit, ...(after ? { after } : {}) }, t.admin);
    rows.push(...page.rows);
    if (!page.nextCursor) break;
    after = page.nextCursor;
  }
  return rows;
}

describe('search correctness', () => {
  const fragments = ['德', '胜', '张德', '德胜', '明华', '欧阳', '王', '国'];
  it.each(fragments)('“%s” finds every record whose name contains it, and nothing else', async (fragment) => {
    const expected = [...ids].filter(([, name]) => name.includes(fragment)).map(([id]) => id).sort((a, b) => a - b);
    const found = (await all(fragment)).map((r) => r.id).sort((a, b) => a - b);
    expect(found).toEqual(expected);
    const first = await t.ok('martyrs.search', { query: fragment }, t.admin);
    expect(first.count).toBe(expected.length);
  });

  // Initials and pinyin prefixes taken from the generated roll itself, so each finds something.
  const probes = [nameToPinyin(roll[0]!.name).initials.slice(0, 2), nameToPinyin(roll[1]!.name).initials, nameToPinyin(roll[2]!.name).full.slice(0, 6), nameToPinyin(roll[3]!.name).spaced.split(' ')[0]!];
  it.each(probes)('pinyin or initials “%s” find names by their pinyin prefix', async (letters) => {
    const expected = [...ids].filter(([, name]) => {
      const p = nameToPinyin(name);
      return p.full.startsWith(letters) || p.initials.startsWith(letters) || p.spaced.split(' ').some((s) => s.startsWith(letters));
    }).map(([id]) => id).sort((a, b) => a - b);
    const found = (await all(letters)).map((r) => r.id).sort((a, b) => a - b);
    expect(found).toEqual(expected);
    expect(found.length).toBeGreaterThan(0);
  });

  it('finds nothing for a fragment no name has', async () => {
    expect(await t.ok('martyrs.search', { query: '龘' }, t.admin)).toMatchObject({ rows: [], count: 0, nextCursor: null });
  });

  it('refuses a forged cursor with a typed error', async () => {
    expect(await t.core.call('martyrs.search', { after: 'not-a-cursor' }, t.admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('the list, in every order, paged by keyset', () => {
  it.each(['strokeSurname', 'strokeFullName'] as const)('%s: pages walk the whole roll in mainland stroke order', async (sort) => {
    const rows = await all('', sort, 50);
    expect(rows).toHaveLength(roll.length);
    expect(new Set(rows.map((r) => r.id)).size).toBe(roll.length);
    const convention = sort === 'strokeSurname' ? 'surname' : 'fullName';
    for (let i = 1; i < rows.length; i++) expect(compareNames(rows[i - 1]!.name, rows[i]!.name, convention)).toBeLessThanOrEqual(0);
  });

  it('pinyin and entry order', async () => {
    const byPinyin = await all('', 'pinyin', 64);
    const keys = byPinyin.map((r) => nameToPinyin(r.name).full);
    expect(keys).toEqual([...keys].sort());
    const entered = await all('', 'entered', 64);
    expect(entered.map((r) => r.id)).toEqual([...ids.keys()].sort((a, b) => b - a));
  });

  it('filters by death date range', async () => {
    const in1940s = await all('', 'deathDate', 100);
    const page = await t.ok('martyrs.search', { deathFrom: '1940-01-01', deathTo: '1949-12-31', sort: 'deathDate', limit: 200 }, t.admin);
    const expected = roll.filter((m) => /^194\d/.test(m.deathDate)).length;
    expect(page.count).toBe(expected);
    expect(in1940s).toHaveLength(roll.length);
  });
});
