/**
 * A structural check of a TIFF file (classic and BigTIFF) without decoding pixels: walks the chain
 * of image directories (one per page), reads each page's size and where its strips or tiles are,
 * and reports a page whose data lies beyond the end of the file (a truncated scan) or a chain
 * that points outside the file or loops. Decoding the first page would not notice a 180-page file
 * cut short in its last page; this does, in milliseconds, reading only the directories.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export interface TiffPage {
  width: number;
  height: number;
}

export type TiffWalk = { ok: true; pages: TiffPage[] } | { ok: false; reason: { zh: string; en: string } };

const MAX_PAGES = 100_000;
const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4, 16: 8, 17: 8, 18: 8 };
const TAG = { width: 256, height: 257, stripOffsets: 273, stripByteCounts: 279, tileOffsets: 324, tileByteCounts: 325 } as const;

class Reader {
  constructor(
    private readonly fd: number,
    readonly size: number,
    readonly little: boolean,
  ) {}

  bytes(offset: number, length: number): Buffer {
    if (offset < 0 || length < 0 || offset + length > this.size) throw new Truncated();
    const buf = Buffer.alloc(length);
    let got = 0;
    while (got < length) {
      const n = readSync(this.fd, buf, got, length - got, offset + got);
      if (n === 0) throw new Truncated();
      got += n;
    }
    return buf;
  }

  uint(buf: Buffer, at: number, width: number): number {
    switch (width) {
      case 1:
        return buf.readUInt8(at);
      case 2:
        return this.little ? buf.readUInt16LE(at) : buf.readUInt16BE(at);
      case 4:
        return this.little ? buf.readUInt32LE(at) : buf.readUInt32BE(at);
      default: {
        const big = this.little ? buf.readBigUInt64LE(at) : buf.readBigUInt64BE(at);
        if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new Truncated();
        return Number(big);
      }
    }
  }
}

class Truncated extends Error {}

interface Entry {
  type: number;
  count: number;
  /** The raw value/offset field. */
  field: Buffer;
}

function values(r: Reader, e: Entry, big: boolean): number[] {
  const width = TYPE_SIZE[e.type];
  if (width === undefined || ![1, 2, 4, 8].includes(width) || e.count > 10_000_000) throw new Truncated();
  const total = width * e.count;
  const inline = big ? 8 : 4;
  const data = total <= inline ? e.field : r.bytes(r.uint(e.field, 0, big ? 8 : 4), total);
  const out: number[] = [];
  for (let i = 0; i < e.count; i++) out.push(r.uint(data, i * width, width));
  return out;
}

function walk(fd: number): TiffWalk {
  const size = fstatSync(fd).size;
  const fail = (zh: string, en: string): TiffWalk => ({ ok: false, reason: { zh, en } });
  if (size < 8) return fail('文件过短', 'the file is too short');
  const head = Buffer.alloc(16);
  readSync(fd, head, 0, Math.min(16, size), 0);
  const order = head.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return fail('不是 TIFF 文件', 'not a TIFF file');
  const r = new Reader(fd, size, order === 'II');
  const version = r.uint(head, 2, 2);
  const big = version === 43;
  if (version !== 42 && !big) return fail('不是 TIFF 文件', 'not a TIFF file');
  const ptr = big ? 8 : 4;
  let next = big ? r.uint(head, 8, 8) : r.uint(head, 4, 4);
  const seen = new Set<number>();
  const pages: TiffPage[] = [];
  try {
    while (next !== 0) {
      if (seen.has(next) || pages.length >= MAX_PAGES) return fail('页目录循环引用', 'its page directories loop');
      seen.add(next);
      const countBytes = big ? 8 : 2;
      const count = r.uint(r.bytes(next, countBytes), 0, countBytes);
      const entrySize = big ? 20 : 12;
      if (count === 0 || count > 4096) return fail(`第 ${pages.length + 1} 页的目录无效`, `the directory of page ${pages.length + 1} is invalid`);
      const table = r.bytes(next + countBytes, count * entrySize + ptr);
      const entries = new Map<number, Entry>();
      for (let i = 0; i < count; i++) {
        const at = i * entrySize;
        entries.set(r.uint(table, at, 2), {
          type: r.uint(table, at + 2, 2),
          count: r.uint(table, at + 4, big ? 8 : 4),
          field: table.subarray(at + (big ? 12 : 8), at + entrySize),
        });
      }
      const page = pages.length + 1;
      const one = (tag: number) => {
        const e = entries.get(tag);
        return e ? values(r, e, big)[0] : undefined;
      };
      const width = one(TAG.width);
      const height = one(TAG.height);
      if (!width || !height) return fail(`第 ${page} 页缺少宽度或高度`, `page ${page} has no width or height`);
      const tiled = entries.has(TAG.tileOffsets);
      const offsetsEntry = entries.get(tiled ? TAG.tileOffsets : TAG.stripOffsets);
      const countsEntry = entries.get(tiled ? TAG.tileByteCounts : TAG.stripByteCounts);
      if (!offsetsEntry || !countsEntry) return fail(`第 ${page} 页没有图像数据`, `page ${page} has no image data`);
      const offsets = values(r, offsetsEntry, big);
      const counts = values(r, countsEntry, big);
      if (offsets.length !== counts.length) return fail(`第 ${page} 页的数据表不一致`, `the data table of page ${page} is inconsistent`);
      for (let i = 0; i < offsets.length; i++) {
        if (offsets[i]! + counts[i]! > size) return fail(`第 ${page} 页的数据不完整（文件被截断）`, `the data of page ${page} is incomplete (the file is truncated)`);
      }
      pages.push({ width, height });
      next = r.uint(table, count * entrySize, ptr);
    }
  } catch (error) {
    if (error instanceof Truncated) return fail(`第 ${pages.length + 1} 页的目录超出文件末尾（文件被截断）`, `the directory of page ${pages.length + 1} lies beyond the end of the file (truncated)`);
    throw error;
  }
  if (pages.length === 0) return fail('没有任何页面', 'it holds no page');
  return { ok: true, pages };
}

export function walkTiff(path: string): TiffWalk {
  const fd = openSync(path, 'r');
  try {
    return walk(fd);
  } finally {
    closeSync(fd);
  }
}
