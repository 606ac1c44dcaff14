/**
 * "Wrote nothing", measured from outside the core: a second, read-only connection to the
 * database sees any commit by anyone (PRAGMA data_version changes), the audit log's row count,
 * and every file of the data folder but the database's own and the uploads in progress
 * (tmp/uploads: what the user sent, before any method looked at it).
 */
import Database from 'better-sqlite3';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DATABASE_FILE } from '../../electron/core';
import { sqlKeyPragmas, type DataKey } from '../../electron/core/crypto/dataKey';

export interface WriteProbe {
  snapshot(): { dataVersion: number; auditRows: number; files: string[] };
  close(): void;
}

/** `key`: the data key of an encrypted installation (the second connection opens with it). */
export function writeProbe(dataDir: string, key: DataKey | null = null): WriteProbe {
  const reader = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  if (key) for (const pragma of sqlKeyPragmas(key)) reader.pragma(pragma);
  const uploads = join('tmp', 'uploads') + sep;
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      const name = relative(dataDir, path);
      if (name.startsWith(DATABASE_FILE) || `${name}${sep}`.startsWith(uploads)) return [];
      if (entry.isDirectory()) return files(path);
      const s = statSync(path);
      return [`${name} ${s.size} ${s.mtimeMs}`];
    });
  return {
    snapshot() {
      const dataVersion = reader.pragma('data_version', { simple: true }) as number;
      const auditRows = (reader.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
      return { dataVersion, auditRows, files: files(dataDir).sort() };
    },
    close: () => reader.close(),
  };
}
