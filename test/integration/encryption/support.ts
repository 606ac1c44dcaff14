/** The encryption tests' helpers: the core host on a real temp data folder with a clock the test moves. */
import { openCoreHost, type CoreHost } from '../../../electron/core/backup/host';
import type { Session } from '../../../electron/core';
import type { ApiError, MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { REPO_RESOURCES, sourceWorker } from '../../support/tempCore';

export interface EncryptionHost {
  host: CoreHost;
  clock: { now: Date; advance(ms: number): void };
  ok<M extends MethodName>(method: M, input: MethodInput<M>, session: Session): Promise<MethodOutput<M>>;
  /** A call that must fail: its error. */
  fails<M extends MethodName>(method: M, input: MethodInput<M>, session: Session): Promise<ApiError>;
}

export function startHost(dataDir: string, options: { portable?: boolean; dailyBackups?: boolean } = {}): EncryptionHost {
  const clock = {
    now: new Date('2026-12-04T10:30:00.000Z'),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const host = openCoreHost({ dataDir, worker: sourceWorker, resourcesDir: REPO_RESOURCES, clock: () => clock.now, version: '0.1.0-test', dailyCheckMs: options.dailyBackups ? 3_600_000 : 0, integritySchedule: false, portable: options.portable, logger: { warn: () => {}, error: () => {} } });
  return {
    host,
    clock,
    async ok(method, input, session) {
      const result = await host.call(method, input, session);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message.en}`);
      return result.value;
    },
    async fails(method, input, session) {
      const result = await host.call(method, input, session);
      if (result.ok) throw new Error(`${method} succeeded but should have failed`);
      return result.error;
    },
  };
}

/** Waits until the host's core has no running sealing job and the key file is updated. */
export async function sealingEnded(host: CoreHost): Promise<void> {
  const core = host.core!;
  for (const job of core.jobs.list(50).filter((j) => j.kind === 'encryption.seal' && j.status === 'running')) await core.jobs.wait(job.id);
  await new Promise((resolve) => setImmediate(resolve));
}
