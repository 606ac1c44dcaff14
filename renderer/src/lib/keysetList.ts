/**
 * A list read a page at a time by keyset (`awards.list`, `letters.list`): the rows so far, the
 * total the backend counted for the whole filter, and the cursor of the next page. Pure; the
 * hook that fetches is useKeysetPages.ts.
 */
export interface KeysetPage<Row, Cursor> {
  rows: readonly Row[];
  /** All the rows of the filter, not only those read. */
  count: number;
  /** Where the next page starts; null: this was the last. */
  next: Cursor | null;
}

export interface KeysetList<Row, Cursor> {
  /** The filter (search, list address) the rows belong to. */
  key: string;
  rows: readonly Row[];
  count: number;
  next: Cursor | null;
}

/** The list of `key` as its first page shows it. */
export function firstPage<Row, Cursor>(key: string, page: KeysetPage<Row, Cursor>): KeysetList<Row, Cursor> {
  return { key, rows: page.rows, count: page.count, next: page.next };
}

/**
 * The list with the page read after its last row. A page of another filter (the user changed it
 * while the page was under way) leaves it as it is. A row already shown is not shown twice (one
 * whose date was changed meanwhile can come round again); the count is the latest.
 */
export function withPage<Row extends { id: number }, Cursor>(list: KeysetList<Row, Cursor>, key: string, page: KeysetPage<Row, Cursor>): KeysetList<Row, Cursor> {
  if (list.key !== key) return list;
  const shown = new Set(list.rows.map((r) => r.id));
  return { key, rows: [...list.rows, ...page.rows.filter((r) => !shown.has(r.id))], count: page.count, next: page.next };
}
