/**
 * `recovery.lastRestore` (public): what the sign-in screen tells after a restore — when, which
 * backup (made when, by whom), where the replaced data was kept — read from the restored
 * database's own record, so it survives a reload or a restart, until somebody signs in. And the
 * progress of a restore in files and bytes, from the recovery screen (events, not a job) as from
 * Administration (the job's progress).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastRestoreSchema, type BackendEvent, type Job, type RecoveryProgress } from '../../../shared/contract';
import { ADMIN, tempDir } from '../../support/tempCore';
import { makeHost, setUp, type TestHost } from './support';

let root: string;
let dataDir: string;
let folder: string;
const open: TestHost[] = [];

function host(): TestHost {
  const t = makeHost(dataDir);
  open.push(t);
  return t;
}

async function closeAll(): Promise<void> {
  for (const t of open.splice(0)) await t.host.close();
}

beforeEach(() => {
  root = tempDir('guangrong-last-restore-');
  dataDir = join(root, 'data');
  folder = join(root, 'usb');
  mkdirSync(folder);
});

afterEach(async () => {
  await closeAll();
  rmSync(root, { recursive: true, force: true });
});

/** A set-up database with one backup of it in the USB folder; answers the backup's file and manifest time. */
async function withBackup(t: TestHost) {
  const admin = await setUp(t);
  await t.ok('settings.update', { officeName: '惠民县退役军人事务局' }, admin);
  const job = await t.job(await t.ok('backup.create', { folder }, admin));
  expect(job.status).toBe('done');
  const file = (job.result as { file: string }).file;
  const inspected = await t.ok('backup.inspect', { file }, admin);
  return { admin, file, createdAt: inspected.summary!.createdAt, files: inspected.summary!.files, bytes: inspected.summary!.bytes };
}

describe('recovery.lastRestore', () => {
  it('answers null before sign-in when no restore has happened', async () => {
    const t = host();
    await withBackup(t);
    expect(await t.ok('recovery.lastRestore', {}, t.host.openSession())).toBeNull();
  });

  it('after a restore from Administration: tells when, which backup, by whom and where the old data is, across a restart, until a sign-in', async () => {
    const t = host();
    const { admin, file, createdAt, files, bytes } = await withBackup(t);
    await t.ok('settings.update', { officeName: '改动后的名称' }, admin);
    const events: Job[] = [];
    const off = t.host.on((event: BackendEvent) => {
      if (event.name === 'job.progress' && event.payload.kind === 'backup.restore') events.push(event.payload);
    });
    const job = await t.job(await t.ok('backup.restore', { file }, admin));
    off();
    expect(job.status, JSON.stringify(job.error)).toBe('done');
    // The verification reports files and bytes, as the recovery screen's restore does.
    const checked = events.filter((e) => e.status === 'running' && e.phase === 'checking').at(-1);
    expect(checked).toMatchObject({ done: files, total: files * 2, bytes: { done: bytes, total: bytes } });

    const anonymous = t.host.openSession();
    const notice = await t.ok('recovery.lastRestore', {}, anonymous);
    expect(lastRestoreSchema.parse(notice)).toEqual(notice);
    expect(notice).toMatchObject({ at: '2026-12-04T10:30:00.000Z', file, backupCreatedAt: createdAt, backupCreatedBy: ADMIN.username, beforeSignIn: false });
    expect(notice!.replacedDir.startsWith(join(dataDir, 'replaced-'))).toBe(true);
    // The replaced data is where the notice says: the database with the changed office name.
    expect(existsSync(join(notice!.replacedDir, 'guangrong.db'))).toBe(true);

    // The page reloads, the application restarts: still told (from the database, not from memory).
    await closeAll();
    const again = host();
    expect(await again.ok('recovery.lastRestore', {}, again.host.openSession())).toEqual(notice);

    // A failed sign-in does not end it; the first successful one does.
    const failed = await again.host.call('auth.login', { username: ADMIN.username, password: 'wrong password' }, again.host.openSession());
    expect(failed).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    expect(await again.ok('recovery.lastRestore', {}, again.host.openSession())).toEqual(notice);
    const signedIn = await again.signIn();
    expect(await again.ok('recovery.lastRestore', {}, again.host.openSession())).toBeNull();
    expect(await again.ok('recovery.lastRestore', {}, signedIn)).toBeNull();
  });

  it('after a restore from the recovery screen of a damaged database: the damaged data’s folder, restored before sign-in', async () => {
    const first = host();
    const { file, createdAt, files, bytes } = await withBackup(first);
    await closeAll();
    const dbFile = join(dataDir, 'guangrong.db');
    rmSync(`${dbFile}-wal`, { force: true });
    rmSync(`${dbFile}-shm`, { force: true });
    writeFileSync(dbFile, Buffer.alloc(50_000, 0x41));
    const damagedBytes = readFileSync(dbFile);

    const t = host();
    expect(t.host.core).toBeNull();
    // While the database cannot be opened there is no restore to tell of.
    expect(await t.ok('recovery.lastRestore', {}, t.host.openSession())).toBeNull();
    const progress: RecoveryProgress[] = [];
    const off = t.host.on((event: BackendEvent) => {
      if (event.name === 'recovery.progress') progress.push(event.payload);
    });
    const restored = await t.ok('recovery.restore', { file }, t.host.openSession());
    off();
    // Not a job (no database for the jobs): its progress goes out as events, files and bytes, then the swap.
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-2)).toEqual({ phase: 'checking', done: files, total: files, bytes: { done: bytes, total: bytes } });
    expect(progress.at(-1)).toEqual({ phase: 'replacing', done: files, total: files, bytes: { done: bytes, total: bytes } });
    expect(progress.every((p) => p.done <= p.total && p.bytes.done <= p.bytes.total)).toBe(true);

    const notice = await t.ok('recovery.lastRestore', {}, t.host.openSession());
    expect(notice).toEqual({ at: '2026-12-04T10:30:00.000Z', file, backupCreatedAt: createdAt, backupCreatedBy: ADMIN.username, replacedDir: restored.replacedDir, beforeSignIn: true });
    expect(readFileSync(join(notice!.replacedDir, 'guangrong.db')).equals(damagedBytes)).toBe(true);
    await t.signIn();
    expect(await t.ok('recovery.lastRestore', {}, t.host.openSession())).toBeNull();
  });
});
