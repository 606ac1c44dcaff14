/**
 * Turning a plain data folder into an encrypted one, in place, in two steps that each survive a
 * crash:
 *
 * 1. The database: `PRAGMA rekey` rewrites every page under the key in one transaction (SQLite3
 *    Multiple Ciphers; it needs the rollback journal, so WAL is switched off around it, and no
 *    other connection may be open). A crash in the middle leaves the old plain file (the journal
 *    rolls it back at the next open); `databaseIsPlain` tells which state it is in.
 * 2. The files (attachments, stored documents, exports, import error lists): each plain file is
 *    sealed to a temp file beside it, fsynced and renamed over it, one at a time. A crash leaves
 *    every file either plain or sealed, never half; readers accept both (vault.ts), and running
 *    this again seals what is left. Derivatives (page images made from scans) are a disposable
 *    cache: they are removed and made again, sealed, when next viewed.
 */
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { DataKey } from './dataKey';
export { encryptDatabaseFile } from '../db/encryption';
import { fileIsSealed, SealWriter } from './sealed';

/** The folders of the data folder whose files are kept sealed (relative to it). */
export const SEALED_FOLDERS = ['attachments', 'documents', 'exports', join('imports', 'errors')] as const;
/** Made again from the attachments when needed. */
export const CACHE_FOLDERS = ['derivatives'] as const;

function listFiles(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) listFiles(path, out);
    else if (entry.isFile() && !entry.name.endsWith('.tmp')) out.push(path);
  }
}

/** The plain files still to seal, with their sizes. */
export function plainFilesToSeal(dataDir: string): { path: string; size: number }[] {
  const files: string[] = [];
  for (const folder of SEALED_FOLDERS) listFiles(join(dataDir, folder), files);
  return files.filter((path) => !fileIsSealed(path)).map((path) => ({ path, size: statSync(path).size }));
}

/** Seals one file in place: temp beside it, fsync, rename (a crash leaves the plain file or the sealed one). */
export async function sealFileInPlace(path: string, key: DataKey): Promise<void> {
  const temp = `${path}.${process.pid}.seal.tmp`;
  const fd = openSync(temp, 'w');
  try {
    const writer = new SealWriter(key, (bytes) => {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    });
    for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) writer.update(chunk as Buffer);
    writer.finish();
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, path);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(temp, { force: true });
    throw error;
  }
}

export interface SealProgress {
  onProgress?(done: number, total: number, bytes: { done: number; total: number }): void;
  /** Throws to stop between files (a job's cancel): what is sealed stays sealed, the rest plain. */
  throwIfCancelled?(): void;
}

/** Seals every plain file of the data folder's sealed folders and drops the derivative cache. */
export async function sealDataFolderFiles(dataDir: string, key: DataKey, progress: SealProgress = {}): Promise<{ files: number; bytes: number }> {
  for (const folder of CACHE_FOLDERS) rmSync(join(dataDir, folder), { recursive: true, force: true });
  const files = plainFilesToSeal(dataDir);
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
  let bytes = 0;
  progress.onProgress?.(0, files.length, { done: 0, total: totalBytes });
  for (let i = 0; i < files.length; i++) {
    progress.throwIfCancelled?.();
    await sealFileInPlace(files[i]!.path, key);
    bytes += files[i]!.size;
    progress.onProgress?.(i + 1, files.length, { done: bytes, total: totalBytes });
  }
  return { files: files.length, bytes };
}
