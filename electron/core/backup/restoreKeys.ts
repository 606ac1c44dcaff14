/**
 * What the core host keeps of a restore under another data key (a backup made under another key,
 * or an encrypted backup restored into a plain installation): the key of the restored data,
 * derived by the host itself from the credentials of the `backup.restore` call it passed on, kept
 * in its memory by job id until that job's swap. The job's result names only the key id, so the
 * key never reaches the renderer, an event or the jobs table.
 */
import { resolve } from 'node:path';
import { methods } from '../../../shared/contract';
import type { DataKey } from '../crypto/dataKey';
import { migrations } from '../db/migrations';
import { keyForBackup } from './backupKey';
import { inspectBackup } from './restore';

export interface RestoreKeyTracker {
  /** After a `backup.restore` call answered its job: derive the backup's key when credentials came with it. */
  remember(job: unknown, input: unknown, current: DataKey | null): void;
  /**
   * The key to open the restored data with (encrypted under `keyId`, or plain: null), or
   * undefined when this host cannot know it (then nothing may be swapped in).
   */
  keyFor(jobId: number, keyId: string | null, current: DataKey | null): Promise<DataKey | null | undefined>;
}

export function restoreKeyTracker(): RestoreKeyTracker {
  const pending = new Map<number, Promise<DataKey | null>>();
  return {
    remember(job, input, current) {
      const parsed = methods['backup.restore'].input.safeParse(input);
      const id = (job as { id?: unknown } | null)?.id;
      if (!parsed.success || !parsed.data.key || typeof id !== 'number') return;
      const file = resolve(parsed.data.file);
      const keyId = inspectBackup(file, migrations.length, current?.id ?? null).summary?.encryption?.keyId ?? null;
      // The handler checked the same credentials before starting the job; a failure here leaves the key unknown.
      pending.set(
        id,
        keyForBackup(file, keyId, current, parsed.data.key).catch(() => null),
      );
    },
    async keyFor(jobId, keyId, current) {
      const derived = pending.get(jobId);
      pending.delete(jobId);
      if (keyId === null) return null;
      if (current?.id === keyId) return current;
      const key = derived ? await derived : null;
      return key && key.id === keyId ? key : undefined;
    },
  };
}
