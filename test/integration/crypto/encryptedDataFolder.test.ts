/**
 * Encryption at rest, proved on the whole data folder: an installation started with a data key
 * does the day's work — a scan uploaded and viewed (pages, byte ranges), a record sheet printed,
 * a list exported, an import refused with its error workbook — and then no file outside tmp/ holds
 * record data in the clear: every stored file is sealed, the database is not plain SQLite, and
 * neither a name typed into the records nor a piece of the scan appears in any file's raw bytes.
 * The UI's reads still give the plain content. A folder encrypted in place (after plain work) reads
 * its old files and remakes its page images sealed.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { encryptDatabaseFile, sealDataFolderFiles } from '../../../electron/core/crypto/encryptInPlace';
import { fileIsSealed } from '../../../electron/core/crypto/sealed';
import { blobPath } from '../../../electron/core/attachments/paths';
import { readTable } from '../../../electron/core/imports';
import type { Session } from '../../../electron/core';
import { ADMIN, makeTestCore, tempDir, type TestCore } from '../../support/tempCore';
import { inspectDataFolder, newDataKey } from '../../support/encryptedFolder';
import { upload } from '../attachments/client';

/** A name no fixture uses, typed into a record, imported, exported and printed. */
const MARKER_NAME = '覃鑫淼';
const ERROR_MARKER = '淼错行';

/** A noisy scan (its bytes do not repeat), larger than one sealed chunk (64 KiB). */
async function noisyScan(): Promise<Buffer> {
  return sharp({ create: { width: 700, height: 900, channels: 3, background: '#c8b89a', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
    .jpeg({ quality: 92 })
    .toBuffer();
}

async function ledger(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('烈士名录');
  ws.addRow(['姓名', '性别', '出生年月', '牺牲时间']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let t: TestCore | null = null;
let dir: string | null = null;
afterEach(async () => {
  await t?.dispose();
  t = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

async function signIn(core: TestCore, create: boolean): Promise<Session> {
  const session = core.core.openSession();
  if (create) await core.ok('setup.createAdmin', ADMIN, session);
  else await core.ok('auth.login', { username: ADMIN.username, password: ADMIN.password }, session);
  return session;
}

describe('an encrypted installation', () => {
  it('keeps no record data in the clear anywhere in its data folder, while every read gives the plain content', async () => {
    const { key } = newDataKey();
    t = makeTestCore({ dataKey: key });
    const admin = await signIn(t, true);
    const scan = await noisyScan();
    expect(scan.length).toBeGreaterThan(150 * 1024);

    // A scan, stored and viewed.
    const uploadId = await upload(t, admin, '第12页.jpg', scan);
    const { attachment } = await t.ok('attachments.store', { uploadId }, admin);
    expect(attachment).toMatchObject({ sha256: sha256(scan), size: scan.length, mime: 'image/jpeg', width: 700 });
    const blob = blobPath(t.dataDir, attachment.sha256);
    expect(fileIsSealed(blob)).toBe(true);
    const page = await t.ok('attachments.page', { id: attachment.id, page: 1, width: 800 }, admin);
    const jpeg = Buffer.from(page.dataBase64, 'base64');
    expect(jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect((await sharp(jpeg).metadata()).width).toBe(700);
    // The same page again comes from the (sealed) cache.
    expect(Buffer.from((await t.ok('attachments.page', { id: attachment.id, page: 1, width: 800 }, admin)).dataBase64, 'base64').equals(jpeg)).toBe(true);
    // Byte ranges as pdf.js asks them: across a chunk boundary, and the end.
    for (const [offset, length] of [[0, 100], [65_000, 3_000], [131_000, 70_000], [scan.length - 10, 4096]] as const) {
      const part = await t.ok('attachments.original', { id: attachment.id, offset, length }, admin);
      expect(Buffer.from(part.dataBase64, 'base64').equals(scan.subarray(offset, offset + length)), `${offset}+${length}`).toBe(true);
    }
    // Stored twice: one content, one blob.
    expect((await t.ok('attachments.store', { uploadId: await upload(t, admin, '再传.jpg', scan) }, admin)).duplicate).toBe(true);

    // A record keyed from it, its record sheet printed and read back.
    await t.ok('settings.update', { issuingAuthority: '惠民县退役军人事务局' }, admin);
    const martyr = await t.ok('martyrs.create', { name: MARKER_NAME, deathDate: '1947年春', deathPlaceText: '惠民县', scanAttachmentId: attachment.id, scanPage: 1 }, admin);
    const printed = await t.core.jobs.wait((await t.ok('documents.printRecordSheets', { martyrIds: [martyr.id] }, admin)).jobId);
    expect(printed.status, JSON.stringify(printed.error)).toBe('done');
    const documentRow = (await t.ok('documents.list', { kind: 'recordSheets' }, admin)).rows[0]!;
    const pdf = Buffer.from((await t.ok('documents.read', { id: documentRow.id }, admin)).dataBase64, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(sha256(pdf)).toBe(documentRow.sha256);
    expect(fileIsSealed(join(t.dataDir, 'documents', `${documentRow.serial}.pdf`))).toBe(true);
    // The sheet shows the scan's page, made from the sealed blob (not "（扫描件无法读取）").
    const pdfFile = join(tempDir('guangrong-pdf-'), 'sheet.pdf');
    writeFileSync(pdfFile, pdf);
    const images = execFileSync('pdfimages', ['-list', pdfFile], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
    rmSync(dirname(pdfFile), { recursive: true, force: true });
    expect(images).toHaveLength(1);

    // The list exported, read back plain.
    const exported = await t.core.jobs.wait((await t.ok('martyrs.export', { query: '', sort: 'strokeSurname' }, admin)).jobId);
    expect(exported.status, JSON.stringify(exported.error)).toBe('done');
    const file = await t.ok('exports.file', { jobId: exported.id }, admin);
    const table = await readTable(new Uint8Array(Buffer.from(file.dataBase64, 'base64')), file.fileName);
    expect(table.sheets[0]!.rows.flat().map(String)).toContain(MARKER_NAME);

    // An import with a refused row: its error workbook sealed, read back plain; the upload removed.
    const sheet = await ledger([[`${MARKER_NAME}二`, '男', '1920年', '1947年'], [ERROR_MARKER, '男女', '1920年13月', '1940年']]);
    const importUpload = await upload(t, admin, '有错.xlsx', sheet);
    const preview = await t.ok('martyrs.importPreview', { uploadId: importUpload }, admin);
    const imported = await t.core.jobs.wait((await t.ok('martyrs.import', { uploadId: importUpload, mapping: preview.mapping, sourceId: null }, admin)).jobId);
    expect(imported.result).toMatchObject({ ok: false });
    const errors = await t.ok('imports.errorFile', { jobId: imported.id }, admin);
    const errorTable = await readTable(new Uint8Array(Buffer.from(errors.dataBase64, 'base64')), errors.fileName);
    expect(errorTable.sheets[0]!.rows.flat().map(String)).toContain(ERROR_MARKER);
    expect(await t.core.call('uploads.status', { uploadId: importUpload }, admin)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // The whole folder, the database closed (its WAL checkpointed) and open (WAL present) alike.
    const markers = { name: Buffer.from(MARKER_NAME, 'utf8'), errorRow: Buffer.from(ERROR_MARKER, 'utf8'), scan: scan.subarray(40_000, 40_064), scanEnd: scan.subarray(scan.length - 200, scan.length - 136), page: jpeg.subarray(jpeg.length - 300, jpeg.length - 236) };
    const open = inspectDataFolder(t.dataDir, markers);
    expect(open.plainFiles).toEqual([]);
    expect(open.markerFound).toEqual([]);
    const dataDir = t.dataDir;
    await t.core.close();
    t = null;
    dir = dataDir;
    const closed = inspectDataFolder(dataDir, markers);
    expect(closed.files).toBeGreaterThanOrEqual(6);
    expect(closed.plainFiles).toEqual([]);
    expect(closed.markerFound).toEqual([]);
    // The walk would see them: the marker is in the plain scan, not in its stored blob.
    expect(scan.includes(markers.scan)).toBe(true);
    expect(readFileSync(blob).includes(markers.scan)).toBe(false);
  });

  it('encrypted in place after plain work: the old files read back, page images are made again sealed', async () => {
    dir = tempDir('guangrong-enc-');
    const plain = makeTestCore({ dataDir: dir });
    const admin = await signIn(plain, true);
    const scan = await noisyScan();
    const { attachment } = await plain.ok('attachments.store', { uploadId: await upload(plain, admin, 'scan.jpg', scan) }, admin);
    await plain.ok('martyrs.create', { name: MARKER_NAME, scanAttachmentId: attachment.id, scanPage: 1 }, admin);
    const exported = await plain.core.jobs.wait((await plain.ok('martyrs.export', { query: '', sort: 'strokeSurname' }, admin)).jobId);
    await plain.core.close();
    expect(fileIsSealed(blobPath(dir, attachment.sha256))).toBe(false);

    const { key } = newDataKey();
    encryptDatabaseFile(join(dir, 'guangrong.db'), key);
    expect((await sealDataFolderFiles(dir, key)).files).toBeGreaterThanOrEqual(2);
    t = makeTestCore({ dataDir: dir, dataKey: key });
    const again = await signIn(t, false);
    const page = await t.ok('attachments.page', { id: attachment.id, page: 1, width: 400 }, again);
    expect((await sharp(Buffer.from(page.dataBase64, 'base64')).metadata()).width).toBe(400);
    const part = await t.ok('attachments.original', { id: attachment.id, offset: 70_000, length: 1000 }, again);
    expect(Buffer.from(part.dataBase64, 'base64').equals(scan.subarray(70_000, 71_000))).toBe(true);
    const file = await t.ok('exports.file', { jobId: exported.id }, again);
    expect(Buffer.from(file.dataBase64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
    const found = inspectDataFolder(dir, { name: Buffer.from(MARKER_NAME, 'utf8'), scan: scan.subarray(40_000, 40_064) });
    expect(found.plainFiles).toEqual([]);
    expect(found.markerFound).toEqual([]);
  });
});
