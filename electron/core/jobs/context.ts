import type { Db } from '../db/connection';
import type { AuditRecord } from '../context';
import type { Vault } from '../crypto/vault';

/** Who started the job: its audit rows are written in that person's name. */
export interface JobActor {
  userId: number | null;
  username: string;
}

/** What a job kind receives in its worker thread. */
export interface JobContext {
  /** The worker's own connection (WAL lets the UI's connection keep reading). */
  db: Db;
  dataDir: string;
  /** The application's resources folder (fonts), or null when the core was started without one. */
  resourcesDir: string | null;
  /** The data folder's files, sealed with the data key when the installation is encrypted. */
  vault: Vault;
  actor: JobActor;
  jobId: number;
  now(): string;
  /** Reports how far the job is (and, for work through files, the bytes); cheap to call often (throttled). */
  progress(done: number, total: number, phase: string, bytes?: { done: number; total: number }): void;
  /** Throws JobCancelled when the user pressed cancel; call between batches. */
  throwIfCancelled(): void;
  /** One write transaction with its audit rows, as in handlers. */
  write<T>(fn: (audit: (record: AuditRecord) => void) => T): T;
}

export class JobCancelled extends Error {
  constructor() {
    super('job cancelled');
    this.name = 'JobCancelled';
  }
}

export type JobKind<I = unknown, R = unknown> = (ctx: JobContext, input: I) => R | Promise<R>;
