/**
 * Automatic backups: where they go (the administrator's folder, or `<dataDir>/backups`; the
 * default when the chosen one is missing — a USB stick not plugged in must not stop a migration),
 * the rotation applied after each one, the record of the last one, and the synchronous backup of
 * the database made by createCore before it migrates an existing database.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/connection';
import type { DataKey } from '../crypto/dataKey';
import { hasUsers, readBackupSettings, writeLastAutomaticBackup } from '../db/backup';
import { appendAudit } from '../db/auditLog';
import { writeTransaction } from '../db/connection';
import { automaticBackupDate, defaultBackupFolder } from './files';
import { ensureFolder, snapshotDatabaseNow, writeBackupFile, type WrittenBackup } from './create';
import { backupsToKeep } from './rotation';

/** The folder automatic backups go to now. */
export function automaticFolder(db: Db, dataDir: string): string {
  const chosen = readBackupSettings(db).folder;
  if (chosen && existsSync(chosen) && statSync(chosen).isDirectory()) return chosen;
  return defaultBackupFolder(dataDir);
}

/** Deletes the automatic backups the rotation does not keep; answers the names deleted. */
export function rotateAutomaticBackups(folder: string): string[] {
  if (!existsSync(folder)) return [];
  const dated = readdirSync(folder)
    .map((name) => ({ name, at: automaticBackupDate(name) }))
    .filter((b): b is { name: string; at: Date } => b.at !== null);
  const keep = backupsToKeep(dated);
  const removed = dated.filter((b) => !keep.has(b.name)).map((b) => b.name);
  for (const name of removed) rmSync(join(folder, name), { force: true });
  return removed;
}

/** Records the automatic backup just written (settings + audit, one transaction) and rotates its folder. */
export function recordAutomaticBackup(db: Db, written: WrittenBackup, actor: { userId: number | null; username: string }): void {
  const folder = written.file.slice(0, written.file.length - written.name.length - 1);
  const removed = rotateAutomaticBackups(folder);
  writeTransaction(db, () => {
    writeLastAutomaticBackup(db, { at: written.manifest.createdAt, file: written.file });
    appendAudit(db, {
      at: written.manifest.createdAt,
      userId: actor.userId,
      username: actor.username,
      entity: 'backup',
      entityId: null,
      action: 'automatic',
      after: { reason: written.manifest.reason, file: written.file, size: written.size, counts: written.manifest.counts, rotatedAway: removed },
    });
  });
}

/** Whether today's (local day's) automatic backup is still to be made. */
export function dailyBackupDue(db: Db, now: Date): boolean {
  if (!hasUsers(db)) return false;
  const last = readBackupSettings(db).lastAutomatic;
  if (!last) return true;
  const at = new Date(last.at);
  return at.getFullYear() !== now.getFullYear() || at.getMonth() !== now.getMonth() || at.getDate() !== now.getDate();
}

/**
 * Before migrate() changes an existing database that holds data: a copy of it (database only:
 * a migration never touches attachment files) in the automatic folder; encrypted with `key` when
 * the installation is (VACUUM INTO from the keyed connection). Synchronous, as
 * createCore is. Answers the file written, or null when there was nothing to protect.
 */
export function backupBeforeMigration(db: Db, dataDir: string, appVersion: string, now: string, key: DataKey | null = null): WrittenBackup | null {
  if (!hasUsers(db)) return null;
  const folder = automaticFolder(db, dataDir);
  ensureFolder(folder, true);
  const snapshot = snapshotDatabaseNow(db, dataDir, 'migration');
  const written = writeBackupFile({
    snapshot,
    dataDir,
    folder,
    reason: 'before-migration',
    appVersion,
    createdAt: now,
    createdBy: { userId: null, username: 'system' },
    includeAttachments: false,
    key,
  });
  // The record is written after the migration (its tables may be what the migration changes).
  return written;
}
