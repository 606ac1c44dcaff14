/** The database side of encrypting a data folder in place (crypto/encryptInPlace.ts). */
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { sqlKeyPragmas, type DataKey } from '../crypto/dataKey';

/** Encrypts a plain database file under `key` (no other connection may have it open). */
export function encryptDatabaseFile(file: string, key: DataKey): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    db.pragma('journal_mode = DELETE');
    const [cipher, legacy, keyPragma] = sqlKeyPragmas(key);
    db.pragma(cipher!);
    db.pragma(legacy!);
    db.pragma(keyPragma!.replace(/^key/, 'rekey'));
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
}


/**
 * Whether `key` opens the encrypted database file (page 1 decrypts and its schema reads). Used
 * only when the key file cannot say which key is right (it is damaged): a wrong recovery key is
 * then told as wrong, not taken for a damaged database.
 */
export function keyOpensDatabase(file: string, key: DataKey): boolean {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    for (const pragma of sqlKeyPragmas(key)) db.pragma(pragma);
    db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

/**
 * A process killed in the middle of `encryptDatabaseFile` leaves the file part rewritten under the
 * key (its first page may already be) and a hot rollback journal holding the plain pages. The
 * first read of a plain connection plays that journal back: the file is whole and plain again,
 * and can be encrypted from the start. Nothing happens without a journal.
 */
export function rollBackInterruptedRekey(file: string): boolean {
  const journal = `${file}-journal`;
  if (!existsSync(journal) || statSync(journal).size === 0) return false;
  const db = new Database(file, { fileMustExist: true });
  try {
    db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
  } finally {
    db.close();
  }
  return true;
}
