/**
 * A keyset-paged list for React: holds one KeysetPages per query (the `queryKey`), fetches the
 * pages a visible range needs, ignores answers that arrive for an older query, and can refresh
 * what is in memory (after returning from a record, after a status change).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, Result } from '../../../../../shared/contract';
import { KeysetPages, type PageResult } from './keysetPages';

export type FetchPage<R> = (after: string | undefined) => Promise<Result<PageResult<R>>>;

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

export function useKeysetList<R>(queryKey: string, fetchPage: FetchPage<R>, enabled = true, initial?: () => KeysetPages<R> | null): KeysetList<R> {
  // Each query has its own pages and the fetch function made for it: a page is never fetched for
  // one query with another's function (children's effects run before this component's).
  const [state, setState] = useState(() => ({ key: queryKey, pages: initial?.() ?? new KeysetPages<R>(), fetch: fetchPage }));
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const centreRef = useRef(0);

  // A new query starts from nothing.
  let current = state;
  if (state.key !== queryKey) {
    current = { key: queryKey, pages: new KeysetPages<R>(), fetch: fetchPage };
    setState(current);
    setError(null);
  }
  const { pages, fetch } = current;

  const load = useCallback((store: KeysetPages<R>, fetchFor: FetchPage<R>, page: number) => {
    const cursor = store.cursorOf(page);
    if (cursor === null) return;
    store.begin(page);
    void fetchFor(cursor).then((result) => {
      if (!result.ok) {
        store.fail(page);
        setError(result.error);
        setVersion((v) => v + 1);
        return;
      }
      setError(null);
      store.accept(page, result.value, centreRef.current);
      setVersion((v) => v + 1);
    });
  }, []);

  const ensure = useCallback(
    (from: number, to: number) => {
      if (!enabled) return;
      centreRef.current = Math.floor(from / pages.pageSize);
      for (const page of pages.wanted(from, to)) load(pages, fetch, page);
    },
    [enabled, pages, fetch, load],
  );

  const refresh = useCallback(() => {
    pages.invalidate();
    setVersion((v) => v + 1);
  }, [pages]);

  // The first page of a new query comes without waiting for a scroll event.
  useEffect(() => {
    if (enabled && !pages.started && pages.wanted(0, 1).length > 0) load(pages, fetch, 0);
  }, [enabled, pages, fetch, load]);

  return { pages, version, error, ensure, refresh };
}
