/** The structural TIFF check (electron/core/attachments/tiff.ts) on files built byte by byte. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkTiff } from '../../../../../electron/core/attachments/tiff';
import { tempDir } from '../../../../support/tempCore';

const dir = tempDir('guangrong-tiff-');
let n = 0;
function file(bytes: Buffer): string {
  const path = join(dir, `t${++n}.tif`);
  writeFileSync(path, bytes);
  return path;
}

/** One 8 × 2 grey page per entry of `pages`, strips uncompressed; big-endian when `be`. */
function tiff(pages: { width: number; height: number; stripLength?: number }[], options: { be?: boolean; loop?: boolean; big?: boolean } = {}): Buffer {
  const be = options.be ?? false;
  const big = options.big ?? false;
  const parts: Buffer[] = [];
  let size = big ? 16 : 8;
  const u16 = (v: number) => { const b = Buffer.alloc(2); if (be) b.writeUInt16BE(v); else b.writeUInt16LE(v); return b; };
  const u32 = (v: number) => { const b = Buffer.alloc(4); if (be) b.writeUInt32BE(v); else b.writeUInt32LE(v); return b; };
  const u64 = (v: number) => { const b = Buffer.alloc(8); if (be) b.writeBigUInt64BE(BigInt(v)); else b.writeBigUInt64LE(BigInt(v)); return b; };
  const header = big ? Buffer.concat([Buffer.from(be ? 'MM' : 'II'), u16(43), u16(8), u16(0), u64(size)]) : Buffer.concat([Buffer.from(be ? 'MM' : 'II'), u16(42), u32(size)]);
  parts.push(header);
  const firstIfd = size;
  pages.forEach((p, i) => {
    const data = Buffer.alloc(p.width * p.height, 0x80);
    const entries = [[256, 4, p.width], [257, 4, p.height], [258, 3, 8], [259, 3, 1], [262, 3, 1], [273, 4, 0], [277, 3, 1], [278, 4, p.height], [279, 4, p.stripLength ?? data.length]];
    const ifdSize = big ? 8 + entries.length * 20 + 8 : 2 + entries.length * 12 + 4;
    const dataAt = size + ifdSize;
    const last = i === pages.length - 1;
    const next = last ? (options.loop ? firstIfd : 0) : dataAt + data.length;
    const table = entries.map(([tag, type, value]) => {
      const v = tag === 273 ? dataAt : value!;
      if (big) return Buffer.concat([u16(tag!), u16(type!), u64(1), type === 3 ? Buffer.concat([u16(v), Buffer.alloc(6)]) : Buffer.concat([u32(v), Buffer.alloc(4)])]);
      return Buffer.concat([u16(tag!), u16(type!), u32(1), type === 3 ? Buffer.concat([u16(v), Buffer.alloc(2)]) : u32(v)]);
    });
    parts.push(big ? u64(entries.length) : u16(entries.length), ...table, big ? u64(next) : u32(next), data);
    size = dataAt + data.length;
  });
  return Buffer.concat(parts);
}

describe('walkTiff', () => {
  it('reads the pages of little- and big-endian files, and BigTIFF', () => {
    const pages = [{ width: 8, height: 2 }, { width: 4, height: 3 }];
    expect(walkTiff(file(tiff(pages)))).toEqual({ ok: true, pages });
    expect(walkTiff(file(tiff(pages, { be: true })))).toEqual({ ok: true, pages });
    expect(walkTiff(file(tiff(pages, { big: true })))).toEqual({ ok: true, pages });
  });

  it('finds a page whose strips run past the end of the file', () => {
    const whole = tiff([{ width: 8, height: 2 }, { width: 8, height: 2 }]);
    const result = walkTiff(file(whole.subarray(0, whole.length - 3)));
    expect(result).toMatchObject({ ok: false, reason: { zh: expect.stringContaining('第 2 页'), en: expect.stringContaining('page 2') } });
    expect(walkTiff(file(tiff([{ width: 8, height: 2, stripLength: 999 }])))).toMatchObject({ ok: false, reason: { en: expect.stringContaining('truncated') } });
  });

  it('finds a directory beyond the end of the file, and a loop', () => {
    const whole = tiff([{ width: 8, height: 2 }, { width: 8, height: 2 }]);
    expect(walkTiff(file(whole.subarray(0, 60)))).toMatchObject({ ok: false });
    expect(walkTiff(file(tiff([{ width: 8, height: 2 }], { loop: true })))).toMatchObject({ ok: false, reason: { en: expect.stringContaining('loop') } });
  });

  it('refuses what is not a TIFF', () => {
    expect(walkTiff(file(Buffer.from('II*')))).toMatchObject({ ok: false });
    expect(walkTiff(file(Buffer.from('not a tiff at all')))).toMatchObject({ ok: false, reason: { en: 'not a TIFF file' } });
  });
});
