/** Magic bytes, size and disk-space checks, width snapping (electron/core/attachments). */
import { describe, expect, it } from 'vitest';
import { sniff } from '../../../../../electron/core/attachments/inspect';
import { snapWidth } from '../../../../../electron/core/attachments/derivatives';
import { checkFreeSpace, checkSize, DISK_RESERVE_BYTES, freeBytes } from '../../../../../electron/core/attachments/uploads';
import { blobPath, derivativePath } from '../../../../../electron/core/attachments/paths';
import { tempDir } from '../../../../support/tempCore';

const bytes = (...b: number[]) => Buffer.from(b);

describe('sniff', () => {
  it.each([
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'image/jpeg'],
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'image/png'],
    ['TIFF II', bytes(0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0), 'image/tiff'],
    ['TIFF MM', bytes(0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8), 'image/tiff'],
    ['BigTIFF', bytes(0x49, 0x49, 0x2b, 0x00, 8, 0, 0, 0), 'image/tiff'],
    ['PDF', Buffer.from('%PDF-1.7\n'), 'application/pdf'],
    ['PDF after junk', Buffer.concat([Buffer.alloc(100, 0x20), Buffer.from('%PDF-1.4')]), 'application/pdf'],
    ['GIF', Buffer.from('GIF89a'), null],
    ['text', Buffer.from('张三,男'), null],
    ['half a PNG signature', bytes(0x89, 0x50, 0x4e, 0x47), null],
    ['nothing', Buffer.alloc(0), null],
  ])('%s', (_name, head, mime) => {
    expect(sniff(head)).toBe(mime);
  });
});

describe('limits', () => {
  it('refuses 0 bytes and more than 300 MB, naming the file in both languages', () => {
    expect(() => checkSize('a.tif', 0)).toThrowError(expect.objectContaining({ code: 'BAD_FILE', text: { zh: expect.stringContaining('“a.tif”是空的'), en: expect.stringContaining('“a.tif” is empty') } }));
    expect(() => checkSize('b.tif', 300 * 1024 * 1024 + 1)).toThrowError(expect.objectContaining({ code: 'BAD_FILE' }));
    expect(() => checkSize('c.tif', 300 * 1024 * 1024)).not.toThrow();
  });

  it('answers DISK_FULL when the disk cannot hold the file and a reserve', () => {
    const size = 100 * 1024 * 1024;
    expect(() => checkFreeSpace('/data', 'big.pdf', size, size + DISK_RESERVE_BYTES - 1)).toThrowError(
      expect.objectContaining({ code: 'DISK_FULL', text: { zh: expect.stringContaining('磁盘空间不足'), en: expect.stringContaining('Not enough disk space') } }),
    );
    expect(() => checkFreeSpace('/data', 'big.pdf', size, size + DISK_RESERVE_BYTES)).not.toThrow();
    expect(() => checkFreeSpace('/data', 'big.pdf', size, null)).not.toThrow(); // unknown: let the write find out
  });

  it('reads free space with fs.statfs, and null where it cannot', () => {
    expect(freeBytes(tempDir())).toBeGreaterThan(0);
    expect(freeBytes('/x', () => ({ bavail: 10, bsize: 4096 }))).toBe(40960);
    expect(freeBytes('/x', () => { throw new Error('ENOSYS'); })).toBeNull();
  });
});

describe('paths and widths', () => {
  const sha = 'ab'.repeat(32);
  it('names files by their hash, never by anything else', () => {
    expect(blobPath('/d', sha).replace(/\\/g, '/')).toBe(`/d/attachments/ab/ab/${sha}`);
    expect(derivativePath('/d', sha, 3, 1600).replace(/\\/g, '/')).toBe(`/d/derivatives/${sha}/p3-w1600.jpg`);
    expect(() => blobPath('/d', '../../x')).toThrow();
    expect(() => blobPath('/d', sha.toUpperCase())).toThrow();
  });

  it.each([[1, 200], [200, 200], [201, 400], [1280, 1600], [1600, 1600], [2401, 2400], [10000, 2400]])('snaps %i to %i', (asked, width) => {
    expect(snapWidth(asked)).toBe(width);
  });
});
