import { describe, expect, it } from 'vitest';
import { KeysetPages, type PageResult } from '../../../../../renderer/src/features/martyrs/list/keysetPages';

/** A fake roll of `total` rows answered by keyset: the cursor is the index of the next row. */
function answer(total: number, size: number, after: string | undefined): PageResult<number> {
  const from = after === undefined ? 0 : Number(after);
  const rows = Array.from({ length: Math.max(0, Math.min(size, total - from)) }, (_, i) => from + i);
  const next = from + rows.length;
  return { rows, count: Math.min(total, 10_000), countCapped: total > 10_000, nextCursor: rows.length === size && next < total ? String(next) : null };
}

function fetchInto(pages: KeysetPages<number>, total: number, page: number, centre = page) {
  const cursor = pages.cursorOf(page);
  if (cursor === null) throw new Error(`no cursor for page ${page}`);
  pages.begin(page);
  pages.accept(page, answer(total, pages.pageSize, cursor), centre);
}

describe('the roll in memory, page by page by keyset', () => {
  it('asks for the first page, then for each next page with the cursor of the one before', () => {
    const pages = new KeysetPages<number>(50, 40);
    expect(pages.wanted(0, 20)).toEqual([0]);
    fetchInto(pages, 120, 0);
    expect(pages.knownRows).toBe(50);
    expect(pages.count).toBe(120);
    expect(pages.wanted(0, 20)).toEqual([]);
    expect(pages.wanted(40, 60)).toEqual([1]);
    expect(pages.cursorOf(1)).toBe('50');
    expect(pages.cursorOf(2)).toBeNull();
    fetchInto(pages, 120, 1);
    fetchInto(pages, 120, 2);
    expect(pages.knownRows).toBe(120);
    expect(pages.exhausted).toBe(true);
    expect(pages.wanted(100, 130)).toEqual([]);
    expect(pages.row(119)).toBe(119);
    expect(pages.row(120)).toBeUndefined();
  });

  it('never asks twice for a page already on its way', () => {
    const pages = new KeysetPages<number>(50, 40);
    pages.begin(0);
    expect(pages.wanted(0, 10)).toEqual([]);
    pages.fail(0);
    expect(pages.wanted(0, 10)).toEqual([0]);
  });

  it('keeps at most maxPages pages of rows, dropping the farthest, and fetches them again by their cursor', () => {
    const pages = new KeysetPages<number>(10, 5);
    for (let p = 0; p < 12; p++) fetchInto(pages, 1000, p);
    expect(pages.loadedPages).toBe(5);
    expect(pages.knownRows).toBe(120);
    expect(pages.row(5)).toBeUndefined();
    expect(pages.row(115)).toBe(115);
    expect(pages.wanted(0, 10)).toEqual([0]);
    expect(pages.cursorOf(0)).toBeUndefined();
    fetchInto(pages, 1000, 0, 0);
    expect(pages.row(5)).toBe(5);
    expect(pages.wanted(30, 45)).toEqual([3, 4]);
    expect(pages.cursorOf(4)).toBe('40');
  });

  it('refresh forgets the rows but keeps the cursors', () => {
    const pages = new KeysetPages<number>(10, 5);
    fetchInto(pages, 30, 0);
    fetchInto(pages, 30, 1);
    pages.invalidate();
    expect(pages.knownRows).toBe(20);
    expect(pages.row(3)).toBeUndefined();
    expect(pages.wanted(0, 20)).toEqual([0, 1]);
    expect(pages.indexOf((r) => r === 3)).toBe(-1);
    fetchInto(pages, 30, 0);
    expect(pages.indexOf((r) => r === 3)).toBe(3);
  });

  it('an empty result is exhausted at once', () => {
    const pages = new KeysetPages<number>(50, 40);
    fetchInto(pages, 0, 0);
    expect(pages.started).toBe(true);
    expect(pages.knownRows).toBe(0);
    expect(pages.exhausted).toBe(true);
    expect(pages.wanted(0, 30)).toEqual([]);
  });
});
