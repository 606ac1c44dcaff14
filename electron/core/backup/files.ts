/**
 * Names and places of backups on disk: the file names (光荣备份-2026-12-04-1830.grbak), the
 * automatic folder, the folders of data kept aside (replaced-…, damaged-…), the attachment files
 * a backup takes, and synchronous fsync helpers (backups run in a job worker).
 */
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_EXTENSION, type BackupReason } from '../../../shared/contract/backup';
import { attachmentsRoot, isSha256 } from '../attachments/paths';

export const defaultBackupFolder = (dataDir: string) => join(dataDir, 'backups');
export const MANUAL_PREFIX = '光荣备份-';
export const AUTOMATIC_PREFIX = '光荣自动备份-';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Local date and time of this machine: 2026-12-04-1830. */
export function localStamp(date: Date, seconds = false): string {
  const base = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}`;
  return seconds ? `${base}${pad(date.getSeconds())}` : base;
}

export function backupFileName(date: Date, reason: BackupReason): string {
  if (reason === 'manual') return `${MANUAL_PREFIX}${localStamp(date)}${BACKUP_EXTENSION}`;
  return `${AUTOMATIC_PREFIX}${localStamp(date, true)}-${reason}${BACKUP_EXTENSION}`;
}

/** The name itself, or with -2, -3 … before the extension when a file of that name exists. */
export function freePath(folder: string, name: string): string {
  const stem = name.slice(0, -BACKUP_EXTENSION.length);
  let candidate = join(folder, name);
  for (let i = 2; existsSync(candidate) || existsSync(`${candidate}.partial`); i++) candidate = join(folder, `${stem}-${i}${BACKUP_EXTENSION}`);
  return candidate;
}

/** When an automatic backup's name says it was made, or null for any other file. */
export function automaticBackupDate(name: string): Date | null {
  const match = /^光荣自动备份-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(\d{2})-[a-z-]+(?:-\d+)?\.grbak$/.exec(name);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  return new Date(y, mo - 1, d, h, mi, s);
}

/** `replaced-2026-12-04T18-30-05Z`: sortable, valid on every file system. */
export function asideFolderName(kind: 'replaced' | 'damaged', at: string): string {
  return `${kind}-${at.slice(0, 19).replace(/:/g, '-')}Z`;
}

export interface AttachmentFile {
  /** The entry's name in the backup: attachments/ab/cd/<sha256>. */
  name: string;
  path: string;
  size: number;
}

/** Every stored blob under attachments/ (names checked: nothing else is taken). */
export function listAttachmentFiles(dataDir: string): AttachmentFile[] {
  const root = attachmentsRoot(dataDir);
  const files: AttachmentFile[] = [];
  const dirs = (path: string) => (existsSync(path) ? readdirSync(path, { withFileTypes: true }).filter((e) => e.isDirectory() && /^[0-9a-f]{2}$/.test(e.name)) : []);
  for (const a of dirs(root)) {
    for (const b of dirs(join(root, a.name))) {
      const folder = join(root, a.name, b.name);
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        if (!entry.isFile() || !isSha256(entry.name)) continue;
        const path = join(folder, entry.name);
        files.push({ name: `attachments/${a.name}/${b.name}/${entry.name}`, path, size: statSync(path).size });
      }
    }
  }
  return files;
}

export function fsyncPath(path: string, flags: 'r' | 'r+' = 'r+'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a folder's entries durable (a renamed file survives a power cut). Windows cannot, and needs not. */
export function fsyncFolder(path: string): void {
  if (process.platform === 'win32') return;
  try {
    fsyncPath(path, 'r');
  } catch {
    // Some file systems (FAT on Linux) refuse fsync on a directory; the file itself was synced.
  }
}

/** Bytes of every file under a folder. */
export function folderBytes(path: string): number {
  let total = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) total += (statSync(full) as Stats).size;
    }
  };
  if (existsSync(path)) walk(path);
  return total;
}
