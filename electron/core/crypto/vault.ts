/**
 * How the core reads and writes the files it keeps in the data folder (attachments, derivatives,
 * stored documents): through the vault, which seals them with the data key when the installation
 * is encrypted and passes them through when it is not.
 *
 * Reading accepts both forms whatever the state: while set-up is sealing the files one by one (or
 * after a crash in the middle of it), some are still plain. What a file holds is told by its
 * header ("GRSEAL01"), never by the setting, so nothing is ever read as the wrong thing.
 */
import { createHash } from 'node:crypto';
import { createReadStream, promises as fsp } from 'node:fs';
import { writeFileDurably } from '../files/durable';
import type { DataKey } from './dataKey';
import { CoreError } from '../errors';
import { HEADER, isSealed, seal, unseal, unsealFileChunks, unsealFileRange } from './sealed';

export interface Vault {
  /** The data key, or null when the installation is not encrypted. */
  readonly key: DataKey | null;
  /** The bytes to store for `plain` (sealed when encrypted). */
  seal(plain: Uint8Array): Buffer;
  /** The plain bytes of stored bytes, sealed or not. */
  open(stored: Uint8Array): Buffer;
  readFile(path: string): Promise<Buffer>;
  /** Writes `plain` durably (temp, fsync, rename), sealed when encrypted. */
  writeFileDurably(path: string, plain: Uint8Array): void;
  /** Yields the plain bytes of a stored file in pieces (sealed: a chunk at a time). */
  chunks(path: string): AsyncGenerator<Buffer>;
  /** SHA-256 (hex) and size of a stored file's plain bytes. */
  hashFile(path: string): Promise<{ sha256: string; size: number }>;
  /** `length` plain bytes from `offset` (fewer at the end of the file); a sealed file opens only the chunks it needs. */
  readRange(path: string, offset: number, length: number): Promise<Buffer>;
}

async function readPlainRange(path: string, offset: number, length: number): Promise<Buffer> {
  const handle = await fsp.open(path, 'r');
  try {
    const data = Buffer.alloc(length);
    let got = 0;
    while (got < length) {
      const { bytesRead } = await handle.read(data, got, length - got, offset + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return data.subarray(0, got);
  } finally {
    await handle.close();
  }
}

async function headIsSealed(path: string): Promise<boolean> {
  const handle = await fsp.open(path, 'r');
  try {
    const head = Buffer.alloc(HEADER);
    const { bytesRead } = await handle.read(head, 0, HEADER, 0);
    return isSealed(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

const LOCKED = new CoreError('DATA_LOCKED');

export function createVault(key: DataKey | null): Vault {
  const open = (stored: Uint8Array): Buffer => {
    if (!isSealed(stored)) return Buffer.from(stored.buffer, stored.byteOffset, stored.length);
    if (!key) throw LOCKED;
    return unseal(key, stored);
  };
  async function* chunks(path: string): AsyncGenerator<Buffer> {
    if (await headIsSealed(path)) {
      if (!key) throw LOCKED;
      yield* unsealFileChunks(key, path);
    } else {
      for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) yield chunk as Buffer;
    }
  }
  return {
    key,
    seal: (plain) => (key ? seal(key, plain) : Buffer.from(plain.buffer, plain.byteOffset, plain.length)),
    open,
    readFile: async (path) => open(await fsp.readFile(path)),
    writeFileDurably(path, plain) {
      writeFileDurably(path, key ? seal(key, plain) : plain);
    },
    chunks,
    async hashFile(path) {
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of chunks(path)) {
        hash.update(chunk);
        size += chunk.length;
      }
      return { sha256: hash.digest('hex'), size };
    },
    async readRange(path, offset, length) {
      if (!(await headIsSealed(path))) return readPlainRange(path, offset, length);
      if (!key) throw LOCKED;
      return unsealFileRange(key, path, offset, length);
    },
  };
}

/** The vault of an installation that is not encrypted. */
export const plainVault: Vault = createVault(null);
