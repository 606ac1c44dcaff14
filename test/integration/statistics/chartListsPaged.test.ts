/**
 * The award register and the letters past 200 rows: the screens read them a keyset page at a time
 * (at most 200), so a bar of the dashboard that counts more than a page opens a list whose pages,
 * read one after another with the bar's own filter, hold exactly the bar's rows — none twice,
 * none missing — and whose count is the bar's number. Many rows share a date, so the pages' edges
 * fall inside runs of equal dates; the open letters and the closed ones meet inside a page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwardRow, LetterRow } from '../../../shared/contract';
import { awardBarPath, awardBars, letterSlicePath, letterSlices } from '../../../renderer/src/features/dashboard/chartLinks';
import { awardFilterFromHash, awardsInput, letterFilterFromHash, lettersInput, lettersPath } from '../../../renderer/src/lib/listLinks';
import { classId, honorsCore, type Honors } from '../honors/support';
import { allAwards, allLetters } from './listPages';

let h: Honors;
const SECOND_2026 = 230;
const THIRD_UNDATED = 205;
const THIRD_2025 = 3;
const LETTERS = 229;
const AWARD_DAYS = ['2026-01-15', '2026-03-01', '2026-03-02', '2026-05-20', '2026-07-01', '2026-08-01', '2026-09-09', '2026-10-10', '2026-10-31'];
/** Most letters long overdue (7 working days for 二等功; today is 2026-11-23), one in twenty due soon. */
const OLD_RECEIPTS = ['2026-10-09', '2026-10-12', '2026-10-20', '2026-10-27', '2026-11-02', '2026-11-05', '2026-11-10'];
const receivedOn = (i: number) => (i % 20 === 19 ? '2026-11-16' : OLD_RECEIPTS[i % OLD_RECEIPTS.length]!);

beforeAll(async () => {
  h = await honorsCore();
  const second = await classId(h, '二等功');
  const third = await classId(h, '三等功');
  const award = (i: number, cls: number, awardDate: string | null) =>
    h.ok('awards.create', { recipient: i % 3 === 0 ? { kind: 'unit', name: `某部${i}连` } : { kind: 'person', name: `受奖人${i}`, idNumber: '' }, classId: cls, awardDate, orderNo: `令〔2026〕${i}号` }, h.clerk);
  const seconds = [];
  for (let i = 0; i < SECOND_2026; i++) seconds.push(await award(i, second, AWARD_DAYS[i % AWARD_DAYS.length]!));
  for (let i = 0; i < THIRD_UNDATED; i++) await award(1000 + i, third, null);
  for (let i = 0; i < THIRD_2025; i++) await award(2000 + i, third, '2025-06-01');

  // Letters for most of the 二等功 awards, received on a few days; some move on, some close.
  const letters = [];
  for (let i = 0; i < LETTERS; i++) letters.push(await h.ok('letters.create', { awardId: seconds[i]!.id, receivedOn: receivedOn(i), familyAddress: `惠民县${i}号` }, h.clerk));
  for (const l of letters.slice(0, 12)) await h.ok('letters.register', { id: l.id }, h.clerk);
  for (const l of letters.slice(0, 5)) {
    await h.ok('letters.verify', { id: l.id }, h.reviewer);
    await h.ok('letters.deliver', { id: l.id, deliveredOn: '2026-11-23', deliveredBy: '局长' }, h.clerk);
  }
  for (const l of letters.slice(20, 23)) await h.ok('letters.cancel', { id: l.id, reason: '重复登记' }, h.clerk);
}, 120_000);
afterAll(() => h.dispose());

/** The register's order: newest award first, undated ones last, then the highest id. */
const awardOrder = (a: AwardRow, b: AwardRow) => (a.awardDate === b.awardDate ? b.id - a.id : a.awardDate === null ? 1 : b.awardDate === null ? -1 : a.awardDate < b.awardDate ? 1 : -1);
const OPEN = new Set(['received', 'registered', 'verified']);
/** The letters' order: open ones by deadline, then closed ones; the latest received first, then the highest id. */
const letterOrder = (a: LetterRow, b: LetterRow) => {
  const [ao, bo] = [OPEN.has(a.status), OPEN.has(b.status)];
  if (ao !== bo) return ao ? -1 : 1;
  if (ao && a.dueOn !== b.dueOn) return a.dueOn < b.dueOn ? -1 : 1;
  if (a.receivedOn !== b.receivedOn) return a.receivedOn < b.receivedOn ? 1 : -1;
  return b.id - a.id;
};

describe('an award bar of more than a page and the register it opens', () => {
  it('pages of 200 with the bar’s filter: the bar’s rows exactly, each once, and the bar’s count', async () => {
    const { years, classes, count } = awardBars((await h.ok('statistics.awards', {}, h.readonly)).byClassYear);
    const bars = classes.flatMap((cls) => years.map((year) => ({ cls, year, counted: count(cls.id, year) }))).filter((b) => b.counted > 0);
    expect(bars.map((b) => [b.cls.name, b.year, b.counted])).toEqual([
      ['二等功', 2026, SECOND_2026],
      ['三等功', 2025, THIRD_2025],
      ['三等功', null, THIRD_UNDATED],
    ]);
    for (const { cls, year, counted } of bars) {
      const list = await allAwards(h, awardsInput(awardFilterFromHash(`#${awardBarPath(cls.id, year)}`)), 200);
      expect({ bar: `${cls.name} ${year}`, rows: list.rows.length, count: list.count, pages: list.pages }).toEqual({ bar: `${cls.name} ${year}`, rows: counted, count: counted, pages: Math.ceil(counted / 200) });
      for (const r of list.rows) expect([r.className, r.awardDate === null ? null : Number(r.awardDate.slice(0, 4))]).toEqual([cls.name, year]);
      expect(list.rows).toEqual([...list.rows].sort(awardOrder));
    }
  });

  it('the whole register in small pages: every award once, in the register’s order across equal dates and into the undated ones', async () => {
    const all = await allAwards(h, {}, 7);
    const total = SECOND_2026 + THIRD_UNDATED + THIRD_2025;
    expect([all.rows.length, all.count]).toEqual([total, total]);
    expect(all.rows).toEqual([...all.rows].sort(awardOrder));
    // A search pages the same way.
    const units = await allAwards(h, { query: '连' }, 13);
    expect(units.rows.length).toBe(units.count);
    expect(units.rows.every((r) => r.recipientKind === 'unit')).toBe(true);
    expect(units.count).toBe([...Array(SECOND_2026).keys(), ...Array.from({ length: THIRD_UNDATED }, (_, i) => 1000 + i), 2000, 2001, 2002].filter((i) => i % 3 === 0).length);
  });
});

describe('a letter slice of more than a page and the letters it opens', () => {
  it('pages of 200 with the slice’s filter: the slice’s letters exactly, each once, and its count', async () => {
    const stats = await h.ok('statistics.letters', {}, h.readonly);
    const slices = letterSlices(stats);
    expect(slices.map((s) => [s.status, s.count])).toEqual([
      ['received', LETTERS - 12 - 3],
      ['registered', 7],
      ['delivered', 5],
      ['cancelled', 3],
    ]);
    for (const slice of slices) {
      const list = await allLetters(h, lettersInput(letterFilterFromHash(`#${letterSlicePath(slice.status)}`)), 200);
      expect({ status: slice.status, rows: list.rows.length, count: list.count }).toEqual({ status: slice.status, rows: slice.count, count: slice.count });
      expect(list.rows.every((r) => r.status === slice.status)).toBe(true);
      expect(list.rows).toEqual([...list.rows].sort(letterOrder));
    }
    // The overdue and due-soon chips, the overdue one more than a page.
    expect(stats.overdue).toBeGreaterThan(200);
    expect(stats.dueSoon).toBeGreaterThan(0);
    for (const due of ['overdue', 'dueSoon'] as const) {
      const list = await allLetters(h, lettersInput(letterFilterFromHash(`#${lettersPath({ due })}`)), 200);
      expect({ due, rows: list.rows.length, count: list.count }).toEqual({ due, rows: stats[due], count: stats[due] });
    }
  });

  it('all letters in small pages: each once, open ones by deadline first, then the closed ones', async () => {
    const all = await allLetters(h, {}, 9);
    expect([all.rows.length, all.count]).toEqual([LETTERS, LETTERS]);
    expect(all.rows).toEqual([...all.rows].sort(letterOrder));
    const open = await allLetters(h, { due: 'open' }, 200);
    expect(open.rows.map((r) => r.id)).toEqual(all.rows.filter((r) => OPEN.has(r.status)).map((r) => r.id));
  });
});

describe('the pages’ input', () => {
  it('refuses a page of more than 200 rows and a cursor that is not one', async () => {
    expect(await h.core.call('awards.list', { limit: 201 }, h.readonly)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await h.core.call('letters.list', { limit: 201 }, h.readonly)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await h.core.call('awards.list', { after: { awardDate: '2026-13-01', id: 1 } }, h.readonly)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await h.core.call('letters.list', { after: { dueOn: null, id: 1 } } as never, h.readonly)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // Offset paging is gone: a page starts after a row, never at a position.
    expect(await h.core.call('awards.list', { offset: 200 } as never, h.readonly)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
