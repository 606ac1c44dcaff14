/**
 * Backup and restore through the core host on real temp folders: the round trip (data and
 * attachments identical, the replaced data kept aside and removable), backups taken while writes
 * go on, and the refusals — a tampered entry, a truncated file, a newer schema — that replace nothing.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZipReader, ZipWriter } from '../../../electron/core/backup/zip';
import { migrations } from '../../../electron/core/db/migrations';
import { backupManifestSchema, type Job } from '../../../shared/contract';
import type { Session } from '../../../electron/core';
import { tempDir } from '../../support/tempCore';
import { makeJpeg, makePng } from '../attachments/files';
import { attachmentFiles, makeHost, setUp, storeAttachment, type TestHost } from './support';

const zhang = { name: '张德胜', deathDate: '1940年', deathPlaceText: '惠民县' };
const li = { name: '李成功', deathDate: '1947年春' };

let root: string;
let t: TestHost;
let admin: Session;
let folder: string;

beforeEach(async () => {
  root = tempDir('guangrong-backup-');
  folder = join(root, 'usb');
  mkdirSync(folder);
  t = makeHost(join(root, 'data'));
  admin = await setUp(t);
});

afterEach(async () => {
  await t.host.close();
  rmSync(root, { recursive: true, force: true });
});

async function backupNow(): Promise<{ job: Job; file: string }> {
  const job = await t.job(await t.ok('backup.create', { folder }, admin));
  expect(job.status, JSON.stringify(job.error)).toBe('done');
  // Its progress ends with every file counted (the bar says N / N, not 0 / 1).
  expect(job.done).toBe(job.total);
  return { job, file: (job.result as { file: string }).file };
}

async function martyrNames(session: Session): Promise<string[]> {
  const page = await t.ok('martyrs.search', {}, session);
  return page.rows.map((r) => r.name).sort();
}

describe('a backup', () => {
  it('is one .grbak file with the database, every attachment and a manifest of their hashes', async () => {
    await t.ok('martyrs.create', zhang, admin);
    await storeAttachment(t, admin, 'scan.jpg', await makeJpeg());
    const { job, file } = await backupNow();
    expect(file).toMatch(/光荣备份-\d{4}-\d{2}-\d{2}-\d{4}\.grbak$/);
    expect(readdirSync(folder)).toEqual([file.split('/').pop()]);
    expect(job.result).toMatchObject({ files: 2 });

    const zip = ZipReader.open(file);
    const manifest = backupManifestSchema.parse(JSON.parse(zip.readBytes('manifest.json').toString('utf8')));
    expect(manifest).toMatchObject({ appVersion: '0.1.0-test', schemaVersion: migrations.length, reason: 'manual', includesAttachments: true, createdBy: { username: 'admin' } });
    expect(manifest.counts).toMatchObject({ martyrs: 1, attachments: 1, users: 1 });
    for (const entry of manifest.entries) expect(await zip.streamEntry(entry.name, () => {})).toBe(entry.sha256);
    zip.close();

    const listed = await t.ok('backup.list', { folder }, admin);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ restorable: true, problem: null, summary: { files: 2, counts: { martyrs: 1 } } });
  });

  it('is taken while writes go on, consistent (quick_check ok, counts as in the copy)', async () => {
    const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅';
    const nameOf = (surname: string, i: number) => `${surname}${given[i % given.length]}${given[Math.floor(i / given.length) % given.length]}`;
    for (let i = 0; i < 50; i++) await t.ok('martyrs.create', { name: nameOf('王', i) }, admin);
    const started = await t.ok('backup.create', { folder }, admin);
    let written = 0;
    // Writes on the app's own connection while the job's worker copies (each turn lets the worker's messages in).
    while (t.host.core!.jobs.isRunning(started.id) && written < 2000) {
      await t.ok('martyrs.create', { name: nameOf('赵', written++) }, admin);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const job = await t.job(started);
    expect(job.status).toBe('done');
    expect(written).toBeGreaterThan(0);
    const zip = ZipReader.open((job.result as { file: string }).file);
    const manifest = backupManifestSchema.parse(JSON.parse(zip.readBytes('manifest.json').toString('utf8')));
    const copy = join(root, 'copy.db');
    writeFileSync(copy, zip.readBytes('guangrong.db'));
    zip.close();
    const db = new Database(copy, { readonly: true });
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    const rows = (db.prepare('SELECT count(*) AS n FROM martyrs').get() as { n: number }).n;
    db.close();
    expect(rows).toBe(manifest.counts.martyrs);
    expect(rows).toBeGreaterThanOrEqual(50);
  });

  it('cancelled, leaves no file behind', async () => {
    await storeAttachment(t, admin, 'a.png', await makePng());
    const started = await t.ok('backup.create', { folder }, admin);
    await t.ok('jobs.cancel', { id: started.id }, admin);
    const job = await t.job(started);
    expect(job.status).toBe('cancelled');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('to a folder that is not there (a USB stick not plugged in) is refused with a message', async () => {
    const job = await t.job(await t.ok('backup.create', { folder: join(root, 'nowhere') }, admin));
    expect(job.status).toBe('failed');
    expect(job.error?.message.zh).toContain('找不到备份文件夹');
  });

  it('is for administrators only', async () => {
    await t.ok('users.create', { username: 'clerk', displayName: '档案员', role: 'clerk', password: 'initial-pass-1' }, admin);
    const clerk = t.host.openSession();
    await t.ok('auth.login', { username: 'clerk', password: 'initial-pass-1' }, clerk);
    await t.ok('auth.changePassword', { currentPassword: 'initial-pass-1', newPassword: 'my own pass 2' }, clerk);
    expect(await t.host.call('backup.create', { folder }, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.host.call('backup.restore', { file: join(folder, 'x.grbak') }, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('a restore', () => {
  it('round trip: backup → change the data → restore gives the same data and attachments back, the replaced data kept aside', async () => {
    await t.ok('martyrs.create', zhang, admin);
    await storeAttachment(t, admin, 'scan.jpg', await makeJpeg());
    const before = attachmentFiles(t.dataDir);
    const { file } = await backupNow();

    await t.ok('martyrs.create', li, admin);
    await storeAttachment(t, admin, 'other.png', await makePng());
    expect(Object.keys(attachmentFiles(t.dataDir))).toHaveLength(2);

    const preview = await t.ok('backup.inspect', { file }, admin);
    expect(preview).toMatchObject({ restorable: true, summary: { counts: { martyrs: 1, attachments: 1 }, createdBy: { username: 'admin' } } });

    const job = await t.job(await t.ok('backup.restore', { file }, admin));
    expect(job.status, JSON.stringify(job.error)).toBe('done');

    // Everyone signs in again, against the restored users.
    expect(await t.host.call('martyrs.search', {}, admin)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const again = await t.signIn();
    expect(await martyrNames(again)).toEqual([zhang.name]);
    expect(attachmentFiles(t.dataDir)).toEqual(before);

    // The data as it was before: in replaced-…, and as an automatic backup.
    const aside = await t.ok('backup.asideList', {}, again);
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatchObject({ kind: 'replaced' });
    expect(existsSync(join(aside[0]!.path, 'guangrong.db'))).toBe(true);
    expect(Object.keys(attachmentFiles(aside[0]!.path))).toHaveLength(2);
    const automatic = await t.ok('backup.list', {}, again);
    expect(automatic.map((b) => b.summary?.reason)).toEqual(['before-restore']);
    expect(automatic[0]!.summary?.counts.martyrs).toBe(2);
    const settings = await t.ok('backup.settings', {}, again);
    expect(settings.effectiveFolder).toBe(join(t.dataDir, 'backups'));
    expect(settings.lastAutomaticFile).toBe(automatic[0]!.file);

    // The restore is in the restored database's audit log.
    const audit = await t.ok('audit.list', { entity: 'backup' }, again);
    expect(audit.entries.map((r) => r.action)).toContain('restore');

    await t.ok('backup.removeAside', { name: aside[0]!.name }, again);
    expect(existsSync(aside[0]!.path)).toBe(false);
    expect(await t.ok('backup.asideList', {}, again)).toEqual([]);
  });

  it('of a tampered backup is refused, saying which entry, and nothing is replaced', async () => {
    await t.ok('martyrs.create', zhang, admin);
    const sha = await storeAttachment(t, admin, 'scan.jpg', await makeJpeg());
    const { file } = await backupNow();
    await t.ok('martyrs.create', li, admin);

    const zip = ZipReader.open(file);
    const entry = zip.entries.get(`attachments/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`)!;
    zip.close();
    const bytes = readFileSync(file);
    bytes[entry.dataStart + 100] = bytes[entry.dataStart + 100]! ^ 0xff;
    const tampered = join(folder, 'tampered.grbak');
    writeFileSync(tampered, bytes);

    const job = await t.job(await t.ok('backup.restore', { file: tampered }, admin));
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('BAD_FILE');
    expect(job.error?.message.zh).toContain(`“attachments/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}”与备份时记录的校验值`);
    expect(await martyrNames(admin)).toEqual([zhang.name, li.name].sort());
    expect(await t.ok('backup.asideList', {}, admin)).toEqual([]);
    expect(readdirSync(t.dataDir).filter((n) => n.startsWith('restore-staging'))).toEqual([]);
  });

  it('of a truncated backup (a USB stick pulled out) is refused before it starts', async () => {
    await t.ok('martyrs.create', zhang, admin);
    const { file } = await backupNow();
    const cut = join(folder, 'cut.grbak');
    copyFileSync(file, cut);
    truncateSync(cut, Math.floor(readFileSync(file).length / 2));

    const preview = await t.ok('backup.inspect', { file: cut }, admin);
    expect(preview).toMatchObject({ restorable: false, summary: null });
    expect(preview.problem?.zh).toContain('备份文件不完整');
    const refused = await t.host.call('backup.restore', { file: cut }, admin);
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_FILE' } });
    expect(await martyrNames(admin)).toEqual([zhang.name]);
  });

  it('of a backup from a newer schema is refused', async () => {
    const { file } = await backupNow();
    // The same backup as a newer Guangrong would write it: its database at schema + 1.
    const source = ZipReader.open(file);
    const db = join(root, 'newer.db');
    writeFileSync(db, source.readBytes('guangrong.db'));
    const manifest = backupManifestSchema.parse(JSON.parse(source.readBytes('manifest.json').toString('utf8')));
    source.close();
    const raw = new Database(db);
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();
    const newer = join(folder, 'newer.grbak');
    const { openSync, closeSync, statSync } = await import('node:fs');
    const fd = openSync(newer, 'w');
    const zip = new ZipWriter(fd, new Date());
    const entry = zip.addFile('guangrong.db', db, statSync(db).size);
    zip.addBytes('manifest.json', Buffer.from(JSON.stringify({ ...manifest, schemaVersion: migrations.length + 1, includesAttachments: false, entries: [entry] })));
    zip.finish();
    closeSync(fd);

    const preview = await t.ok('backup.inspect', { file: newer }, admin);
    expect(preview.restorable).toBe(false);
    expect(preview.problem?.zh).toContain('更新版本');
    expect(await t.host.call('backup.restore', { file: newer }, admin)).toMatchObject({ ok: false, error: { code: 'DATABASE_TOO_NEW' } });
  });
});
