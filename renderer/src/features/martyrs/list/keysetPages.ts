/**
 * The roll's rows in memory, page by page, fetched by keyset cursor (never an offset). Page i holds
 * rows [i × pageSize, (i + 1) × pageSize); it is fetched with the cursor that came back with page
 * i − 1 or, far from any page seen, with the cursor a seek (martyrs.seek) gives for its first row.
 * Bounded whatever the roll's size: the rows of at most `maxPages` pages and the cursors of at most
 * `maxCursors` pages are kept, those nearest the screen; the rest are fetched or sought again when
 * scrolled back to. Pure: no React, no client.
 *
 * How many rows the list spans (`rowCount`): the count while it is exact (under the backend's cap),
 * else the total a seek found; for a capped text search (no exact total) it grows as pages are seen.
 */

export const PAGE_SIZE = 50;
/** At most this many pages of rows stay in memory (2,000 rows). */
export const MAX_PAGES = 40;
/** At most this many pages' cursors stay in memory (some 100 bytes each). */
export const MAX_CURSORS = 2000;
/** A page this close after one whose cursor is known is reached by fetching the pages between; farther, by a seek. */
export const CHAIN_PAGES = 3;

export interface PageResult<R> {
  rows: R[];
  count: number;
  countCapped: boolean;
  nextCursor: string | null;
}

/** What martyrs.seek answers: the cursor of a position, the rows the list holds. */
export interface SeekResult {
  after: string | null;
  position: number;
  total: number;
  totalCapped: boolean;
}

export interface Wanted {
  /** Pages to fetch now, by their known cursor. */
  fetch: number[];
  /** A page whose cursor must be sought first (or whose seek also brings the total); null: none. */
  seek: number | null;
}

export class KeysetPages<R> {
  private readonly rowsOf = new Map<number, R[]>();
  /** The cursor that fetches page i (undefined: from the first row). */
  private readonly cursors = new Map<number, string | undefined>([[0, undefined]]);
  private readonly pending = new Set<number>();
  private seeking: number | null = null;
  /** Rows known to exist (past the last row seen). */
  private extent = 0;
  /** The last page has been seen. */
  exhausted = false;
  /** A first answer has arrived (count is known). */
  started = false;
  count = 0;
  countCapped = false;
  /** Exact number of rows, when known. */
  total: number | null = null;
  /** The total is capped too (a text search; set beforehand, or a seek said so): the list grows as pages are seen. */
  totalCapped = false;
  /** The total is to be asked again (after a refresh). */
  private totalStale = false;
  /** The last position a seek can reach, when it cannot reach them all (a capped text search). */
  private seekReach: number | null = null;

  constructor(
    readonly pageSize = PAGE_SIZE,
    readonly maxPages = MAX_PAGES,
    readonly maxCursors = MAX_CURSORS,
  ) {}

  /** Rows the list spans (loaded or not); a growing list has one more row while more may follow. */
  get rowCount(): number {
    if (!this.started) return 0;
    if (this.total !== null) return this.total;
    return Math.max(this.count, this.extent + (this.exhausted ? 0 : 1));
  }

  get loadedPages(): number {
    return this.rowsOf.size;
  }

  get knownCursors(): number {
    return this.cursors.size;
  }

  /** The row at a position, if its page is in memory. */
  row(index: number): R | undefined {
    return this.rowsOf.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  isPending(page: number): boolean {
    return this.pending.has(page);
  }

  get seekPending(): boolean {
    return this.seeking !== null;
  }

  /** The cursor to fetch a page with; null when it is not known. */
  cursorOf(page: number): string | undefined | null {
    return this.cursors.has(page) ? this.cursors.get(page) : null;
  }

  /**
   * What to do so that rows [from, to) can be shown: fetch the pages whose cursor is known; for the
   * first that has none, fetch the nearest page before it whose cursor is known when it is close or
   * nothing can seek (its answer brings the next cursor), else seek it. Also seeks when the total
   * is wanted. One seek at a time.
   */
  wanted(from: number, to: number, canSeek = false): Wanted {
    const fetch: number[] = [];
    let seek: number | null = null;
    if (!this.started) {
      if (!this.pending.has(0)) fetch.push(0);
      return { fetch, seek };
    }
    const rows = this.rowCount;
    const first = Math.max(0, Math.floor(Math.min(from, rows - 1) / this.pageSize));
    const last = Math.floor(Math.max(Math.min(to, rows) - 1, 0) / this.pageSize);
    let blocked = false;
    for (let p = first; p <= last; p++) {
      if (this.rowsOf.has(p) || this.pending.has(p)) continue;
      if (this.cursors.has(p)) {
        fetch.push(p);
        continue;
      }
      if (blocked || this.pending.has(p - 1) || fetch.includes(p - 1)) continue;
      blocked = true;
      const before = this.knownBefore(p);
      const seekable = canSeek && (this.seekReach === null || p * this.pageSize <= this.seekReach);
      const chain = before !== null && !this.rowsOf.has(before) && (p - before <= CHAIN_PAGES || !seekable);
      if (chain) {
        if (!this.pending.has(before) && !fetch.includes(before)) fetch.push(before);
      } else if (seekable) seek = p;
    }
    const wantTotal = canSeek && (this.totalStale || (this.countCapped && this.total === null && !this.totalCapped));
    if (seek === null && wantTotal) seek = first;
    if (this.seeking !== null) seek = null;
    return { fetch, seek };
  }

  /** The nearest page before `page` whose cursor is known. */
  private knownBefore(page: number): number | null {
    let best: number | null = null;
    for (const p of this.cursors.keys()) if (p < page && (best === null || p > best)) best = p;
    return best;
  }

  begin(page: number): void {
    this.pending.add(page);
  }

  fail(page: number): void {
    this.pending.delete(page);
  }

  beginSeek(page: number): void {
    this.seeking = page;
  }

  seekFailed(): void {
    this.seeking = null;
  }

  /** Takes a seek's answer for `page`: its cursor, and the total. */
  acceptSeek(page: number, result: SeekResult, centre = page): void {
    this.seeking = null;
    this.totalStale = false;
    this.totalCapped = result.totalCapped;
    if (!result.totalCapped) {
      this.total = result.total;
      this.exhausted = true;
    }
    if (result.position === page * this.pageSize) this.cursors.set(page, result.after ?? undefined);
    else if (result.totalCapped) this.seekReach = result.position;
    this.evict(centre);
  }

  /** Takes a fetched page; `centre` is the page on screen (for dropping far pages). */
  accept(page: number, result: PageResult<R>, centre = page): void {
    this.pending.delete(page);
    this.rowsOf.set(page, result.rows);
    this.count = result.count;
    this.countCapped = result.countCapped;
    this.started = true;
    if (!result.countCapped) this.total = result.count;
    const end = page * this.pageSize + result.rows.length;
    this.extent = Math.max(this.extent, end);
    if (result.nextCursor !== null && result.rows.length === this.pageSize) {
      this.cursors.set(page + 1, result.nextCursor);
    } else {
      // The last page: a growing list now knows its length.
      this.exhausted = true;
      if (this.total === null) this.total = end;
    }
    this.evict(centre);
  }

  /** Drops the rows and cursors of the pages farthest from `centre` beyond the limits. */
  evict(centre: number): void {
    const far = (keys: Iterable<number>, keep: number) => {
      const sorted = [...keys].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
      return sorted.slice(0, Math.max(0, sorted.length - keep));
    };
    if (this.rowsOf.size > this.maxPages) for (const p of far(this.rowsOf.keys(), this.maxPages)) this.rowsOf.delete(p);
    // The first page's cursor (none: from the start) is always kept.
    if (this.cursors.size > this.maxCursors) for (const p of far([...this.cursors.keys()].filter((p) => p !== 0), this.maxCursors - 1)) this.cursors.delete(p);
  }

  /** Forgets the rows (not the cursors) so the pages on screen are fetched again, and the total asked again. */
  invalidate(): void {
    this.rowsOf.clear();
    if (this.countCapped && !this.totalCapped) this.totalStale = true;
  }

  /** The index of a row among the rows in memory, or -1. */
  indexOf(match: (row: R) => boolean): number {
    for (const [p, rows] of this.rowsOf) {
      const i = rows.findIndex(match);
      if (i >= 0) return p * this.pageSize + i;
    }
    return -1;
  }
}
