/**
 * The roll's rows in memory, page by page, fetched by keyset cursor (never an offset): page i is
 * fetched with the cursor that came back with page i − 1. The cursors of every page seen are kept
 * (a few dozen bytes each), the rows of at most MAX_PAGES pages: pages far from what is on screen
 * are dropped and fetched again with their cursor when scrolled back to. So the whole roll can be
 * scrolled while a few thousand rows at most are held. Pure: no React, no client.
 */

export const PAGE_SIZE = 50;
/** At most this many pages of rows stay in memory (2,000 rows). */
export const MAX_PAGES = 40;

export interface PageResult<R> {
  rows: R[];
  count: number;
  countCapped: boolean;
  nextCursor: string | null;
}

export class KeysetPages<R> {
  /** Rows of each page seen so far; null once dropped from memory. */
  private pages: (R[] | null)[] = [];
  /** The cursor that fetches page i (undefined for the first page). */
  private cursors: (string | undefined)[] = [undefined];
  private lastLength = 0;
  /** The last page seen said there is nothing after it. */
  exhausted = false;
  /** A first answer has arrived (count is known). */
  started = false;
  count = 0;
  countCapped = false;
  private readonly pending = new Set<number>();

  constructor(readonly pageSize = PAGE_SIZE, readonly maxPages = MAX_PAGES) {}

  /** Rows whose position is known (loaded now or before). */
  get knownRows(): number {
    return this.pages.length === 0 ? 0 : (this.pages.length - 1) * this.pageSize + this.lastLength;
  }

  get loadedPages(): number {
    return this.pages.filter((p) => p !== null).length;
  }

  /** The row at a position, if its page is in memory. */
  row(index: number): R | undefined {
    const page = this.pages[Math.floor(index / this.pageSize)];
    return page ? page[index % this.pageSize] : undefined;
  }

  isPending(page: number): boolean {
    return this.pending.has(page);
  }

  /**
   * The pages to fetch so that rows [from, to) can be shown: those not in memory whose cursor is
   * known, and the next page when the range reaches the end of what is known.
   */
  wanted(from: number, to: number): number[] {
    const out: number[] = [];
    const first = Math.max(0, Math.floor(from / this.pageSize));
    const last = Math.floor(Math.max(from, to - 1) / this.pageSize);
    for (let p = first; p <= last; p++) {
      if (p < this.pages.length) {
        if (this.pages[p] === null && !this.pending.has(p)) out.push(p);
      } else if (p === this.pages.length && !this.exhausted && !this.pending.has(p) && this.cursors.length > p) {
        out.push(p);
      }
    }
    if (this.pages.length === 0 && !this.pending.has(0) && !out.includes(0)) out.unshift(0);
    return out;
  }

  /** The cursor to fetch a page with; null when it is not known yet. */
  cursorOf(page: number): string | undefined | null {
    return page < this.cursors.length ? this.cursors[page] : null;
  }

  begin(page: number): void {
    this.pending.add(page);
  }

  fail(page: number): void {
    this.pending.delete(page);
  }

  /** Takes a fetched page; `centre` is the page on screen (for dropping far pages). */
  accept(page: number, result: PageResult<R>, centre = page): void {
    this.pending.delete(page);
    if (page > this.pages.length) return;
    this.pages[page] = result.rows;
    this.count = result.count;
    this.countCapped = result.countCapped;
    this.started = true;
    const isLast = page === this.pages.length - 1;
    if (isLast) {
      this.lastLength = result.rows.length;
      this.exhausted = result.nextCursor === null || result.rows.length < this.pageSize;
    }
    if (result.nextCursor !== null && (page + 1 >= this.cursors.length || isLast)) this.cursors[page + 1] = result.nextCursor;
    this.evict(centre);
  }

  /** Drops the rows of the pages farthest from `centre` until at most maxPages remain. */
  evict(centre: number): void {
    const loaded = this.pages.map((p, i) => (p ? i : -1)).filter((i) => i >= 0);
    if (loaded.length <= this.maxPages) return;
    loaded.sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const i of loaded.slice(0, loaded.length - this.maxPages)) this.pages[i] = null;
  }

  /** Forgets the rows (not the cursors) so the pages on screen are fetched again. */
  invalidate(): void {
    this.pages = this.pages.map(() => null);
  }

  /** The index of a row by id among the rows in memory, or -1. */
  indexOf(match: (row: R) => boolean): number {
    for (let p = 0; p < this.pages.length; p++) {
      const rows = this.pages[p];
      const i = rows ? rows.findIndex(match) : -1;
      if (i >= 0) return p * this.pageSize + i;
    }
    return -1;
  }
}
