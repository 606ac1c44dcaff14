/**
 * The two jobs of backups, run in a job worker with its own connection:
 * - `backup.create`: the database through SQLite's online backup API (the application keeps
 *   working), every attachment, the manifest; progress in files; cancel removes the partial file.
 * - `backup.restore`: every entry of the chosen backup verified and extracted into a staging
 *   folder, then an automatic backup of the current data. The swap itself needs the core's
 *   connection closed: the core host does it when this job ends well (see host.ts).
 *
 * Encryption: a backup of an encrypted installation is made from the worker's keyed connection
 * (VACUUM INTO) and holds the files sealed as stored. A restore stages the backup under its own
 * key (the installation's, or the one the administrator's credentials gave the handler, handed to
 * this worker in its input — which lives only in the worker's memory, never in the job's row, its
 * result or an event). A plain backup restored into an encrypted installation is encrypted in
 * the staging folder with the installation's key before the swap, so the data stays encrypted.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupReason } from '../../../shared/contract/backup';
import type { JobContext } from '../jobs/context';
import { migrations } from '../db/migrations';
import { automaticFolder, recordAutomaticBackup } from './automatic';
import { ensureFolder, snapshotDatabase, writeBackupFile, type WrittenBackup } from './create';
import { backupKeyId, DATABASE_FILE, extractVerified } from './restore';
import { encryptDatabaseFile, sealDataFolderFiles } from '../crypto/encryptInPlace';

export interface CreateBackupInput {
  folder: string | null;
  reason: BackupReason;
  appVersion: string;
}

export interface CreateBackupResult {
  file: string;
  name: string;
  size: number;
  files: number;
  bytes: number;
}

async function writeFromJob(ctx: JobContext, input: CreateBackupInput, progressOffset = { done: 0, total: 0 }): Promise<WrittenBackup> {
  const automatic = input.reason !== 'manual';
  const folder = input.folder ?? automaticFolder(ctx.db, ctx.dataDir);
  ensureFolder(folder, automatic);
  ctx.progress(progressOffset.done, progressOffset.total + 1, 'reading');
  const snapshot = await snapshotDatabase(ctx.db, ctx.dataDir, `job${ctx.jobId}`, ctx.vault.key);
  ctx.throwIfCancelled();
  const written = writeBackupFile({
    snapshot,
    dataDir: ctx.dataDir,
    folder,
    reason: input.reason,
    appVersion: input.appVersion,
    createdAt: ctx.now(),
    createdBy: ctx.actor,
    includeAttachments: true,
    key: ctx.vault.key,
    onProgress: (p) => {
      ctx.throwIfCancelled();
      ctx.progress(progressOffset.done + p.filesDone, progressOffset.total + p.filesTotal, 'writing', { done: p.bytesDone, total: p.bytesTotal });
    },
  });
  if (automatic) {
    recordAutomaticBackup(ctx.db, written, ctx.actor);
  } else {
    ctx.write((audit) =>
      audit({ entity: 'backup', entityId: null, action: 'create', after: { file: written.file, size: written.size, files: written.files, counts: written.manifest.counts } }),
    );
  }
  return written;
}

export async function createBackupJob(ctx: JobContext, input: CreateBackupInput): Promise<CreateBackupResult> {
  const written = await writeFromJob(ctx, input);
  return { file: written.file, name: written.name, size: written.size, files: written.files, bytes: written.bytes };
}

export interface RestoreBackupInput {
  file: string;
  appVersion: string;
  /** The backup's own data key when it is not the installation's (from the handler; hex, worker memory only). */
  backupKey?: { id: string; hex: string } | null;
}

export interface RestoreBackupResult {
  file: string;
  stagingDir: string;
  includesAttachments: boolean;
  schemaVersion: number;
  createdAt: string;
  /** Who made the backup (its manifest's user name). */
  createdBy: string;
  /** The automatic backup of the data as it was before the restore. */
  safetyBackup: string;
  /**
   * The key id the staged data is encrypted under (null: plain). When it differs from the
   * installation's, the host puts the backup's encryption.json in place and reopens the core with
   * the key it derives itself from the credentials of the restore call (host.ts).
   */
  keyId: string | null;
}

export const stagingDirOf = (dataDir: string, jobId: number) => join(dataDir, `restore-staging-${jobId}`);

export async function restoreBackupJob(ctx: JobContext, input: RestoreBackupInput): Promise<RestoreBackupResult> {
  const stagingDir = stagingDirOf(ctx.dataDir, ctx.jobId);
  let filesTotal = 0;
  const installationKey = ctx.vault.key;
  const backupKey = input.backupKey ? { id: input.backupKey.id, key: Buffer.from(input.backupKey.hex, 'hex') } : installationKey;
  const manifest = await extractVerified(
    input.file,
    stagingDir,
    migrations.length,
    {
      check: () => ctx.throwIfCancelled(),
      onProgress: (done, total, bytes) => {
        filesTotal = total;
        ctx.progress(done, total * 2, 'checking', bytes);
      },
    },
    backupKey,
  );
  let keyId = backupKeyId(manifest);
  try {
    if (keyId === null && installationKey) {
      // A plain backup into an encrypted installation: encrypted here, before the swap.
      ctx.progress(filesTotal, filesTotal * 2, 'encrypting');
      encryptDatabaseFile(join(stagingDir, DATABASE_FILE), installationKey);
      await sealDataFolderFiles(stagingDir, installationKey, { throwIfCancelled: () => ctx.throwIfCancelled() });
      keyId = installationKey.id;
    }
    const safety = await writeFromJob(ctx, { folder: null, reason: 'before-restore', appVersion: input.appVersion }, { done: filesTotal, total: filesTotal });
    ctx.write((audit) =>
      audit({ entity: 'backup', entityId: null, action: 'restore-verified', after: { file: input.file, createdAt: manifest.createdAt, schemaVersion: manifest.schemaVersion, counts: manifest.counts, safetyBackup: safety.file } }),
    );
    return { file: input.file, stagingDir, includesAttachments: manifest.includesAttachments, schemaVersion: manifest.schemaVersion, createdAt: manifest.createdAt, createdBy: manifest.createdBy.username, safetyBackup: safety.file, keyId };
  } catch (error) {
    rmSync(stagingDir, { recursive: true, force: true });
    throw error;
  }
}
