/** The database side of encrypting a data folder in place (crypto/encryptInPlace.ts). */
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
