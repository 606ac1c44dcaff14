/** Writing blobs durably (electron/core/attachments/blobs.ts), including disks without hard links. */
import { plainVault } from '../../../../../electron/core/crypto/vault';
import { promises as fsp, readFileSync, statSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeBlob } from '../../../../../electron/core/attachments/blobs';
import { blobPath } from '../../../../../electron/core/attachments/paths';
import { tempDir } from '../../../../support/tempCore';

afterEach(() => vi.restoreAllMocks());

function source(text: string) {
  const dir = tempDir('guangrong-blob-');
  const path = join(dir, 'upload.part');
  writeFileSync(path, text);
  return { dataDir: dir, path, sha: createHash('sha256').update(text).digest('hex'), size: Buffer.byteLength(text) };
}

describe('writeBlob', () => {
  it('hard-links the upload to its content address, once', async () => {
    const s = source('扫描件 scan bytes');
    expect(await writeBlob(s.dataDir, s.sha, s.path, s.size, plainVault)).toBe('created');
    const target = blobPath(s.dataDir, s.sha);
    expect(readFileSync(target, 'utf8')).toBe('扫描件 scan bytes');
    expect(statSync(target).ino).toBe(statSync(s.path).ino);
    expect(await writeBlob(s.dataDir, s.sha, s.path, s.size, plainVault)).toBe('existing');
  });

  it('copies, fsyncs and renames where hard links are not supported (FAT USB sticks)', async () => {
    const s = source('on a FAT32 stick');
    const link = vi.spyOn(fsp, 'link').mockRejectedValue(Object.assign(new Error('EPERM'), { code: 'EPERM' }));
    expect(await writeBlob(s.dataDir, s.sha, s.path, s.size, plainVault)).toBe('created');
    expect(link).toHaveBeenCalled();
    const target = blobPath(s.dataDir, s.sha);
    expect(readFileSync(target, 'utf8')).toBe('on a FAT32 stick');
    expect(statSync(target).ino).not.toBe(statSync(s.path).ino);
    expect(readdirSync(dirname(target))).toEqual([s.sha]); // no temp file left
  });

  it('replaces a copy cut short (wrong size) and passes other errors on', async () => {
    const s = source('the whole content');
    const target = blobPath(s.dataDir, s.sha);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, 'the who');
    expect(await writeBlob(s.dataDir, s.sha, s.path, s.size, plainVault)).toBe('created');
    expect(readFileSync(target, 'utf8')).toBe('the whole content');

    const t = source('disk full');
    vi.spyOn(fsp, 'link').mockRejectedValue(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }));
    await expect(writeBlob(t.dataDir, t.sha, t.path, t.size, plainVault)).rejects.toMatchObject({ code: 'ENOSPC' });
  });
});
