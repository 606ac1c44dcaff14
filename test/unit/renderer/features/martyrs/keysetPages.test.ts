import { describe, expect, it } from 'vitest';
import { CHAIN_PAGES, KeysetPages, type PageResult, type SeekResult } from '../../../../../renderer/src/features/martyrs/list/keysetPages';

const CAP = 10_000;

/** A fake roll of `total` rows answered by keyset: the cursor is the index of the next row. */
function answer(total: number, size: number, after: string | undefined): PageResult<number> {
  const from = after === undefined ? 0 : Number(after);
  const rows = Array.from({ length: Math.max(0, Math.min(size, total - from)) }, (_, i) => from + i);
  const next = from + rows.length;
  return { rows, count: Math.min(total, CAP), countCapped: total > CAP, nextCursor: rows.length === size ? String(next) : null };
}

/** martyrs.seek on the fake roll (`reach`: how deep a capped text search can seek). */
function seekAnswer(total: number, position: number, capped = false): SeekResult {
  const limit = capped ? Math.min(total, CAP) : total;
  const at = Math.max(0, Math.min(position, limit - 1));
  return { after: at === 0 ? null : String(at), position: at, total: limit, totalCapped: capped && total > CAP };
}

function fetchInto(pages: KeysetPages<number>, total: number, page: number, centre = page) {
  const cursor = pages.cursorOf(page);
  if (cursor === null) throw new Error(`no cursor for page ${page}`);
  pages.begin(page);
  pages.accept(page, answer(total, pages.pageSize, cursor), centre);
}

/** Does what the hook does for rows [from, to) until nothing more is wanted; returns the calls made. */
function settle(pages: KeysetPages<number>, total: number, from: number, to: number, canSeek: boolean, capped = false) {
  const calls = { fetches: 0, seeks: 0 };
  for (let guard = 0; guard < 1000; guard++) {
    const wanted = pages.wanted(from, to, canSeek);
    if (wanted.fetch.length === 0 && wanted.seek === null) return calls;
    for (const p of wanted.fetch) {
      fetchInto(pages, total, p, Math.floor(from / pages.pageSize));
      calls.fetches++;
    }
    if (wanted.seek !== null) {
      pages.beginSeek(wanted.seek);
      pages.acceptSeek(wanted.seek, seekAnswer(total, wanted.seek * pages.pageSize, capped), Math.floor(from / pages.pageSize));
      calls.seeks++;
    }
  }
  throw new Error('never settles');
}

describe('the roll in memory, page by page by keyset', () => {
  it('asks for the first page, then for each next page with the cursor of the one before', () => {
    const pages = new KeysetPages<number>(50, 40);
    expect(pages.wanted(0, 20)).toEqual({ fetch: [0], seek: null });
    fetchInto(pages, 120, 0);
    expect(pages.rowCount).toBe(120);
    expect(pages.count).toBe(120);
    expect(pages.wanted(0, 20).fetch).toEqual([]);
    expect(pages.wanted(40, 60).fetch).toEqual([1]);
    expect(pages.cursorOf(1)).toBe('50');
    expect(pages.cursorOf(2)).toBeNull();
    fetchInto(pages, 120, 1);
    fetchInto(pages, 120, 2);
    expect(pages.exhausted).toBe(true);
    expect(pages.wanted(100, 130).fetch).toEqual([]);
    expect(pages.row(119)).toBe(119);
    expect(pages.row(120)).toBeUndefined();
  });

  it('never asks twice for a page already on its way, nor for two seeks at once', () => {
    const pages = new KeysetPages<number>(50, 40);
    pages.begin(0);
    expect(pages.wanted(0, 10).fetch).toEqual([]);
    pages.fail(0);
    expect(pages.wanted(0, 10).fetch).toEqual([0]);
    fetchInto(pages, 2_000_000, 0);
    // Before the total is known, the list spans what the count says.
    expect(pages.rowCount).toBe(CAP);
    expect(pages.wanted(1_000_000, 1_000_030, true).seek).toBe(CAP / 50 - 1);
    settle(pages, 2_000_000, 0, 30, true);
    const far = pages.wanted(1_000_000, 1_000_030, true);
    expect(far.seek).toBe(20_000);
    pages.beginSeek(far.seek!);
    expect(pages.wanted(1_500_000, 1_500_030, true).seek).toBeNull();
    pages.seekFailed();
    expect(pages.wanted(1_500_000, 1_500_030, true).seek).toBe(30_000);
  });

  it('keeps at most maxPages pages of rows, dropping the farthest, and fetches them again by their cursor', () => {
    const pages = new KeysetPages<number>(10, 5);
    for (let p = 0; p < 12; p++) fetchInto(pages, 1000, p);
    expect(pages.loadedPages).toBe(5);
    expect(pages.row(5)).toBeUndefined();
    expect(pages.row(115)).toBe(115);
    expect(pages.wanted(0, 10).fetch).toEqual([0]);
    expect(pages.cursorOf(0)).toBeUndefined();
    fetchInto(pages, 1000, 0, 0);
    expect(pages.row(5)).toBe(5);
    expect(pages.wanted(30, 45).fetch).toEqual([3, 4]);
    expect(pages.cursorOf(4)).toBe('40');
  });

  it('refresh forgets the rows but keeps the cursors', () => {
    const pages = new KeysetPages<number>(10, 5);
    fetchInto(pages, 30, 0);
    fetchInto(pages, 30, 1);
    pages.invalidate();
    expect(pages.rowCount).toBe(30);
    expect(pages.row(3)).toBeUndefined();
    expect(pages.wanted(0, 20).fetch).toEqual([0, 1]);
    expect(pages.indexOf((r) => r === 3)).toBe(-1);
    fetchInto(pages, 30, 0);
    expect(pages.indexOf((r) => r === 3)).toBe(3);
  });

  it('an empty result is exhausted at once', () => {
    const pages = new KeysetPages<number>(50, 40);
    fetchInto(pages, 0, 0);
    expect(pages.started).toBe(true);
    expect(pages.rowCount).toBe(0);
    expect(pages.exhausted).toBe(true);
    expect(pages.wanted(0, 30)).toEqual({ fetch: [], seek: null });
  });
});

describe('a roll past the count cap: the total from a seek, far pages by seeking', () => {
  const TOTAL = 2_000_000;

  it('the count says 10,000+; a seek brings the exact total, and the list spans it', () => {
    const pages = new KeysetPages<number>();
    fetchInto(pages, TOTAL, 0);
    expect(pages.countCapped).toBe(true);
    expect(pages.rowCount).toBe(CAP);
    const calls = settle(pages, TOTAL, 0, 30, true);
    expect(calls).toEqual({ fetches: 0, seeks: 1 });
    expect(pages.rowCount).toBe(TOTAL);
  });

  it('End: the last page is sought and fetched, not the 39,999 pages before it', () => {
    const pages = new KeysetPages<number>();
    fetchInto(pages, TOTAL, 0);
    settle(pages, TOTAL, 0, 30, true);
    const calls = settle(pages, TOTAL, TOTAL - 20, TOTAL, true);
    expect(calls).toEqual({ fetches: 1, seeks: 1 });
    expect(pages.row(TOTAL - 1)).toBe(TOTAL - 1);
    expect(pages.row(TOTAL - 50)).toBe(TOTAL - 50);
    // Home again: the first page's cursor is always known.
    pages.invalidate();
    expect(settle(pages, TOTAL, 0, 30, true)).toEqual({ fetches: 1, seeks: 1 });
    expect(pages.row(0)).toBe(0);
  });

  it('a range across two pages after a jump: one seek, then the next page by the cursor the first brings', () => {
    const pages = new KeysetPages<number>();
    fetchInto(pages, TOTAL, 0);
    settle(pages, TOTAL, 0, 30, true);
    const calls = settle(pages, TOTAL, 1_234_540, 1_234_575, true);
    expect(calls).toEqual({ fetches: 2, seeks: 1 });
    for (const i of [1_234_540, 1_234_549, 1_234_550, 1_234_574]) expect(pages.row(i)).toBe(i);
  });

  it('a page a little past the known ones is reached by fetching those between, not by a seek', () => {
    const pages = new KeysetPages<number>();
    fetchInto(pages, TOTAL, 0);
    settle(pages, TOTAL, 0, 30, true);
    const calls = settle(pages, TOTAL, CHAIN_PAGES * 50, CHAIN_PAGES * 50 + 10, true);
    expect(calls).toEqual({ fetches: CHAIN_PAGES, seeks: 0 });
  });

  it('without a seek (the review queue), a far page is reached by paging forward', () => {
    const pages = new KeysetPages<number>(50, 40);
    fetchInto(pages, 6_000, 0);
    expect(pages.rowCount).toBe(6_000);
    const calls = settle(pages, 6_000, 5_990, 6_000, false);
    expect(calls.seeks).toBe(0);
    expect(calls.fetches).toBe(119);
    expect(pages.row(5_999)).toBe(5_999);
    expect(pages.loadedPages).toBeLessThanOrEqual(40);
  });

  it('whatever is scrolled, rows and cursors in memory stay bounded', () => {
    const pages = new KeysetPages<number>(50, 40, 300);
    fetchInto(pages, TOTAL, 0);
    for (let row = 0; row < 100_000; row += 37) settle(pages, TOTAL, row, row + 30, true);
    for (let row = 0; row < TOTAL; row += 99_991) settle(pages, TOTAL, row, row + 30, true);
    expect(pages.loadedPages).toBeLessThanOrEqual(40);
    expect(pages.knownCursors).toBeLessThanOrEqual(300);
    expect(pages.rowCount).toBe(TOTAL);
  });

  it('refresh asks the total again (records may have been added), keeping the list’s length meanwhile', () => {
    const pages = new KeysetPages<number>();
    fetchInto(pages, TOTAL, 0);
    settle(pages, TOTAL, 0, 30, true);
    pages.invalidate();
    expect(pages.rowCount).toBe(TOTAL);
    expect(pages.wanted(0, 30, true)).toEqual({ fetch: [0], seek: 0 });
    settle(pages, TOTAL + 3, 0, 30, true);
    expect(pages.rowCount).toBe(TOTAL + 3);
  });

  it('a capped text search: the total stays unknown, the list grows past 10,000 page by page', () => {
    const HITS = 25_000;
    const pages = new KeysetPages<number>();
    fetchInto(pages, HITS, 0);
    expect(settle(pages, HITS, 0, 30, true, true).seeks).toBe(1);
    expect(pages.totalCapped).toBe(true);
    expect(pages.rowCount).toBe(CAP);
    // Known beforehand (the list knows it is a text search): no seek for a total, nor after a refresh.
    const known = new KeysetPages<number>();
    known.totalCapped = true;
    fetchInto(known, HITS, 0);
    expect(settle(known, HITS, 0, 30, true, true)).toEqual({ fetches: 0, seeks: 0 });
    known.invalidate();
    expect(settle(known, HITS, 0, 30, true, true)).toEqual({ fetches: 1, seeks: 0 });
    // End: the last of the 10,000 counted is sought.
    settle(pages, HITS, CAP - 20, CAP, true, true);
    expect(pages.row(CAP - 1)).toBe(CAP - 1);
    expect(pages.rowCount).toBe(CAP + 1);
    // Further on, page after page (a seek cannot go past the cap).
    const calls = settle(pages, HITS, CAP + 100, CAP + 130, true, true);
    expect(calls.fetches).toBe(3);
    expect(pages.row(CAP + 120)).toBe(CAP + 120);
  });
});
