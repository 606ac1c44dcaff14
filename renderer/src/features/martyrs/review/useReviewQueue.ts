/**
 * The review queue around the record being reviewed: its position, and which record to open next
 * once it is verified, returned or skipped (the one after it in the queue, else the first).
 */
import { useCallback, useEffect, useState } from 'react';
import type { MartyrRow } from '../../../../../shared/contract';
import { useClient } from '../../../app/clientContext';

const QUEUE_WINDOW = 200;

export interface ReviewQueue {
  rows: MartyrRow[];
  count: number;
  countCapped: boolean;
  /** The record to open after `id` (skipping it); null when the queue holds nothing else. */
  nextAfter: (id: number, skip: boolean) => Promise<number | null>;
}

export function useReviewQueue(enabled: boolean): ReviewQueue {
  const client = useClient();
  const [state, setState] = useState<{ rows: MartyrRow[]; count: number; countCapped: boolean }>({ rows: [], count: 0, countCapped: false });

  const load = useCallback(async () => {
    const result = await client.call('martyrs.reviewQueue', { limit: QUEUE_WINDOW });
    if (!result.ok) return null;
    const value = { rows: result.value.rows, count: result.value.count, countCapped: result.value.countCapped };
    setState(value);
    return value;
  }, [client]);

  useEffect(() => {
    if (enabled) void load();
  }, [enabled, load]);

  const nextAfter = useCallback(
    async (id: number, skip: boolean) => {
      const before = state.rows;
      const fresh = await load();
      const rows = fresh?.rows ?? before;
      const at = before.findIndex((r) => r.id === id);
      const candidates = rows.filter((r) => r.id !== id);
      if (candidates.length === 0) return null;
      // The first record that followed this one and is still waiting; else the first waiting.
      const after = at >= 0 ? before.slice(at + 1).find((r) => candidates.some((c) => c.id === r.id)) : undefined;
      if (after) return after.id;
      return skip && at >= 0 ? (candidates.find((c) => before.findIndex((r) => r.id === c.id) > at)?.id ?? candidates[0]!.id) : candidates[0]!.id;
    },
    [state.rows, load],
  );

  return { ...state, nextAfter };
}
