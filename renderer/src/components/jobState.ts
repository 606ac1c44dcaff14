/** Pure rules of the job progress display: merging events with polls, reading a result. */
import type { Job } from '../../../shared/contract';

export const isFinished = (job: Job | null): boolean => job !== null && job.status !== 'running';

/** Events and polls may cross: never step back from a finished state or to fewer rows done. */
export function newer(previous: Job | null, next: Job): Job {
  if (!previous) return next;
  if (isFinished(previous)) return previous;
  if (isFinished(next)) return next;
  return next.done >= previous.done || next.total !== previous.total ? next : previous;
}

export interface LoadSummary {
  total: number;
  inserted: number;
  unchanged: number;
}

export function isLoadSummary(value: unknown): value is LoadSummary {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.total === 'number' && typeof v.inserted === 'number' && typeof v.unchanged === 'number';
}
