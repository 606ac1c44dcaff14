/**
 * THE BACKEND. Plain Node: never imports 'electron' (lint rule and test). The desktop shell
 * (electron/main.ts + ipc.ts) and the web host (electron/web-host.ts) both serve `core.call`.
 *
 *   const core = createCore({ dataDir });
 *   const session = core.openSession();
 *   await core.call('auth.login', { username, password }, session);
 */
import { createVault } from './crypto/vault';
import type { DataKey } from './crypto/dataKey';
import { join } from 'node:path';
import type { BackendEvent, MethodInput, MethodName, MethodOutput, Result } from '../../shared/contract';
import { openDatabase, writeTransaction, type Db } from './db/connection';
import { rebuildSearchIndex, searchIndexIncomplete } from './db/martyrSearchIndex';
import { migrate } from './db/migrate';
import { migrations } from './db/migrations';
import { failInterruptedJobs } from './db/jobs';
import { type findUserById } from './db/users';
import { createDispatcher, type Logger } from './call';
import { makeWrite, type HandlerContext, type Handlers } from './context';
import { CoreError } from './errors';
import { makeDirectorySync } from './files/directories';
import { EventBus } from './events';
import { JobRunner, type WorkerSpec } from './jobs/runner';
import { SessionStore, type Session } from './sessions';
import { SettingsStore } from './settings';
import { seedNationalDivisions } from './divisions/load';
import { appHandlers } from './api/app';
import { attachmentHandlers } from './api/attachments';
import { auditHandlers } from './api/audit';
import { authHandlers } from './api/auth';
import { divisionHandlers } from './api/divisions';
import { jobHandlers } from './api/jobs';
import { userHandlers } from './api/users';
import { martyrHandlers } from './api/martyrs';
import { sourceHandlers } from './api/sources';
import { martyrImportHandlers } from './api/martyrImport';
import { ledgerImportHandlers } from './api/ledgerImport';
import { peopleHandlers } from './api/people';
import { plaqueHandlers } from './api/plaques';
import { statisticsHandlers } from './api/statistics';
import { honorHandlers } from './api/honors';
import { documentHandlers } from './api/documents';
import { documentPrintHandlers } from './api/documentPrints';
import { backupHandlers } from './api/backup';
import { backupBeforeMigration, recordAutomaticBackup } from './backup/automatic';
import { quickCheck } from './db/backup';
import { currentVersion } from './db/migrate';
import { integrityHandlers } from './api/integrity';
import { encryptionHandlers } from './api/encryption';
import type { EncryptionHooks } from './encryption/hooks';
import { IntegritySchedule } from './integrity/schedule';

export type { Session } from './sessions';
export type { WorkerSpec } from './jobs/runner';
export type { Logger } from './call';

/** Every handler, by method. The type makes a method of the contract without a handler a compile error. */
const handlers: Handlers = {
  ...appHandlers,
  ...authHandlers,
  ...userHandlers,
  ...auditHandlers,
  ...divisionHandlers,
  ...jobHandlers,
  ...sourceHandlers,
  ...martyrHandlers,
  ...martyrImportHandlers,
  ...ledgerImportHandlers,
  ...attachmentHandlers,
  ...peopleHandlers,
  ...plaqueHandlers,
  ...honorHandlers,
  ...statisticsHandlers,
  ...documentHandlers,
  ...documentPrintHandlers,
  ...backupHandlers,
  ...integrityHandlers,
  ...encryptionHandlers,
};

export interface CoreOptions {
  /** The data folder: the database, and later attachments and backups. Created if missing. */
  dataDir: string;
  /** The job worker's entry (see electron/job-worker.ts). */
  worker: WorkerSpec;
  /**
   * The application's resources folder (fonts for documents): `<repo>/resources` from source,
   * `process.resourcesPath` when packaged (electron-builder's extraResources copies it there).
   * Without it the core runs, but printing documents fails with a message saying why.
   */
  resourcesDir?: string;
  /** Injected for tests (idle lock, audit times). */
  clock?: () => Date;
  version?: string;
  portable?: boolean;
  logger?: Logger;
  /** The weekly integrity check, started when due at open and while in use (default on). */
  integritySchedule?: boolean;
  /** The unlocked data key of an encrypted installation (see crypto/), or none for a plain one. */
  dataKey?: DataKey | null;
  /** Set-up of encryption (the core host gives it; see encryption/hooks.ts). */
  encryption?: EncryptionHooks;
}

export interface Core {
  /** Validates, checks the session's user and role, runs, answers a Result. Never throws. */
  call<M extends MethodName>(method: M, input: MethodInput<M>, session: Session): Promise<Result<MethodOutput<M>>>;
  /** The same, for untyped input from a transport (IPC, HTTP). */
  callUntyped(method: unknown, input: unknown, session: Session): Promise<Result<unknown>>;
  on(listener: (event: BackendEvent) => void): () => void;
  openSession(): Session;
  closeSession(session: Session): void;
  /** Whether a transport's remembered session id is still known. */
  hasSession(id: string): boolean;
  jobs: JobRunner;
  dbFile: string;
  /** For tests and maintenance tools inside electron/core only. */
  db: Db;
  close(): Promise<void>;
}

export const DATABASE_FILE = 'guangrong.db';

const consoleLogger: Logger = {
  warn: (message, details) => console.warn(`[guangrong] ${message}`, details ?? ''),
  error: (message, details) => console.error(`[guangrong] ${message}`, details ?? ''),
};

/**
 * Opens (or creates) the data folder and its database, migrates it, loads the national
 * divisions on first start. Throws CoreError DATABASE_TOO_NEW / DATABASE_CORRUPT / READ_ONLY
 * with a message for people when the data cannot be opened; the caller shows it.
 */
export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? (() => new Date());
  const now = () => clock().toISOString();
  const nowMs = () => clock().getTime();
  const logger = options.logger ?? consoleLogger;
  const dbFile = join(options.dataDir, DATABASE_FILE);
  const dataKey = options.dataKey ?? null;
  const vault = createVault(dataKey);
  let db: Db | undefined;
  try {
    makeDirectorySync(options.dataDir);
    db = openDatabase(dbFile, { key: dataKey });
    // Every start: a damaged page is found now, not in the middle of someone's work.
    const problems = quickCheck(db);
    if (problems.length !== 1 || problems[0] !== 'ok') {
      logger.error('quick_check failed', problems.slice(0, 5));
      throw Object.assign(new Error('quick_check failed'), { code: 'SQLITE_CORRUPT' });
    }
    const version = currentVersion(db);
    // An existing database with data is copied before a migration changes it.
    const safety = version > 0 && version < migrations.length ? backupBeforeMigration(db, options.dataDir, options.version ?? '0.0.0-dev', now(), dataKey) : null;
    migrate(db, migrations);
    if (safety) recordAutomaticBackup(db, safety, { userId: null, username: 'system' });
  } catch (error) {
    if (db?.open) db.close();
    if (error instanceof CoreError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
      throw new CoreError('DATABASE_CORRUPT', {
        zh: `数据库文件已损坏，无法打开：${dbFile}。文件保持原样未被改动。`,
        en: `The database file is damaged and cannot be opened: ${dbFile}. It was left untouched.`,
      });
    }
    if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new CoreError('READ_ONLY', {
        zh: `无法写入数据文件夹：${options.dataDir}。请检查文件夹权限或 U 盘写保护。`,
        en: `Cannot write to the data folder ${options.dataDir}. Check its permissions or the USB stick’s write protection.`,
      });
    }
    throw error;
  }
  failInterruptedJobs(db, now());
  seedNationalDivisions(db, now());
  if (searchIndexIncomplete(db)) {
    const started = Date.now();
    const records = writeTransaction(db, () => rebuildSearchIndex(db));
    logger.warn('search index rebuilt', { records, ms: Date.now() - started });
  }

  const events = new EventBus();
  const sessions = new SessionStore(nowMs);
  const settings = new SettingsStore(db);
  const resourcesDir = options.resourcesDir ?? null;
  const jobs = new JobRunner({ db, dbFile, dataDir: options.dataDir, resourcesDir, dataKey, worker: options.worker, events, now, logger });
  const info = { version: options.version ?? '0.0.0-dev', portable: options.portable ?? false };

  const makeContext = (session: Session, user: ReturnType<typeof findUserById> | null): HandlerContext => {
    const sessionState = sessions.state(session);
    const actor = () => (user ? { userId: user.id, username: user.username } : { userId: null, username: 'anonymous' });
    return {
      db,
      dataDir: options.dataDir,
      resourcesDir,
      vault,
      session,
      sessionState,
      sessions,
      user: user ?? null,
      settings,
      jobs,
      events,
      now,
      nowMs,
      info,
      encryption: options.encryption ?? null,
      requireUser() {
        if (!user) throw new CoreError('UNAUTHENTICATED');
        return user;
      },
      write: makeWrite(db, actor, now),
    };
  };
  const dispatch = createDispatcher(handlers, makeContext, logger);
  const schedule = options.integritySchedule === false ? null : new IntegritySchedule({ db, jobs, nowMs, logger });
  schedule?.tick();

  return {
    call: (method, input, session) => {
      schedule?.tick();
      return dispatch(method, input, session) as never;
    },
    callUntyped: (method, input, session) => {
      schedule?.tick();
      return dispatch(method, input, session);
    },
    on: (listener) => events.on(listener),
    openSession: () => sessions.open(),
    closeSession: (session) => sessions.close(session),
    hasSession: (id) => sessions.has(id),
    jobs,
    dbFile,
    db,
    async close() {
      await jobs.close();
      if (db.open) {
        db.pragma('optimize');
        db.close();
      }
    },
  };
}
