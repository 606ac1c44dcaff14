import type { Db } from './db/connection';
import { writeTransaction } from './db/connection';
import { appendAudit, type AuditAppend } from './db/auditLog';
import type { UserRecord } from './db/users';
import type { MethodName, MethodOutput, MethodParsedInput } from '../../shared/contract';
import type { Session, SessionState, SessionStore } from './sessions';
import type { JobRunner } from './jobs/runner';
import type { SettingsStore } from './settings';
import type { EventBus } from './events';
import { type CoreError } from './errors';
import type { Vault } from './crypto/vault';
import type { EncryptionHooks } from './encryption/hooks';

/** What a write records in the audit log; who and when are filled in by the context. */
export type AuditRecord = Omit<AuditAppend, 'at' | 'userId' | 'username'>;

/** Everything a handler may use. Handlers hold no state of their own. */
export interface HandlerContext {
  db: Db;
  dataDir: string;
  /** The application's resources folder (fonts), or null when the core was started without one. */
  resourcesDir: string | null;
  /** Reads and writes the data folder's files, sealed with the data key when the installation is encrypted. */
  vault: Vault;
  session: Session;
  sessionState: SessionState;
  sessions: SessionStore;
  /** The signed-in user, or null for public methods called before sign-in. */
  user: UserRecord | null;
  settings: SettingsStore;
  jobs: JobRunner;
  events: EventBus;
  /** ISO timestamp from the injected clock. */
  now(): string;
  nowMs(): number;
  /** The signed-in user, or an UNAUTHENTICATED error. */
  requireUser(): UserRecord;
  /**
   * Runs `fn` in one write transaction. `fn` records what it changed through `audit`; a write
   * that records nothing is a programming error and is rolled back.
   */
  write<T>(fn: (audit: (record: AuditRecord) => void) => T): T;
  info: { version: string; portable: boolean };
  /** Set-up of encryption at rest, done by the core host (null for a core opened without one). */
  encryption: EncryptionHooks | null;
}

export function makeWrite(db: Db, who: () => { userId: number | null; username: string }, now: () => string) {
  return function write<T>(fn: (audit: (record: AuditRecord) => void) => T): T {
    return writeTransaction(db, () => {
      let audited = 0;
      const result = fn((record) => {
        const actor = who();
        appendAudit(db, { ...record, at: now(), userId: actor.userId, username: actor.username });
        audited++;
      });
      if (audited === 0) throw new Error('a write transaction recorded nothing in the audit log');
      return result;
    });
  };
}

export type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  ctx: HandlerContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type Handlers<K extends MethodName = MethodName> = { [M in K]: Handler<M> };

/** Each domain module declares its handlers with this, so a misspelt method name fails to compile. */
export function defineHandlers<K extends MethodName>(handlers: Handlers<K>): Handlers<K> {
  return handlers;
}

export function mustExist<T>(value: T | undefined, error: CoreError): T {
  if (value === undefined) throw error;
  return value;
}
