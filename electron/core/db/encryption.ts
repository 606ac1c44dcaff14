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

