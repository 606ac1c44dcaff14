import { execFileSync } from 'node:child_process';
import { closeSync, fsyncSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ZipFormatError, ZipReader, ZipWriter } from '../../../../../electron/core/backup/zip';
import { tempDir } from '../../../../support/tempCore';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(file: string, fill: (zip: ZipWriter) => void): void {
  const fd = openSync(file, 'w');
  const zip = new ZipWriter(fd, new Date(2026, 11, 4, 18, 30));
  fill(zip);
  zip.finish();
  fsyncSync(fd);
  closeSync(fd);
}

/** Python's zipfile, a reader we did not write, lists and CRC-checks the archive. */
function pythonReads(file: string): { count: number; bad: string | null } {
  const out = execFileSync('python3', ['-c', 'import sys, zipfile, json; z = zipfile.ZipFile(sys.argv[1]); print(json.dumps({"count": len(z.namelist()), "bad": z.testzip()}))', file], { encoding: 'utf8' });
  return JSON.parse(out) as { count: number; bad: string | null };
}

describe('the backup ZIP', () => {
  it('reads back what was written: names (Chinese too), bytes, SHA-256', async () => {
    dir = tempDir();
    const source = join(dir, 'source.bin');
    const bytes = Buffer.from(Array.from({ length: 3_000_000 }, (_, i) => (i * 31) & 0xff));
    writeFileSync(source, bytes);
    const file = join(dir, 'a.zip');
    let written: { sha256: string } | undefined;
    write(file, (zip) => {
      written = zip.addFile('guangrong.db', source, bytes.length);
      zip.addBytes('说明.txt', Buffer.from('光荣', 'utf8'));
    });
    const reader = ZipReader.open(file);
    expect([...reader.entries.keys()]).toEqual(['guangrong.db', '说明.txt']);
    expect(reader.readBytes('说明.txt').toString('utf8')).toBe('光荣');
    const chunks: Buffer[] = [];
    const sha = await reader.streamEntry('guangrong.db', (chunk) => void chunks.push(Buffer.from(chunk)));
    reader.close();
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    expect(sha).toBe(written!.sha256);
    expect(pythonReads(file)).toEqual({ count: 2, bad: null });
  });

  it('past 65,535 entries writes ZIP64 end records, which both readers follow', () => {
    dir = tempDir();
    const file = join(dir, 'many.zip');
    write(file, (zip) => {
      for (let i = 0; i < 70_000; i++) zip.addBytes(`attachments/${String(i).padStart(6, '0')}`, Buffer.from([i & 0xff]));
    });
    const reader = ZipReader.open(file);
    expect(reader.entries.size).toBe(70_000);
    expect(reader.readBytes('attachments/069999')[0]).toBe(69_999 & 0xff);
    reader.close();
    expect(pythonReads(file)).toEqual({ count: 70_000, bad: null });
  });

  it('a file cut short has no end record: refused as truncated', () => {
    dir = tempDir();
    const file = join(dir, 'cut.zip');
    write(file, (zip) => zip.addBytes('manifest.json', Buffer.alloc(10_000, 0x20)));
    execFileSync('truncate', ['-s', '5000', file]);
    expect(() => ZipReader.open(file)).toThrow(ZipFormatError);
    try {
      ZipReader.open(file);
    } catch (error) {
      expect((error as ZipFormatError).reason).toBe('truncated');
    }
  });

  it('a changed byte fails the CRC check, naming the entry', async () => {
    dir = tempDir();
    const file = join(dir, 'x.zip');
    write(file, (zip) => zip.addBytes('guangrong.db', Buffer.alloc(1000, 1)));
    const reader = ZipReader.open(file);
    const at = reader.entries.get('guangrong.db')!.dataStart;
    reader.close();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.from([2]), 0, 1, at + 10);
    closeSync(fd);
    const again = ZipReader.open(join(dir, 'x.zip'));
    await expect(again.streamEntry('guangrong.db', () => {})).rejects.toMatchObject({ reason: 'checksum', entry: 'guangrong.db' });
    again.close();
  });
});
