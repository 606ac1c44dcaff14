import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../support/tempCore';
import { syntheticRoll } from '../../support/syntheticRoll';
import { prepareMartyr, searchText } from '../../../electron/core/martyrs/fields';
import { insertMartyr, writeMartyrSearchText } from '../../../electron/core/db/martyrs';
import { writeTransaction } from '../../../electron/core/db/connection';
import { martyrFieldsSchema } from '../../../shared/contract';
import { compareNames } from '../../../shared/rules/strokeOrder';

/** Enough records that a common character has over 1,000 hits: the list then walks the order's index. */
let t: Awaited<ReturnType<typeof makeSetUpCore>>;
const names = new Map<number, string>();

beforeAll(async () => {
  t = await makeSetUpCore();
  const db = t.core.db;
  writeTransaction(db, () => {
    for (const m of syntheticRoll(9000, 11)) {
      const prepared = prepareMartyr(db, martyrFieldsSchema.parse({ name: m.name, deathDate: m.deathDate, nativePlaceText: m.nativePlaceText }));
      const id = insertMartyr(db, prepared, 1, '2026-11-23T09:00:00.000Z');
      writeMartyrSearchText(db, id, searchText(prepared));
      names.set(id, prepared.name);
    }
  });
}, 120_000);
afterAll(() => t.dispose());

async function walk(query: string, sort: 'strokeSurname' | 'pinyin') {
  const rows: { id: number; name: string }[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await t.ok('martyrs.search', { query, sort, limit: 200, ...(after ? { after } : {}) }, t.admin);
    rows.push(...page.rows);
    if (!page.nextCursor) return { rows, first: page };
    after = page.nextCursor;
  }
}

describe('a common fragment with over 1,000 hits', () => {
  it('finds every record containing it, in stroke order, with the exact count', async () => {
    const common = [...'王李张刘陈'].map((c) => ({ c, n: [...names.values()].filter((n) => n.includes(c)).length })).sort((a, b) => b.n - a.n)[0]!;
    expect(common.n).toBeGreaterThan(1000);
    const { rows } = await walk(common.c, 'strokeSurname');
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual([...names].filter(([, n]) => n.includes(common.c)).map(([id]) => id).sort((a, b) => a - b));
    for (let i = 1; i < rows.length; i++) expect(compareNames(rows[i - 1]!.name, rows[i]!.name, 'surname')).toBeLessThanOrEqual(0);
    expect((await t.ok('martyrs.search', { query: common.c }, t.admin)).count).toBe(common.n);
  });

  it('a place shared by an eighth of the roll: counted from the index, listed in pinyin order', async () => {
    const page = await t.ok('martyrs.search', { query: '惠民县', sort: 'pinyin' }, t.admin);
    expect(page.count).toBeGreaterThan(500);
    expect(page.rows).toHaveLength(50);
  });

  it('a record moved to the recycle bin leaves the search and its count; restored, it is back', async () => {
    const [id, name] = [...names][0]!;
    const before = (await t.ok('martyrs.search', { query: name }, t.admin)).count;
    await t.ok('martyrs.delete', { id, reason: '测试' }, t.admin);
    expect((await t.ok('martyrs.search', { query: name }, t.admin)).count).toBe(before - 1);
    expect((await t.ok('martyrs.search', { query: name.slice(0, 2), deleted: true }, t.admin)).rows.map((r) => r.id)).toEqual([id]);
    await t.ok('martyrs.restore', { id }, t.admin);
    expect((await t.ok('martyrs.search', { query: name }, t.admin)).count).toBe(before);
  });
});
