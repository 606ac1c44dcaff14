/**
 * The format of every file the application keeps encrypted in the data folder (attachments,
 * their derivatives, stored documents, backups' entries):
 *
 *   "GRSEAL01" (8 bytes) | key id (8 bytes) | salt (16 random bytes) | chunk 0 | chunk 1 | …
 *
 * Each chunk is up to 64 KiB of the plain bytes, sealed with AES-256-GCM (its 16-byte tag after
 * it) under a key of its own for this file — HKDF-SHA256(data key, salt, "guangrong file v1") —
 * with the nonce = the chunk's number (11 bytes, big-endian) and one byte that is 1 on the last
 * chunk only (the STREAM construction: a file cut short at a chunk boundary, chunks swapped, or
 * chunks from another file all fail, as they would the tag). An empty file is one empty last chunk.
 *
 * Chunks let a large scan be hashed and read without holding it whole, and a reader needs no
 * index: every chunk but the last is exactly CHUNK + TAG bytes.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { promises as fsp } from 'node:fs';
import { CoreError } from '../errors';
import type { DataKey } from './dataKey';

export const SEAL_MAGIC = Buffer.from('GRSEAL01', 'latin1');
export const CHUNK = 64 * 1024;
const TAG = 16;
const KEY_ID = 8;
const SALT = 16;
export const HEADER = SEAL_MAGIC.length + KEY_ID + SALT;

/** Whether these first bytes of a file are a sealed file's header. */
export function isSealed(head: Uint8Array): boolean {
  return head.length >= SEAL_MAGIC.length && Buffer.from(head.buffer, head.byteOffset, SEAL_MAGIC.length).equals(SEAL_MAGIC);
}

/** The size of the sealed file for `plain` bytes. */
export function sealedSize(plain: number): number {
  const chunks = Math.max(1, Math.ceil(plain / CHUNK));
  return HEADER + plain + chunks * TAG;
}

/** The plain size of a sealed file of `sealed` bytes (or -1 when no sealed file has that size). */
export function plainSize(sealed: number): number {
  const body = sealed - HEADER;
  if (body < TAG) return -1;
  const chunks = Math.ceil(body / (CHUNK + TAG));
  const plain = body - chunks * TAG;
  return plain >= 0 && sealedSize(plain) === sealed ? plain : -1;
}

function fileKey(key: DataKey, salt: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', key.key, salt, 'guangrong file v1', 32));
}

function nonce(index: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  n.writeUIntBE(index, 5, 6);
  n[11] = last ? 1 : 0;
  return n;
}

export const DAMAGED_SEALED_FILE = {
  zh: '加密文件已损坏或被改动，无法解密（文件不完整，或不是用本机的数据密钥加密的）。',
  en: 'The encrypted file is damaged or was altered and cannot be decrypted (it is incomplete, or was not encrypted with this installation’s data key).',
};

function damaged(detail?: string): CoreError {
  return new CoreError('FILE_DAMAGED', detail ? { zh: `${DAMAGED_SEALED_FILE.zh}（${detail}）`, en: `${DAMAGED_SEALED_FILE.en} (${detail})` } : DAMAGED_SEALED_FILE);
}

function header(key: DataKey, salt: Uint8Array): Buffer {
  return Buffer.concat([SEAL_MAGIC, Buffer.from(key.id, 'hex'), salt]);
}

/** The key id a sealed file names in its header (hex). */
export function sealedKeyId(head: Uint8Array): string {
  return Buffer.from(head.subarray(SEAL_MAGIC.length, SEAL_MAGIC.length + KEY_ID)).toString('hex');
}

/** Seals `plain` whole (for files that are small or are in memory anyway). */
export function seal(key: DataKey, plain: Uint8Array): Buffer {
  const salt = randomBytes(SALT);
  const k = fileKey(key, salt);
  const parts: Buffer[] = [header(key, salt)];
  const chunks = Math.max(1, Math.ceil(plain.length / CHUNK));
  for (let i = 0; i < chunks; i++) {
    const cipher = createCipheriv('aes-256-gcm', k, nonce(i, i === chunks - 1));
    parts.push(cipher.update(plain.subarray(i * CHUNK, Math.min(plain.length, (i + 1) * CHUNK))), cipher.final(), cipher.getAuthTag());
  }
  return Buffer.concat(parts);
}

/** Seals chunk by chunk what `source` yields (for a file too large to hold twice), appending to `write`. */
export class SealWriter {
  private readonly key: Buffer;
  private pending: Buffer = Buffer.alloc(0);
  private index = 0;
  private finished = false;
  constructor(
    dataKey: DataKey,
    private readonly write: (bytes: Buffer) => void,
  ) {
    const salt = randomBytes(SALT);
    this.key = fileKey(dataKey, salt);
    write(header(dataKey, salt));
  }
  private sealChunk(plain: Buffer, last: boolean): void {
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce(this.index++, last));
    this.write(Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]));
  }
  update(bytes: Uint8Array): void {
    if (this.finished) throw new Error('SealWriter already finished');
    this.pending = this.pending.length ? Buffer.concat([this.pending, bytes]) : Buffer.from(bytes);
    // Keep at least one byte back: the last chunk is only known at finish().
    while (this.pending.length > CHUNK) {
      this.sealChunk(this.pending.subarray(0, CHUNK), false);
      this.pending = this.pending.subarray(CHUNK);
    }
  }
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.sealChunk(this.pending, true);
  }
}

function checkHeader(key: DataKey, head: Uint8Array): void {
  if (head.length < HEADER || !isSealed(head)) throw damaged('header');
  const id = sealedKeyId(head);
  if (id !== key.id) {
    throw new CoreError('FILE_DAMAGED', {
      zh: `该文件是用另一把数据密钥（${id}）加密的，本机的密钥是 ${key.id}，无法解密。`,
      en: `This file was encrypted with another data key (${id}); this installation’s key is ${key.id}. It cannot be decrypted.`,
    });
  }
}

function openChunk(k: Buffer, sealedChunk: Uint8Array, index: number, last: boolean): Buffer {
  if (sealedChunk.length < TAG) throw damaged('chunk');
  const decipher = createDecipheriv('aes-256-gcm', k, nonce(index, last));
  decipher.setAuthTag(sealedChunk.subarray(sealedChunk.length - TAG));
  try {
    return Buffer.concat([decipher.update(sealedChunk.subarray(0, sealedChunk.length - TAG)), decipher.final()]);
  } catch {
    throw damaged(`chunk ${index}`);
  }
}

/** Opens a sealed buffer whole; a damaged, cut-short or altered one is an INTEGRITY error. */
export function unseal(key: DataKey, sealed: Uint8Array): Buffer {
  checkHeader(key, sealed);
  if (plainSize(sealed.length) < 0) throw damaged('size');
  const k = fileKey(key, sealed.subarray(SEAL_MAGIC.length + KEY_ID, HEADER));
  const parts: Buffer[] = [];
  let index = 0;
  for (let at = HEADER; at < sealed.length; index++) {
    const end = Math.min(sealed.length, at + CHUNK + TAG);
    parts.push(openChunk(k, sealed.subarray(at, end), index, end === sealed.length));
    at = end;
  }
  return Buffer.concat(parts);
}

/** Reads and checks a sealed file's header through an open handle: its size, plain size and file key. */
async function openSealedHandle(key: DataKey, handle: fsp.FileHandle): Promise<{ size: number; plain: number; k: Buffer }> {
  const { size } = await handle.stat();
  const head = Buffer.alloc(HEADER);
  await handle.read(head, 0, HEADER, 0);
  checkHeader(key, head);
  const plain = plainSize(size);
  if (plain < 0) throw damaged('size');
  return { size, plain, k: fileKey(key, head.subarray(SEAL_MAGIC.length + KEY_ID)) };
}

/**
 * Yields the plain bytes of a sealed file chunk by chunk (64 KiB), reading it a chunk at a time:
 * for hashing or copying a large file without holding it.
 */
export async function* unsealFileChunks(key: DataKey, path: string): AsyncGenerator<Buffer> {
  const handle = await fsp.open(path, 'r');
  try {
    const { size, k } = await openSealedHandle(key, handle);
    const buffer = Buffer.alloc(CHUNK + TAG);
    let index = 0;
    for (let at = HEADER; at < size; index++) {
      const length = Math.min(size - at, CHUNK + TAG);
      const { bytesRead } = await handle.read(buffer, 0, length, at);
      if (bytesRead !== length) throw damaged('short read');
      at += length;
      yield openChunk(k, buffer.subarray(0, length), index, at === size);
    }
  } finally {
    await handle.close();
  }
}

/** Reads whether the file at `path` is sealed (its first 8 bytes). */
export function fileIsSealed(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    if (fstatSync(fd).size < HEADER) return false;
    const head = Buffer.alloc(SEAL_MAGIC.length);
    readSync(fd, head, 0, head.length, 0);
    return isSealed(head);
  } finally {
    closeSync(fd);
  }
}

/**
 * `length` plain bytes from `offset` of a sealed file, reading and opening only the chunks that
 * hold them (a viewer's byte range of a 300 MB scan costs its 64 KiB chunks, not the file). The
 * answer is shorter than `length` only at the end of the file. Only the chunks read are
 * authenticated: a file cut short fails where its end is read (the integrity check reads all).
 */
export async function unsealFileRange(key: DataKey, path: string, offset: number, length: number): Promise<Buffer> {
  const handle = await fsp.open(path, 'r');
  try {
    const { size, plain, k } = await openSealedHandle(key, handle);
    const end = Math.min(plain, offset + length);
    if (offset >= end) return Buffer.alloc(0);
    const lastIndex = Math.max(1, Math.ceil(plain / CHUNK)) - 1;
    const parts: Buffer[] = [];
    for (let index = Math.floor(offset / CHUNK); index * CHUNK < end; index++) {
      const at = HEADER + index * (CHUNK + TAG);
      const chunkLength = Math.min(size - at, CHUNK + TAG);
      const buffer = Buffer.alloc(chunkLength);
      const { bytesRead } = await handle.read(buffer, 0, chunkLength, at);
      if (bytesRead !== chunkLength) throw damaged('short read');
      const opened = openChunk(k, buffer, index, index === lastIndex);
      const from = Math.max(0, offset - index * CHUNK);
      const to = Math.min(opened.length, end - index * CHUNK);
      parts.push(opened.subarray(from, to));
    }
    return Buffer.concat(parts);
  } finally {
    await handle.close();
  }
}
