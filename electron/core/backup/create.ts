/**
 * Writing a backup file: a consistent copy of the database (taken beforehand, with SQLite's
 * online backup API in a job worker or VACUUM INTO before a migration), every attachment, and
 * manifest.json last with the SHA-256 of every entry. Written as `<name>.partial`, fsynced, then
 * renamed: a USB stick pulled out mid-way leaves a .partial, never a file that looks complete.
 *
 * An encrypted installation's backup holds the data as it is stored: the database copy encrypted
 * with the same key (VACUUM INTO from the keyed connection: the backup API refuses to copy between
 * a keyed and an unkeyed database), the sealed attachments byte for byte, and encryption.json, so
 * the backup opens with the passwords of its day (or the recovery key). The manifest names the
 * key by its id (see README: what the manifest may hold).
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BACKUP_DATABASE_ENTRY, BACKUP_KEY_FILE_ENTRY, BACKUP_MANIFEST_ENTRY, type BackupManifest, type BackupReason } from '../../../shared/contract/backup';
import type { DataKey } from '../crypto/dataKey';
import { keyFilePath } from '../crypto/keyFile';
import type { Db } from '../db/connection';
import { sealSnapshot, vacuumInto } from '../db/backup';
import { CoreError } from '../errors';
import { backupFileName, freePath, fsyncFolder, listAttachmentFiles } from './files';
import { ZipWriter } from './zip';

export interface BackupProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

export interface WriteBackupOptions {
  /** A finished copy of the database; sealed (made a single file) and removed here. */
  snapshot: string;
  dataDir: string;
  folder: string;
  reason: BackupReason;
  appVersion: string;
  createdAt: string;
  createdBy: BackupManifest['createdBy'];
  includeAttachments: boolean;
  /** The installation's data key (the snapshot is encrypted with it), or null when it is plain. */
  key: DataKey | null;
  /** Called after every chunk: report progress, throw to cancel (the partial file is removed). */
  onProgress?: (progress: BackupProgress) => void;
}

export interface WrittenBackup {
  file: string;
  name: string;
  /** Size of the backup file. */
  size: number;
  files: number;
  bytes: number;
  manifest: Omit<BackupManifest, 'entries'>;
}

export function ensureFolder(folder: string, create: boolean): void {
  try {
    if (create) mkdirSync(folder, { recursive: true });
    if (!statSync(folder).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new CoreError('NOT_FOUND', {
        zh: `找不到备份文件夹：${folder}。如果是 U 盘，请确认已插好。`,
        en: `The backup folder ${folder} was not found. If it is a USB stick, check that it is plugged in.`,
      });
    }
    throw error;
  }
}

export function writeBackupFile(options: WriteBackupOptions): WrittenBackup {
  const sealed = sealSnapshot(options.snapshot, options.key);
  const attachments = options.includeAttachments ? listAttachmentFiles(options.dataDir) : [];
  const keyFile = options.key && existsSync(keyFilePath(options.dataDir)) ? keyFilePath(options.dataDir) : null;
  const databaseSize = statSync(options.snapshot).size;
  const progress: BackupProgress = {
    filesDone: 0,
    filesTotal: attachments.length + 1,
    bytesDone: 0,
    bytesTotal: databaseSize + attachments.reduce((sum, a) => sum + a.size, 0),
  };
  const target = freePath(options.folder, backupFileName(new Date(options.createdAt), options.reason));
  const partial = `${target}.partial`;
  const fd = openSync(partial, 'wx');
  let closed = false;
  try {
    const zip = new ZipWriter(fd, new Date(options.createdAt));
    const onChunk = (bytes: number) => {
      progress.bytesDone += bytes;
      options.onProgress?.(progress);
    };
    const entries = [zip.addFile(BACKUP_DATABASE_ENTRY, options.snapshot, databaseSize, onChunk)];
    if (keyFile) entries.push(zip.addBytes(BACKUP_KEY_FILE_ENTRY, readFileSync(keyFile)));
    progress.filesDone++;
    // Reported as each file is done, the database too (else a backup without attachments ends at 0 / 1).
    options.onProgress?.(progress);
    for (const attachment of attachments) {
      entries.push(zip.addFile(attachment.name, attachment.path, attachment.size, onChunk));
      progress.filesDone++;
      options.onProgress?.(progress);
    }
    const manifest: BackupManifest = {
      format: 'guangrong-backup',
      formatVersion: 1,
      appVersion: options.appVersion,
      schemaVersion: sealed.schemaVersion,
      createdAt: options.createdAt,
      createdBy: options.createdBy,
      reason: options.reason,
      includesAttachments: options.includeAttachments,
      counts: sealed.counts,
      encryption: options.key ? { keyId: options.key.id } : null,
      entries,
    };
    zip.addBytes(BACKUP_MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest), 'utf8'));
    zip.finish();
    fsyncSync(fd);
    closeSync(fd);
    closed = true;
    renameSync(partial, target);
    fsyncFolder(dirname(target));
    const { entries: _entries, ...summary } = manifest;
    return { file: target, name: basename(target), size: statSync(target).size, files: entries.length, bytes: progress.bytesTotal, manifest: summary };
  } catch (error) {
    if (!closed) closeSync(fd);
    rmSync(partial, { force: true });
    throw error;
  } finally {
    rmSync(options.snapshot, { force: true });
    rmSync(`${options.snapshot}-journal`, { force: true });
  }
}

export const snapshotPath = (dataDir: string, label: string) => join(dataDir, 'tmp', `backup-${label}-${process.pid}.db`);

/**
 * A consistent copy of the database through SQLite's online backup API from this connection:
 * the whole copy in one step, so writers on other connections (WAL) go on and never make it restart.
 * Encrypted (`key`): VACUUM INTO from this keyed connection instead — one read transaction, so a
 * snapshot as consistent, written encrypted with the same key (the backup API refuses a keyed
 * source with an unkeyed target).
 */
export async function snapshotDatabase(db: Db, dataDir: string, label: string, key: DataKey | null = null): Promise<string> {
  const file = snapshotPath(dataDir, label);
  mkdirSync(dirname(file), { recursive: true });
  rmSync(file, { force: true });
  try {
    if (key) vacuumInto(db, file);
    else await db.backup(file, { progress: () => 0x7fffffff });
  } catch (error) {
    rmSync(file, { force: true });
    throw error;
  }
  return file;
}

/** The same, synchronously (VACUUM INTO), for the start of the core before a migration. */
export function snapshotDatabaseNow(db: Db, dataDir: string, label: string): string {
  const file = snapshotPath(dataDir, label);
  mkdirSync(dirname(file), { recursive: true });
  rmSync(file, { force: true });
  vacuumInto(db, file);
  return file;
}
