/**
 * A write-protected data folder, for real: the core runs on a tmpfs of its own (smallDisk.ts) and
 * the test bind-mounts a folder read-only over itself (EROFS — what a USB stick with its write
 * protection switched on answers; root cannot write through it, unlike a chmod). Opening a
 * protected data folder, storing a scan and printing a document each answer READ_ONLY with a
 * message pointing at the stick's write protection, write nothing, and work once it is lifted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJpeg } from '../attachments/files';
import { smallDiskAvailable, startSmallDisk, type SmallDisk } from './smallDisk';

const available = smallDiskAvailable();
let disk: SmallDisk;
let martyrId = 0;

beforeAll(async () => {
  if (!available) return;
  disk = await startSmallDisk(96);
  expect(await disk.open()).toEqual({ ok: true });
  await disk.ok('settings.update', { issuingAuthority: '惠民县退役军人事务局' });
  martyrId = (await disk.ok('martyrs.create', { name: '王二小', gender: 'male', deathDate: '1942年10月25日' })).id;
  // The folders exist as they would after the first scan and the first print.
  await disk.ok('attachments.store', { uploadId: await uploaded('first.jpg', await makeJpeg(300, 200, '#204060')) });
  await disk.wait((await disk.ok('documents.printRecordSheets', { martyrIds: [martyrId] })).jobId);
});
afterAll(() => disk?.stop());

const readOnly = { code: 'READ_ONLY', message: { zh: expect.stringContaining('写保护'), en: expect.stringContaining('write-protect') } };

async function uploaded(fileName: string, bytes: Buffer): Promise<string> {
  const result = await disk.upload(fileName, bytes);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
}

/** The data folder's files but the database (its WAL moves) and derivatives/ (a disposable cache of viewable pages, made while checking a scan). */
async function snapshot() {
  return (await disk.files()).filter((f) => !f.path.startsWith('guangrong.db') && !f.path.startsWith('derivatives/')).sort((a, b) => a.path.localeCompare(b.path));
}

describe.skipIf(!available)('a write-protected data folder', () => {
  it('storing a scan with the attachments folder protected: READ_ONLY, no row, no file; stored once unprotected', async () => {
    const uploadId = await uploaded('scan.jpg', await makeJpeg(640, 480, '#806040'));
    const before = { rows: await disk.count('attachments'), audit: await disk.count('audit_log'), files: await snapshot() };
    await disk.request({ op: 'protect', folder: 'attachments' });
    try {
      expect(await disk.call('attachments.store', { uploadId })).toMatchObject({ ok: false, error: readOnly });
      expect({ rows: await disk.count('attachments'), audit: await disk.count('audit_log'), files: await snapshot() }).toEqual(before);
    } finally {
      await disk.request({ op: 'unprotect', folder: 'attachments' });
    }
    expect((await disk.ok('attachments.store', { uploadId })).attachment.originalName).toBe('scan.jpg');
  });

  it('printing with the documents folder protected: the job fails READ_ONLY, no PDF, no register row; printed once unprotected', async () => {
    const before = { rows: await disk.count('issued_documents'), files: await snapshot() };
    await disk.request({ op: 'protect', folder: 'documents' });
    try {
      const job = await disk.wait((await disk.ok('documents.printRecordSheets', { martyrIds: [martyrId] })).jobId);
      expect(job).toMatchObject({ status: 'failed', error: readOnly });
      expect(await disk.count('issued_documents')).toBe(before.rows);
    } finally {
      await disk.request({ op: 'unprotect', folder: 'documents' });
    }
    // Nothing was left behind under the protection (the job row itself is in the database).
    expect(await snapshot()).toEqual(before.files);
    expect(await disk.wait((await disk.ok('documents.printRecordSheets', { martyrIds: [martyrId] })).jobId)).toMatchObject({ status: 'done' });
  });

  it('uploading with the uploads folder protected: READ_ONLY before any byte is taken', async () => {
    await disk.request({ op: 'protect', folder: 'tmp/uploads' });
    try {
      expect(await disk.call('uploads.begin', { fileName: 'scan.jpg', size: 1000 })).toMatchObject({ ok: false, error: readOnly });
    } finally {
      await disk.request({ op: 'unprotect', folder: 'tmp/uploads' });
    }
  });

  it('opening a write-protected data folder: READ_ONLY naming the folder, the database untouched; opens once unprotected', async () => {
    await disk.request({ op: 'close' });
    const before = await disk.files();
    await disk.request({ op: 'protect', folder: '' });
    try {
      const opened = await disk.open();
      expect(opened).toMatchObject({ ok: false, error: { code: 'READ_ONLY', message: { zh: expect.stringContaining('写保护'), en: expect.stringContaining('write protection') } } });
      expect(opened.error!.message.zh).toContain(disk.dataDir);
      expect(await disk.files()).toEqual(before);
      // First start on a write-protected stick: the data folder cannot even be made.
      expect(await disk.open('光荣数据')).toMatchObject({ ok: false, error: { code: 'READ_ONLY', message: { zh: expect.stringContaining('写保护') } } });
    } finally {
      await disk.request({ op: 'unprotect', folder: '' });
    }
    expect(await disk.open()).toEqual({ ok: true });
    expect((await disk.ok('martyrs.get', { id: martyrId })).name).toBe('王二小');
    expect(await disk.ok('audit.verify', {})).toMatchObject({ ok: true });
  });
});

