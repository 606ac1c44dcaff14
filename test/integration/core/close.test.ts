/**
 * core.close leaves nothing behind that keeps the process alive. Found by the crash test
 * (test/stress): every child lingered 5 s after its work because JobRunner.close's grace timer
 * for running jobs was never cleared — the same 5 s on every quit of the web host or a tool.
 */
import { describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../support/tempCore';

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('core.close', () => {
  it('leaves no timer running, after a job or none', async () => {
    const t = await makeSetUpCore();
    const before = timers();
    const { jobId } = await t.ok('martyrs.export', { query: '', sort: 'strokeSurname' }, t.admin);
    await t.core.jobs.wait(jobId);
    await t.dispose();
    expect(timers()).toBeLessThanOrEqual(before);
  });
});
