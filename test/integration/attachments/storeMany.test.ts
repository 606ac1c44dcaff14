/** Storing several files as a job (worker thread): progress per file, all or nothing, cancel. */
import { plainVault } from '../../../electron/core/crypto/vault';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../electron/core';
import { countAttachments } from '../../../electron/core/db/attachments';
import { sweepOrphans } from '../../../electron/core/attachments/blobs';
import { storeUploads } from '../../../electron/core/attachments/store';
import { makeWrite } from '../../../electron/core/context';
import { JobCancelled } from '../../../electron/core/jobs/context';
import type { StoreJobResult } from '../../../shared/contract/attachments';
import { makeSetUpCore } from '../../support/tempCore';
import { upload, userSession } from './client';
import { makePng, makeTiff, minimalPdf } from './files';

let t: Awaited<ReturnType<typeof makeSetUpCore>>;
let clerk: Session;
beforeAll(async () => {
  t = await makeSetUpCore();
  clerk = await userSession(t, t.admin, 'clerk');
});
afterAll(() => t.dispose());

/** A different colour, so different content, for every page of the file. */
let made = 0;
const colour = (n: number) => `#${(n * 40503 + 0x102030).toString(16).padStart(6, '0').slice(-6)}`;

async function uploads(n: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(await upload(t, clerk, `${prefix}-${String(i + 1).padStart(3, '0')}.png`, await makePng(120, 160, colour(++made))));
  return ids;
}

describe('attachments.storeMany', () => {
  it('stores every file in a worker with progress per file; a repeated content is stored once', async () => {
    const firstColour = made + 1;
    const ids = await uploads(6, 'page');
    ids.push(await upload(t, clerk, 'scan.tif', await makeTiff(['#111111', '#eeeeee'])));
    ids.push(await upload(t, clerk, 'letter.pdf', minimalPdf(2)));
    ids.push(await upload(t, clerk, 'page-001-again.png', await makePng(120, 160, colour(firstColour))));
    const phases = new Set<string>();
    const off = t.core.on((e) => {
      if (e.name === 'job.progress' && e.payload.kind === 'attachments.store') phases.add(`${e.payload.phase}:${e.payload.total}`);
    });
    const { jobId } = await t.ok('attachments.storeMany', { uploadIds: ids }, clerk);
    const job = await t.core.jobs.wait(jobId);
    off();
    expect(job).toMatchObject({ status: 'done', kind: 'attachments.store', startedBy: 'clerk 用户' });
    const { stored } = job.result as StoreJobResult;
    expect(stored).toHaveLength(9);
    expect(stored.map((s) => s.attachment.mime)).toEqual([...Array(6).fill('image/png'), 'image/tiff', 'application/pdf', 'image/png']);
    expect(stored[6]!.attachment.pages).toBe(2);
    expect(stored[8]).toMatchObject({ duplicate: true, attachment: { id: stored[0]!.attachment.id } });
    expect([...phases].some((p) => p.startsWith('checking:9'))).toBe(true);
    const audit = await t.ok('audit.list', { entity: 'attachment', action: 'create' }, t.admin);
    expect(audit.total).toBe(8);
    expect(audit.entries.every((e) => e.username === 'clerk')).toBe(true);
    expect(readdirSync(join(t.dataDir, 'tmp', 'uploads')).filter((n) => ids.some((id) => n.startsWith(id)))).toEqual([]);
  });

  it('refuses the whole batch when one file is bad, naming every bad file, and keeps the uploads', async () => {
    const before = countAttachments(t.core.db);
    const ids = await uploads(3, 'batch');
    ids.push(await upload(t, clerk, '说明.jpg', Buffer.from('not an image')));
    ids.push(await upload(t, clerk, 'broken.pdf', Buffer.from('%PDF-1.7\n1 0 obj\n<<', 'latin1')));
    const { jobId } = await t.ok('attachments.storeMany', { uploadIds: ids }, clerk);
    const job = await t.core.jobs.wait(jobId);
    expect(job).toMatchObject({ status: 'failed', error: { code: 'BAD_FILE' } });
    expect(job.error!.message.zh).toMatch(/5 个文件中有 2 个无法保存，全部未保存：\n.*“说明\.jpg”.*\n.*“broken\.pdf”/);
    expect(job.error!.message.en).toMatch(/2 of 5 files cannot be stored; none was saved/);
    expect(countAttachments(t.core.db)).toBe(before);
    // The good uploads are still there and can be stored once the bad ones are left out.
    const again = await t.ok('attachments.storeMany', { uploadIds: ids.slice(0, 3) }, clerk);
    expect(await t.core.jobs.wait(again.jobId)).toMatchObject({ status: 'done' });
    expect(countAttachments(t.core.db)).toBe(before + 3);
  });

  it('refuses at once uploads that are unknown or unfinished', async () => {
    const { uploadId } = await t.ok('uploads.begin', { fileName: 'half.png', size: 100 }, clerk);
    expect(await t.core.call('attachments.storeMany', { uploadIds: [uploadId] }, clerk)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.core.call('attachments.storeMany', { uploadIds: ['A'.repeat(22)] }, clerk)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('cancels: no new row, the uploads stay and can be stored later', async () => {
    const before = countAttachments(t.core.db);
    const auditBefore = (await t.ok('audit.list', { entity: 'attachment' }, t.admin)).total;
    const ids = await uploads(20, 'cancel');
    const { jobId } = await t.ok('attachments.storeMany', { uploadIds: ids }, clerk);
    await t.ok('jobs.cancel', { id: jobId }, clerk);
    const job = await t.core.jobs.wait(jobId);
    expect(job).toMatchObject({ status: 'cancelled', error: { code: 'JOB_CANCELLED' } });
    expect(countAttachments(t.core.db)).toBe(before);
    expect((await t.ok('audit.list', { entity: 'attachment' }, t.admin)).total).toBe(auditBefore);
    const retry = await t.ok('attachments.storeMany', { uploadIds: ids }, clerk);
    expect(await t.core.jobs.wait(retry.jobId)).toMatchObject({ status: 'done' });
    expect(countAttachments(t.core.db)).toBe(before + 20);
  });

  it('cancelled in the middle of writing: no new row; the blobs already written are swept later', async () => {
    // The same code the job runs, in this thread, so the cancel lands exactly after 4 files were written.
    const before = countAttachments(t.core.db);
    const ids = await uploads(10, 'midway');
    const clerkId = (await t.ok('auth.session', {}, clerk)).user!.id;
    const env = { db: t.core.db, dataDir: t.dataDir, vault: plainVault, userId: clerkId, now: () => new Date().toISOString(), write: makeWrite(t.core.db, () => ({ userId: clerkId, username: 'clerk' }), () => new Date().toISOString()) };
    let checks = 0;
    const phases: string[] = [];
    const cancelAfter = ids.length + 4; // every file checked, then 4 written
    await expect(
      storeUploads(env, ids, {
        progress: (_done, _total, phase) => phases.push(phase),
        throwIfCancelled: () => {
          if (++checks > cancelAfter) throw new JobCancelled();
        },
      }),
    ).rejects.toBeInstanceOf(JobCancelled);
    expect(phases.filter((p) => p === 'writing')).toHaveLength(4);
    expect(countAttachments(t.core.db)).toBe(before);
    const blobs = () => readdirSync(join(t.dataDir, 'attachments'), { recursive: true }).filter((n) => /[0-9a-f]{64}$/.test(String(n))).length;
    expect(blobs()).toBe(before + 4);
    // Young orphans are left alone by default (a store may be about to commit them) …
    expect((await sweepOrphans(t.core.db, t.dataDir)).blobsRemoved).toBe(0);
    // … older ones go, with their cached thumbnails.
    const swept = await sweepOrphans(t.core.db, t.dataDir, { minAgeMs: 0 });
    expect(swept).toMatchObject({ blobsRemoved: 4, derivativesRemoved: 10 });
    expect(blobs()).toBe(before);
    // The uploads were kept: the same batch stores now.
    expect((await storeUploads(env, ids)).every((s) => !s.duplicate)).toBe(true);
    expect(countAttachments(t.core.db)).toBe(before + 10);
  });
});
