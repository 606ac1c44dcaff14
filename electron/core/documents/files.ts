/**
 * The files of issued documents: `<dataDir>/documents/<serial>.pdf`, written to a temp file,
 * fsynced and renamed before the register row that names them commits (DESIGN.md rule 6).
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { makeDirectorySync } from '../files/directories';
import { writeFileDurably } from '../files/durable';
import { open } from 'node:fs/promises';
import { join } from 'node:path';

export const DOCUMENTS_DIR = 'documents';

/** Writes `bytes` as documents/<name> durably; answers the relative path and the sha256. */
export function writeDocumentFile(dataDir: string, name: string, bytes: Buffer): { file: string; sha256: string } {
  const dir = join(dataDir, DOCUMENTS_DIR);
  makeDirectorySync(dir);
  writeFileDurably(join(dir, name), bytes);
  return { file: `${DOCUMENTS_DIR}/${name}`, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export function removeDocumentFile(dataDir: string, file: string): void {
  rmSync(join(dataDir, file), { force: true });
}

/** `length` bytes from `offset` of a document file (relative path from the register, never from the caller). */
export async function readDocumentRange(dataDir: string, file: string, offset: number, length: number): Promise<Buffer> {
  const handle = await open(join(dataDir, file), 'r');
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
