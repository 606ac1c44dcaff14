/**
 * The SQL of backups: counting the main tables of a copy, the integrity check at start, a
 * synchronous snapshot (VACUUM INTO) for the backup before a migration, and where the last
 * automatic backup is recorded (in `settings`, under keys the office settings do not use).
 */
import Database from 'better-sqlite3';
import type { Db } from './connection';
import { sqlKeyPragmas, type DataKey } from '../crypto/dataKey';
import { readSettings, writeSetting } from './settings';

/** The tables a backup's manifest counts (the ones people know), with the name the manifest uses. */
const countedTables: Record<string, string> = {
  martyrs: 'martyrs',
  persons: 'persons',
  sources: 'sources',
  attachments: 'attachments',
  awards: 'awards',
  goodNewsLetters: 'good_news_letters',
  households: 'households',
  plaques: 'plaques',
  users: 'users',
  auditLog: 'audit_log',
};

/** Rows per main table; a table the database does not have yet (an old schema) is left out. */
export function countMainTables(db: Db): Record<string, number> {
  const present = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  const counts: Record<string, number> = {};
  for (const [key, table] of Object.entries(countedTables)) {
    if (!present.has(table)) continue;
    counts[key] = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }
  return counts;
}

/** Whether the database holds anything worth a backup (an administrator has been created). */
export function hasUsers(db: Db): boolean {
  const table = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'users'").get();
  return table !== undefined && db.prepare('SELECT 1 FROM users LIMIT 1').get() !== undefined;
}

/** PRAGMA quick_check: 'ok', or the first problems found. */
export function quickCheck(db: Db): string[] {
  const rows = db.pragma('quick_check(20)') as { quick_check: string }[];
  return rows.map((r) => r.quick_check);
}

/** A consistent, compact copy of the whole database into a new file (synchronous; the target must not exist). */
export function vacuumInto(db: Db, target: string): void {
  db.prepare('VACUUM INTO ?').run(target);
}

const LAST_AUTOMATIC = 'backup.lastAutomatic';
const FOLDER = 'backup.folder';

export interface LastAutomaticBackup {
  at: string;
  file: string;
}

function settingsTableExists(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'settings'").get() !== undefined;
}

export function readBackupSettings(db: Db): { folder: string; lastAutomatic: LastAutomaticBackup | null } {
  if (!settingsTableExists(db)) return { folder: '', lastAutomatic: null };
  const stored = readSettings(db);
  const folder = stored.get(FOLDER);
  const last = stored.get(LAST_AUTOMATIC) as Partial<LastAutomaticBackup> | undefined;
  return {
    folder: typeof folder === 'string' ? folder : '',
    lastAutomatic: last && typeof last.at === 'string' && typeof last.file === 'string' ? { at: last.at, file: last.file } : null,
  };
}

/** Call inside a write transaction. */
export function writeBackupFolder(db: Db, folder: string): void {
  writeSetting(db, FOLDER, folder);
}

/** Call inside a write transaction. */
export function writeLastAutomaticBackup(db: Db, last: LastAutomaticBackup): void {
  writeSetting(db, LAST_AUTOMATIC, last);
}

/**
 * Makes a fresh copy (from `db.backup` or VACUUM INTO) a single self-contained file (rollback
 * journal, not WAL) and reads what its manifest says of it: the schema version and the counts.
 */
export function sealSnapshot(file: string, key: DataKey | null = null): { schemaVersion: number; counts: Record<string, number> } {
  const copy = new Database(file, { fileMustExist: true });
  try {
    // An encrypted installation's copy is encrypted with its key (VACUUM INTO from a keyed connection).
    if (key) for (const pragma of sqlKeyPragmas(key)) copy.pragma(pragma);
    copy.pragma('journal_mode = DELETE');
    return { schemaVersion: copy.pragma('user_version', { simple: true }) as number, counts: countMainTables(copy) };
  } finally {
    copy.close();
  }
}

/**
 * The record of the last restore (the audit row the core host appends to the restored database),
 * while nobody has signed in since it: the sign-in screen says once what happened. Both lookups
 * go through the index on (entity, entity_id, id), so the audit log's length does not matter.
 */
export function restoreNotSignedInSince(db: Db): { at: string; after: unknown } | null {
  const restore = db
    .prepare("SELECT id, at, after_json FROM audit_log WHERE entity = 'backup' AND entity_id IS NULL AND action = 'restore' ORDER BY id DESC LIMIT 1")
    .get() as { id: number; at: string; after_json: string | null } | undefined;
  if (!restore) return null;
  const login = db.prepare("SELECT 1 FROM audit_log WHERE entity = 'session' AND entity_id IS NULL AND action = 'login' AND id > ? LIMIT 1").get(restore.id);
  if (login) return null;
  return { at: restore.at, after: restore.after_json === null ? null : (JSON.parse(restore.after_json) as unknown) };
}
