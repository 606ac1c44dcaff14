/**
 * 跳转: where a position of the roll's list is, so the list can jump there (the scrollbar dragged
 * far, End, a position typed in) without fetching every page before it. Returns the keyset cursor
 * from which `martyrs.search` reads that row on, and the number of rows the list holds.
 * - Without a text search: counted exactly and found by walking the order's index
 *   (db/martyrSeek.ts), from the nearer end.
 * - With a text search: the count is capped (COUNT_CAP), so positions are too, and the hits are
 *   paged forward with the list's own query (db/martyrSearch.ts) up to the position.
 */
import type { Db } from '../db/connection';
import { listMartyrs } from '../db/martyrSearch';
import { seekSelection } from '../db/martyrSeek';
import { encodeCursor, queryFromSearch, type SearchInput } from './search';

export interface Seek {
  after: string | null;
  position: number;
  total: number;
  totalCapped: boolean;
}

/** Rows read per step when paging forward through a text search. */
const STEP = 1000;

export function seekMartyrs(db: Db, input: SearchInput & { position: number }, cap: number): Seek {
  const q = queryFromSearch(input, STEP, null);
  if (q.match === null && !q.nameContains) {
    const found = seekSelection(db, q, input.position);
    return { after: encodeCursor(found.after), position: found.position, total: found.total, totalCapped: false };
  }
  return db.transaction(() => {
    const first = listMartyrs(db, { ...q, limit: 1 }, cap);
    const target = Math.max(0, Math.min(input.position, first.count - 1));
    let after: [string | number, number] | null = null;
    let position = 0;
    while (position < target) {
      const limit = Math.min(STEP, target - position);
      const page = listMartyrs(db, { ...q, limit, after }, cap);
      if (page.nextCursor === null) break;
      after = page.nextCursor;
      position += limit;
    }
    return { after: encodeCursor(after), position, total: first.count, totalCapped: first.countCapped };
  })();
}
