import Database from 'better-sqlite3';
import type { Database as Db, Statement } from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { sqlKeyPragmas, type DataKey } from '../crypto/dataKey';

export type { Db };

/**
 * Opens the database file with the settings every connection must have:
 * - WAL, so the UI keeps reading while a job worker writes;
 * - synchronous=FULL, so a save the user saw succeed survives a power cut;
 * - foreign keys on; a busy timeout so a second connection waits rather than failing.
 * The job worker opens its own connection through this same function.
 *
 * With `key` (an encrypted installation) the key is given first, before anything reads a page:
 * SQLCipher 4's format through SQLite3 Multiple Ciphers, the raw 256-bit key (no key derivation
 * at each open: the key was derived once, when it was unlocked). A wrong key, or a key given for a
 * plain file, fails at the first read with SQLITE_NOTADB.
 */
export function openDatabase(file: string, options: { readonly?: boolean; key?: DataKey | null } = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  try {
    if (options.key) for (const pragma of sqlKeyPragmas(options.key)) db.pragma(pragma);
    db.pragma('busy_timeout = 10000');
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('case_sensitive_like = ON');
    db.pragma('trusted_schema = OFF');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** Runs `fn` in one write transaction (BEGIN IMMEDIATE: the write lock is taken at once, so two writers never deadlock). */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}

const statements = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement kept per connection: for the hot paths (bulk imports) where preparing each time costs more than running. */
export function cachedStatement(db: Db, sql: string): Statement {
  let forDb = statements.get(db);
  if (!forDb) {
    forDb = new Map();
    statements.set(db, forDb);
  }
  let statement = forDb.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    forDb.set(sql, statement);
  }
  return statement;
}

/** Whether the database file is a plain (unencrypted) SQLite file: its first 16 bytes say so. A missing or empty file counts as plain. */
export function databaseIsPlain(file: string): boolean {
  if (!existsSync(file)) return true;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const read = readSync(fd, head, 0, 16, 0);
    return read === 0 || head.subarray(0, read).toString('latin1') === 'SQLite format 3\0'.slice(0, read);
  } finally {
    closeSync(fd);
  }
}
