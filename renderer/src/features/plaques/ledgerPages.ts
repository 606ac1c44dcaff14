/**
 * Keyset paging of the ledger behind a paged grid: page n is read "after" the last row of page
 * n − 1, so a page costs the same at the start of a county's ledger as at its end. The grid moves
 * one page at a time (previous / next), and first / last jumps go through known cursors only.
 */
export interface LedgerCursor {
  divisionCode: string;
  householdId: number;
}

/** cursors[n] is where page n starts (undefined for the first page); null: not known yet. */
export type LedgerCursors = readonly (LedgerCursor | undefined)[];

export const firstPageCursors: LedgerCursors = [undefined];

/** Where `page` starts, if known. */
export function cursorFor(cursors: LedgerCursors, page: number): { known: true; after: LedgerCursor | undefined } | { known: false } {
  if (page < 0 || page >= cursors.length) return { known: false };
  return { known: true, after: cursors[page] };
}

/** After page `page` arrived with its `next`: the cursor of the page after it is known. */
export function withNext(cursors: LedgerCursors, page: number, next: LedgerCursor | null): LedgerCursors {
  if (next === null || page + 1 < cursors.length) return cursors;
  if (page !== cursors.length - 1) return cursors;
  return [...cursors, next];
}
