import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobPath } from '../../../electron/core/attachments/paths';
import { makeSetUpCore } from '../../support/tempCore';
import { userSession } from '../attachments/client';
import { jobEnd, seedHeldFiles } from './support';

/** The core's clock runs two hours ahead of this machine's, so a file written now is old enough to be called an orphan. */
const AHEAD_MS = 2 * 60 * 60 * 1000;

let t: Awaited<ReturnType<typeof makeSetUpCore>>;
let held: Awaited<ReturnType<typeof seedHeldFiles>>;
beforeAll(async () => {
  t = await makeSetUpCore({ clock: () => new Date(Date.now() + AHEAD_MS) });
  held = await seedHeldFiles(t, t.admin);
});
afterAll(() => t.dispose());

async function checkNow() {
  const { jobId } = await t.ok('integrity.check', {}, t.admin);
  const job = await jobEnd(t, t.admin, jobId);
  expect(job.status, JSON.stringify(job.error)).toBe('done');
  const status = await t.ok('integrity.status', {}, t.admin);
  const last = status.last!;
  expect(last.jobId).toBe(jobId);
  const { problems, total } = await t.ok('integrity.problems', { checkId: last.id }, t.admin);
  return { job, last, problems, total, status };
}

describe('the full integrity check', () => {
  it('passes clean data: pages, the audit chain and every file, recorded with an audit row', async () => {
    const { job, last, problems, status } = await checkNow();
    expect(job.result).toMatchObject({ outcome: 'ok', filesChecked: 4, problems: 0 });
    expect(last).toMatchObject({ outcome: 'ok', trigger: 'manual', startedBy: '王管理', databaseMessages: [], filesChecked: 4, missing: 0, altered: 0, orphans: 0 });
    expect(last.audit).toMatchObject({ ok: true, firstBadId: null });
    expect(last.audit.checked).toBeGreaterThan(5);
    const bytes = [held.page1, held.page2, held.order, held.loose].reduce((sum, a) => sum + a.size, 0);
    expect(last.bytesChecked).toBe(bytes);
    expect(last.durationMs).toBeGreaterThanOrEqual(0);
    expect(problems).toEqual([]);
    expect(status.runningJobId).toBeNull();
    expect(Date.parse(status.dueAt) - Date.parse(last.finishedAt)).toBe(7 * 24 * 60 * 60 * 1000);
    const audit = await t.ok('audit.list', { entity: 'integrity', limit: 5 }, t.admin);
    expect(audit.entries[0]).toMatchObject({ action: 'check', entityId: String(last.id), username: 'admin', after: { outcome: 'ok', filesChecked: 4, missing: 0 } });
  });

  it('reports a deleted file, a changed byte and an orphan, each with the records that use it', async () => {
    rmSync(blobPath(t.dataDir, held.page2.sha256));
    const orderFile = blobPath(t.dataDir, held.order.sha256);
    const bytes = readFileSync(orderFile);
    bytes[Math.floor(bytes.length / 2)] = bytes[Math.floor(bytes.length / 2)]! ^ 0xff;
    writeFileSync(orderFile, bytes);
    const orphanSha = 'e'.repeat(64);
    const orphan = blobPath(t.dataDir, orphanSha);
    mkdirSync(dirname(orphan), { recursive: true });
    writeFileSync(orphan, 'left behind');
    // A file just written (a store between its blob and its row) is not an orphan yet.
    const young = blobPath(t.dataDir, 'f'.repeat(64));
    mkdirSync(dirname(young), { recursive: true });
    writeFileSync(young, 'being stored');
    const future = new Date(Date.now() + AHEAD_MS);
    utimesSync(young, future, future);

    const { last, problems, total, job } = await checkNow();
    expect(last).toMatchObject({ outcome: 'problems', filesChecked: 4, missing: 1, altered: 1, orphans: 1, databaseMessages: [] });
    expect(last.audit.ok).toBe(true);
    expect(job.result).toMatchObject({ outcome: 'problems', problems: 3 });
    expect(total).toBe(3);
    const missing = problems.find((p) => p.kind === 'missing')!;
    expect(missing).toMatchObject({ attachmentId: held.page2.id, file: `attachments/${held.page2.sha256.slice(0, 2)}/${held.page2.sha256.slice(2, 4)}/${held.page2.sha256}`, size: null, originalName: 'register-p2.jpg', recordsTotal: 2 });
    expect(missing.records).toEqual([
      { kind: 'martyr', id: held.martyr.id, label: '张德胜' },
      { kind: 'source', id: held.source.id, label: '县烈士登记册（1956）' },
    ]);
    const altered = problems.find((p) => p.kind === 'altered')!;
    expect(altered).toMatchObject({ attachmentId: held.order.id, size: held.order.size, originalName: 'order.jpg', recordsTotal: 1 });
    expect(altered.records).toEqual([{ kind: 'award', id: held.award.id, label: '李明' }]);
    expect(problems.find((p) => p.kind === 'orphan')).toMatchObject({ attachmentId: null, file: `attachments/ee/ee/${orphanSha}`, size: 11, records: [], recordsTotal: 0 });
    // Reported, never deleted.
    expect(readFileSync(orphan, 'utf8')).toBe('left behind');
    rmSync(young);
    rmSync(orphan);
  });

  it('reports an audit row changed after it was written, by its id', async () => {
    const target = (await t.ok('audit.list', { entity: 'martyr', limit: 1 }, t.admin)).entries[0]!;
    // Someone who removes the append-only trigger with another tool and edits a row.
    const other = new Database(t.core.dbFile);
    other.exec('DROP TRIGGER audit_log_no_update');
    other.prepare("UPDATE audit_log SET after_json = json_set(after_json, '$.name', '张德生') WHERE id = ?").run(target.id);
    other.close();
    const { last } = await checkNow();
    expect(last.outcome).toBe('problems');
    expect(last.audit).toMatchObject({ ok: false, firstBadId: target.id, reason: 'the entry was changed after it was written' });
    // The page of the audit log says the same: one verification.
    expect(await t.ok('audit.verify', {}, t.admin)).toMatchObject({ ok: false, firstBadId: target.id });
  });

  it('is for administrators only, and starting it twice answers the job already running', async () => {
    const { jobId } = await t.ok('integrity.check', {}, t.admin);
    const again = await t.ok('integrity.check', {}, t.admin);
    expect(again.jobId).toBe(jobId);
    expect((await t.ok('integrity.status', {}, t.admin)).runningJobId).toBe(jobId);
    await jobEnd(t, t.admin, jobId);
    const clerk = await userSession(t, t.admin, 'clerk');
    for (const method of ['integrity.check', 'integrity.status'] as const) {
      const refused = await t.core.call(method, {}, clerk);
      expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    }
  });
});
