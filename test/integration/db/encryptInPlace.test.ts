import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseIsPlain, openDatabase } from '../../../electron/core/db/connection';
import { dataKeyFromRecoverySecret, newRecoveryKey } from '../../../electron/core/crypto/dataKey';
import { encryptDatabaseFile, plainFilesToSeal, sealDataFolderFiles } from '../../../electron/core/crypto/encryptInPlace';
import { createVault } from '../../../electron/core/crypto/vault';
import { fileIsSealed } from '../../../electron/core/crypto/sealed';

const dir = mkdtempSync(join(tmpdir(), 'enc-inplace-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const key = dataKeyFromRecoverySecret(newRecoveryKey().secret);

describe('encrypting a data folder in place', () => {
  it('rekeys the database (rows, WAL and indexes kept) and seals every file once, dropping the derivative cache', async () => {
    const file = join(dir, 'guangrong.db');
    const db = openDatabase(file);
    db.exec(`CREATE TABLE m(id INTEGER PRIMARY KEY, name TEXT); CREATE INDEX m_name ON m(name)`);
    const insert = db.prepare('INSERT INTO m(name) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(`烈士${i}`);
    })();
    db.close();
    encryptDatabaseFile(file, key);
    expect(databaseIsPlain(file)).toBe(false);
    const opened = openDatabase(file, { key });
    expect(opened.prepare('SELECT count(*) AS n FROM m').get()).toEqual({ n: 20_000 });
    expect(opened.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.pragma('integrity_check', { simple: true })).toBe('ok');
    opened.close();

    const scans = [randomBytes(300_000), randomBytes(10), Buffer.alloc(0)];
    mkdirSync(join(dir, 'attachments', 'ab', 'cd'), { recursive: true });
    mkdirSync(join(dir, 'documents'), { recursive: true });
    mkdirSync(join(dir, 'derivatives', 'x'), { recursive: true });
    scans.forEach((bytes, i) => writeFileSync(join(dir, 'attachments', 'ab', 'cd', `scan${i}`), bytes));
    writeFileSync(join(dir, 'documents', 'letter.pdf'), '%PDF-1.7 喜报');
    writeFileSync(join(dir, 'derivatives', 'x', 'p1-w800.jpg'), 'cache');
    expect(plainFilesToSeal(dir)).toHaveLength(4);
    const seen: number[] = [];
    const result = await sealDataFolderFiles(dir, key, { onProgress: (done) => seen.push(done) });
    expect(result).toEqual({ files: 4, bytes: 300_000 + 10 + 0 + Buffer.byteLength('%PDF-1.7 喜报') });
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect(existsSync(join(dir, 'derivatives'))).toBe(false);
    const vault = createVault(key);
    for (let i = 0; i < scans.length; i++) {
      const path = join(dir, 'attachments', 'ab', 'cd', `scan${i}`);
      expect(fileIsSealed(path)).toBe(true);
      expect((await vault.readFile(path)).equals(scans[i]!)).toBe(true);
    }
    expect(readFileSync(join(dir, 'documents', 'letter.pdf')).includes(Buffer.from('喜报'))).toBe(false);
    // Run again (as after a crash in the middle): nothing left to seal, nothing sealed twice.
    expect(plainFilesToSeal(dir)).toHaveLength(0);
    expect(await sealDataFolderFiles(dir, key)).toEqual({ files: 0, bytes: 0 });
    expect((await vault.readFile(join(dir, 'attachments', 'ab', 'cd', 'scan0'))).equals(scans[0]!)).toBe(true);
  });

  it('a cancel between files leaves every file plain or sealed, and a second run finishes the rest', async () => {
    const other = mkdtempSync(join(dir, 'c'));
    mkdirSync(join(other, 'attachments'), { recursive: true });
    for (let i = 0; i < 5; i++) writeFileSync(join(other, 'attachments', `f${i}`), `file ${i}`);
    let calls = 0;
    await expect(
      sealDataFolderFiles(other, key, {
        throwIfCancelled: () => {
          if (++calls === 3) throw new Error('cancelled');
        },
      }),
    ).rejects.toThrow('cancelled');
    expect(plainFilesToSeal(other)).toHaveLength(3);
    expect((await sealDataFolderFiles(other, key)).files).toBe(3);
    const vault = createVault(key);
    for (let i = 0; i < 5; i++) expect((await vault.readFile(join(other, 'attachments', `f${i}`))).toString()).toBe(`file ${i}`);
  });
});
