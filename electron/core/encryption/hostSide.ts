/**
 * The core host's side of encryption at rest (backup/host.ts holds one of these):
 *
 * - Locked start: with a key file in the data folder the host opens no core until the data is
 *   unlocked; only `app.info`, `encryption.status` and `encryption.unlock` answer (everything else
 *   DATA_LOCKED). An unlock by password signs the same session in as that administrator through
 *   the normal `auth.login`; an unlock by the recovery key leads to the sign-in page. The key then
 *   lives in this process's memory until it ends: a reload of the page (web host) or a new window
 *   keeps the data unlocked, a restart of the process locks it again. The idle lock of a session
 *   is the existing session lock and does not touch the key.
 * - Set-up (the hooks the `encryption.*` handlers call): the recovery key is made and kept in
 *   memory per session (nothing written); `enable` wraps the data key with the caller's password,
 *   writes the key file ('encrypting') BEFORE anything is encrypted, closes the core, rekeys the
 *   database (in a worker thread, rekeyWorker.ts: nothing else may have the file open; calls in
 *   the meantime wait), reopens the core with the key, signs the session in again and starts the
 *   sealing job. A crash at any moment leaves a folder that opens: see unlock.ts readyDataFolder.
 * - Whenever a core opens with the key and the key file says 'encrypting', the sealing job starts
 *   (again); when it is done the key file says 'encrypted'.
 */
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { apiError, methods, type BackendEvent, type Job, type Result } from '../../../shared/contract';
import type { Core, Session } from '../index';
import { DATABASE_FILE } from '../index';
import { toApiError, CoreError } from '../errors';
import { databaseIsPlain } from '../db/connection';
import type { WorkerSpec } from '../jobs/runner';
import { rekeyInWorker } from './rekeyWorker';
import { dataKeyFromRecoverySecret, newRecoveryKey, type DataKey } from '../crypto/dataKey';
import { hasKeyFile, keyFilePath, readKeyFile, wrapWithPassword, writeKeyFile } from '../crypto/keyFile';
import type { JobActor } from '../jobs/context';
import type { EncryptionHooks } from './hooks';
import { encryptionStatus, markEncrypted, SEAL_JOB } from './status';
import { readyDataFolder, Unlocker, type UnlockInput } from './unlock';

export interface EncryptionHostDeps {
  dataDir: string;
  portable: boolean;
  version: string;
  /** The job worker's entry: it also runs the rekey off the main thread. */
  worker: WorkerSpec;
  now(): string;
  nowMs(): number;
  /** The open core, or null. */
  core(): Core | null;
  /** Opens the core (with `key` from now on); the open core, or null when it could not be opened (damaged: recovery mode). */
  open(): Core | null;
  /** Closes the open core; calls wait until `work` has ended. */
  closeFor<T>(work: (closed: Promise<void>) => Promise<T>): Promise<T>;
  logger: { warn(message: string, details?: unknown): void; error(message: string, details?: unknown): void };
}

const SYSTEM: JobActor = { userId: null, username: 'system' };
const lockedMethods = new Set(['app.info', 'encryption.status', 'encryption.unlock']);

export class EncryptionHost {
  /** The data key once unlocked (or set up); null for a plain installation and while locked. */
  key: DataKey | null = null;
  locked: boolean;
  private readonly unlocker: Unlocker;
  private unlocking = false;
  /** Set by `enable` for the open that follows: the sealing job is started (and audited) in the administrator's name. */
  private enabledBy: JobActor | null = null;
  /** Recovery keys made by `prepare`, per session, until `enable` uses them (memory only). */
  private readonly prepared = new Map<string, { secret: Buffer; text: string; userId: number }>();

  constructor(private readonly deps: EncryptionHostDeps) {
    this.locked = hasKeyFile(deps.dataDir);
    this.unlocker = new Unlocker(deps.dataDir, deps.nowMs);
  }

  readonly hooks: EncryptionHooks = {
    prepare: (session, user) => {
      const { secret, text } = newRecoveryKey();
      this.prepared.set(session.id, { secret, text, userId: user.id });
      return text;
    },
    pending: (session) => this.prepared.get(session.id)?.text ?? null,
    enable: (session, user, password) => this.enable(session, user, password),
  };

  /** A call while locked: status, unlock and app.info answer; everything else is DATA_LOCKED. */
  async lockedCall(method: unknown, input: unknown, session: Session): Promise<Result<unknown>> {
    if (typeof method !== 'string' || !lockedMethods.has(method)) return { ok: false, error: apiError('DATA_LOCKED') };
    const spec = methods[method as 'app.info' | 'encryption.status' | 'encryption.unlock'];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: apiError('VALIDATION') };
    try {
      let value: unknown;
      if (method === 'app.info') value = { version: this.deps.version, schemaVersion: 0, dataDir: '', portable: this.deps.portable };
      else if (method === 'encryption.status') value = encryptionStatus(this.deps.dataDir, { unlocked: false, portable: this.deps.portable, showUnlockers: false });
      else value = await this.unlock(parsed.data as UnlockInput, session);
      const checked = spec.output.safeParse(value);
      return checked.success ? { ok: true, value: checked.data } : { ok: false, error: apiError('INTERNAL') };
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
  }

  private async unlock(input: UnlockInput, session: Session) {
    if (!this.locked) throw new CoreError('CONFLICT', { zh: '数据已解锁。', en: 'The data is unlocked already.' });
    if (this.unlocking) throw new CoreError('BUSY', { zh: '正在解锁，请稍候……', en: 'Unlocking; please wait…' });
    this.unlocking = true;
    try {
      return await this.unlockNow(input, session);
    } finally {
      this.unlocking = false;
    }
  }

  private async unlockNow(input: UnlockInput, session: Session) {
    const unlocked = await this.unlocker.unlock(input);
    await readyDataFolder(this.deps.dataDir, unlocked, this.deps.now(), (file, key) => rekeyInWorker(this.deps.worker, file, key));
    this.key = unlocked.key;
    this.locked = false;
    const core = this.deps.open();
    const anonymous = { session: { user: null, locked: false, idleLockMinutes: 0 } };
    if (!core) return anonymous;
    if (unlocked.username && 'password' in input) {
      const signedIn = await core.call('auth.login', { username: unlocked.username, password: input.password }, session);
      if (signedIn.ok) return { session: signedIn.value };
    }
    const state = await core.call('auth.session', {}, session);
    return state.ok ? { session: state.value } : anonymous;
  }

  /** After every open of a core with the key: the sealing goes on while the key file says 'encrypting'. */
  afterOpen(core: Core, actor?: JobActor): Job | null {
    const startedBy = actor ?? this.enabledBy ?? SYSTEM;
    this.enabledBy = null;
    if (!this.key) return null;
    const file = readKeyFile(this.deps.dataDir);
    if (!file || file === 'damaged' || file.state !== 'encrypting') return null;
    const running = core.jobs.list(50).find((job) => job.kind === SEAL_JOB && job.status === 'running');
    if (running) return running;
    try {
      return core.jobs.start(SEAL_JOB, { enabledBy: file.createdBy, enabledAt: file.createdAt }, startedBy);
    } catch (error) {
      this.deps.logger.error('The sealing of the files could not start', error);
      return null;
    }
  }

  /** Every event of the open core: a finished sealing marks the key file 'encrypted'. */
  onEvent(event: BackendEvent): void {
    if (event.name !== 'job.progress' || event.payload.kind !== SEAL_JOB || event.payload.status !== 'done') return;
    try {
      markEncrypted(this.deps.dataDir);
    } catch (error) {
      this.deps.logger.error('The key file could not be marked encrypted (the sealing runs again at the next start)', error);
    }
  }

  private async enable(session: Session, user: { id: number; username: string }, password: string): Promise<Job> {
    const pending = this.prepared.get(session.id);
    if (!pending || pending.userId !== user.id) throw new CoreError('CONFLICT');
    const key = dataKeyFromRecoverySecret(pending.secret);
    const at = this.deps.now();
    const wrap = await wrapWithPassword(key, user, password, at);
    const live = this.deps.core();
    if (!live || hasKeyFile(this.deps.dataDir)) throw new CoreError('CONFLICT');
    if (live.jobs.list(50).some((job) => job.status === 'running')) throw new CoreError('BUSY');
    this.prepared.delete(session.id);
    const dbFile = join(this.deps.dataDir, DATABASE_FILE);
    // The key file first: from here on a crash leaves a folder that starts locked and finishes the work at unlock.
    writeKeyFile(this.deps.dataDir, { format: 'guangrong-encryption', version: 1, keyId: key.id, cipher: 'sqlcipher-4', state: 'encrypting', createdAt: at, createdBy: user.username, passwords: [wrap] });
    const core = await this.deps.closeFor(async (closed) => {
      await closed;
      try {
        await rekeyInWorker(this.deps.worker, dbFile, key);
      } catch (error) {
        // The rekey is one transaction: the database is still plain. Back to a plain installation.
        if (databaseIsPlain(dbFile)) rmSync(keyFilePath(this.deps.dataDir), { force: true });
        this.deps.logger.error('The database could not be encrypted', error);
        this.deps.open();
        throw error;
      }
      this.key = key;
      this.enabledBy = { userId: user.id, username: user.username };
      return this.deps.open();
    });
    this.enabledBy = null;
    if (!core) throw new CoreError('DATABASE_CORRUPT');
    const signedIn = await core.call('auth.login', { username: user.username, password }, session);
    if (!signedIn.ok) this.deps.logger.warn('The administrator could not be signed in again after the encryption', signedIn.error);
    const job = core.jobs.list(50).find((j) => j.kind === SEAL_JOB && j.status === 'running') ?? this.afterOpen(core, { userId: user.id, username: user.username });
    if (!job) throw new CoreError('INTERNAL');
    return job;
  }
}
