/**
 * Unlocking encrypted data at start, before any core is open: an administrator's password opens
 * their wrap in the key file, or the recovery key gives the data key directly. The key id is
 * checked BEFORE the database is opened, so a wrong key is told as a wrong key, never taken for
 * a damaged database (which would lead to the recovery screen).
 *
 * Failures are counted in memory for the whole installation (there is no database to count them
 * in yet): at most 5 a minute, then every attempt is refused for a minute (ACCOUNT_LOCKED). A
 * wrong password and an unknown name get the same answer, after the same Argon2 work.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DATABASE_FILE } from '../index';
import { CoreError } from '../errors';
import { databaseIsPlain } from '../db/connection';
import { keyOpensDatabase, rollBackInterruptedRekey } from '../db/encryption';
import { dataKeyFromRecoverySecret, keyIdOf, parseRecoveryKey, type DataKey } from '../crypto/dataKey';
import { keyFilePath, readKeyFile, unwrapWithPassword, wrapFor, wrapWithPassword, writeKeyFile, type KeyFile } from '../crypto/keyFile';

export const UNLOCK_MAX_FAILURES = 5;
export const UNLOCK_WINDOW_MS = 60_000;

export type UnlockInput = { username: string; password: string } | { recoveryKey: string };

export interface Unlocked {
  key: DataKey;
  /** Set for a password unlock: that user is then signed in. */
  username: string | null;
  /** The key file could not be read (unlocked by the recovery key): it is written again. */
  keyFileDamaged: boolean;
}

const WRONG_RECOVERY_KEY = {
  zh: '恢复密钥不正确。请核对抄写的 32 个字符（不区分大小写，空格和连字符可有可无）。',
  en: 'The recovery key is not right. Check the 32 characters you wrote down (case, spaces and dashes do not matter).',
};
const NOT_YET_ENCRYPTED = {
  zh: '加密密钥文件已损坏，而数据库尚未加密完成，无法用恢复密钥核对。请从加密前的备份恢复。',
  en: 'The key file is damaged and the database was not encrypted yet, so the recovery key cannot be checked. Restore a backup from before the encryption.',
};

/** A wrap made once with a throwaway key, opened when the user name has no wrap: both answers cost the same. */
let decoy: Promise<{ file: KeyFile; wrap: KeyFile['passwords'][number] }> | null = null;
function decoyWrap() {
  decoy ??= (async () => {
    const key = dataKeyFromRecoverySecret(randomBytes(20));
    const wrap = await wrapWithPassword(key, { id: 0, username: '' }, randomBytes(16).toString('hex'), new Date(0).toISOString());
    const file: KeyFile = { format: 'guangrong-encryption', version: 1, keyId: key.id, cipher: 'sqlcipher-4', state: 'encrypted', createdAt: '', createdBy: '', passwords: [wrap] };
    return { file, wrap };
  })();
  return decoy;
}

export class Unlocker {
  private failures: number[] = [];
  private blockedUntil = 0;

  constructor(
    private readonly dataDir: string,
    private readonly nowMs: () => number,
  ) {}

  private refuseWhileBlocked(): void {
    if (this.nowMs() < this.blockedUntil) throw new CoreError('ACCOUNT_LOCKED', { zh: '解锁失败次数过多，请一分钟后再试。', en: 'Too many failed unlocks: try again in a minute.' });
  }

  private fail(error: CoreError): never {
    const now = this.nowMs();
    this.failures = this.failures.filter((at) => now - at < UNLOCK_WINDOW_MS);
    this.failures.push(now);
    if (this.failures.length >= UNLOCK_MAX_FAILURES) {
      this.blockedUntil = now + UNLOCK_WINDOW_MS;
      this.failures = [];
    }
    throw error;
  }

  async unlock(input: UnlockInput): Promise<Unlocked> {
    this.refuseWhileBlocked();
    const file = readKeyFile(this.dataDir);
    if ('recoveryKey' in input) return this.withRecoveryKey(input.recoveryKey, file);
    if (file === null || file === 'damaged') {
      // No wraps to open: only the recovery key can unlock (the status says so to the screen).
      await decoyWrap().then(({ file: f, wrap }) => unwrapWithPassword(f, wrap, input.password));
      this.fail(new CoreError('INVALID_CREDENTIALS', { zh: '加密密钥文件已损坏，请使用恢复密钥解锁。', en: 'The key file is damaged: unlock with the recovery key.' }));
    }
    const wrap = wrapFor(file, input.username);
    const key = wrap ? await unwrapWithPassword(file, wrap, input.password) : await decoyWrap().then(({ file: f, wrap: w }) => unwrapWithPassword(f, w, input.password).then(() => null));
    if (!key || keyIdOf(key.key) !== file.keyId) this.fail(new CoreError('INVALID_CREDENTIALS'));
    this.failures = [];
    return { key, username: wrap!.username, keyFileDamaged: false };
  }

  private withRecoveryKey(typed: string, file: KeyFile | 'damaged' | null): Unlocked {
    const secret = parseRecoveryKey(typed);
    if (!secret) this.fail(new CoreError('INVALID_CREDENTIALS', WRONG_RECOVERY_KEY));
    const key = dataKeyFromRecoverySecret(secret);
    if (file !== null && file !== 'damaged') {
      if (key.id !== file.keyId) this.fail(new CoreError('INVALID_CREDENTIALS', WRONG_RECOVERY_KEY));
    } else {
      const dbFile = join(this.dataDir, DATABASE_FILE);
      if (databaseIsPlain(dbFile)) throw new CoreError('FILE_DAMAGED', NOT_YET_ENCRYPTED);
      if (!keyOpensDatabase(dbFile, key)) this.fail(new CoreError('INVALID_CREDENTIALS', WRONG_RECOVERY_KEY));
    }
    this.failures = [];
    return { key, username: null, keyFileDamaged: file === 'damaged' || file === null };
  }
}

/**
 * Before the core opens with the key: a database still plain next to a key file (a crash during
 * set-up's rekey, which rolls back whole) is encrypted now, and the key file says 'encrypting' so
 * the files are sealed after. A damaged key file (unlocked by the recovery key) is kept aside and
 * written again, without password wraps: each administrator's is added at their next sign-in.
 */
export async function readyDataFolder(dataDir: string, unlocked: Unlocked, at: string, rekey: (file: string, key: DataKey) => Promise<void>): Promise<void> {
  const dbFile = join(dataDir, DATABASE_FILE);
  rollBackInterruptedRekey(dbFile);
  let file = readKeyFile(dataDir);
  if (file === null || file === 'damaged') {
    if (file === 'damaged') copyFileSync(keyFilePath(dataDir), `${keyFilePath(dataDir)}.damaged-${at.replace(/[:.]/g, '-')}`);
    file = { format: 'guangrong-encryption', version: 1, keyId: unlocked.key.id, cipher: 'sqlcipher-4', state: 'encrypting', createdAt: at, createdBy: 'recovery-key', passwords: [] };
    writeKeyFile(dataDir, file);
  }
  if (databaseIsPlain(dbFile)) {
    if (file.state !== 'encrypting') writeKeyFile(dataDir, { ...file, state: 'encrypting' });
    await rekey(dbFile, unlocked.key);
  }
}
