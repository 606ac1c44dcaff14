/**
 * Every row of the award register or of the letters for a filter, read the way the screens read
 * them: a keyset page at a time, each after the previous page's `next`. Checks on the way that
 * only the last page is short, that every page reports the same count and that no row comes twice.
 */
import { expect } from 'vitest';
import type { AwardCursor, LetterCursor, MethodInput } from '../../../shared/contract';
import type { Honors } from '../honors/support';

interface Page<Row, Cursor> {
  rows: Row[];
  count: number;
  next: Cursor | null;
}

async function pageThrough<Row extends { id: number }, Cursor>(read: (after: Cursor | null) => Promise<Page<Row, Cursor>>, limit: number) {
  const rows: Row[] = [];
  const counts = new Set<number>();
  let after: Cursor | null = null;
  let pages = 0;
  do {
    const page: Page<Row, Cursor> = await read(after);
    expect(page.rows.length).toBeLessThanOrEqual(limit);
    if (page.next) expect(page.rows.length).toBe(limit);
    rows.push(...page.rows);
    counts.add(page.count);
    after = page.next;
    pages++;
  } while (after);
  expect(counts.size).toBe(1);
  expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  return { rows, count: [...counts][0]!, pages };
}

export function allAwards(h: Honors, filter: Omit<MethodInput<'awards.list'>, 'limit' | 'after'>, limit: number) {
  return pageThrough((after: AwardCursor | null) => h.ok('awards.list', { ...filter, limit, ...(after ? { after } : {}) }, h.readonly), limit);
}

export function allLetters(h: Honors, filter: Omit<MethodInput<'letters.list'>, 'limit' | 'after'>, limit: number) {
  return pageThrough((after: LetterCursor | null) => h.ok('letters.list', { ...filter, limit, ...(after ? { after } : {}) }, h.readonly), limit);
}
