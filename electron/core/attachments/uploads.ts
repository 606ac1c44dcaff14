/**
 * Uploads in progress: a file arriving in base64 chunks over the contract (both transports carry
 * JSON). Each upload is two files in <dataDir>/tmp/uploads/: `<id>.part` (the bytes so far) and
 * `<id>.json` (who, what name, how big, and once finished the verified sha256). No database row:
 * an upload is staging, not a record, and the job worker reads the same files.
 *
 * Chunks are appended synchronously (one short write), so two chunks of one upload can never
 * interleave: the offset check and the write happen in the same turn of the event loop.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fstatSync, ftruncateSync, openSync, promises as fsp, readdirSync, readFileSync, renameSync, rmSync, statfsSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_CHUNK_BYTES, MAX_UPLOAD_BYTES } from '../../../shared/contract/attachments';
import { CoreError, notFound } from '../errors';
import { makeDirectorySync } from '../files/directories';
import { sha256File } from './blobs';
import { uploadsDir } from './paths';

export interface UploadMeta {
  id: string;
  userId: number;
  fileName: string;
  size: number;
  mime: string | null;
  createdAt: string;
  /** Set by finishUpload once the bytes hash to what the sender said. */
  sha256: string | null;
}

/** Uploads untouched for this long are removed (an interrupted drag-and-drop, a crash). */
export const STALE_UPLOAD_MS = 24 * 60 * 60 * 1000;
/** Kept free beyond the file itself: the database, its WAL and the derivatives need room too. */
export const DISK_RESERVE_BYTES = 64 * 1024 * 1024;

const ID = /^[A-Za-z0-9_-]{22}$/;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export const partPath = (dataDir: string, id: string) => join(uploadsDir(dataDir), `${id}.part`);
const metaPath = (dataDir: string, id: string) => join(uploadsDir(dataDir), `${id}.json`);

function writeMeta(dataDir: string, meta: UploadMeta): void {
  const file = metaPath(dataDir, meta.id);
  writeFileSync(`${file}.tmp`, JSON.stringify(meta));
  renameSync(`${file}.tmp`, file);
}

/** The upload, if it exists and belongs to this user; otherwise NOT_FOUND (another user's uploads are not revealed). */
export function readUpload(dataDir: string, userId: number, id: string): UploadMeta {
  const missing = () => notFound({ zh: '该上传（可能已完成保存、已取消或超过 24 小时被清理）', en: 'The upload (it may have been stored, cancelled, or cleared after 24 hours)' });
  if (!ID.test(id)) throw missing();
  let meta: UploadMeta;
  try {
    meta = JSON.parse(readFileSync(metaPath(dataDir, id), 'utf8')) as UploadMeta;
  } catch {
    throw missing();
  }
  if (meta.userId !== userId || !existsSync(partPath(dataDir, id))) throw missing();
  return meta;
}

export function removeUpload(dataDir: string, id: string): void {
  if (!ID.test(id)) return;
  rmSync(partPath(dataDir, id), { force: true });
  rmSync(metaPath(dataDir, id), { force: true });
}

/**
 * Removes uploads (and stray temp files) not written to for STALE_UPLOAD_MS: an upload's `.part`
 * and `.json` go together, judged by the newer of the two. Real file times, not the injected clock.
 */
export function sweepStaleUploads(dataDir: string, nowMs = Date.now()): number {
  const dir = uploadsDir(dataDir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  const newest = new Map<string, { mtime: number; files: string[] }>();
  for (const name of names) {
    try {
      const key = name.split('.')[0] || name;
      const entry = newest.get(key) ?? { mtime: 0, files: [] };
      entry.mtime = Math.max(entry.mtime, statSync(join(dir, name)).mtimeMs);
      entry.files.push(name);
      newest.set(key, entry);
    } catch {
      // Removed meanwhile.
    }
  }
  let removed = 0;
  for (const { mtime, files } of newest.values()) {
    if (nowMs - mtime <= STALE_UPLOAD_MS) continue;
    for (const name of files) rmSync(join(dir, name), { force: true, recursive: true });
    removed++;
  }
  return removed;
}

/** Free bytes where the data folder is, or null when the platform cannot say. */
export function freeBytes(dir: string, statfs: (path: string) => { bavail: number; bsize: number } = statfsSync): number | null {
  try {
    const s = statfs(dir);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

export function checkSize(fileName: string, size: number): void {
  if (size === 0) {
    throw new CoreError('BAD_FILE', { zh: `文件“${fileName}”是空的（0 字节），未保存。`, en: `The file “${fileName}” is empty (0 bytes); nothing was saved.` });
  }
  if (size > MAX_UPLOAD_BYTES) {
    throw new CoreError('BAD_FILE', {
      zh: `文件“${fileName}”有 ${mb(size)} MB，超过 ${mb(MAX_UPLOAD_BYTES)} MB 的上限。请拆分后分别上传（例如每册或每卷一个文件）。`,
      en: `The file “${fileName}” is ${mb(size)} MB, over the ${mb(MAX_UPLOAD_BYTES)} MB limit. Split it and upload the parts (e.g. one file per volume).`,
    });
  }
}

export function checkFreeSpace(dataDir: string, fileName: string, size: number, free: number | null = freeBytes(dataDir)): void {
  if (free !== null && free < size + DISK_RESERVE_BYTES) {
    throw new CoreError('DISK_FULL', {
      zh: `磁盘空间不足：保存“${fileName}”（${mb(size)} MB）需要至少 ${mb(size + DISK_RESERVE_BYTES)} MB，数据文件夹所在磁盘只剩 ${mb(free)} MB。请清理磁盘后重试，已有数据未受影响。`,
      en: `Not enough disk space: storing “${fileName}” (${mb(size)} MB) needs at least ${mb(size + DISK_RESERVE_BYTES)} MB, and the data folder’s disk has ${mb(free)} MB free. Free some space and try again; the existing data is untouched.`,
    });
  }
}

export function beginUpload(dataDir: string, userId: number, input: { fileName: string; size: number; mime?: string | undefined }, createdAt: string): UploadMeta {
  checkSize(input.fileName, input.size);
  makeDirectorySync(uploadsDir(dataDir));
  sweepStaleUploads(dataDir);
  checkFreeSpace(dataDir, input.fileName, input.size);
  const meta: UploadMeta = { id: randomBytes(16).toString('base64url'), userId, fileName: input.fileName, size: input.size, mime: input.mime ?? null, createdAt, sha256: null };
  closeSync(openSync(partPath(dataDir, meta.id), 'wx'));
  writeMeta(dataDir, meta);
  return meta;
}

export function appendChunk(dataDir: string, userId: number, input: { uploadId: string; offset: number; dataBase64: string }): { received: number } {
  const meta = readUpload(dataDir, userId, input.uploadId);
  if (meta.sha256 !== null) {
    throw new CoreError('CONFLICT', { zh: `“${meta.fileName}”已经上传完毕，不能再追加内容。`, en: `“${meta.fileName}” is already complete; no more bytes can be added.` });
  }
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length === 0 || bytes.length > MAX_CHUNK_BYTES) {
    throw new CoreError('VALIDATION', { zh: `每段数据须为 1 字节至 ${MAX_CHUNK_BYTES / 1024 / 1024} MiB。`, en: `Each chunk must hold 1 byte to ${MAX_CHUNK_BYTES / 1024 / 1024} MiB.` });
  }
  const fd = openSync(partPath(dataDir, meta.id), 'r+');
  try {
    const received = fstatSync(fd).size;
    if (input.offset !== received) {
      throw new CoreError('CONFLICT', {
        zh: `“${meta.fileName}”的数据段位置不连续：应从第 ${received} 字节继续，收到的是第 ${input.offset} 字节。请从第 ${received} 字节继续发送。`,
        en: `The chunk of “${meta.fileName}” is out of order: expected offset ${received}, got ${input.offset}. Continue from byte ${received}.`,
      });
    }
    if (received + bytes.length > meta.size) {
      throw new CoreError('BAD_FILE', {
        zh: `“${meta.fileName}”收到的数据超过了开始时声明的 ${meta.size} 字节。`,
        en: `More bytes arrived for “${meta.fileName}” than the ${meta.size} declared at the start.`,
      });
    }
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written, received + written);
    } catch (error) {
      // A chunk is whole or absent (a full disk takes part of it, then says ENOSPC): the sender
      // sends the same chunk again at the same offset once there is room.
      ftruncateSync(fd, received);
      throw error;
    }
    return { received: received + bytes.length };
  } finally {
    closeSync(fd);
  }
}

export function uploadReceived(dataDir: string, id: string): number {
  const fd = openSync(partPath(dataDir, id), 'r');
  try {
    return fstatSync(fd).size;
  } finally {
    closeSync(fd);
  }
}

/** Checks every byte arrived and hashes to `sha256`; a damaged upload is dropped (start again). */
export async function finishUpload(dataDir: string, userId: number, input: { uploadId: string; sha256: string }): Promise<UploadMeta> {
  const meta = readUpload(dataDir, userId, input.uploadId);
  const received = uploadReceived(dataDir, meta.id);
  if (received !== meta.size) {
    throw new CoreError('VALIDATION', {
      zh: `“${meta.fileName}”尚未传完：已收到 ${received} / ${meta.size} 字节。`,
      en: `“${meta.fileName}” is incomplete: ${received} of ${meta.size} bytes arrived.`,
    });
  }
  const actual = meta.sha256 ?? (await sha256File(partPath(dataDir, meta.id)));
  if (actual !== input.sha256) {
    removeUpload(dataDir, meta.id);
    throw new CoreError('BAD_FILE', {
      zh: `“${meta.fileName}”在传输中损坏（校验值 SHA-256 不一致），未保存。请重新上传。`,
      en: `“${meta.fileName}” was damaged on the way (its SHA-256 does not match); nothing was saved. Upload it again.`,
    });
  }
  const finished = { ...meta, sha256: actual };
  writeMeta(dataDir, finished);
  return finished;
}

/** The upload's bytes, for the store step: they must be complete and verified. */
export function finishedUpload(dataDir: string, userId: number, id: string): UploadMeta & { sha256: string; path: string } {
  const meta = readUpload(dataDir, userId, id);
  if (meta.sha256 === null) {
    throw new CoreError('VALIDATION', { zh: `“${meta.fileName}”尚未上传完毕（缺少 uploads.finish 校验）。`, en: `“${meta.fileName}” has not been finished (uploads.finish) yet.` });
  }
  return { ...meta, sha256: meta.sha256, path: partPath(dataDir, id) };
}

export async function cancelUpload(dataDir: string, userId: number, id: string): Promise<void> {
  try {
    readUpload(dataDir, userId, id);
  } catch {
    return; // unknown, someone else's, or gone: nothing to do
  }
  await fsp.rm(partPath(dataDir, id), { force: true });
  await fsp.rm(metaPath(dataDir, id), { force: true });
}
