/**
 * The child process of the encryption crash test (crash.test.ts): opens the core host on the data
 * folder it is given, signs the administrator in and sets encryption up, telling the parent each
 * step over IPC so the parent can kill it with SIGKILL during the database's rekey or the sealing.
 *
 *   node --import tsx crashChild.ts <dataDir>
 */
import { openCoreHost } from '../../../electron/core/backup/host';
import { ADMIN, REPO_RESOURCES, sourceWorker } from '../../support/tempCore';

export type CrashChildMessage =
  | { type: 'key'; text: string }
  | { type: 'enabling' }
  | { type: 'enabled'; ms: number }
  | { type: 'progress'; done: number; total: number }
  | { type: 'sealed' }
  | { type: 'error'; message: string };

const send = (message: CrashChildMessage) => process.send!(message);

async function main(dataDir: string): Promise<void> {
  const host = openCoreHost({ dataDir, worker: sourceWorker, resourcesDir: REPO_RESOURCES, dailyCheckMs: 0, integritySchedule: false, logger: { warn: () => {}, error: () => {} } });
  const session = host.openSession();
  const must = <T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: { en: string } } }): T => {
    if (!result.ok) throw new Error(`${result.error.code} ${result.error.message.en}`);
    return result.value;
  };
  must(await host.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, session));
  const { recoveryKey } = must(await host.call('encryption.prepare', { password: ADMIN.password }, session));
  send({ type: 'key', text: recoveryKey });
  host.on((event) => {
    if (event.name !== 'job.progress' || event.payload.kind !== 'encryption.seal') return;
    if (event.payload.status === 'running') send({ type: 'progress', done: event.payload.done, total: event.payload.total });
    if (event.payload.status === 'done') send({ type: 'sealed' });
  });
  send({ type: 'enabling' });
  const started = Date.now();
  const job = must(await host.call('encryption.enable', { password: ADMIN.password, confirmLastGroup: recoveryKey.slice(-4) }, session));
  send({ type: 'enabled', ms: Date.now() - started });
  await host.core!.jobs.wait(job.id);
  await new Promise((resolve) => setTimeout(resolve, 50));
  await host.close();
}

main(process.argv[2]!).then(
  () => process.exit(0),
  (error: unknown) => {
    send({ type: 'error', message: String(error) });
    process.exit(1);
  },
);
