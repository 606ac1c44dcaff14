/**
 * The stored bytes: writing a blob durably, checking one, and sweeping the ones no row names.
 *
 * A blob is made from a finished upload's temp file, which is already on the same disk:
 *   1. fsync the temp file;
 *   2. hard-link it to attachments/ab/cd/<sha256> (atomic; EEXIST = the content is already there).
 *      Where hard links are not supported (FAT32/exFAT USB sticks) the bytes are copied to a temp
 *      file beside the target, fsynced, and renamed;
 *   3. fsync the directories, so the new name survives a power cut;
 * and only then does the caller commit the row that names it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, promises as fsp, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db } from '../db/connection';
import { attachmentShaExists } from '../db/attachments';
import { makeDirectory } from '../files/directories';
import { attachmentsRoot, blobPath, derivativeDir, derivativesRoot, isSha256 } from './paths';

const isWindows = process.platform === 'win32';

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function fsyncFile(path: string): Promise<void> {
  // r+: Windows refuses FlushFileBuffers on a handle opened read-only.
  const handle = await fsp.open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a directory's entries durable. Windows cannot open a directory for this (NTFS journals names itself). */
export async function fsyncDir(path: string): Promise<void> {
  if (isWindows) return;
  const handle = await fsp.open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function statOrNull(path: string): Promise<Stats | null> {
  try {
    return await fsp.stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

// Linux vfat/exfat answer EPERM; Windows FAT answers ERROR_INVALID_FUNCTION, which libuv calls EISDIR.
const linkUnsupported = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK', 'EACCES', 'EISDIR', 'EINVAL']);

/**
 * Puts the bytes of `source` (whose sha256 is known) at their content address, durably.
 * `source` is left in place. Answers 'created', or 'existing' when a complete copy was there.
 */
export async function writeBlob(dataDir: string, sha256: string, source: string, size: number): Promise<'created' | 'existing'> {
  const target = blobPath(dataDir, sha256);
  const existing = await statOrNull(target);
  // Same name = same content; a wrong size means an earlier copy was cut short: replace it.
  if (existing && existing.size === size) return 'existing';
  const dir = dirname(target);
  await makeDirectory(dir);
  await fsyncFile(source);
  let created = false;
  if (!existing) {
    try {
      await fsp.link(source, target);
      created = true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') return 'existing';
      if (!linkUnsupported.has(code)) throw error;
    }
  }
  if (!created) {
    const temp = join(dir, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await fsp.copyFile(source, temp);
      await fsyncFile(temp);
      await fsp.rename(temp, target);
    } catch (error) {
      await fsp.rm(temp, { force: true });
      throw error;
    }
  }
  // The new name, and the new ab/ and ab/cd/ folders, must survive a power cut.
  await fsyncDir(dir);
  await fsyncDir(dirname(dir));
  await fsyncDir(attachmentsRoot(dataDir));
  return 'created';
}

export interface BlobCheck {
  ok: boolean;
  /** 'missing': no file; 'mismatch': the bytes no longer hash to their name. */
  problem: 'missing' | 'mismatch' | null;
  size: number | null;
}

/** Integrity of one stored file: it exists and its bytes hash to its name (used by backups). */
export async function verifyAttachment(dataDir: string, sha256: string): Promise<BlobCheck> {
  const path = blobPath(dataDir, sha256);
  const stats = await statOrNull(path);
  if (!stats) return { ok: false, problem: 'missing', size: null };
  const actual = await sha256File(path);
  return actual === sha256 ? { ok: true, problem: null, size: stats.size } : { ok: false, problem: 'mismatch', size: stats.size };
}

export interface SweepResult {
  blobsRemoved: number;
  derivativesRemoved: number;
  bytesFreed: number;
}

/**
 * Removes blobs no attachment row names (left by a cancelled or failed store: the file is written
 * before the row commits) and cached derivatives of content no row names. Files younger than
 * `minAgeMs` are kept, so a store in progress (file written, row not yet committed) is never
 * touched. Safe to run at any time; meant for start-up maintenance and the backup job.
 */
export async function sweepOrphans(db: Db, dataDir: string, options: { minAgeMs?: number; nowMs?: number } = {}): Promise<SweepResult> {
  const minAge = options.minAgeMs ?? 60 * 60 * 1000;
  const now = options.nowMs ?? Date.now();
  const result: SweepResult = { blobsRemoved: 0, derivativesRemoved: 0, bytesFreed: 0 };
  const old = (s: Stats) => now - Math.max(s.mtimeMs, s.ctimeMs) >= minAge;
  const list = async (dir: string) => fsp.readdir(dir).catch(() => [] as string[]);
  const root = attachmentsRoot(dataDir);
  for (const ab of await list(root)) {
    for (const cd of await list(join(root, ab))) {
      for (const name of await list(join(root, ab, cd))) {
        const path = join(root, ab, cd, name);
        const stats = await statOrNull(path);
        if (!stats?.isFile() || !old(stats)) continue;
        // Leftover temp copies (.<sha>.<rand>.tmp) and blobs without a row.
        if (isSha256(name) && attachmentShaExists(db, name)) continue;
        await fsp.rm(path, { force: true });
        result.blobsRemoved++;
        result.bytesFreed += stats.size;
      }
    }
  }
  for (const name of await list(derivativesRoot(dataDir))) {
    if (isSha256(name) && attachmentShaExists(db, name)) continue;
    const dir = isSha256(name) ? derivativeDir(dataDir, name) : join(derivativesRoot(dataDir), name);
    const stats = await statOrNull(dir);
    if (!stats || !old(stats)) continue;
    await fsp.rm(dir, { recursive: true, force: true });
    result.derivativesRemoved++;
  }
  return result;
}
