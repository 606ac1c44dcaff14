/**
 * A keyset-paged list for React: holds one KeysetPages per query (the `queryKey`), fetches the
 * pages a visible range needs — seeking far positions when the list can (`seek`), so a jump never
 * fetches the pages between — ignores answers that arrive for an older query, and can refresh
 * what is in memory (after returning from a record, after a status change).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, Result } from '../../../../../shared/contract';
import { KeysetPages, type PageResult, type SeekResult } from './keysetPages';

export type FetchPage<R> = (after: string | undefined) => Promise<Result<PageResult<R>>>;
/** The cursor of a position in the same query (martyrs.seek). */
export type SeekPosition = (position: number) => Promise<Result<SeekResult>>;

export interface KeysetList<R> {
  pages: KeysetPages<R>;
  /** Changes whenever rows arrive (for effects that depend on them). */
  version: number;
  error: ApiError | null;
  /** Fetch what rows [from, to) need. */
  ensure: (from: number, to: number) => void;
  /** Fetch again every page in memory (and the count). */
  refresh: () => void;
}

interface QueryState<R> {
  key: string;
  pages: KeysetPages<R>;
  fetch: FetchPage<R>;
  seek: SeekPosition | undefined;
}

export interface KeysetListOptions<R> {
  enabled?: boolean;
  /** Pages kept from before (the list as it was left). */
  initial?: () => KeysetPages<R> | null;
  /** Seeks positions in the same query; without it far pages are reached by paging forward. */
  seek?: SeekPosition;
  /** The seek cannot tell how many rows there are past the count's cap (a text search): do not ask it. */
  cappedTotal?: boolean;
}

export function useKeysetList<R>(queryKey: string, fetchPage: FetchPage<R>, options: KeysetListOptions<R> = {}): KeysetList<R> {
  const { enabled = true, initial, seek: seekPosition, cappedTotal = false } = options;
  const fresh = () => {
    const pages = new KeysetPages<R>();
    pages.totalCapped = cappedTotal;
    return pages;
  };
  // Each query has its own pages and the functions made for it: a page is never fetched for one
  // query with another's function (children's effects run before this component's).
  const [state, setState] = useState<QueryState<R>>(() => ({ key: queryKey, pages: initial?.() ?? fresh(), fetch: fetchPage, seek: seekPosition }));
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const centreRef = useRef(0);

  // A new query starts from nothing.
  let current = state;
  if (state.key !== queryKey) {
    current = { key: queryKey, pages: fresh(), fetch: fetchPage, seek: seekPosition };
    setState(current);
    setError(null);
  }
  const { pages, fetch, seek } = current;

  const failed = useCallback((e: ApiError) => {
    setError(e);
    setVersion((v) => v + 1);
  }, []);

  const load = useCallback(
    (store: KeysetPages<R>, fetchFor: FetchPage<R>, page: number) => {
      const cursor = store.cursorOf(page);
      if (cursor === null) return;
      store.begin(page);
      void fetchFor(cursor).then((result) => {
        if (!result.ok) {
          store.fail(page);
          return failed(result.error);
        }
        setError(null);
        store.accept(page, result.value, centreRef.current);
        setVersion((v) => v + 1);
      });
    },
    [failed],
  );

  const seekPage = useCallback(
    (store: KeysetPages<R>, seekFor: SeekPosition, page: number) => {
      store.beginSeek(page);
      void seekFor(page * store.pageSize).then((result) => {
        if (!result.ok) {
          store.seekFailed();
          return failed(result.error);
        }
        store.acceptSeek(page, result.value, centreRef.current);
        setVersion((v) => v + 1);
      });
    },
    [failed],
  );

  const ensure = useCallback(
    (from: number, to: number) => {
      if (!enabled) return;
      centreRef.current = Math.floor(from / pages.pageSize);
      const wanted = pages.wanted(from, to, seek !== undefined);
      for (const page of wanted.fetch) load(pages, fetch, page);
      if (wanted.seek !== null && seek) seekPage(pages, seek, wanted.seek);
    },
    [enabled, pages, fetch, seek, load, seekPage],
  );

  const refresh = useCallback(() => {
    pages.invalidate();
    setVersion((v) => v + 1);
  }, [pages]);

  // The first page of a new query comes without waiting for a scroll event.
  useEffect(() => {
    if (enabled && !pages.started && !pages.isPending(0)) load(pages, fetch, 0);
  }, [enabled, pages, fetch, load]);

  return { pages, version, error, ensure, refresh };
}
