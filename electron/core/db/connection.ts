import Database from 'better-sqlite3';
import type { Database as Db, Statement } from 'better-sqlite3';

export type { Db };

/**
 * Opens the database file with the settings every connection must have:
 * - WAL, so the UI keeps reading while a job worker writes;
 * - synchronous=FULL, so a save the user saw succeed survives a power cut;
 * - foreign keys on; a busy timeout so a second connection waits rather than failing.
 * The job worker opens its own connection through this same function.
 */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  try {
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
