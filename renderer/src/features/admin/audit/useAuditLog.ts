/**
 * The audit log as pages for the grid, fetched by keyset: entries come newest first, and the next
 * batch starts before the smallest id loaded (`beforeId` = the previous `nextBeforeId`). Moving
 * to a page beyond what is loaded loads more; a change of filters starts again.
 */
import { useEffect, useState } from 'react';
import type { GridPaginationModel } from '@mui/x-data-grid';
import type { ApiError, AuditEntry } from '../../../../../shared/contract';
import { useClient } from '../../../app/clientContext';

export interface AuditFilters {
  userId?: number;
  entity?: string;
  action?: string;
  from?: string;
  to?: string;
}

interface Loaded {
  key: string;
  entries: AuditEntry[];
  total: number;
  nextBeforeId: number | null;
  error: ApiError | null;
}

const FIRST_BATCH = 100;
const DEFAULT_PAGE_SIZE = 50;

export function useAuditLog(filters: AuditFilters, version: number) {
  const client = useClient();
  const filterJson = JSON.stringify(filters);
  const key = `${filterJson}#${version}`;
  const [log, setLog] = useState<Loaded | null>(null);
  const [paging, setPaging] = useState({ key, page: 0, pageSize: DEFAULT_PAGE_SIZE });
  const model: GridPaginationModel = paging.key === key ? paging : { page: 0, pageSize: paging.pageSize };
  const wanted = (model.page + 1) * model.pageSize;
  const current = log?.key === key ? log : null;

  useEffect(() => {
    const fresh = current === null;
    if (!fresh && (current.entries.length >= wanted || current.nextBeforeId === null || current.error)) return;
    let live = true;
    const have = fresh ? 0 : current.entries.length;
    const limit = Math.min(500, Math.max(FIRST_BATCH, wanted - have));
    const input = { ...(JSON.parse(filterJson) as AuditFilters), limit, ...(fresh ? {} : { beforeId: current.nextBeforeId ?? undefined }) };
    void client.call('audit.list', input).then((result) => {
      if (!live) return;
      if (!result.ok) {
        setLog({ key, entries: fresh ? [] : current.entries, total: fresh ? 0 : current.total, nextBeforeId: null, error: result.error });
        return;
      }
      const entries = fresh ? result.value.entries : [...current.entries, ...result.value.entries];
      setLog({ key, entries, total: result.value.total, nextBeforeId: result.value.nextBeforeId, error: null });
    });
    return () => {
      live = false;
    };
  }, [client, key, filterJson, wanted, current]);

  const start = model.page * model.pageSize;
  const rows = current ? current.entries.slice(start, start + model.pageSize) : [];
  const complete = current !== null && (current.entries.length >= wanted || current.nextBeforeId === null);
  return {
    rows,
    total: current?.total ?? log?.total ?? 0,
    loading: !complete,
    error: current?.error ?? null,
    paginationModel: model,
    setPaginationModel: (next: GridPaginationModel) => setPaging({ key, page: next.pageSize === model.pageSize ? next.page : 0, pageSize: next.pageSize }),
  };
}
