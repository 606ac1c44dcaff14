import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import { ADMIN, makeSetUpCore, makeTestCore, tempDir } from '../../support/tempCore';
import { jobEnd } from './support';

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;

const disposers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const dispose of disposers.splice(0)) await dispose();
});

const integrityJobs = (core: Core) => core.jobs.list(50).filter((j) => j.kind === 'integrity.check');

describe('the weekly integrity check', () => {
  it('starts on its own once the data is 7 days old, not before, and then waits another week', async () => {
    const t = await makeSetUpCore();
    disposers.push(() => t.dispose());
    const dueAt = (await t.ok('integrity.status', {}, t.admin)).dueAt;
    expect(dueAt).toBe(new Date(Date.parse('2026-11-23T09:00:00.000Z') + 7 * DAY).toISOString());

    t.clock.advance(7 * DAY - 2 * MINUTE);
    await t.ok('auth.session', {}, t.admin);
    expect(integrityJobs(t.core)).toEqual([]);

    t.clock.advance(3 * MINUTE);
    await t.ok('auth.session', {}, t.admin);
    const [job] = integrityJobs(t.core);
    expect(job).toMatchObject({ status: 'running', startedById: null });
    await t.ok('auth.unlock', { password: ADMIN.password }, t.admin);
    const ended = await jobEnd(t, t.admin, job!.id);
    expect(ended.status, JSON.stringify(ended.error)).toBe('done');
    const status = await t.ok('integrity.status', {}, t.admin);
    expect(status.last).toMatchObject({ trigger: 'scheduled', startedById: null, outcome: 'ok', jobId: job!.id });
    const audit = await t.ok('audit.list', { entity: 'integrity', limit: 5 }, t.admin);
    expect(audit.entries[0]).toMatchObject({ action: 'check', username: 'system', after: { trigger: 'scheduled' } });

    // A day later the last check is recent: nothing starts.
    t.clock.advance(DAY);
    await t.ok('auth.session', {}, t.admin);
    expect(integrityJobs(t.core)).toHaveLength(1);
    // Seven days after that check, the next one.
    t.clock.advance(6 * DAY + 10 * MINUTE);
    await t.ok('auth.session', {}, t.admin);
    const jobs = integrityJobs(t.core);
    expect(jobs).toHaveLength(2);
    expect((await t.core.jobs.wait(jobs[0]!.id)).status).toBe('done');
  });

  it('starts when the application opens on data older than 7 days and never checked, unless left off', async () => {
    const dataDir = tempDir();
    disposers.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const first = makeTestCore({ dataDir });
    await first.ok('setup.createAdmin', { username: 'admin', displayName: '王管理', password: 'correct horse 1' }, first.core.openSession());
    await first.dispose();

    const sixDays = makeTestCore({ dataDir, clock: () => new Date(Date.parse('2026-11-29T09:00:00.000Z')) });
    expect(integrityJobs(sixDays.core)).toEqual([]);
    await sixDays.dispose();

    // Tools that open the data for a moment leave the schedule off.
    const tool = makeTestCore({ dataDir, integritySchedule: false, clock: () => new Date(Date.parse('2026-12-01T09:00:00.000Z')) });
    expect(integrityJobs(tool.core)).toEqual([]);
    await tool.dispose();

    const eightDays = makeTestCore({ dataDir, clock: () => new Date(Date.parse('2026-12-01T09:00:00.000Z')) });
    disposers.unshift(() => eightDays.dispose());
    const [job] = integrityJobs(eightDays.core);
    expect(job).toMatchObject({ kind: 'integrity.check', status: 'running' });
    expect((await eightDays.core.jobs.wait(job!.id)).status).toBe('done');
  });
});
