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
 *
 * In an encrypted installation (the vault has a key) the blob is the SEALED form of the upload
 * (crypto/sealed.ts), written chunk by chunk to a temp file beside the name, fsynced and renamed:
 * no hard link then, since the upload itself is plain. The name stays the SHA-256 of the PLAIN
 * bytes, so the same scan is still stored once, and the row's size stays the plain size.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, fsyncSync, openSync, promises as fsp, writeSync, type Stats } from 'node:fs';
import { SealWriter, sealedSize } from '../crypto/sealed';
import type { Vault } from '../crypto/vault';
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

/** The sealed form of `source` into `temp`, chunk by chunk (a 300 MB scan is never held whole), fsynced. */
async function sealCopy(vault: Vault, source: string, temp: string): Promise<void> {
  const fd = openSync(temp, 'wx');
  try {
    const writer = new SealWriter(vault.key!, (bytes) => {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    });
    for await (const chunk of createReadStream(source, { highWaterMark: 1024 * 1024 })) writer.update(chunk as Buffer);
    writer.finish();
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Puts the bytes of `source` (whose sha256 is known) at their content address, durably.
 * `source` is left in place. Answers 'created', or 'existing' when a complete copy was there.
 */
export async function writeBlob(dataDir: string, sha256: string, source: string, size: number, vault: Vault): Promise<'created' | 'existing'> {
  const target = blobPath(dataDir, sha256);
  const existing = await statOrNull(target);
  // Same name = same content (plain, or sealed: not yet sealed after set-up is plain); a wrong
  // size means an earlier copy was cut short: replace it.
  if (existing && (existing.size === size || (vault.key && existing.size === sealedSize(size)))) return 'existing';
  const dir = dirname(target);
  await makeDirectory(dir);
  await fsyncFile(source);
  let created = false;
  if (vault.key) {
    const temp = join(dir, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await sealCopy(vault, source, temp);
      await fsp.rename(temp, target);
    } catch (error) {
      await fsp.rm(temp, { force: true });
      throw error;
    }
    created = true;
  } else if (!existing) {
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

/**
 * Integrity of one stored file: it exists and its plain bytes hash to its name (used by backups).
 * A sealed file that does not open (altered, cut short, another key) is a mismatch.
 */
export async function verifyAttachment(dataDir: string, sha256: string, vault: Vault): Promise<BlobCheck> {
  const path = blobPath(dataDir, sha256);
  const stats = await statOrNull(path);
  if (!stats) return { ok: false, problem: 'missing', size: null };
  let actual: string | null;
  try {
    actual = (await vault.hashFile(path)).sha256;
  } catch (error) {
    if ((error as { code?: string }).code !== 'FILE_DAMAGED') throw error;
    actual = null;
  }
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
