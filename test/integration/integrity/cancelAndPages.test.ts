import { plainVault } from '../../../electron/core/crypto/vault';
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, openSync, readSync, closeSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobPath } from '../../../electron/core/attachments/paths';
import { openDatabase } from '../../../electron/core/db/connection';
import { insertAttachment } from '../../../electron/core/db/attachments';
import { databasePageCheck, lastIntegrityCheck } from '../../../electron/core/db/integrity';
import { makeWrite } from '../../../electron/core/context';
import { integrityCheckJob } from '../../../electron/core/integrity/checkJob';
import { makeSetUpCore, tempDir } from '../../support/tempCore';
import { jobEnd } from './support';

let t: Awaited<ReturnType<typeof makeSetUpCore>>;
beforeAll(async () => {
  t = await makeSetUpCore();
});
afterAll(() => t.dispose());

/** `count` stored files of `size` random bytes, rows and blobs written directly. */
function storeRandomFiles(count: number, size: number): number {
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const data = randomBytes(size);
    const sha256 = createHash('sha256').update(data).digest('hex');
    const path = blobPath(t.dataDir, sha256);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
    insertAttachment(t.core.db, { sha256, size, mime: 'image/jpeg', pages: 1, width: 10, height: 10, originalName: `scan-${i}.jpg`, createdAt: '2026-11-23T09:00:00.000Z', createdBy: null });
    bytes += size;
  }
  return bytes;
}

describe('cancelling the integrity check', () => {
  it('stops while hashing the files and leaves no result and no audit row', async () => {
    storeRandomFiles(200, 512 * 1024);
    const auditBefore = (await t.ok('audit.list', { limit: 1 }, t.admin)).total;
    const { jobId } = await t.ok('integrity.check', {}, t.admin);
    const hashing = new Promise<{ total: number; bytes?: { done: number; total: number } }>((resolve) => {
      const off = t.core.on((event) => {
        if (event.name === 'job.progress' && event.payload.id === jobId && event.payload.phase === 'integrity.attachments' && event.payload.done > 0) {
          off();
          resolve(event.payload);
        }
      });
    });
    const progress = await hashing;
    // Files checked / total, and the bytes read / the bytes the rows record.
    expect(progress.total).toBe(200);
    expect(progress.bytes?.total).toBe(200 * 512 * 1024);
    expect(progress.bytes?.done).toBeGreaterThanOrEqual(512 * 1024);
    await t.ok('jobs.cancel', { id: jobId }, t.admin);
    const job = await jobEnd(t, t.admin, jobId);
    expect(job.status).toBe('cancelled');
    expect(job.done).toBeLessThan(200);
    expect(lastIntegrityCheck(t.core.db)).toBeUndefined();
    expect((await t.ok('integrity.status', {}, t.admin)).last).toBeNull();
    expect((await t.ok('audit.list', { limit: 1 }, t.admin)).total).toBe(auditBefore);
    // The next check runs whole.
    const again = await t.ok('integrity.check', {}, t.admin);
    const done = await jobEnd(t, t.admin, again.jobId);
    expect(done).toMatchObject({ status: 'done', done: 200, total: 200, result: { outcome: 'ok', filesChecked: 200, bytesChecked: 200 * 512 * 1024 } });
  });
});

/** A checkpointed copy of the core's database in a temp folder, and its divisions index's root page. */
function copyOfDatabase() {
  t.core.db.pragma('wal_checkpoint(TRUNCATE)');
  const dir = tempDir();
  const copy = join(dir, 'copy.db');
  copyFileSync(t.core.dbFile, copy);
  const sound = openDatabase(copy);
  expect(databasePageCheck(sound)).toEqual([]);
  const pageSize = sound.pragma('page_size', { simple: true }) as number;
  // The divisions' index (thousands of entries from the national data): a root page with leaves below it.
  const index = sound.prepare("SELECT name, rootpage FROM sqlite_master WHERE type = 'index' AND name = 'divisions_parent'").get() as { name: string; rootpage: number };
  sound.close();
  return { dir, copy, pageSize, index };
}

function readPage(fd: number, pageSize: number, pageNo: number): Buffer {
  const page = Buffer.alloc(pageSize);
  readSync(fd, page, 0, pageSize, (pageNo - 1) * pageSize);
  return page;
}

/** The full check as the worker runs it, on a connection of our own. */
async function runCheckOn(db: ReturnType<typeof openDatabase>, dataDir: string) {
  const now = () => new Date().toISOString();
  const system = { userId: null, username: 'system' };
  const ctx = { db, dataDir, resourcesDir: null, vault: plainVault, actor: system, jobId: 1, now, progress: () => {}, throwIfCancelled: () => {}, write: makeWrite(db, () => system, now) };
  return integrityCheckJob(ctx, { trigger: 'manual' });
}

describe('damaged database pages', () => {
  it('one byte changed in an index leaf page: integrity_check names the index, and the run is recorded with it', async () => {
    const { dir, copy, pageSize, index } = copyOfDatabase();
    const fd = openSync(copy, 'r+');
    const root = readPage(fd, pageSize, index.rootpage);
    expect(root[0]).toBe(2); // an interior index b-tree page…
    const leafNo = root.readUInt32BE(8); // …whose right-most child is a leaf
    const leaf = readPage(fd, pageSize, leafNo);
    expect(leaf[0]).toBe(10);
    // A digit inside a stored division code, in the cell content area at the page's end.
    const contentStart = leaf.readUInt16BE(5);
    let at = -1;
    for (let i = contentStart; i < pageSize - 4 && at < 0; i++) if (leaf.subarray(i, i + 4).every((b) => b >= 0x30 && b <= 0x39)) at = i + 2;
    expect(at).toBeGreaterThan(0);
    writeSync(fd, Buffer.from([leaf[at] === 0x39 ? 0x31 : leaf[at]! + 1]), 0, 1, (leafNo - 1) * pageSize + at);
    closeSync(fd);

    const damaged = openDatabase(copy);
    const messages = databasePageCheck(damaged);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.join('\n')).toContain('divisions_parent');
    const result = await runCheckOn(damaged, dir);
    expect(result.outcome).toBe('problems');
    const recorded = lastIntegrityCheck(damaged)!;
    expect(recorded).toMatchObject({ outcome: 'problems', databaseMessages: messages, audit: { ok: true } });
    damaged.close();
  });

  it('an overwritten root page stops integrity_check itself: that is reported as the problem, and the rest is still checked', async () => {
    const { dir, copy, pageSize, index } = copyOfDatabase();
    const fd = openSync(copy, 'r+');
    writeSync(fd, Buffer.alloc((pageSize * 3) / 4, 0xa5), 0, (pageSize * 3) / 4, (index.rootpage - 1) * pageSize + pageSize / 4);
    closeSync(fd);
    const damaged = openDatabase(copy);
    expect(databasePageCheck(damaged)).toEqual(['SQLITE_CORRUPT: database disk image is malformed']);
    const result = await runCheckOn(damaged, dir);
    expect(result.outcome).toBe('problems');
    expect(lastIntegrityCheck(damaged)).toMatchObject({ databaseMessages: ['SQLITE_CORRUPT: database disk image is malformed'], audit: { ok: true } });
    damaged.close();
  });
});
