/**
 * The attachment part of the full check: every row's file is there and still hashes to its name
 * (a content-addressed blob's name is its recorded sha256), and every file under attachments/
 * is named by a row. Orphans are reported, never deleted (sweepOrphans in ../attachments/blobs.ts
 * is the one that removes). Reading is in pieces (1 MiB plain, 64 KiB sealed), so a cancel stops
 * even a 300 MB scan.
 *
 * Files are read through the vault: a sealed file is hashed by its PLAIN bytes (its name), and a
 * sealed file that does not open — altered, cut short, sealed with another key — is `altered`,
 * with the records that use it, like a plain file whose bytes changed.
 */
import { createHash } from 'node:crypto';
import type { Vault } from '../crypto/vault';
import { promises as fsp, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { AttachmentFileRow } from '../db/integrity';
import { attachmentsRoot, blobPath } from '../attachments/paths';

/**
 * A file younger than this is not called an orphan: a store writes its blob before the row that
 * names it commits (the same margin as sweepOrphans).
 */
export const ORPHAN_MIN_AGE_MS = 60 * 60 * 1000;

export interface FileProblem {
  kind: 'missing' | 'altered' | 'orphan';
  attachment: AttachmentFileRow | null;
  /** Relative to the data folder, with forward slashes. */
  file: string;
  size: number | null;
}

export interface FileCheckHooks {
  throwIfCancelled(): void;
  /** After each file: files checked so far, and bytes read so far. */
  checked(files: number, bytes: number): void;
}

const relativeFile = (dataDir: string, path: string) => relative(dataDir, path).split(sep).join('/');

async function statOrNull(path: string): Promise<Stats | null> {
  try {
    return await fsp.stat(path);
  } catch {
    return null;
  }
}

/**
 * sha256 of a stored file's plain bytes, read piece by piece with a cancel check between pieces;
 * null when it is sealed and does not open (FILE_DAMAGED).
 */
export async function hashFile(path: string, vault: Vault, throwIfCancelled: () => void): Promise<{ sha256: string | null; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const piece of vault.chunks(path)) {
      throwIfCancelled();
      hash.update(piece);
      bytes += piece.length;
    }
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'FILE_DAMAGED') throw error;
    return { sha256: null, bytes };
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Every row's file: missing, or altered (its bytes no longer hash to the recorded sha256). */
export async function checkAttachmentFiles(dataDir: string, rows: AttachmentFileRow[], vault: Vault, hooks: FileCheckHooks): Promise<{ problems: FileProblem[]; files: number; bytes: number }> {
  const problems: FileProblem[] = [];
  let files = 0;
  let bytes = 0;
  for (const row of rows) {
    hooks.throwIfCancelled();
    const path = blobPath(dataDir, row.sha256);
    const file = relativeFile(dataDir, path);
    const stats = await statOrNull(path);
    if (!stats?.isFile()) {
      problems.push({ kind: 'missing', attachment: row, file, size: null });
    } else {
      const actual = await hashFile(path, vault, hooks.throwIfCancelled);
      bytes += actual.bytes;
      if (actual.sha256 !== row.sha256) problems.push({ kind: 'altered', attachment: row, file, size: stats.size });
    }
    files++;
    hooks.checked(files, bytes);
  }
  return { problems, files, bytes };
}

/** Files under attachments/ that no row names (older than ORPHAN_MIN_AGE_MS at `nowMs`). */
export async function findOrphanFiles(dataDir: string, known: ReadonlySet<string>, nowMs: number, throwIfCancelled: () => void): Promise<FileProblem[]> {
  const root = attachmentsRoot(dataDir);
  const list = async (dir: string) => fsp.readdir(dir).catch(() => [] as string[]);
  const orphans: FileProblem[] = [];
  for (const ab of (await list(root)).sort()) {
    throwIfCancelled();
    for (const cd of (await list(join(root, ab))).sort()) {
      for (const name of (await list(join(root, ab, cd))).sort()) {
        if (known.has(name) && ab === name.slice(0, 2) && cd === name.slice(2, 4)) continue;
        const path = join(root, ab, cd, name);
        const stats = await statOrNull(path);
        if (!stats?.isFile() || nowMs - Math.max(stats.mtimeMs, stats.ctimeMs) < ORPHAN_MIN_AGE_MS) continue;
        orphans.push({ kind: 'orphan', attachment: null, file: relativeFile(dataDir, path), size: stats.size });
      }
    }
  }
  return orphans;
}
