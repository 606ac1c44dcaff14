/**
 * Entry of the job worker thread (built to out/main/job-worker.js). Everything is in
 * electron/core/jobs/worker.ts; this file only starts it.
 */
import { runJobInThisWorker } from './core/jobs/worker';

void runJobInThisWorker();
