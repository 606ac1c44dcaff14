/**
 * What the start of the application does for safekeeping: a copy of the database before a
 * migration changes it, and a damaged or truncated database kept aside untouched with the offer
 * to restore the newest backup — never a blank new database in its place.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/core/db/migrations';
import { ZipReader } from '../../../electron/core/backup/zip';
import { backupManifestSchema, type RecoveryStatus } from '../../../shared/contract';
import { ADMIN, tempDir } from '../../support/tempCore';
import { openDatabase } from '../../../electron/core/db/connection';
import { migrate } from '../../../electron/core/db/migrate';
import { insertUser } from '../../../electron/core/db/users';
import { hashPassword } from '../../../electron/core/auth/password';
import { makeJpeg } from '../attachments/files';
import { attachmentFiles, makeHost, setUp, storeAttachment, type TestHost } from './support';

let root: string;
let dataDir: string;
const open: TestHost[] = [];

function host(): TestHost {
  const t = makeHost(dataDir);
  open.push(t);
  return t;
}

beforeEach(() => {
  root = tempDir('guangrong-startup-');
  dataDir = join(root, 'data');
});

afterEach(async () => {
  for (const t of open.splice(0)) await t.host.close();
  rmSync(root, { recursive: true, force: true });
});

describe('before a migration', () => {
  it('an existing database with data is backed up (database only) into the automatic folder, and the run recorded', async () => {
    // A database as the previous version left it (one migration behind), with its administrator.
    mkdirSync(dataDir, { recursive: true });
    const old = openDatabase(join(dataDir, 'guangrong.db'));
    migrate(old, migrations, migrations.length - 1);
    insertUser(old, { username: ADMIN.username, displayName: ADMIN.displayName, role: 'admin', passwordHash: await hashPassword(ADMIN.password), mustChangePassword: false, at: '2026-12-01T09:00:00.000Z' });
    old.close();

    const second = host();
    expect(second.host.core).not.toBeNull();
    const files = readdirSync(join(dataDir, 'backups'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^光荣自动备份-.*-before-migration\.grbak$/);
    const zip = ZipReader.open(join(dataDir, 'backups', files[0]!));
    const manifest = backupManifestSchema.parse(JSON.parse(zip.readBytes('manifest.json').toString('utf8')));
    zip.close();
    expect(manifest).toMatchObject({ reason: 'before-migration', schemaVersion: migrations.length - 1, includesAttachments: false, counts: { users: 1 } });

    const session = await second.signIn();
    const settings = await second.ok('backup.settings', {}, session);
    expect(settings.lastAutomaticFile).toBe(join(dataDir, 'backups', files[0]!));
    const audit = await second.ok('audit.list', { entity: 'backup' }, session);
    expect(audit.entries[0]).toMatchObject({ action: 'automatic', username: 'system' });
  });

  it('a new, empty data folder is not backed up (nothing to protect)', () => {
    host();
    expect(existsSync(join(dataDir, 'backups'))).toBe(false);
  });
});

async function withBackup(): Promise<{ file: string; attachments: Record<string, string> }> {
  const first = host();
  const admin = await setUp(first);
  await first.ok('martyrs.create', { name: '张德胜' }, admin);
  await storeAttachment(first, admin, 'scan.jpg', await makeJpeg());
  const folder = join(dataDir, 'backups');
  mkdirSync(folder, { recursive: true });
  const job = await first.job(await first.ok('backup.create', { folder }, admin));
  expect(job.status).toBe('done');
  await first.ok('martyrs.create', { name: '李成功' }, admin);
  await first.host.close();
  open.pop();
  return { file: (job.result as { file: string }).file, attachments: attachmentFiles(dataDir) };
}

const damages = {
  'damaged (pages overwritten)': (file: string) => {
    const bytes = readFileSync(file);
    // Keep the header (page 1) so SQLite opens it; scribble over every other page.
    for (let i = 4096; i < bytes.length; i++) bytes[i] = (i * 7) & 0xff;
    writeFileSync(file, bytes);
  },
  'truncated (cut to a third)': (file: string) => truncateSync(file, Math.floor(statSync(file).size / 3)),
  'not a database at all': (file: string) => writeFileSync(file, Buffer.alloc(50_000, 0x41)),
};

describe.each(Object.entries(damages))('a database %s at start', (_label, damage) => {
  it('is kept aside untouched, the newest backup offered, and restored from before sign-in', async () => {
    const { file, attachments } = await withBackup();
    const dbFile = join(dataDir, 'guangrong.db');
    rmSync(`${dbFile}-wal`, { force: true });
    rmSync(`${dbFile}-shm`, { force: true });
    damage(dbFile);
    const damagedBytes = readFileSync(dbFile);

    const t = host();
    expect(t.host.core).toBeNull();
    const session = t.host.openSession();
    const status = (await t.ok('recovery.status', {}, session)) as Extract<RecoveryStatus, { state: 'damaged' }>;
    expect(status.state).toBe('damaged');
    expect(status.message.zh).toContain('数据库文件已损坏');
    expect(readFileSync(join(status.damagedDir!, 'guangrong.db')).equals(damagedBytes)).toBe(true);
    expect(status.backups.map((b) => b.file)).toEqual([file]);
    // Never a blank database in its place: the damaged file is still there, and nothing else answers.
    expect(readFileSync(dbFile).equals(damagedBytes)).toBe(true);
    expect(await t.host.call('setup.status', {}, session)).toMatchObject({ ok: false, error: { code: 'DATABASE_CORRUPT' } });
    expect(await t.host.call('auth.login', { username: 'admin', password: 'x' }, session)).toMatchObject({ ok: false, error: { code: 'DATABASE_CORRUPT' } });

    // A second start finds the same damage: no second copy, still no blank database.
    await t.host.close();
    open.pop();
    const again = host();
    expect(again.host.core).toBeNull();
    expect(readdirSync(dataDir).filter((n) => n.startsWith('damaged-'))).toHaveLength(1);

    const restored = await again.ok('recovery.restore', { file }, again.host.openSession());
    expect(restored.restored).toBe(true);
    expect(again.host.core).not.toBeNull();
    expect(readFileSync(join(restored.replacedDir, 'guangrong.db')).equals(damagedBytes)).toBe(true);
    const admin = await again.signIn();
    const list = await again.ok('martyrs.search', {}, admin);
    expect(list.rows.map((r) => r.name)).toEqual(['张德胜']);
    expect(attachmentFiles(dataDir)).toEqual(attachments);
    expect((await again.ok('backup.asideList', {}, admin)).map((a) => a.kind).sort()).toEqual(['damaged', 'replaced']);
    // Once the data is fine, recovery.restore is refused.
    expect(await again.host.call('recovery.restore', { file }, admin)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('recovery before sign-in', () => {
  it('refuses a tampered backup and leaves the damaged database where it was', async () => {
    const { file } = await withBackup();
    const dbFile = join(dataDir, 'guangrong.db');
    rmSync(`${dbFile}-wal`, { force: true });
    damages['not a database at all'](dbFile);
    const bytes = readFileSync(file);
    const zip = ZipReader.open(file);
    const entry = zip.entries.get('guangrong.db')!;
    zip.close();
    bytes[entry.dataStart + 5000] = bytes[entry.dataStart + 5000]! ^ 0x01;
    writeFileSync(file, bytes);

    const t = host();
    const refused = await t.host.call('recovery.restore', { file }, t.host.openSession());
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_FILE' } });
    expect(t.host.core).toBeNull();
    expect(readFileSync(dbFile).equals(Buffer.alloc(50_000, 0x41))).toBe(true);
    expect(readdirSync(dataDir).filter((n) => n.startsWith('replaced-') || n.startsWith('restore-staging'))).toEqual([]);
  });
});
