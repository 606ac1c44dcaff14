/**
 * Checks an xlsx's zip container before anything of it is parsed (exceljs's own unzipping is
 * not used: readXlsx.ts feeds it the parts inflated here):
 * - the end-of-central-directory record must be there (a cut-off download is refused);
 * - every entry is listed, unencrypted, stored or deflated, under the size limits, with a sane
 *   compression ratio (zip bombs), and its name appears once;
 * - the local entries must follow one another from byte 0 up to the central directory, each
 *   named as the directory names it: no hidden entries, no overlapping ones;
 * - every part that is read is inflated here, capped at its declared size, and its length and
 *   CRC compared with the directory (a part that lies about its size is caught before it grows).
 * ZIP64 records are understood (some writers always emit them). The caller gets the entries,
 * then the inflated bytes of the parts it asks for.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { LIMITS, badFile } from './limits';
import type { CoreError } from '../errors';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const SIG_DESCRIPTOR = 0x08074b50;
const U32_MAX = 0xffffffff;

function damaged(fileName: string, detailEn: string): CoreError {
  return badFile(
    `“${fileName}”不完整或已损坏（可能复制或下载时中断）。请在 Excel 或 WPS 中重新打开并保存后再导入。`,
    `“${fileName}” is incomplete or damaged (${detailEn}; perhaps a copy or download was interrupted). Open it in Excel or WPS, save it again and import that.`,
  );
}

function bomb(fileName: string): CoreError {
  return badFile(
    `“${fileName}”解压后异常巨大，不像正常的表格文件（疑似“压缩炸弹”），已拒绝读取。`,
    `“${fileName}” would expand to an abnormal size and does not look like a real spreadsheet (a suspected zip bomb); it was refused.`,
  );
}

/** Reads 64-bit little-endian integers as numbers; anything past 2^53 is a broken file. */
function u64(view: DataView, at: number): number {
  const value = view.getBigUint64(at, true);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

function findEocd(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === SIG_EOCD && at + 22 + view.getUint16(at + 20, true) <= view.byteLength) return at;
  }
  return -1;
}

/** Lists the entries from the central directory, with every check that needs no inflating. */
export function listZipEntries(bytes: Uint8Array, fileName: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) throw damaged(fileName, 'too short to be a zip');
  const eocd = findEocd(view);
  if (eocd < 0) throw damaged(fileName, 'no end of central directory');
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === U32_MAX || cdOffset === U32_MAX) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== SIG_ZIP64_LOCATOR) throw damaged(fileName, 'ZIP64 locator missing');
    const record = u64(view, locator + 8);
    if (record + 56 > bytes.length || view.getUint32(record, true) !== SIG_ZIP64_EOCD) throw damaged(fileName, 'ZIP64 record missing');
    count = u64(view, record + 32);
    cdSize = u64(view, record + 40);
    cdOffset = u64(view, record + 48);
  }
  if (count > LIMITS.maxZipEntries) throw bomb(fileName);
  if (cdOffset + cdSize > bytes.length) throw damaged(fileName, 'central directory out of bounds');

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let at = cdOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cdOffset + cdSize || view.getUint32(at, true) !== SIG_CENTRAL) throw damaged(fileName, 'bad central directory entry');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    let compressedSize = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localOffset = view.getUint32(at + 42, true);
    const name = new TextDecoder('utf-8').decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // ZIP64 extended information: the 0xFFFFFFFF fields, in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = view.getUint16(extra, true);
      const len = view.getUint16(extra + 2, true);
      if (id === 0x0001) {
        let p = extra + 4;
        const end = p + len;
        if (size === U32_MAX && p + 8 <= end) {
          size = u64(view, p);
          p += 8;
        }
        if (compressedSize === U32_MAX && p + 8 <= end) {
          compressedSize = u64(view, p);
          p += 8;
        }
        if (localOffset === U32_MAX && p + 8 <= end) localOffset = u64(view, p);
      }
      extra += 4 + len;
    }
    at = extraEnd + commentLength;
    if (flags & 0x1) {
      throw badFile(
        `“${fileName}”已加密，无法读取。请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再导入。`,
        `“${fileName}” is encrypted and cannot be read. Remove the password in Excel or WPS, save as .xlsx and import that.`,
      );
    }
    if (method !== 0 && method !== 8) throw damaged(fileName, `unsupported compression method ${method}`);
    if (names.has(name)) throw damaged(fileName, `the part ${name} appears twice`);
    names.add(name);
    if (size > LIMITS.maxEntryBytes) throw bomb(fileName);
    if (size > LIMITS.ratioFloorBytes && size > compressedSize * LIMITS.maxRatio) throw bomb(fileName);
    total += size;
    if (total > LIMITS.maxUncompressedBytes) throw bomb(fileName);
    entries.push({ name, method, flags, crc, compressedSize, size, localOffset });
  }
  checkLayout(view, entries, cdOffset, fileName);
  return entries;
}

/** The local entries must tile the file from byte 0 to the central directory, named as listed. */
function checkLayout(view: DataView, entries: ZipEntry[], cdOffset: number, fileName: string): void {
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  for (const e of sorted) {
    if (e.localOffset !== expected) throw damaged(fileName, `unexpected bytes before ${e.name}`);
    const at = e.localOffset;
    if (at + 30 > cdOffset || view.getUint32(at, true) !== SIG_LOCAL) throw damaged(fileName, `local header of ${e.name} missing`);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    const localName = new TextDecoder('utf-8').decode(new Uint8Array(view.buffer, view.byteOffset + at + 30, nameLength));
    if (localName !== e.name || view.getUint16(at + 8, true) !== e.method) throw damaged(fileName, `local header of ${e.name} differs from the directory`);
    let end = at + 30 + nameLength + extraLength + e.compressedSize;
    if (end > cdOffset) throw damaged(fileName, `${e.name} runs past the central directory`);
    if (e.flags & 0x8) {
      // A data descriptor follows: optional signature, CRC, then 32- or 64-bit sizes.
      const signed = end + 4 <= cdOffset && view.getUint32(end, true) === SIG_DESCRIPTOR;
      const base = signed ? end + 4 : end;
      const candidates = [base + 12, base + 20].filter((next) => next <= cdOffset);
      const next = sorted.find((o) => o.localOffset > at);
      const target = next ? next.localOffset : cdOffset;
      if (!candidates.includes(target)) throw damaged(fileName, `bad data descriptor after ${e.name}`);
      end = target;
    }
    expected = end;
  }
  if (expected !== cdOffset) throw damaged(fileName, 'unexpected bytes before the central directory');
}

function dataStart(view: DataView, e: ZipEntry): number {
  return e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
}

/**
 * Inflates each of `entries`, capped at its declared size, and checks its length and CRC.
 * Returns the inflated bytes of the entries named in `keep`; the others are dropped at once.
 */
export function verifyZipEntries(bytes: Uint8Array, entries: readonly ZipEntry[], fileName: string, keep: ReadonlySet<string>): Map<string, Buffer> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept = new Map<string, Buffer>();
  for (const e of entries) {
    const start = dataStart(view, e);
    const raw = Buffer.from(bytes.buffer, bytes.byteOffset + start, e.compressedSize);
    let data: Buffer;
    if (e.method === 0) {
      if (e.size !== e.compressedSize) throw damaged(fileName, `stored part ${e.name} has two sizes`);
      data = raw;
    } else {
      let result: { buffer: Buffer; engine: { bytesWritten: number } };
      try {
        // maxOutputLength stops a part that inflates beyond what it declared, before it is allocated.
        result = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size), info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw bomb(fileName);
        throw damaged(fileName, `cannot inflate ${e.name}`);
      }
      data = result.buffer;
      if (result.engine.bytesWritten !== e.compressedSize) throw damaged(fileName, `${e.name} has bytes after its data`);
    }
    if (data.length !== e.size) throw damaged(fileName, `${e.name} is not the size it declares`);
    if (crc32(data) !== e.crc) throw damaged(fileName, `${e.name} fails its checksum`);
    if (keep.has(e.name)) kept.set(e.name, data);
  }
  return kept;
}
