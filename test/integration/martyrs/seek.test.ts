import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../support/tempCore';
import { syntheticRoll } from '../../support/syntheticRoll';
import { prepareMartyr, searchText } from '../../../electron/core/martyrs/fields';
import { insertMartyr, removeMartyrSearchText, setMartyrDeleted, setMartyrStatus, writeMartyrSearchText } from '../../../electron/core/db/martyrs';
import { writeTransaction } from '../../../electron/core/db/connection';
import { martyrFieldsSchema, periods, type MethodInput } from '../../../shared/contract';
import { martyrSorts } from '../../../shared/contract/martyrs';

/**
 * martyrs.seek against the list itself: for every order and a range of filters, the cursor it gives
 * for a position makes martyrs.search start at exactly the row the full walk has there, and its
 * total is the number of rows the walk finds.
 */
let t: Awaited<ReturnType<typeof makeSetUpCore>>;
const ROLL = 2400;
let province = '';
let city = '';
let sourceId = 0;

beforeAll(async () => {
  t = await makeSetUpCore();
  const provinces = await t.ok('divisions.children', { parentCode: null }, t.admin);
  province = provinces[3]!.code;
  city = (await t.ok('divisions.children', { parentCode: provinces[5]!.code }, t.admin))[0]!.code;
  sourceId = (await t.ok('sources.create', { kind: 'printed_roll', title: '1982年烈士英名录' }, t.admin)).id;
  const db = t.core.db;
  writeTransaction(db, () => {
    syntheticRoll(ROLL, 5).forEach((m, i) => {
      const fields = martyrFieldsSchema.parse({
        name: m.name,
        birthDate: m.birthDate,
        deathDate: i % 13 === 0 ? '' : m.deathDate,
        nativePlaceText: m.nativePlaceText,
        nativePlaceCode: i % 5 === 0 ? province : null,
        deathPlaceCode: i % 7 === 0 ? city : null,
        period: i % 4 === 0 ? null : periods[i % periods.length],
        sourceId: i % 3 === 0 ? sourceId : null,
      });
      const prepared = prepareMartyr(db, fields);
      const id = insertMartyr(db, prepared, 1, '2026-11-23T09:00:00.000Z');
      writeMartyrSearchText(db, id, searchText(prepared));
      if (i % 6 === 1) setMartyrStatus(db, id, 'submitted', null, 1, '2026-11-23T09:00:00.000Z');
      if (i % 17 === 2) {
        setMartyrDeleted(db, id, { at: `2026-11-23T09:${String(i % 60).padStart(2, '0')}:00.000Z`, userId: 1, reason: '重复' }, '2026-11-23T09:00:00.000Z');
        removeMartyrSearchText(db, id);
      }
    });
  });
}, 120_000);
afterAll(() => t.dispose());

type Selection = Omit<MethodInput<'martyrs.seek'>, 'position'>;

/** The whole selection in its order, walked page by page. */
async function walk(selection: Selection): Promise<number[]> {
  const ids: number[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await t.ok('martyrs.search', { ...selection, limit: 200, ...(after ? { after } : {}) }, t.admin);
    ids.push(...page.rows.map((r) => r.id));
    if (!page.nextCursor) break;
    after = page.nextCursor;
  }
  return ids;
}

async function rowsFrom(selection: Selection, position: number) {
  const seek = await t.ok('martyrs.seek', { ...selection, position }, t.admin);
  const page = await t.ok('martyrs.search', { ...selection, limit: 3, ...(seek.after ? { after: seek.after } : {}) }, t.admin);
  return { seek, ids: page.rows.map((r) => r.id) };
}

const selections: [string, () => Selection][] = [
  ['the whole roll', () => ({})],
  ['submitted', () => ({ status: 'submitted' })],
  ['a period', () => ({ period: 'anti_japanese' })],
  ['no period stated', () => ({ period: 'none' })],
  ['a province (native place)', () => ({ divisionCode: province })],
  ['a city (place of death)', () => ({ divisionCode: city })],
  ['a source', () => ({ sourceId })],
  ['a death date range', () => ({ deathFrom: '1938-01-01', deathTo: '1945-08-15' })],
  ['drafts of a source who died after 1940', () => ({ status: 'draft', sourceId, deathFrom: '1941-01-01' })],
  ['a text search', () => ({ query: '王' })],
  ['a pinyin search with a filter', () => ({ query: 'zh', status: 'draft' })],
];

describe.each(martyrSorts)('martyrs.seek in %s order', (sort) => {
  it.each(selections)('%s: every position asked starts the list at the row the walk has there', async (_name, make) => {
    const selection = { ...make(), sort };
    const full = await walk(selection);
    expect(full.length).toBeGreaterThan(20);
    const n = full.length;
    for (const position of [0, 1, 2, 49, 50, 51, Math.floor(n / 3), Math.floor(n / 2), Math.floor(n / 2) + 1, n - 51, n - 2, n - 1]) {
      const { seek, ids } = await rowsFrom(selection, position);
      expect(seek).toMatchObject({ position, total: n, totalCapped: false });
      expect(ids, `position ${position} of ${n}`).toEqual(full.slice(position, position + 3));
    }
    const past = await rowsFrom(selection, n + 1000);
    expect(past.seek.position).toBe(n - 1);
    expect(past.ids).toEqual([full[n - 1]]);
  });
});

describe('martyrs.seek, edges', () => {
  it('the recycle bin, newest deletion first', async () => {
    const selection = { deleted: true };
    const full = await walk(selection);
    expect(full.length).toBe(Math.ceil((ROLL - 2) / 17));
    for (const position of [0, 5, full.length - 1]) expect((await rowsFrom(selection, position)).ids[0]).toBe(full[position]);
  });

  it('period none: exactly the live records whose period is not stated', async () => {
    const ids = await walk({ period: 'none' });
    const expected = Array.from({ length: ROLL }, (_, i) => i).filter((i) => i % 4 === 0 && i % 17 !== 2).length;
    expect(ids.length).toBe(expected);
    const page = await t.ok('martyrs.search', { period: 'none', limit: 200 }, t.admin);
    expect(page.count).toBe(expected);
    expect(page.rows.every((r) => r.period === null)).toBe(true);
    expect(await t.core.call('martyrs.search', { period: 'unknown' } as never, t.admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('an empty selection: position 0, nothing before it', async () => {
    expect(await t.ok('martyrs.seek', { query: '龘', position: 10 }, t.admin)).toEqual({ after: null, position: 0, total: 0, totalCapped: false });
    expect(await t.ok('martyrs.seek', { status: 'verified', position: 0 }, t.admin)).toEqual({ after: null, position: 0, total: 0, totalCapped: false });
  });

  it('refuses a negative position', async () => {
    expect(await t.core.call('martyrs.seek', { position: -1 }, t.admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
