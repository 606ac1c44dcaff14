import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection';
import { makeWrite } from '../context';
import { createVault } from '../crypto/vault';
import { toApiError } from '../errors';
import { JobCancelled, type JobActor, type JobContext } from './context';
import { jobKinds, type JobKindName } from './kinds';

/** The messages between the job runner (main thread) and a job's worker thread. */
export interface WorkerInput {
  jobId: number;
  kind: JobKindName;
  input: unknown;
  dbFile: string;
  dataDir: string;
  resourcesDir: string | null;
  /** The data key of an encrypted installation (hex, in this process's memory only), or null. */
  dataKey: { id: string; hex: string } | null;
  actor: JobActor;
  cancelBuffer: SharedArrayBuffer;
  /**
   * The core's clock minus this machine's, in ms, when the job started: the worker keeps the
   * core's time (a test's fixed clock, the dates printed on documents, audit rows), ticking on.
   */
  clockOffsetMs: number;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number; phase: string; bytes?: { done: number; total: number } }
  | { type: 'done'; result: unknown }
  | { type: 'cancelled' }
  | { type: 'failed'; error: { code: string; message: { zh: string; en: string } } };

/** Runs one job in this worker thread with its own connection, then exits. */
export async function runJobInThisWorker(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('runJobInThisWorker must run in a worker thread');
  const data = workerData as WorkerInput;
  const cancelFlag = new Int32Array(data.cancelBuffer);
  const post = (message: WorkerMessage) => port.postMessage(message);
  const now = () => new Date(Date.now() + (data.clockOffsetMs ?? 0)).toISOString();
  const dataKey = data.dataKey ? { id: data.dataKey.id, key: Buffer.from(data.dataKey.hex, 'hex') } : null;
  const db = openDatabase(data.dbFile, { key: dataKey });
  let lastReport = 0;
  const ctx: JobContext = {
    db,
    dataDir: data.dataDir,
    resourcesDir: data.resourcesDir,
    vault: createVault(dataKey),
    actor: data.actor,
    jobId: data.jobId,
    now,
    progress(done, total, phase, bytes) {
      const t = Date.now();
      if (t - lastReport >= 100 || done >= total) {
        lastReport = t;
        post(bytes ? { type: 'progress', done, total, phase, bytes } : { type: 'progress', done, total, phase });
      }
    },
    throwIfCancelled() {
      if (Atomics.load(cancelFlag, 0) === 1) throw new JobCancelled();
    },
    write: makeWrite(db, () => data.actor, now),
  };
  try {
    const run = (await jobKinds[data.kind]()) as (ctx: JobContext, input: unknown) => unknown;
    const result = await run(ctx, data.input);
    post({ type: 'done', result: result ?? null });
  } catch (error) {
    if (error instanceof JobCancelled) post({ type: 'cancelled' });
    else post({ type: 'failed', error: toApiError(error) });
  } finally {
    db.close();
  }
}
