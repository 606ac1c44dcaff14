import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseIsPlain, openDatabase } from '../../../electron/core/db/connection';
import { dataKeyFromRecoverySecret, newRecoveryKey } from '../../../electron/core/crypto/dataKey';

const dir = mkdtempSync(join(tmpdir(), 'enc-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const key = dataKeyFromRecoverySecret(newRecoveryKey().secret);

describe('an encrypted database (SQLCipher 4 through better-sqlite3-multiple-ciphers)', () => {
  it('keeps WAL, FTS5 trigram search and Chinese text, and shows nothing readable on disk', () => {
    const file = join(dir, 'a.db');
    const db = openDatabase(file, { key });
    db.exec(`CREATE TABLE m(name TEXT); CREATE VIRTUAL TABLE f USING fts5(name, tokenize='trigram'); INSERT INTO m VALUES ('王二小'); INSERT INTO f VALUES ('晋察冀边区抗日英雄')`);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare(`SELECT name FROM f WHERE f MATCH '抗日英'`).all()).toEqual([{ name: '晋察冀边区抗日英雄' }]);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(file);
    expect(databaseIsPlain(file)).toBe(false);
    expect(bytes.includes(Buffer.from('王二小'))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    const again = openDatabase(file, { key });
    expect(again.prepare('SELECT name FROM m').all()).toEqual([{ name: '王二小' }]);
    expect(again.pragma('quick_check', { simple: true })).toBe('ok');
    again.close();
  });

  it('without the key, or with another, the file does not open (SQLITE_NOTADB), and nothing is written to it', () => {
    const file = join(dir, 'b.db');
    const db = openDatabase(file, { key });
    db.exec('CREATE TABLE t(x); INSERT INTO t VALUES (1)');
    db.close();
    const before = readFileSync(file);
    expect(() => openDatabase(file).prepare('SELECT * FROM t').all()).toThrow(expect.objectContaining({ code: 'SQLITE_NOTADB' }));
    const other = dataKeyFromRecoverySecret(newRecoveryKey().secret);
    expect(() => openDatabase(file, { key: other })).toThrow(expect.objectContaining({ code: 'SQLITE_NOTADB' }));
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a plain database is told apart by its header', () => {
    const file = join(dir, 'c.db');
    openDatabase(file).close();
    expect(databaseIsPlain(file)).toBe(true);
    expect(databaseIsPlain(join(dir, 'missing.db'))).toBe(true);
  });
});
