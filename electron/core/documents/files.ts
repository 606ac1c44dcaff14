/**
 * The files of issued documents: `<dataDir>/documents/<serial>.pdf`, written to a temp file,
 * fsynced and renamed before the register row that names them commits (DESIGN.md rule 6).
 * Through the vault: sealed in an encrypted installation (a letter names a family, a record sheet
 * a martyr), read back plain; the register keeps the plain size and the plain SHA-256.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Vault } from '../crypto/vault';
import { makeDirectorySync } from '../files/directories';

export const DOCUMENTS_DIR = 'documents';

/** Writes `bytes` as documents/<name> durably; answers the relative path and the sha256 of the plain bytes. */
export function writeDocumentFile(dataDir: string, name: string, bytes: Buffer, vault: Vault): { file: string; sha256: string } {
  const dir = join(dataDir, DOCUMENTS_DIR);
  makeDirectorySync(dir);
  vault.writeFileDurably(join(dir, name), bytes);
  return { file: `${DOCUMENTS_DIR}/${name}`, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export function removeDocumentFile(dataDir: string, file: string): void {
  rmSync(join(dataDir, file), { force: true });
}

/** `length` plain bytes from `offset` of a document file (relative path from the register, never from the caller). */
export async function readDocumentRange(dataDir: string, file: string, offset: number, length: number, vault: Vault): Promise<Buffer> {
  return vault.readRange(join(dataDir, file), offset, length);
}
