import { describe, expect, it } from 'vitest';
import { makeSetUpCore, sourceWorker } from '../../support/tempCore';

describe('a job that needs more memory than a job may use', () => {
  it('fails with a message that says so, and the application goes on', async () => {
    const t = await makeSetUpCore({ worker: { ...sourceWorker, heapLimitMb: 8 } });
    try {
      const { jobId } = await t.ok('divisions.loadBuiltIn', { countyCode: '310115000000' }, t.admin);
      const job = await t.core.jobs.wait(jobId);
      expect(job).toMatchObject({ status: 'failed', error: { code: 'INTERNAL', message: { en: expect.stringContaining('more memory') } } });
      expect((await t.ok('divisions.stats', {}, t.admin)).byLevel.length).toBeGreaterThan(0);
    } finally {
      await t.dispose();
    }
  });
});
