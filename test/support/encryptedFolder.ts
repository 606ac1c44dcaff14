/**
 * Helpers for encrypted installations in tests: a fresh data key, and the walk over a data folder
 * that finds every file holding record data in the clear (the check of encryption at rest).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { dataKeyFromRecoverySecret, newRecoveryKey, type DataKey } from '../../electron/core/crypto/dataKey';
import { isSealed } from '../../electron/core/crypto/sealed';

/** A new data key with its recovery key text. */
export function newDataKey(): { key: DataKey; recoveryKey: string } {
  const recovery = newRecoveryKey();
  return { key: dataKeyFromRecoverySecret(recovery.secret), recoveryKey: recovery.text };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
}

export interface FolderFinding {
  /** Files (relative, with /) outside tmp/ that are neither sealed nor the encrypted database nor the key file. */
  plainFiles: string[];
  /** Files (relative) whose raw bytes contain one of the markers. */
  markerFound: { file: string; marker: string }[];
  /** Files looked at. */
  files: number;
}

const PLAIN_SQLITE = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Walks `dataDir` except `tmp/` (uploads in progress, job snapshots: see the vault's rules) and
 * reports every file that is stored in the clear and every one whose bytes hold a marker (a name in
 * the records, a piece of a scan). The database and its -wal/-shm must not be plain SQLite; the key
 * file holds no record data (ids, salts, wrapped keys) and is allowed. `skip`: more prefixes to
 * leave out (relative, with /).
 */
export function inspectDataFolder(dataDir: string, markers: Record<string, Buffer>, skip: string[] = []): FolderFinding {
  const found: FolderFinding = { plainFiles: [], markerFound: [], files: 0 };
  for (const path of walk(dataDir)) {
    const rel = relative(dataDir, path).split(sep).join('/');
    if (rel.startsWith('tmp/') || skip.some((prefix) => rel.startsWith(prefix))) continue;
    found.files++;
    const bytes = readFileSync(path);
    for (const [name, marker] of Object.entries(markers)) if (bytes.includes(marker)) found.markerFound.push({ file: rel, marker: name });
    if (rel === 'encryption.json') continue;
    if (/^guangrong\.db(-wal|-shm)?$/.test(rel)) {
      if (bytes.subarray(0, PLAIN_SQLITE.length).equals(PLAIN_SQLITE)) found.plainFiles.push(rel);
      continue;
    }
    // An empty file (a temp file killed right after it was opened) holds nothing.
    if (bytes.length > 0 && !isSealed(bytes)) found.plainFiles.push(rel);
  }
  return found;
}
