import { Worker } from 'node:worker_threads';
import type { DataKey } from '../crypto/dataKey';
import type { Db } from '../db/connection';
import { finishJob, getJob, insertJob, listJobs, updateJobProgress } from '../db/jobs';
import type { EventBus } from '../events';
import type { Logger } from '../call';
import type { Job } from '../../../shared/contract';
import { CoreError, notFound } from '../errors';
import type { JobActor } from './context';
import type { JobKindName } from './kinds';
import type { WorkerMessage, WorkerInput } from './worker';

/** Where the worker's entry file is: the built `job-worker.js`, or the TypeScript source run through tsx. */
export interface WorkerSpec {
  file: string | URL;
  execArgv?: string[];
  /** The worker's process.argv after the script (electron/tsx-worker.mjs takes the TypeScript entry here). */
  argv?: string[];
  /** The worker's heap limit in MB (default JOB_HEAP_LIMIT_MB; tests make it small). */
  heapLimitMb?: number;
}

/**
 * The job worker's heap limit. With none, V8 sizes a worker's heap for this machine (4 GB here)
 * and lets it grow to ~4× what is live before collecting: a 100,000-row import then peaks at
 * ~640 MB of process memory, ~520 MB with this limit, at the same speed. A job that truly needs
 * more fails (and is reported as such) instead of taking the whole application down.
 */
export const JOB_HEAP_LIMIT_MB = 1536;

const JOB_OUT_OF_MEMORY = {
  zh: '这项任务需要的内存超出了上限，已停止，数据未改变。如果是导入，请把文件拆分成几个较小的文件再分别导入。',
  en: 'This job needed more memory than it may use and was stopped; nothing was changed. For an import, split the file into smaller ones and import each.',
};

interface Running {
  worker: Worker;
  cancelFlag: Int32Array;
  finished: Promise<Job>;
  /** Progress is kept here, not written to the database: the worker may hold the write lock for the whole job. */
  progress: { done: number; total: number; phase: string; bytes?: { done: number; total: number } };
}

/**
 * Starts jobs in worker threads (each with its own database connection), records their progress
 * in `jobs`, forwards it as `job.progress` events, and cancels them on request.
 */
export class JobRunner {
  private readonly running = new Map<number, Running>();

  constructor(
    private readonly opts: { db: Db; dbFile: string; dataDir: string; resourcesDir: string | null; dataKey?: DataKey | null; worker: WorkerSpec; events: EventBus; now: () => string; logger: Logger },
  ) {}

  start(kind: JobKindName, input: unknown, actor: JobActor): Job {
    const { db, events } = this.opts;
    const job = insertJob(db, { kind, startedBy: actor.userId, at: this.opts.now() });
    const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
    const workerData: WorkerInput = { jobId: job.id, kind, input, dbFile: this.opts.dbFile, dataDir: this.opts.dataDir, resourcesDir: this.opts.resourcesDir, dataKey: this.opts.dataKey ? { id: this.opts.dataKey.id, hex: this.opts.dataKey.key.toString('hex') } : null, actor, cancelBuffer: cancelFlag.buffer as SharedArrayBuffer, clockOffsetMs: Date.parse(this.opts.now()) - Date.now() };
    const worker = new Worker(this.opts.worker.file, {
      workerData,
      execArgv: this.opts.worker.execArgv ?? [],
      argv: this.opts.worker.argv ?? [],
      resourceLimits: { maxOldGenerationSizeMb: this.opts.worker.heapLimitMb ?? JOB_HEAP_LIMIT_MB },
    });
    let settled = false;
    const finished = new Promise<Job>((resolve) => {
      const end = (status: 'done' | 'failed' | 'cancelled', extra: { error?: { code: string; message: { zh: string; en: string } }; result?: unknown }) => {
        if (settled) return;
        settled = true;
        const last = this.running.get(job.id)?.progress;
        try {
          if (last) updateJobProgress(db, job.id, last);
          finishJob(db, job.id, { status, at: this.opts.now(), ...extra });
        } catch (error) {
          this.opts.logger.error(`could not record the end of job ${job.id}`, error);
        }
        this.running.delete(job.id);
        // After close() the connection may be shut (a worker terminated past the grace period):
        // answer with what is known instead of throwing from the exit handler.
        const final = (db.open ? getJob(db, job.id) : undefined) ?? { ...job, status, finishedAt: this.opts.now(), error: extra.error ?? null, result: extra.result ?? null };
        events.emit({ name: 'job.progress', payload: final });
        resolve(final);
      };
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') {
          const running = this.running.get(job.id);
          if (settled || !running) return;
          running.progress = message.bytes ? { done: message.done, total: message.total, phase: message.phase, bytes: message.bytes } : { done: message.done, total: message.total, phase: message.phase };
          events.emit({ name: 'job.progress', payload: { ...job, ...running.progress } });
        } else if (message.type === 'done') {
          end('done', { result: message.result });
        } else if (message.type === 'cancelled') {
          end('cancelled', { error: new CoreError('JOB_CANCELLED').toApiError() });
        } else {
          end('failed', { error: message.error });
        }
      });
      worker.on('error', (error) => {
        this.opts.logger.error(`job ${job.id} (${kind}) crashed`, error);
        const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
        end('failed', { error: (outOfMemory ? new CoreError('INTERNAL', JOB_OUT_OF_MEMORY) : new CoreError('INTERNAL')).toApiError() });
      });
      // A worker that exits without its final message died (out of memory, killed): the job failed.
      // setImmediate lets a final message that raced the exit be handled first.
      worker.on('exit', () =>
        setImmediate(() => {
          if (Atomics.load(cancelFlag, 0) === 1) end('cancelled', { error: new CoreError('JOB_CANCELLED').toApiError() });
          else end('failed', { error: new CoreError('INTERNAL').toApiError() });
        }),
      );
    });
    this.running.set(job.id, { worker, cancelFlag, finished, progress: { done: 0, total: 0, phase: 'queued' } });
    events.emit({ name: 'job.progress', payload: job });
    return job;
  }

  get(id: number): Job {
    const job = getJob(this.opts.db, id);
    if (!job) throw notFound({ zh: '该任务', en: 'The job' });
    return this.withProgress(job);
  }

  list(limit: number): Job[] {
    return listJobs(this.opts.db, limit).map((job) => this.withProgress(job));
  }

  private withProgress(job: Job): Job {
    const running = this.running.get(job.id);
    return running ? { ...job, ...running.progress } : job;
  }

  /** Asks the job to stop at its next check; its transaction rolls back. */
  cancel(id: number): Job {
    const job = this.get(id);
    const running = this.running.get(id);
    if (running) Atomics.store(running.cancelFlag, 0, 1);
    return job;
  }

  /** Resolves when the job has ended (tests, and handlers that must wait). */
  async wait(id: number): Promise<Job> {
    const running = this.running.get(id);
    return running ? running.finished : this.get(id);
  }

  isRunning(id: number): boolean {
    return this.running.has(id);
  }

  /** Stops every job (application quit): cancelled jobs roll back. */
  async close(): Promise<void> {
    const all = [...this.running.values()];
    for (const r of all) Atomics.store(r.cancelFlag, 0, 1);
    // The grace timer is cleared once the jobs have ended: left running it kept the process alive 5 s after every close.
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(all.map((r) => r.finished)), new Promise((resolve) => (grace = setTimeout(resolve, 5000)))]);
    clearTimeout(grace);
    await Promise.all([...this.running.values()].map((r) => r.worker.terminate()));
  }
}
