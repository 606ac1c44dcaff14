/**
 * The daily automatic backup: started by the core host at start (and every hour) when today has
 * none, recorded in the settings and the audit log, old automatic backups rotated away; manual
 * backups in the same folder are never touched.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCoreHost, type CoreHost } from '../../../electron/core/backup/host';
import { backupFileName } from '../../../electron/core/backup/files';
import { REPO_RESOURCES, sourceWorker, tempDir } from '../../support/tempCore';
import { makeHost, setUp } from './support';

let root: string;
let dataDir: string;
const hosts: CoreHost[] = [];

beforeEach(() => {
  root = tempDir('guangrong-auto-');
  dataDir = join(root, 'data');
});
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
  rmSync(root, { recursive: true, force: true });
});

function withDailyCheck(now: Date): CoreHost {
  const host = openCoreHost({ dataDir, worker: sourceWorker, resourcesDir: REPO_RESOURCES, clock: () => now, version: '0.1.0-test', dailyCheckMs: 3_600_000, integritySchedule: false, logger: { warn: () => {}, error: () => {} } });
  hosts.push(host);
  return host;
}

async function automaticJobs(host: CoreHost) {
  const jobs = host.core!.jobs.list(20).filter((j) => j.kind === 'backup.create');
  return Promise.all(jobs.map((j) => host.core!.jobs.wait(j.id)));
}

describe('the daily automatic backup', () => {
  it('runs at start when today has none, once a day, and rotates the old automatic backups away', async () => {
    const first = makeHost(dataDir);
    await setUp(first);
    await first.host.close();

    // Old automatic backups in the folder: one a day for 40 days before today, and a manual one.
    const folder = join(dataDir, 'backups');
    mkdirSync(folder, { recursive: true });
    const today = new Date('2026-12-04T10:30:00.000Z');
    for (let d = 1; d <= 40; d++) writeFileSync(join(folder, backupFileName(new Date(today.getTime() - d * 86_400_000), 'daily')), 'old');
    const manual = backupFileName(new Date(today.getTime() - 90 * 86_400_000), 'manual');
    writeFileSync(join(folder, manual), 'manual');

    const host = withDailyCheck(today);
    const [job] = await automaticJobs(host);
    expect(job?.status, JSON.stringify(job?.error)).toBe('done');
    const file = (job!.result as { file: string }).file;
    expect(file).toMatch(/光荣自动备份-.*-daily\.grbak$/);

    const names = readdirSync(folder);
    expect(names).toContain(manual);
    const automatic = names.filter((n) => n.startsWith('光荣自动备份-'));
    // Today + 6 more days, and the newest of older weeks and months: far fewer than 41.
    expect(automatic.length).toBeLessThan(20);
    expect(automatic.length).toBeGreaterThanOrEqual(7);

    const session = host.openSession();
    await host.call('auth.login', { username: 'admin', password: 'correct horse 1' }, session);
    const settings = await host.call('backup.settings', {}, session);
    expect(settings).toMatchObject({ ok: true, value: { lastAutomaticFile: file } });
    const audit = await host.call('audit.list', { entity: 'backup', action: 'automatic' }, session);
    expect(audit.ok && audit.value.entries[0]?.after).toMatchObject({ reason: 'daily' });

    // A second start the same day makes no second one.
    await host.close();
    hosts.pop();
    const again = withDailyCheck(new Date(today.getTime() + 3_600_000));
    expect((await automaticJobs(again)).map((j) => j.id)).toEqual([job!.id]);
  });

  it('is not made for a data folder nobody has set up yet', () => {
    const host = withDailyCheck(new Date('2026-12-04T10:30:00.000Z'));
    expect(host.core!.jobs.list(20)).toEqual([]);
  });
});
