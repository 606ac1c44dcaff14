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


export function seekMartyrs(db: Db, input: SearchInput & { position: number }, cap: number): Seek {
  const q = queryFromSearch(input, 1, null);
  if (q.match === null && !q.nameContains) {
    const found = seekSelection(db, q, input.position);
    return { after: encodeCursor(found.after), position: found.position, total: found.total, totalCapped: false };
  }
  return db.transaction(() => {
    // One read of the rows before the position (at most `cap`, some MB for a moment): each read
    // of a search gathers its hits again, so one read of 9,999 beats ten of 1,000.
    const read = (limit: number) => listMartyrs(db, { ...q, limit: Math.max(1, limit) }, cap);
    let position = Math.min(input.position, cap - 1);
    let page = read(position);
    if (position > 0 && page.nextCursor === null) {
      // Past the end: the last row.
      position = Math.max(0, page.count - 1);
      if (position > 0) page = read(position);
    }
    const after = position > 0 ? page.nextCursor : null;
    return { after: encodeCursor(after), position: after ? position : 0, total: page.count, totalCapped: page.countCapped };
  })();
}
