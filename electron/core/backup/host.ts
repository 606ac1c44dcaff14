/**
 * The core host: what the transports (electron/main.ts + ipc.ts, electron/web-host.ts) hold
 * instead of the core itself, so the core can be closed and opened again around a restore, and
 * so a damaged database at start leads to a recovery screen instead of a dead application.
 *
 * - Normal: every call goes to the core. When a `backup.restore` job has verified its backup and
 *   made the safety backup, the host closes the core (its jobs and connection), swaps the data
 *   (restore.ts swapIn: the old data kept in `replaced-<time>/`), and opens a new core on the
 *   restored database (createCore migrates an older one). Sessions do not survive: everyone signs
 *   in again, against the restored users. Calls during the swap are answered BUSY.
 * - Damaged (createCore threw DATABASE_CORRUPT: unreadable, or PRAGMA quick_check failed): the
 *   damaged files are copied untouched into `damaged-<time>/` (the original stays where it is, so
 *   a restart never finds an empty folder and silently starts a blank database), and only
 *   `recovery.status`, `recovery.restore` (its progress as `recovery.progress` events),
 *   `recovery.lastRestore` (null) and `app.info` answer; everything else is refused with the damage message.
 *
 * Why a restore before sign-in is allowed while the database is damaged: there are no users to
 * check (their table is in the damaged file), the application is local and offline (the web host
 * is loopback-only behind its per-run token), and the restore only ever replaces the data with a
 * backup whose every entry was verified against its SHA-256, keeping the damaged files aside. The
 * worst an intruder at the keyboard can do is put back the office's own verified backup.
 *
 * - Locked (a key file `encryption.json` in the data folder): no core until the data is unlocked
 *   by an administrator's password or the recovery key; see encryption/hostSide.ts.
 *
 * A daily automatic backup is started at open and checked every `dailyCheckMs` (1 h).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { apiError, isMethodName, methods, type BackendEvent, type LocalizedText, type Result } from '../../../shared/contract';
import { createCore, DATABASE_FILE, type Core, type CoreOptions, type Session } from '../index';
import { appendAudit } from '../db/auditLog';
import { writeLastAutomaticBackup } from '../db/backup';
import { writeTransaction } from '../db/connection';
import { migrations } from '../db/migrations';
import { CoreError, toApiError } from '../errors';
import { EventBus } from '../events';
import { listBackups } from '../api/backup';
import { automaticFolder, dailyBackupDue } from './automatic';
import { asideFolderName, defaultBackupFolder } from './files';
import type { RestoreBackupResult } from './jobs';
import { extractVerified, removeStaleStaging, swapIn } from './restore';
import type { DataKey } from '../crypto/dataKey';
import { restoreKeyTracker } from './restoreKeys';
import { EncryptionHost } from '../encryption/hostSide';

export interface CoreHostOptions extends CoreOptions {
  /** How often to check whether today's automatic backup is due; 0 turns the automatic backups off (tests). */
  dailyCheckMs?: number;
}

export type CoreHost = Pick<Core, 'call' | 'callUntyped' | 'on' | 'openSession' | 'closeSession' | 'hasSession' | 'close'> & {
  /** The open core, or null while the database is damaged or being swapped. */
  readonly core: Core | null;
  /** Resolves once a swap in progress has ended (tests; the UI just retries). */
  settled(): Promise<void>;
};

const SWAPPING: LocalizedText = { zh: '正在用备份替换数据，请稍候……', en: 'The data is being replaced from the backup; please wait…' };
const recoveryMethods = new Set(['recovery.status', 'recovery.restore', 'recovery.lastRestore', 'app.info']);

function replacedNote(file: string, at: string): string {
  return (
    `这里是 ${at} 从备份恢复时被替换下来的数据（数据库和附件），原样保留。确认恢复后的数据无误后，可在“系统管理 → 备份与恢复”中删除。\n` +
    `恢复所用的备份：${file}\n\n` +
    `The data (database and attachments) replaced when a backup was restored at ${at}, kept as it was. Once the restored data is checked, remove it under Administration → Backup and restore.\n` +
    `Backup restored: ${file}\n`
  );
}

/** Copies the damaged database files untouched, once per damaged state (same size and time: already kept). */
export function keepDamagedAside(dataDir: string, at: string): string | null {
  const main = join(dataDir, DATABASE_FILE);
  if (!existsSync(main)) return null;
  const stat = statSync(main);
  for (const entry of readdirSync(dataDir)) {
    if (!entry.startsWith('damaged-')) continue;
    const kept = join(dataDir, entry, DATABASE_FILE);
    if (existsSync(kept)) {
      const keptStat = statSync(kept);
      if (keptStat.size === stat.size && Math.abs(keptStat.mtimeMs - stat.mtimeMs) < 1000) return join(dataDir, entry);
    }
  }
  const folder = join(dataDir, asideFolderName('damaged', at));
  mkdirSync(folder, { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) {
    const source = main + suffix;
    if (!existsSync(source)) continue;
    const target = join(folder, DATABASE_FILE + suffix);
    copyFileSync(source, target);
    const times = statSync(source);
    utimesSync(target, times.atime, times.mtime);
  }
  return folder;
}

export function openCoreHost(options: CoreHostOptions): CoreHost {
  const clock = options.clock ?? (() => new Date());
  const now = () => clock().toISOString();
  const logger = options.logger ?? { warn: console.warn, error: console.error };
  const events = new EventBus();
  let core: Core | null = null;
  let unsubscribe = () => {};
  let damage: { message: LocalizedText; damagedDir: string | null } | null = null;
  let swapping: Promise<void> | null = null;
  let closed = false;
  // Remembers the credentials of a restore under another key: the host derives that key itself.
  const restoreKeys = restoreKeyTracker();

  const encryption: EncryptionHost = new EncryptionHost({
    dataDir: options.dataDir,
    portable: options.portable ?? false,
    version: options.version ?? '0.0.0-dev',
    worker: options.worker,
    now,
    nowMs: () => clock().getTime(),
    core: () => core,
    open: () => {
      open();
      return core;
    },
    closeFor: <T>(work: (closed: Promise<void>) => Promise<T>): Promise<T> => {
      const old = core;
      unsubscribe();
      core = null;
      const running = work(old ? old.close() : Promise.resolve());
      swapping = running.then(
        () => {},
        () => {},
      );
      return running.finally(() => {
        swapping = null;
      });
    },
    logger,
  });
  if (options.dataKey) {
    encryption.key = options.dataKey;
    encryption.locked = false;
  }
  const coreOptions = (): CoreOptions => ({ ...options, dataKey: encryption.key, encryption: encryption.hooks });

  const attach = (opened: Core) => {
    core = opened;
    unsubscribe = opened.on((event) => {
      events.emit(event);
      encryption.onEvent(event);
      if (event.name !== 'job.progress') return;
      const job = event.payload;
      if (job.kind === 'backup.restore' && job.status === 'done' && job.result) {
        swapping = replaceFromJob(opened, job.id, job.result as RestoreBackupResult, job.startedBy).finally(() => {
          swapping = null;
        });
      }
    });
  };

  const open = () => {
    try {
      attach(createCore(coreOptions()));
      damage = null;
      encryption.afterOpen(core!);
    } catch (error) {
      if (!(error instanceof CoreError) || error.code !== 'DATABASE_CORRUPT') throw error;
      core = null;
      damage = { message: error.text, damagedDir: keepDamagedAside(options.dataDir, now()) };
      logger.error('The database is damaged: recovery mode', damage);
    }
  };

  /** Records the restore in the restored database's own audit log (who, from which file, where the old data went). */
  const recordRestore = (opened: Core, details: Record<string, unknown>, username: string, safetyBackup?: string) => {
    writeTransaction(opened.db, () => {
      // The safety backup was recorded in the database it protects, which is now aside.
      if (safetyBackup) writeLastAutomaticBackup(opened.db, { at: now(), file: safetyBackup });
      appendAudit(opened.db, { at: now(), userId: null, username, entity: 'backup', entityId: null, action: 'restore', after: details });
    });
  };

  const swapAndOpen = (stagingDir: string, file: string, withAttachments: boolean, nextKey: DataKey | null = encryption.key): string => {
    const at = now();
    const keyFile = (nextKey?.id ?? null) === (encryption.key?.id ?? null) ? 'keep' : 'replace';
    const swap = swapIn(options.dataDir, stagingDir, join(options.dataDir, asideFolderName('replaced', at)), withAttachments, replacedNote(file, at), keyFile);
    const previousKey = encryption.key;
    encryption.key = nextKey;
    try {
      attach(createCore(coreOptions()));
    } catch (error) {
      logger.error('The restored database could not be opened: the replaced data is put back', error);
      swap.undo();
      encryption.key = previousKey;
      open();
      throw error;
    }
    damage = null;
    return swap.replacedDir;
  };

  async function replaceFromJob(opened: Core, jobId: number, result: RestoreBackupResult, startedBy: string): Promise<void> {
    // The restored data's key: the installation's, or the one this host derived from the restore call's credentials.
    const nextKey = await restoreKeys.keyFor(jobId, result.keyId, encryption.key);
    if (nextKey === undefined) {
      logger.error('Restore: the key of the restored data is not known to the host; nothing was replaced');
      rmSync(result.stagingDir, { recursive: true, force: true });
      return;
    }
    unsubscribe();
    core = null;
    await opened.close();
    try {
      const replacedDir = swapAndOpen(result.stagingDir, result.file, result.includesAttachments, nextKey);
      recordRestore(core!, { file: result.file, createdAt: result.createdAt, createdBy: result.createdBy, replacedDir, safetyBackup: result.safetyBackup, by: startedBy }, startedBy || 'admin', result.safetyBackup);
    } catch (error) {
      logger.error('Restore failed at the swap', error);
      rmSync(result.stagingDir, { recursive: true, force: true });
    }
  }

  async function recoveryCall(method: string, input: unknown): Promise<unknown> {
    if (method === 'app.info') return { version: options.version ?? '0.0.0-dev', schemaVersion: 0, dataDir: '', portable: options.portable ?? false };
    // No restore has happened on a database that cannot be opened.
    if (method === 'recovery.lastRestore') return null;
    const folder = defaultBackupFolder(options.dataDir);
    if (method === 'recovery.status') {
      return { state: 'damaged', message: damage!.message, damagedDir: damage!.damagedDir, backupFolder: folder, backups: listBackups(folder, migrations.length, encryption.key?.id ?? null) };
    }
    const parsed = methods['recovery.restore'].input.safeParse(input ?? {});
    if (!parsed.success) throw new CoreError('VALIDATION');
    const staging = join(options.dataDir, 'restore-staging-recovery');
    rmSync(staging, { recursive: true, force: true });
    // Not a job (there is no database for the jobs): the progress goes out as `recovery.progress`, at most every 100 ms.
    let lastReport = 0;
    const manifest = await extractVerified(parsed.data.file, staging, migrations.length, {
      onProgress: (done, total, bytes) => {
        const at = Date.now();
        if (at - lastReport < 100 && done < total) return;
        lastReport = at;
        events.emit({ name: 'recovery.progress', payload: { phase: 'checking', done, total, bytes } });
      },
    }, encryption.key);
    const files = manifest.entries.length;
    const size = manifest.entries.reduce((sum, e) => sum + e.size, 0);
    events.emit({ name: 'recovery.progress', payload: { phase: 'replacing', done: files, total: files, bytes: { done: size, total: size } } });
    const replacedDir = swapAndOpen(staging, parsed.data.file, manifest.includesAttachments);
    recordRestore(core!, { file: parsed.data.file, createdAt: manifest.createdAt, createdBy: manifest.createdBy.username, replacedDir, beforeSignIn: true }, 'recovery');
    return { restored: true, replacedDir };
  }

  const callUntyped = async (method: unknown, input: unknown, session: Session): Promise<Result<unknown>> => {
    if (swapping) await swapping.catch(() => {});
    if (core) {
      const result = await core.callUntyped(method, input, session);
      // A restore under another key: the host derives that key itself, from the same credentials.
      if (method === 'backup.restore' && result.ok) restoreKeys.remember(result.value, input, encryption.key);
      return result;
    }
    if (encryption.locked) {
      const answer = await encryption.lockedCall(method, input, session);
      // Unlocked: today's automatic backup need not wait for the next hourly check.
      if (method === 'encryption.unlock' && answer.ok && dailyCheckMs > 0) startDailyBackup();
      return answer;
    }
    if (!damage) return { ok: false, error: apiError('BUSY', SWAPPING) };
    if (!isMethodName(method) || !recoveryMethods.has(method)) return { ok: false, error: apiError('DATABASE_CORRUPT', damage.message) };
    try {
      const value = await recoveryCall(method, input);
      const checked = methods[method].output.safeParse(value);
      if (!checked.success) return { ok: false, error: apiError('INTERNAL') };
      return { ok: true, value: checked.data };
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
  };

  const startDailyBackup = () => {
    const live = core;
    if (!live || swapping || closed) return;
    try {
      if (!dailyBackupDue(live.db, clock())) return;
      // Not during another backup, nor while set-up is still sealing the files (the next check will do).
      if (live.jobs.list(20).some((job) => job.status === 'running' && (job.kind.startsWith('backup.') || job.kind === 'encryption.seal'))) return;
      live.jobs.start('backup.create', { folder: automaticFolder(live.db, options.dataDir), reason: 'daily', appVersion: options.version ?? '0.0.0-dev' }, { userId: null, username: 'system' });
    } catch (error) {
      logger.warn('The daily automatic backup could not start', error);
    }
  };

  removeStaleStaging(options.dataDir);
  if (!encryption.locked) open();
  const dailyCheckMs = options.dailyCheckMs ?? 3_600_000;
  let timer: NodeJS.Timeout | null = null;
  if (dailyCheckMs > 0) {
    startDailyBackup();
    timer = setInterval(startDailyBackup, dailyCheckMs);
    timer.unref();
  }

  return {
    get core() {
      return core;
    },
    call: (method, input, session) => callUntyped(method, input, session) as never,
    callUntyped,
    on: (listener: (event: BackendEvent) => void) => events.on(listener),
    openSession: () => core?.openSession() ?? { id: randomBytes(24).toString('base64url') },
    closeSession: (session) => core?.closeSession(session),
    hasSession: (id) => core?.hasSession(id) ?? false,
    settled: async () => {
      while (swapping) await swapping.catch(() => {});
    },
    async close() {
      closed = true;
      if (timer) clearInterval(timer);
      if (swapping) await swapping.catch(() => {});
      unsubscribe();
      await core?.close();
      core = null;
    },
  };
}
