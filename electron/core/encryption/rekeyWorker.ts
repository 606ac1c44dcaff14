/**
 * Set-up's rekey of the database off the thread that answers the UI: it takes about 27 ms per MB
 * here (0.8 s for 30 MB, 3.3 s for 150 MB), and the Electron main process must not stop answering
 * for that long. It runs in a worker thread started from the job worker's entry (the same built
 * file, `electron/job-worker.ts`, told apart by its workerData), while the core is closed.
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { CoreError } from '../errors';
import { encryptDatabaseFile } from '../db/encryption';
import type { DataKey } from '../crypto/dataKey';
import type { WorkerSpec } from '../jobs/runner';

interface RekeyTask {
  task: 'encryption.rekey';
  dbFile: string;
  key: { id: string; hex: string };
}

type RekeyMessage = { type: 'done' } | { type: 'failed'; code: string | null; message: string };

export function isRekeyTask(data: unknown): data is RekeyTask {
  return typeof data === 'object' && data !== null && (data as { task?: unknown }).task === 'encryption.rekey';
}

/** In the worker thread: encrypts the database file, answers done or failed, and ends. */
export function rekeyInThisWorker(): void {
  const task = workerData as RekeyTask;
  let answer: RekeyMessage;
  try {
    encryptDatabaseFile(task.dbFile, { id: task.key.id, key: Buffer.from(task.key.hex, 'hex') });
    answer = { type: 'done' };
  } catch (error) {
    answer = { type: 'failed', code: (error as { code?: string }).code ?? null, message: String(error) };
  }
  parentPort!.postMessage(answer);
}

const FAILED = {
  zh: '数据库加密失败，数据保持未加密，未受影响。请检查磁盘空间后重试。',
  en: 'The database could not be encrypted; it stays unencrypted and untouched. Check the disk space and try again.',
};

/** On the main thread: runs the rekey in a worker thread and waits for it. */
export function rekeyInWorker(worker: WorkerSpec, dbFile: string, key: DataKey): Promise<void> {
  const task: RekeyTask = { task: 'encryption.rekey', dbFile, key: { id: key.id, hex: key.key.toString('hex') } };
  return new Promise((resolve, reject) => {
    const thread = new Worker(worker.file, { workerData: task, execArgv: worker.execArgv ?? [], argv: worker.argv ?? [] });
    let answered: RekeyMessage | null = null;
    thread.on('message', (message: RekeyMessage) => {
      answered = message;
    });
    thread.on('error', reject);
    thread.on('exit', () => {
      const message = answered as RekeyMessage | null;
      if (message?.type === 'done') resolve();
      else if (message?.code === 'SQLITE_FULL') reject(new CoreError('DISK_FULL'));
      else reject(new CoreError('INTERNAL', { zh: `${FAILED.zh}（${message?.message ?? '线程意外退出'}）`, en: `${FAILED.en} (${message?.message ?? 'the thread ended unexpectedly'})` }));
    });
  });
}
