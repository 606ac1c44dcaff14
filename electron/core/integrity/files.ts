/**
 * The attachment part of the full check: every row's file is there and still hashes to its name
 * (a content-addressed blob's name is its recorded sha256), and every file under attachments/
 * is named by a row. Orphans are reported, never deleted (sweepOrphans in ../attachments/blobs.ts
 * is the one that removes). Reading is in 1 MiB pieces, so a cancel stops even a 300 MB scan.
 */
import { createHash } from 'node:crypto';
import { promises as fsp, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { AttachmentFileRow } from '../db/integrity';
import { attachmentsRoot, blobPath } from '../attachments/paths';

const PIECE = 1024 * 1024;

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

/** sha256 of a file, read piece by piece with a cancel check between pieces. */
export async function hashFile(path: string, throwIfCancelled: () => void): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  const handle = await fsp.open(path, 'r');
  const buffer = Buffer.allocUnsafe(PIECE);
  let bytes = 0;
  try {
    for (;;) {
      throwIfCancelled();
      const { bytesRead } = await handle.read(buffer, 0, PIECE, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      bytes += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Every row's file: missing, or altered (its bytes no longer hash to the recorded sha256). */
export async function checkAttachmentFiles(dataDir: string, rows: AttachmentFileRow[], hooks: FileCheckHooks): Promise<{ problems: FileProblem[]; files: number; bytes: number }> {
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
      const actual = await hashFile(path, hooks.throwIfCancelled);
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
