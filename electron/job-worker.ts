/**
 * Entry of the job worker thread (built to out/main/job-worker.js). Everything is in
 * electron/core/jobs/worker.ts; this file only starts it. The same entry also runs set-up's
 * rekey of the database off the main thread (electron/core/encryption/rekeyWorker.ts).
 */
import { workerData } from 'node:worker_threads';
import { runJobInThisWorker } from './core/jobs/worker';
import { isRekeyTask, rekeyInThisWorker } from './core/encryption/rekeyWorker';

if (isRekeyTask(workerData)) rekeyInThisWorker();
else void runJobInThisWorker();
