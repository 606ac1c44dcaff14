/**
 * One stress round's worker process (forked by run.ts with tsx): opens the round's data folder
 * with the real core, signs in, and runs steps.ts in order, telling the parent when each step
 * starts and ends so the parent can kill it (SIGKILL) inside a chosen step.
 *
 *   argv: <dataDir> <filesDir> [<job worker .mjs> <resources folder>]   (without: from source, through tsx)
 *   env STRESS_DATA_KEY=<key id>:<key hex>: an encrypted round (the core opens with that key)
 */
import { ADMIN, makeTestCore } from '../support/tempCore';
import { steps, type Round } from './steps';

export type ChildMessage =
  | { type: 'step'; name: string; state: 'start' | 'end'; ms: number }
  | { type: 'progress'; phase: string }
  | { type: 'done' }
  | { type: 'error'; message: string };

const send = (message: ChildMessage) => process.send?.(message);

async function main() {
  const [dataDir, files, workerFile, resourcesDir] = process.argv.slice(2);
  if (!dataDir || !files) throw new Error('usage: child.ts <dataDir> <filesDir> [<worker>]');
  let started = Date.now();
  send({ type: 'step', name: 'open', state: 'start', ms: 0 });
  // The code is loaded; from here the core opens the database (migrations, interrupted jobs, sign-in).
  send({ type: 'progress', phase: 'core:opening' });
  const [keyId, keyHex] = (process.env.STRESS_DATA_KEY ?? '').split(':');
  const dataKey = keyId && keyHex ? { id: keyId, key: Buffer.from(keyHex, 'hex') } : null;
  const t = makeTestCore({ dataDir, dataKey, ...(workerFile && resourcesDir ? { worker: { file: workerFile }, resourcesDir } : {}) });
  t.core.on((event) => {
    if (event.name === 'job.progress' && event.payload.status === 'running') send({ type: 'progress', phase: `${event.payload.kind}:${event.payload.phase}` });
  });
  const admin = t.core.openSession();
  await t.ok('auth.login', { username: ADMIN.username, password: ADMIN.password }, admin);
  send({ type: 'step', name: 'open', state: 'end', ms: Date.now() - started });
  const round: Round = {
    t,
    admin,
    files,
    martyrIds: [],
    async job(method, input) {
      // A job method answers { jobId } or the job itself (backup.create).
      const started = (await t.ok(method, input, admin)) as { jobId?: number; id?: number };
      const jobId = started.jobId ?? started.id!;
      const job = await t.core.jobs.wait(jobId);
      const result = job.result as { ok?: boolean } | null;
      if (job.status !== 'done' || result?.ok === false) throw new Error(`${method}: job ${job.status} ${JSON.stringify(job.error ?? job.result)}`);
      return job.result;
    },
  };
  for (const step of steps) {
    started = Date.now();
    send({ type: 'step', name: step.name, state: 'start', ms: 0 });
    await step.run(round);
    send({ type: 'step', name: step.name, state: 'end', ms: Date.now() - started });
  }
  await t.dispose();
  send({ type: 'done' });
}

main().then(
  () => process.disconnect?.(),
  (error: unknown) => {
    send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exitCode = 1;
    process.disconnect?.();
  },
);
