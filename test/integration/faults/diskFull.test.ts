/**
 * A full disk, for real: the core runs on a tmpfs of its own (smallDisk.ts) and the test fills
 * it to the last block. Saving a record, an import job, storing a scan and printing a document
 * each answer DISK_FULL with a message saying what to do, write nothing (no row, no audit entry,
 * no temp file, no half file), and work again once space is freed.
 */
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeJpeg } from '../attachments/files';
import { martyrsWorkbook } from '../../stress/fixtures';
import { smallDiskAvailable, startSmallDisk, type SmallDisk } from './smallDisk';

const available = smallDiskAvailable();
let disk: SmallDisk;

beforeAll(async () => {
  if (!available) return;
  disk = await startSmallDisk(96);
  expect(await disk.open()).toEqual({ ok: true });
});
afterAll(() => disk?.stop());
// A failed test must not leave the next one on a full disk.
afterEach(() => disk?.request({ op: 'free' }));

const diskFull = { code: 'DISK_FULL', message: { zh: expect.stringMatching(/磁盘空间不足[\s\S]*清理/), en: expect.stringMatching(/disk[\s\S]*free/i) } };

/** Nothing the application writes half: no temp files anywhere in the data folder. */
async function tempFiles() {
  return (await disk.files()).filter((f) => /\.tmp$|\.part\.|~$/.test(f.path)).map((f) => f.path);
}

async function counts() {
  return { martyrs: await disk.count('martyrs'), audit: await disk.count('audit_log'), attachments: await disk.count('attachments'), documents: await disk.count('issued_documents') };
}

describe.skipIf(!available)('a full disk', () => {
  it('saving a record: DISK_FULL, the transaction rolled back; saved once space is back', async () => {
    await disk.request({ op: 'checkpoint' });
    const before = await counts();
    await disk.request({ op: 'fill' });
    const result = await disk.call('martyrs.create', { name: '张德胜', gender: 'male' });
    expect(result).toMatchObject({ ok: false, error: diskFull });
    expect(await counts()).toEqual(before);
    await disk.request({ op: 'free' });
    expect((await disk.ok('martyrs.create', { name: '张德胜', gender: 'male' })).name).toBe('张德胜');
    expect(await disk.count('martyrs')).toBe(before.martyrs + 1);
  });

  it('an import job: fails with DISK_FULL and imports nothing; the same upload imports once space is back', async () => {
    const uploaded = await disk.upload('名录.xlsx', await martyrsWorkbook(1500));
    if (!uploaded.ok) throw new Error(JSON.stringify(uploaded));
    const uploadId = uploaded.value;
    const preview = await disk.ok('martyrs.importPreview', { uploadId });
    await disk.request({ op: 'checkpoint' });
    const before = await counts();
    // Room for the job's own row, not for 1,500 records.
    await disk.request({ op: 'fill', leaveKb: 256 });
    const { jobId } = await disk.ok('martyrs.import', { uploadId, mapping: preview.mapping });
    const job = await disk.wait(jobId);
    expect(job).toMatchObject({ status: 'failed', error: diskFull });
    expect(await disk.count('martyrs')).toBe(before.martyrs);
    expect(await tempFiles()).toEqual([]);
    await disk.request({ op: 'free' });
    const again = await disk.wait((await disk.ok('martyrs.import', { uploadId, mapping: preview.mapping })).jobId);
    expect(again).toMatchObject({ status: 'done', result: { ok: true, imported: 1500 } });
    expect(await disk.count('martyrs')).toBe(before.martyrs + 1500);
  });

  it('storing a scan: refused before upload when there is no room; a store that runs out writes no row and succeeds later', async () => {
    const jpeg = await makeJpeg(800, 600, '#806040');
    await disk.request({ op: 'fill' });
    const begin = await disk.call('uploads.begin', { fileName: 'scan.jpg', size: jpeg.length });
    expect(begin).toMatchObject({ ok: false, error: diskFull });
    await disk.request({ op: 'free' });

    const uploaded = await disk.upload('scan.jpg', jpeg);
    if (!uploaded.ok) throw new Error(JSON.stringify(uploaded));
    await disk.request({ op: 'checkpoint' });
    const before = await counts();
    await disk.request({ op: 'fill' });
    const stored = await disk.call('attachments.store', { uploadId: uploaded.value });
    expect(stored).toMatchObject({ ok: false, error: diskFull });
    expect(await counts()).toEqual(before);
    expect(await tempFiles()).toEqual([]);
    await disk.request({ op: 'free' });
    const ok = await disk.ok('attachments.store', { uploadId: uploaded.value });
    expect(ok.attachment).toMatchObject({ originalName: 'scan.jpg', size: jpeg.length });
  });

  it('an upload chunk the disk cannot hold: DISK_FULL, none of its bytes kept, so the same chunk is sent again once space is back', async () => {
    const jpeg = await makeJpeg(1600, 1200, '#406080');
    const { uploadId } = await disk.ok('uploads.begin', { fileName: 'big.jpg', size: jpeg.length });
    // Room for part of the chunk: the disk takes what fits, then says it is full.
    await disk.request({ op: 'fill', leaveKb: 8 });
    const chunk = { uploadId, offset: 0, dataBase64: jpeg.toString('base64') };
    expect(await disk.call('uploads.chunk', chunk)).toMatchObject({ ok: false, error: diskFull });
    expect(await disk.ok('uploads.status', { uploadId })).toMatchObject({ received: 0 });
    await disk.request({ op: 'free' });
    expect(await disk.ok('uploads.chunk', chunk)).toEqual({ received: jpeg.length });
    await disk.ok('uploads.finish', { uploadId, sha256: createHash('sha256').update(jpeg).digest('hex') });
    expect((await disk.ok('attachments.store', { uploadId })).attachment.size).toBe(jpeg.length);
  });

  it('printing a document: the job fails with DISK_FULL, no PDF and no register row; printed once space is back', async () => {
    await disk.ok('settings.update', { issuingAuthority: '惠民县退役军人事务局' });
    const ids = (await disk.ok('martyrs.search', { limit: 20 })).rows.map((r) => r.id);
    await disk.request({ op: 'checkpoint' });
    const before = await counts();
    const documentsBefore = (await disk.files()).filter((f) => f.path.startsWith('documents/'));
    await disk.request({ op: 'fill', leaveKb: 64 });
    const job = await disk.wait((await disk.ok('documents.printRecordSheets', { martyrIds: ids })).jobId);
    expect(job).toMatchObject({ status: 'failed', error: diskFull });
    expect(await counts()).toMatchObject({ documents: before.documents });
    expect((await disk.files()).filter((f) => f.path.startsWith('documents/'))).toEqual(documentsBefore);
    expect(await tempFiles()).toEqual([]);
    await disk.request({ op: 'free' });
    const printed = await disk.wait((await disk.ok('documents.printRecordSheets', { martyrIds: ids })).jobId);
    expect(printed).toMatchObject({ status: 'done', result: { records: ids.length } });
    expect(await disk.count('issued_documents')).toBe(before.documents + 1);
  });

  it('a PDF cut short by the disk is never registered, even when the database still has room', async () => {
    const ids = (await disk.ok('martyrs.search', { limit: 20 })).rows.map((r) => r.id);
    await disk.request({ op: 'growWal' });
    const before = await counts();
    const documentsBefore = (await disk.files()).filter((f) => f.path.startsWith('documents/'));
    // Room for part of the PDF: the disk takes some of its bytes, then says it is full.
    await disk.request({ op: 'fill', leaveKb: 32 });
    const job = await disk.wait((await disk.ok('documents.printRecordSheets', { martyrIds: ids })).jobId);
    expect(job).toMatchObject({ status: 'failed', error: diskFull });
    expect(await counts()).toMatchObject({ documents: before.documents });
    expect((await disk.files()).filter((f) => f.path.startsWith('documents/'))).toEqual(documentsBefore);
    expect(await tempFiles()).toEqual([]);
  });

  it('the audit chain is whole after all of it', async () => {
    expect(await disk.ok('audit.verify', {})).toMatchObject({ ok: true });
  });
});
