/**
 * Backups and restores of encrypted installations, through the core host on real temp folders:
 * the backup holds the data as stored (the database encrypted with the same key — VACUUM INTO,
 * consistent while writes go on —, the sealed attachments, encryption.json, the key id in the
 * manifest); a backup of the installation's key restores as before; one of another key asks for a
 * password of its day or its recovery key, and after it the installation runs under that key; a
 * plain backup (made before encryption) is listed as such, can be deleted, and restored into the
 * encrypted installation is encrypted before it goes in.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZipReader } from '../../../electron/core/backup/zip';
import { sqlKeyPragmas, type DataKey } from '../../../electron/core/crypto/dataKey';
import { readKeyFile, wrapWithPassword, writeKeyFile } from '../../../electron/core/crypto/keyFile';
import { fileIsSealed } from '../../../electron/core/crypto/sealed';
import { databaseIsPlain, openDatabase } from '../../../electron/core/db/connection';
import { listAttachmentFiles } from '../../../electron/core/backup/files';
import { backupManifestSchema, type Job } from '../../../shared/contract';
import type { Session } from '../../../electron/core';
import { ADMIN, tempDir } from '../../support/tempCore';
import { newDataKey } from '../../support/encryptedFolder';
import { makeJpeg } from '../attachments/files';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { insertUser } from '../../../electron/core/db/users';
import { hashPassword } from '../../../electron/core/auth/password';
import { makeHost, setUp, storeAttachment, type TestHost } from './support';

const MARKER = '覃鑫淼';

let root: string;
let folder: string;
const hosts: TestHost[] = [];

beforeEach(() => {
  root = tempDir('guangrong-encbackup-');
  folder = join(root, 'usb');
  mkdirSync(folder);
});

afterEach(async () => {
  for (const h of hosts.splice(0)) await h.host.close();
  rmSync(root, { recursive: true, force: true });
});

/** An installation encrypted from its first start (key file with the administrator's wrap), set up. */
async function encryptedInstallation(name: string, key: DataKey): Promise<{ t: TestHost; admin: Session }> {
  const dataDir = join(root, name);
  mkdirSync(dataDir);
  const at = '2026-12-04T10:00:00.000Z';
  writeKeyFile(dataDir, { format: 'guangrong-encryption', version: 1, keyId: key.id, cipher: 'sqlcipher-4', state: 'encrypted', createdAt: at, createdBy: ADMIN.username, passwords: [await wrapWithPassword(key, { id: 1, username: ADMIN.username }, ADMIN.password, at)] });
  const t = makeHost(dataDir, undefined, { dataKey: key });
  hosts.push(t);
  return { t, admin: await setUp(t) };
}

async function plainInstallation(name: string): Promise<{ t: TestHost; admin: Session }> {
  const t = makeHost(join(root, name));
  hosts.push(t);
  return { t, admin: await setUp(t) };
}

async function backupNow(t: TestHost, admin: Session): Promise<string> {
  const job = await t.job(await t.ok('backup.create', { folder }, admin));
  expect(job.status, JSON.stringify(job.error)).toBe('done');
  return (job.result as { file: string }).file;
}

async function restore(t: TestHost, admin: Session, input: { file: string; key?: { username: string; password: string } | { recoveryKey: string } }): Promise<Job> {
  const job = await t.job(await t.ok('backup.restore', input, admin));
  expect(job.status, JSON.stringify(job.error)).toBe('done');
  return job;
}

const names = async (t: TestHost, session: Session) => (await t.ok('martyrs.search', {}, session)).rows.map((r) => r.name).sort();

function openKeyed(file: string, key: DataKey) {
  const db = new Database(file, { readonly: true });
  for (const pragma of sqlKeyPragmas(key)) db.pragma(pragma);
  return db;
}

describe('a backup of an encrypted installation', () => {
  it('holds the database encrypted with the same key (a consistent copy while writes go on), the sealed files and encryption.json; no name in the clear', async () => {
    const { key } = newDataKey();
    const { t, admin } = await encryptedInstallation('data', key);
    await t.ok('martyrs.create', { name: MARKER }, admin);
    const scan = await makeJpeg();
    const sha = await storeAttachment(t, admin, 'scan.jpg', scan);
    const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅';
    const nameOf = (surname: string, i: number) => `${surname}${given[i % given.length]}${given[Math.floor(i / given.length) % given.length]}`;
    for (let i = 0; i < 30; i++) await t.ok('martyrs.create', { name: nameOf('王', i) }, admin);
    const started = await t.ok('backup.create', { folder }, admin);
    let written = 0;
    while (t.host.core!.jobs.isRunning(started.id) && written < 500) {
      await t.ok('martyrs.create', { name: nameOf('赵', written++) }, admin);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const job = await t.job(started);
    expect(job.status, JSON.stringify(job.error)).toBe('done');
    expect(written).toBeGreaterThan(0);
    const file = (job.result as { file: string }).file;
    expect(readFileSync(file).includes(Buffer.from(MARKER, 'utf8'))).toBe(false);

    const zip = ZipReader.open(file);
    const manifest = backupManifestSchema.parse(JSON.parse(zip.readBytes('manifest.json').toString('utf8')));
    expect(manifest.encryption).toEqual({ keyId: key.id });
    expect(manifest.entries.map((e) => e.name).sort()).toEqual(['encryption.json', 'guangrong.db', `attachments/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`].sort());
    expect(JSON.stringify(manifest)).not.toContain(MARKER);
    const copy = join(root, 'copy.db');
    writeFileSync(copy, zip.readBytes('guangrong.db'));
    const blob = zip.readBytes(`attachments/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`);
    expect(JSON.parse(zip.readBytes('encryption.json').toString('utf8'))).toMatchObject({ keyId: key.id });
    zip.close();
    expect(databaseIsPlain(copy)).toBe(false);
    expect(() => new Database(copy, { readonly: true }).prepare('SELECT count(*) FROM martyrs').get()).toThrow();
    const db = openKeyed(copy, key);
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    const rows = (db.prepare('SELECT count(*) AS n FROM martyrs').get() as { n: number }).n;
    db.close();
    expect(rows).toBe(manifest.counts.martyrs);
    expect(rows).toBeGreaterThanOrEqual(31);
    expect(blob.subarray(0, 8).toString('latin1')).toBe('GRSEAL01');

    const listed = await t.ok('backup.list', { folder }, admin);
    expect(listed[0]).toMatchObject({ keyStatus: 'installationKey', unencryptedCopy: false, summary: { encryption: { keyId: key.id } } });
  });

  it('restores with the installation’s key as before: data and sealed attachments back', async () => {
    const { key } = newDataKey();
    const { t, admin } = await encryptedInstallation('data', key);
    await t.ok('martyrs.create', { name: MARKER }, admin);
    const scan = await makeJpeg();
    await storeAttachment(t, admin, 'scan.jpg', scan);
    const file = await backupNow(t, admin);
    await t.ok('martyrs.create', { name: '李成功' }, admin);
    await restore(t, admin, { file });
    const again = await t.signIn();
    expect(await names(t, again)).toEqual([MARKER]);
    expect(readKeyFile(t.dataDir)).toMatchObject({ keyId: key.id });
    const [stored] = listAttachmentFiles(t.dataDir);
    expect(fileIsSealed(stored!.path)).toBe(true);
    const a = (await t.ok('attachments.original', { id: 1, offset: 0, length: 4 * 1024 * 1024 }, again));
    expect(Buffer.from(a.dataBase64, 'base64').equals(scan)).toBe(true);
  });
});

describe('the backup before a migration of an encrypted installation', () => {
  it('is encrypted with the installation’s key (VACUUM INTO from the keyed connection) and names it', async () => {
    const { key } = newDataKey();
    const dataDir = join(root, 'data');
    mkdirSync(dataDir);
    const old = openDatabase(join(dataDir, 'guangrong.db'), { key });
    migrate(old, migrations, migrations.length - 1);
    insertUser(old, { username: ADMIN.username, displayName: ADMIN.displayName, role: 'admin', passwordHash: await hashPassword(ADMIN.password), mustChangePassword: false, at: '2026-12-01T09:00:00.000Z' });
    old.close();
    const t = makeHost(dataDir, undefined, { dataKey: key });
    hosts.push(t);
    expect(t.host.core).not.toBeNull();
    const [listed] = await t.ok('backup.list', {}, await t.signIn());
    expect(listed).toMatchObject({ keyStatus: 'installationKey', summary: { reason: 'before-migration', schemaVersion: migrations.length - 1, encryption: { keyId: key.id }, counts: { users: 1 } } });
    const zip = ZipReader.open(listed!.file);
    const copy = join(root, 'copy.db');
    writeFileSync(copy, zip.readBytes('guangrong.db'));
    zip.close();
    expect(databaseIsPlain(copy)).toBe(false);
    const db = openKeyed(copy, key);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length - 1);
    db.close();
  });
});

describe('a backup under another key', () => {
  it('asks for its key; with a password of its day it restores, and the installation then runs under the backup’s key and key file', async () => {
    const theirs = newDataKey().key;
    const other = await encryptedInstallation('other', theirs);
    await other.t.ok('martyrs.create', { name: MARKER }, other.admin);
    const scan = await makeJpeg(320, 200, '#305080');
    await storeAttachment(other.t, other.admin, 'scan.jpg', scan);
    const file = await backupNow(other.t, other.admin);

    const ours = newDataKey().key;
    const { t, admin } = await encryptedInstallation('data', ours);
    await t.ok('martyrs.create', { name: '李成功' }, admin);
    expect((await t.ok('backup.inspect', { file }, admin)).keyStatus).toBe('otherKey');
    const refused = await t.host.call('backup.restore', { file }, admin);
    expect(refused).toMatchObject({ ok: false, error: { code: 'DATA_LOCKED' } });
    expect(!refused.ok && refused.error.message.zh).toContain(theirs.id);
    expect(await t.host.call('backup.restore', { file, key: { username: ADMIN.username, password: 'not the password' } }, admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.host.call('backup.restore', { file, key: { recoveryKey: newDataKey().recoveryKey } }, admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const job = await restore(t, admin, { file, key: { username: ADMIN.username, password: ADMIN.password } });
    // The job's result names the key by its id only.
    expect(JSON.stringify(job.result)).not.toContain(theirs.key.toString('hex'));
    expect(job.result).toMatchObject({ keyId: theirs.id });
    const again = await t.signIn();
    expect(await names(t, again)).toEqual([MARKER]);
    expect(readKeyFile(t.dataDir)).toMatchObject({ keyId: theirs.id });
    const part = await t.ok('attachments.original', { id: 1, offset: 0, length: 4 * 1024 * 1024 }, again);
    expect(Buffer.from(part.dataBase64, 'base64').equals(scan)).toBe(true);
    // The installation's own key file is kept with the replaced data.
    const aside = await t.ok('backup.asideList', {}, again);
    expect(readKeyFile(aside[0]!.path)).toMatchObject({ keyId: ours.id });
  });

  it('into a plain installation, opened with its recovery key: the installation is encrypted after it', async () => {
    const { key: theirs, recoveryKey } = newDataKey();
    const other = await encryptedInstallation('other', theirs);
    await other.t.ok('martyrs.create', { name: MARKER }, other.admin);
    const file = await backupNow(other.t, other.admin);

    const { t, admin } = await plainInstallation('data');
    expect((await t.ok('backup.inspect', { file }, admin)).keyStatus).toBe('otherKey');
    await restore(t, admin, { file, key: { recoveryKey: recoveryKey.toLowerCase().replace(/-/g, ' ') } });
    const again = await t.signIn();
    expect(await names(t, again)).toEqual([MARKER]);
    expect(databaseIsPlain(join(t.dataDir, 'guangrong.db'))).toBe(false);
    expect(readKeyFile(t.dataDir)).toMatchObject({ keyId: theirs.id });
  });
});

describe('a plain backup (made before encryption)', () => {
  it('is listed as unencrypted and can be deleted; restored, it is encrypted with the installation’s key before it goes in', async () => {
    const { t: plain, admin: plainAdmin } = await plainInstallation('old');
    await plain.ok('martyrs.create', { name: MARKER }, plainAdmin);
    const scan = await makeJpeg(300, 300, '#806040');
    const sha = await storeAttachment(plain, plainAdmin, 'scan.jpg', scan);
    const file = await backupNow(plain, plainAdmin);
    const second = await backupNow(plain, plainAdmin);
    expect((await plain.ok('backup.inspect', { file }, plainAdmin))).toMatchObject({ keyStatus: 'plain', unencryptedCopy: false });
    // In a plain installation there is nothing to delete for.
    expect(await plain.host.call('backup.removePlain', { file: second }, plainAdmin)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const { key } = newDataKey();
    const { t, admin } = await encryptedInstallation('data', key);
    await t.ok('martyrs.create', { name: '李成功' }, admin);
    const listed = await t.ok('backup.list', { folder }, admin);
    expect(listed.map((b) => b.unencryptedCopy)).toEqual([true, true]);
    expect(listed[0]).toMatchObject({ keyStatus: 'plain', summary: { encryption: null } });
    await t.ok('backup.removePlain', { file: second }, admin);
    expect(existsSync(second)).toBe(false);
    const audit = await t.ok('audit.list', { entity: 'backup' }, admin);
    expect(audit.entries.map((e) => e.action)).toContain('remove-plain');
    // An encrypted backup is not deleted this way.
    const own = await backupNow(t, admin);
    expect(await t.host.call('backup.removePlain', { file: own }, admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    await restore(t, admin, { file });
    const again = await t.signIn();
    expect(await names(t, again)).toEqual([MARKER]);
    expect(databaseIsPlain(join(t.dataDir, 'guangrong.db'))).toBe(false);
    expect(readKeyFile(t.dataDir)).toMatchObject({ keyId: key.id });
    const blob = listAttachmentFiles(t.dataDir).find((f) => f.name.endsWith(sha))!;
    expect(fileIsSealed(blob.path)).toBe(true);
    const part = await t.ok('attachments.original', { id: 1, offset: 0, length: 4 * 1024 * 1024 }, again);
    expect(Buffer.from(part.dataBase64, 'base64').equals(scan)).toBe(true);
  });
});
