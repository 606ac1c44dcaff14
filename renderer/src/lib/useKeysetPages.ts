/**
 * A list read by keyset pages: the first page whenever the filter (`key`) changes, the next one on
 * `more()` ("加载更多"). `count` is the backend's count of the whole filter, so the screen can say
 * "已显示 n 条，共 N 条" and the dashboard's numbers match it exactly.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, Result } from '../../../shared/contract';
import { firstPage, withPage, type KeysetList, type KeysetPage } from './keysetList';

export interface KeysetPages<Row> {
  /** The rows read so far (those of the previous filter until the new one's first page arrives); undefined before any. */
  rows: readonly Row[] | undefined;
  count: number | undefined;
  hasMore: boolean;
  /** The first page of the current filter is under way. */
  loading: boolean;
  loadingMore: boolean;
  error: ApiError | null;
  more: () => void;
}

/** `fetchPage` must change only with `key` (useCallback over the same input). */
export function useKeysetPages<Row extends { id: number }, Cursor>(key: string, fetchPage: (after: Cursor | undefined) => Promise<Result<KeysetPage<Row, Cursor>>>): KeysetPages<Row> {
  const [list, setList] = useState<KeysetList<Row, Cursor> | null>(null);
  const [error, setError] = useState<{ key: string; error: ApiError } | null>(null);
  // The filter whose next page is under way (shown as busy only while it is the current one).
  const [loadingMoreOf, setLoadingMoreOf] = useState<string | null>(null);
  // The page being read after a cursor, so a second click does not read it twice.
  const pending = useRef<string | null>(null);

  useEffect(() => {
    let live = true;
    pending.current = null;
    void fetchPage(undefined).then((r) => {
      if (!live) return;
      if (r.ok) {
        setList(firstPage(key, r.value));
        setError(null);
      } else setError({ key, error: r.error });
    });
    return () => {
      live = false;
    };
  }, [key, fetchPage]);

  const current = list?.key === key ? list : null;
  const next = current?.next ?? null;
  const more = useCallback(() => {
    if (next === null) return;
    const marker = `${key}|${JSON.stringify(next)}`;
    if (pending.current === marker) return;
    pending.current = marker;
    setLoadingMoreOf(key);
    void fetchPage(next).then((r) => {
      if (pending.current !== marker) return;
      pending.current = null;
      setLoadingMoreOf(null);
      if (r.ok) setList((l) => (l === null ? l : withPage(l, key, r.value)));
      else setError({ key, error: r.error });
    });
  }, [key, next, fetchPage]);

  return {
    rows: list?.rows,
    count: list?.count,
    hasMore: next !== null,
    loading: current === null && error?.key !== key,
    loadingMore: loadingMoreOf === key,
    error: error?.key === key ? error.error : null,
    more,
  };
}
