/**
 * The encryption lifecycle through the core host on real temp data folders: set-up in two steps
 * (the recovery key made in memory, then typed back), the database rekeyed and the files sealed
 * as a job, the locked start, unlock by password (signed in) or recovery key (sign-in page), the
 * limit on failed unlocks, and the password wraps kept in step with the administrators.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseIsPlain } from '../../../electron/core/db/connection';
import { fileIsSealed } from '../../../electron/core/crypto/sealed';
import { readKeyFile, keyFilePath } from '../../../electron/core/crypto/keyFile';
import { ADMIN, tempDir } from '../../support/tempCore';
import { sealingEnded, startHost, type EncryptionHost } from './support';

let dataDir: string;
const hosts: EncryptionHost[] = [];
const start = (options: { portable?: boolean; dailyBackups?: boolean } = {}) => {
  const t = startHost(dataDir, options);
  hosts.push(t);
  return t;
};
const restart = async (t: EncryptionHost) => {
  await t.host.close();
  hosts.splice(hosts.indexOf(t), 1);
  return start();
};

beforeEach(() => {
  dataDir = join(tempDir('guangrong-enc-life-'), 'data');
});
afterEach(async () => {
  for (const t of hosts.splice(0)) await t.host.close();
  rmSync(join(dataDir, '..'), { recursive: true, force: true });
});

const SCAN = Buffer.from('a scanned 证书 '.repeat(1000));

/** A set-up installation with an office name and one plain file under attachments/, encrypted through the two steps. */
async function encrypted(): Promise<{ t: EncryptionHost; recoveryKey: string }> {
  const t = start({ portable: true });
  const admin = t.host.openSession();
  await t.ok('setup.createAdmin', ADMIN, admin);
  await t.ok('settings.update', { officeName: '惠民县退役军人事务局' }, admin);
  mkdirSync(join(dataDir, 'attachments', 'ab', 'cd'), { recursive: true });
  writeFileSync(join(dataDir, 'attachments', 'ab', 'cd', 'scan'), SCAN);
  expect(await t.ok('encryption.status', {}, admin)).toMatchObject({ state: 'plain', portable: true, keyId: null });

  expect((await t.fails('encryption.prepare', { password: 'wrong password' }, admin)).code).toBe('INVALID_CREDENTIALS');
  expect((await t.fails('encryption.enable', { password: ADMIN.password, confirmLastGroup: 'ABCD' }, admin)).code).toBe('CONFLICT');
  const { recoveryKey } = await t.ok('encryption.prepare', { password: ADMIN.password }, admin);
  expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
  // Nothing is written by step 1.
  expect(existsSync(keyFilePath(dataDir))).toBe(false);
  const wrongGroup = recoveryKey.slice(-4) === '0000' ? '1111' : '0000';
  expect((await t.fails('encryption.enable', { password: ADMIN.password, confirmLastGroup: wrongGroup }, admin)).code).toBe('VALIDATION');
  expect(databaseIsPlain(join(dataDir, 'guangrong.db'))).toBe(true);

  const job = await t.ok('encryption.enable', { password: ADMIN.password, confirmLastGroup: recoveryKey.slice(-4).toLowerCase() }, admin);
  expect(job.kind).toBe('encryption.seal');
  // The same session is signed in again on the core reopened with the key.
  expect((await t.ok('auth.session', {}, admin)).user?.username).toBe(ADMIN.username);
  await sealingEnded(t.host);
  return { t, recoveryKey };
}

describe('setting encryption up', () => {
  it('rekeys the database, seals the files as a job, keeps the administrator signed in, and records who did it', async () => {
    const { t } = await encrypted();
    const admin = t.host.openSession();
    expect(databaseIsPlain(join(dataDir, 'guangrong.db'))).toBe(false);
    const scan = join(dataDir, 'attachments', 'ab', 'cd', 'scan');
    expect(fileIsSealed(scan)).toBe(true);
    const file = readKeyFile(dataDir);
    if (!file || file === 'damaged') throw new Error('no key file');
    expect(file).toMatchObject({ state: 'encrypted', createdBy: ADMIN.username });
    expect(file.passwords.map((w) => w.username)).toEqual([ADMIN.username]);
    // A new session (the same browser after a reload keeps its own): the data reads as before.
    const signedIn = await t.ok('auth.login', { username: ADMIN.username, password: ADMIN.password }, admin);
    expect(signedIn.user?.username).toBe(ADMIN.username);
    expect((await t.ok('settings.get', {}, admin)).officeName).toBe('惠民县退役军人事务局');
    const status = await t.ok('encryption.status', {}, admin);
    expect(status).toMatchObject({ state: 'encrypted', keyId: file.keyId, createdBy: ADMIN.username, unlockers: [{ username: ADMIN.username }] });
    const audit = await t.ok('audit.list', { entity: 'encryption' }, admin);
    expect(audit.entries.map((e) => [e.action, e.username])).toEqual([['encrypted', ADMIN.username]]);
    expect((await t.fails('encryption.prepare', { password: ADMIN.password }, admin)).code).toBe('CONFLICT');
  });
});

describe('a locked start', () => {
  it('answers only app.info, encryption.status and encryption.unlock until unlocked by a password, then is signed in', async () => {
    const first = await encrypted();
    const t = await restart(first.t);
    const s = t.host.openSession();
    expect(t.host.core).toBeNull();
    expect((await t.fails('setup.status', {}, s)).code).toBe('DATA_LOCKED');
    expect((await t.fails('auth.login', { username: ADMIN.username, password: ADMIN.password }, s)).code).toBe('DATA_LOCKED');
    expect((await t.ok('app.info', {}, s)).version).toBe('0.1.0-test');
    const locked = await t.ok('encryption.status', {}, s);
    expect(locked).toMatchObject({ state: 'locked', keyFileDamaged: false, unlockers: [], createdBy: null });

    const wrong = await t.fails('encryption.unlock', { username: ADMIN.username, password: 'not the password' }, s);
    const unknown = await t.fails('encryption.unlock', { username: 'nobody', password: ADMIN.password }, s);
    expect([wrong.code, unknown.code]).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS']);
    expect(unknown.message).toEqual(wrong.message);
    const unlocked = await t.ok('encryption.unlock', { username: ADMIN.username.toUpperCase(), password: ADMIN.password }, s);
    expect(unlocked.session.user?.username).toBe(ADMIN.username);
    expect((await t.ok('settings.get', {}, s)).officeName).toBe('惠民县退役军人事务局');
    // Unlocked for the life of the process: another window's (or a reloaded page's) session opens without unlocking.
    const other = t.host.openSession();
    expect((await t.ok('setup.status', {}, other)).needsAdmin).toBe(false);
    expect((await t.ok('encryption.unlock', { recoveryKey: first.recoveryKey }, other)).session.user).toBeNull();
  });

  it('starts the day’s automatic backup once unlocked (there was no core to back up before)', async () => {
    const first = await encrypted();
    await first.t.host.close();
    hosts.splice(0);
    const t = start({ dailyBackups: true });
    expect(t.host.core).toBeNull();
    await t.ok('encryption.unlock', { username: ADMIN.username, password: ADMIN.password }, t.host.openSession());
    const daily = t.host.core!.jobs.list(20).find((job) => job.kind === 'backup.create');
    expect(daily?.status).toBe('running');
    expect(daily?.startedById).toBeNull();
    const made = await t.host.core!.jobs.wait(daily!.id);
    expect(made.status, JSON.stringify(made.error)).toBe('done');
    const file = (made.result as { file: string }).file;
    // The backup is of the encrypted data: its database opens only under the key (backups' own tests), and
    // it restores into this installation under the same key, which stays unlocked.
    const admin = t.host.openSession();
    await t.ok('auth.login', { username: ADMIN.username, password: ADMIN.password }, admin);
    const restore = await t.ok('backup.restore', { file }, admin);
    const restored = await t.host.core!.jobs.wait(restore.id);
    expect(restored.status, JSON.stringify(restored.error)).toBe('done');
    await t.host.settled();
    expect(t.host.core).not.toBeNull();
    expect(databaseIsPlain(join(dataDir, 'guangrong.db'))).toBe(false);
    const again = t.host.openSession();
    expect((await t.ok('auth.login', { username: ADMIN.username, password: ADMIN.password }, again)).user?.username).toBe(ADMIN.username);
    expect(await t.ok('settings.get', {}, again)).toMatchObject({ officeName: '惠民县退役军人事务局' });
  });

  it('unlocks with the recovery key as typed (lower case, spaces) and leads to the sign-in page', async () => {
    const first = await encrypted();
    const t = await restart(first.t);
    const s = t.host.openSession();
    const typed = first.recoveryKey.toLowerCase().replace(/-/g, ' ');
    const unlocked = await t.ok('encryption.unlock', { recoveryKey: typed }, s);
    expect(unlocked.session.user).toBeNull();
    expect((await t.ok('auth.login', { username: ADMIN.username, password: ADMIN.password }, s)).user?.role).toBe('admin');
  });

  it('refuses a wrong recovery key, and after 5 failures in a minute refuses everything for a minute', async () => {
    const first = await encrypted();
    const t = await restart(first.t);
    const s = t.host.openSession();
    const other = first.recoveryKey.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect((await t.fails('encryption.unlock', { recoveryKey: other }, s)).message.zh).toContain('恢复密钥不正确');
    expect((await t.fails('encryption.unlock', { recoveryKey: 'too short' }, s)).code).toBe('INVALID_CREDENTIALS');
    for (let i = 0; i < 3; i++) expect((await t.fails('encryption.unlock', { username: ADMIN.username, password: `wrong ${i}` }, s)).code).toBe('INVALID_CREDENTIALS');
    expect((await t.fails('encryption.unlock', { username: ADMIN.username, password: ADMIN.password }, s)).code).toBe('ACCOUNT_LOCKED');
    t.clock.advance(61_000);
    expect((await t.ok('encryption.unlock', { username: ADMIN.username, password: ADMIN.password }, s)).session.user?.username).toBe(ADMIN.username);
  });

  it('opens with the recovery key when the key file is damaged (the status says so), and writes the key file again', async () => {
    const first = await encrypted();
    await first.t.host.close();
    hosts.splice(0);
    writeFileSync(keyFilePath(dataDir), '{ not json');
    const t = start();
    const s = t.host.openSession();
    expect(await t.ok('encryption.status', {}, s)).toMatchObject({ state: 'locked', keyFileDamaged: true });
    expect((await t.fails('encryption.unlock', { username: ADMIN.username, password: ADMIN.password }, s)).message.zh).toContain('恢复密钥');
    const wrong = first.recoveryKey.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect((await t.fails('encryption.unlock', { recoveryKey: wrong }, s)).code).toBe('INVALID_CREDENTIALS');
    expect(t.host.core).toBeNull();
    await t.ok('encryption.unlock', { recoveryKey: first.recoveryKey }, s);
    await t.ok('auth.login', { username: ADMIN.username, password: ADMIN.password }, s);
    await sealingEnded(t.host);
    const file = readKeyFile(dataDir);
    if (!file || file === 'damaged') throw new Error('the key file was not written again');
    // The administrator's wrap came back at their sign-in: the password unlocks again after a restart.
    expect(file.passwords.map((w) => w.username)).toEqual([ADMIN.username]);
    const again = await restart(t);
    expect((await again.ok('encryption.unlock', { username: ADMIN.username, password: ADMIN.password }, again.host.openSession())).session.user).not.toBeNull();
  });

  it('finishes an interrupted sealing at the next unlock (the key file still says encrypting)', async () => {
    const first = await encrypted();
    await first.t.host.close();
    hosts.splice(0);
    const file = readKeyFile(dataDir);
    if (!file || file === 'damaged') throw new Error('no key file');
    const { writeKeyFile } = await import('../../../electron/core/crypto/keyFile');
    writeKeyFile(dataDir, { ...file, state: 'encrypting' });
    mkdirSync(join(dataDir, 'documents'), { recursive: true });
    writeFileSync(join(dataDir, 'documents', 'letter.pdf'), '%PDF-1.7 喜报');
    const t = start();
    const s = t.host.openSession();
    await t.ok('encryption.unlock', { username: ADMIN.username, password: ADMIN.password }, s);
    await sealingEnded(t.host);
    expect(fileIsSealed(join(dataDir, 'documents', 'letter.pdf'))).toBe(true);
    expect(await t.ok('encryption.status', {}, s)).toMatchObject({ state: 'encrypted', sealJob: null });
    expect(readFileSync(join(dataDir, 'attachments', 'ab', 'cd', 'scan')).subarray(0, 8).toString()).toBe('GRSEAL01');
  });
});

describe('the password wraps follow the administrators', () => {
  it('an administrator gets a wrap when created and a new one at each password change or reset; a demoted one loses it', async () => {
    const { t } = await encrypted();
    const admin = t.host.openSession();
    await t.ok('auth.login', { username: ADMIN.username, password: ADMIN.password }, admin);
    const li = await t.ok('users.create', { username: 'lisi', displayName: '李四', role: 'admin', password: 'first password 1' }, admin);
    const unlockers = async () => (await t.ok('encryption.status', {}, admin)).unlockers.map((u) => u.username);
    // Created with an initial password: it unlocks from now on.
    expect(await unlockers()).toEqual([ADMIN.username, 'lisi']);
    const liSession = t.host.openSession();
    await t.ok('auth.login', { username: 'lisi', password: 'first password 1' }, liSession);
    expect(await unlockers()).toEqual([ADMIN.username, 'lisi']);
    await t.ok('auth.changePassword', { currentPassword: 'first password 1', newPassword: 'second password 2' }, liSession);
    await t.ok('users.resetPassword', { id: li.id, password: 'third password 3' }, admin);

    let again = await restart(t);
    expect((await again.fails('encryption.unlock', { username: 'lisi', password: 'second password 2' }, again.host.openSession())).code).toBe('INVALID_CREDENTIALS');
    const s = again.host.openSession();
    await again.ok('encryption.unlock', { username: 'lisi', password: 'third password 3' }, s);
    const a = again.host.openSession();
    await again.ok('auth.login', { username: ADMIN.username, password: ADMIN.password }, a);
    await again.ok('users.update', { id: li.id, role: 'clerk' }, a);
    expect((await again.ok('encryption.status', {}, a)).unlockers.map((u) => u.username)).toEqual([ADMIN.username]);
    again = await restart(again);
    expect((await again.fails('encryption.unlock', { username: 'lisi', password: 'third password 3' }, again.host.openSession())).code).toBe('INVALID_CREDENTIALS');
    // Made an administrator again: the wrap comes at their next sign-in, when the password is known.
    const b = again.host.openSession();
    await again.ok('encryption.unlock', { username: ADMIN.username, password: ADMIN.password }, b);
    await again.ok('users.update', { id: li.id, role: 'admin' }, b);
    expect((await again.ok('encryption.status', {}, b)).unlockers.map((u) => u.username)).toEqual([ADMIN.username]);
    await again.ok('auth.login', { username: 'lisi', password: 'third password 3' }, again.host.openSession());
    expect((await again.ok('encryption.status', {}, b)).unlockers.map((u) => u.username)).toEqual([ADMIN.username, 'lisi']);
  });
});

describe('a cancelled sealing', () => {
  it('leaves the state encrypting with the files done so far sealed; 继续加密 seals the rest', async () => {
    const t = start();
    const admin = t.host.openSession();
    await t.ok('setup.createAdmin', ADMIN, admin);
    for (let i = 0; i < 30; i++) {
      mkdirSync(join(dataDir, 'attachments', 'ee', String(i)), { recursive: true });
      writeFileSync(join(dataDir, 'attachments', 'ee', String(i), 'scan'), SCAN);
    }
    const { recoveryKey } = await t.ok('encryption.prepare', { password: ADMIN.password }, admin);
    const job = await t.ok('encryption.enable', { password: ADMIN.password, confirmLastGroup: recoveryKey.slice(-4) }, admin);
    // Cancelled before the worker seals anything (it starts after the flag is set).
    await t.ok('jobs.cancel', { id: job.id }, admin);
    const cancelled = await t.host.core!.jobs.wait(job.id);
    expect(cancelled.status).toBe('cancelled');
    const status = await t.ok('encryption.status', {}, admin);
    expect(status.state).toBe('encrypting');
    expect(status.sealJob).toMatchObject({ id: job.id, status: 'cancelled' });
    const resumed = await t.ok('encryption.resume', {}, admin);
    expect((await t.host.core!.jobs.wait(resumed.id)).status).toBe('done');
    await sealingEnded(t.host);
    expect(await t.ok('encryption.status', {}, admin)).toMatchObject({ state: 'encrypted', sealJob: null });
    for (let i = 0; i < 30; i++) expect(fileIsSealed(join(dataDir, 'attachments', 'ee', String(i), 'scan'))).toBe(true);
    expect((await t.fails('encryption.resume', {}, admin)).code).toBe('CONFLICT');
  });

  it('refuses set-up while another job runs, and to anyone but an administrator', async () => {
    const t = start();
    const admin = t.host.openSession();
    await t.ok('setup.createAdmin', ADMIN, admin);
    await t.ok('users.create', { username: 'clerk1', displayName: '王五', role: 'clerk', password: 'clerk password 1' }, admin);
    const clerk = t.host.openSession();
    await t.ok('auth.login', { username: 'clerk1', password: 'clerk password 1' }, clerk);
    expect((await t.fails('encryption.prepare', { password: 'clerk password 1' }, clerk)).code).toBe('FORBIDDEN');
    const { recoveryKey } = await t.ok('encryption.prepare', { password: ADMIN.password }, admin);
    // A job that is still starting its worker when enable is asked for.
    const load = await t.ok('divisions.loadBuiltIn', { countyCode: '371622000000' }, admin);
    const busy = await t.fails('encryption.enable', { password: ADMIN.password, confirmLastGroup: recoveryKey.slice(-4) }, admin);
    expect(busy.code).toBe('BUSY');
    expect(busy.message.zh).toContain('有任务正在运行');
    await t.host.core!.jobs.wait(load.jobId);
    expect(existsSync(keyFilePath(dataDir))).toBe(false);
    // Once it has ended, the same recovery key (still in memory) sets encryption up.
    const job = await t.ok('encryption.enable', { password: ADMIN.password, confirmLastGroup: recoveryKey.slice(-4) }, admin);
    expect(job.kind).toBe('encryption.seal');
    await sealingEnded(t.host);
  });
});

describe('a damaged database under the key', () => {
  it('is found by the start-up check after the unlock, and the host offers recovery', async () => {
    const first = await encrypted();
    const core = first.t.host.core!;
    core.db.exec('CREATE TABLE padding (b BLOB)');
    const pad = core.db.prepare('INSERT INTO padding (b) VALUES (randomblob(4096))');
    for (let i = 0; i < 200; i++) pad.run();
    await first.t.host.close();
    hosts.splice(0);
    // Scribble over pages in the middle of the file (page 1, which says whether the key is right, stays whole).
    const dbFile = join(dataDir, 'guangrong.db');
    const bytes = readFileSync(dbFile);
    bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 64 * 1024);
    writeFileSync(dbFile, bytes);
    const t = start();
    const s = t.host.openSession();
    const unlocked = await t.ok('encryption.unlock', { username: ADMIN.username, password: ADMIN.password }, s);
    expect(unlocked.session.user).toBeNull();
    expect(t.host.core).toBeNull();
    const recovery = await t.ok('recovery.status', {}, s);
    expect(recovery.state).toBe('damaged');
    expect((await t.fails('setup.status', {}, s)).code).toBe('DATABASE_CORRUPT');
  });
});
