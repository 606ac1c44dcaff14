import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/contract';
import type { PersonRow } from '../../../../shared/contract/people';
import { useClient } from '../../app/clientContext';

const PAGE = 100;

/** People matching a search, by keyset pages of 100 (`people.search` `afterId`): the first page, then more on demand. */
export function usePeoplePages(query: string, version: number) {
  const client = useClient();
  const [state, setState] = useState<{ key: string; rows: PersonRow[]; next: number | null; error: ApiError | null }>({ key: '', rows: [], next: null, error: null });
  const key = `${query}#${version}`;

  useEffect(() => {
    let live = true;
    void client.call('people.search', { query, limit: PAGE }).then((r) => {
      if (live) setState(r.ok ? { key, rows: r.value.rows, next: r.value.nextAfterId, error: null } : { key, rows: [], next: null, error: r.error });
    });
    return () => {
      live = false;
    };
  }, [client, query, key]);

  const more = useCallback(async () => {
    if (state.next === null) return;
    const r = await client.call('people.search', { query, limit: PAGE, afterId: state.next });
    setState((s) => (s.key !== key ? s : r.ok ? { ...s, rows: [...s.rows, ...r.value.rows], next: r.value.nextAfterId } : { ...s, error: r.error }));
  }, [client, query, key, state.next]);

  return { rows: state.key === key ? state.rows : null, hasMore: state.key === key && state.next !== null, error: state.error, more };
}
