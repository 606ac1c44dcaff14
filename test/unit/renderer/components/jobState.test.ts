import { describe, expect, it } from 'vitest';
import type { Job } from '../../../../shared/contract';
import { isFinished, isLoadSummary, newer } from '../../../../renderer/src/components/jobState';

const job = (patch: Partial<Job>): Job => ({
  id: 1,
  kind: 'divisions.loadBuiltIn',
  status: 'running',
  done: 0,
  total: 100,
  phase: 'writing',
  startedBy: 'admin',
  startedById: 1,
  startedAt: '2026-01-01T00:00:00Z',
  finishedAt: null,
  error: null,
  result: null,
  ...patch,
});

describe('merging job events with polls', () => {
  it('never steps back to fewer rows done', () => {
    expect(newer(job({ done: 50 }), job({ done: 40 })).done).toBe(50);
    expect(newer(job({ done: 50 }), job({ done: 60 })).done).toBe(60);
    expect(newer(null, job({ done: 5 })).done).toBe(5);
  });
  it('keeps a finished state once seen', () => {
    const done = job({ status: 'done', done: 100 });
    expect(newer(done, job({ done: 99 }))).toBe(done);
    expect(newer(job({ done: 99 }), done)).toBe(done);
    expect(isFinished(done)).toBe(true);
    expect(isFinished(job({}))).toBe(false);
    expect(isFinished(null)).toBe(false);
  });
  it('recognizes a load summary', () => {
    expect(isLoadSummary({ total: 3, inserted: 2, unchanged: 1 })).toBe(true);
    expect(isLoadSummary({ total: 3 })).toBe(false);
    expect(isLoadSummary(null)).toBe(false);
  });
});
