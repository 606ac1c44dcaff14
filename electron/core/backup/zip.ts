/**
 * The backup container: a plain ZIP (stored entries, no compression — scans are compressed
 * already) that any unzip tool opens, written and read in 1 MiB chunks so many GB of attachments
 * never sit in memory. ZIP64 records are written where sizes, offsets or the number of entries
 * pass the classic limits (fflate's Zip has no ZIP64, so a backup over 4 GB would be unreadable).
 *
 * Writing: a local header with the CRC left 0, the bytes (hashed with SHA-256 and CRC-32 as they
 * go), then the CRC written back into the header; the central directory at the end. A file cut
 * short (a pulled USB stick) has no end record and is refused by the reader.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';

export const ZIP_CHUNK = 1024 * 1024;
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
const UTF8_FLAG = 0x0800;

export interface ZipEntry {
  name: string;
  crc: number;
  size: number;
  /** Where the entry's local header starts. */
  offset: number;
}

export interface WrittenEntry {
  name: string;
  size: number;
  sha256: string;
}

function dosDateTime(date: Date): { time: number; day: number } {
  const year = Math.max(1980, date.getFullYear());
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    day: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** Writes a ZIP to an open file descriptor, entry by entry, from the start of the file. */
export class ZipWriter {
  private position = 0;
  private readonly entries: ZipEntry[] = [];
  private readonly stamp: { time: number; day: number };
  private readonly buffer = Buffer.allocUnsafe(ZIP_CHUNK);

  constructor(
    private readonly fd: number,
    modified: Date,
  ) {
    this.stamp = dosDateTime(modified);
  }

  private write(bytes: Uint8Array): void {
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written, this.position + written);
    this.position += bytes.length;
  }

  private localHeader(name: Buffer, size: number): Buffer {
    const zip64 = size >= MAX32;
    const header = Buffer.alloc(30 + name.length + (zip64 ? 20 : 0));
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(zip64 ? 45 : 20, 4);
    header.writeUInt16LE(UTF8_FLAG, 6);
    header.writeUInt16LE(0, 8); // stored
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.day, 12);
    header.writeUInt32LE(0, 14); // CRC, written back once known
    header.writeUInt32LE(zip64 ? MAX32 : size, 18);
    header.writeUInt32LE(zip64 ? MAX32 : size, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(zip64 ? 20 : 0, 28);
    name.copy(header, 30);
    if (zip64) {
      const extra = 30 + name.length;
      header.writeUInt16LE(0x0001, extra);
      header.writeUInt16LE(16, extra + 2);
      header.writeBigUInt64LE(BigInt(size), extra + 4);
      header.writeBigUInt64LE(BigInt(size), extra + 12);
    }
    return header;
  }

  /**
   * Copies `size` bytes of the file at `path`. `onChunk` is told each chunk's length (progress,
   * cancellation). Throws if the file is shorter than `size`.
   */
  addFile(name: string, path: string, size: number, onChunk: (bytes: number) => void = () => {}): WrittenEntry {
    const nameBytes = Buffer.from(name, 'utf8');
    const offset = this.position;
    this.write(this.localHeader(nameBytes, size));
    const hash = createHash('sha256');
    let crc = 0;
    const source = openSync(path, 'r');
    try {
      let copied = 0;
      while (copied < size) {
        const read = readSync(source, this.buffer, 0, Math.min(ZIP_CHUNK, size - copied), copied);
        if (read === 0) throw new Error(`${name}: the file ended after ${copied} of ${size} bytes`);
        const chunk = this.buffer.subarray(0, read);
        hash.update(chunk);
        crc = crc32(chunk, crc);
        this.write(chunk);
        copied += read;
        onChunk(read);
      }
    } finally {
      closeSync(source);
    }
    this.patchCrc(offset, crc);
    this.entries.push({ name, crc, size, offset });
    return { name, size, sha256: hash.digest('hex') };
  }

  addBytes(name: string, bytes: Uint8Array): WrittenEntry {
    const nameBytes = Buffer.from(name, 'utf8');
    const offset = this.position;
    this.write(this.localHeader(nameBytes, bytes.length));
    this.write(bytes);
    const crc = crc32(bytes);
    this.patchCrc(offset, crc);
    this.entries.push({ name, crc, size: bytes.length, offset });
    return { name, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  private patchCrc(offset: number, crc: number): void {
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32LE(crc >>> 0, 0);
    writeSync(this.fd, bytes, 0, 4, offset + 14);
  }

  /** Writes the central directory and the end records. The caller fsyncs and closes. */
  finish(): void {
    const start = this.position;
    for (const entry of this.entries) {
      const name = Buffer.from(entry.name, 'utf8');
      const big = [entry.size >= MAX32, entry.size >= MAX32, entry.offset >= MAX32];
      const extraLength = big.filter(Boolean).length * 8;
      const record = Buffer.alloc(46 + name.length + (extraLength ? 4 + extraLength : 0));
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(45, 4);
      record.writeUInt16LE(extraLength ? 45 : 20, 6);
      record.writeUInt16LE(UTF8_FLAG, 8);
      record.writeUInt16LE(0, 10);
      record.writeUInt16LE(this.stamp.time, 12);
      record.writeUInt16LE(this.stamp.day, 14);
      record.writeUInt32LE(entry.crc >>> 0, 16);
      record.writeUInt32LE(big[0] ? MAX32 : entry.size, 20);
      record.writeUInt32LE(big[1] ? MAX32 : entry.size, 24);
      record.writeUInt16LE(name.length, 28);
      record.writeUInt16LE(extraLength ? 4 + extraLength : 0, 30);
      record.writeUInt32LE(big[2] ? MAX32 : entry.offset, 42);
      name.copy(record, 46);
      if (extraLength) {
        let at = 46 + name.length;
        record.writeUInt16LE(0x0001, at);
        record.writeUInt16LE(extraLength, at + 2);
        at += 4;
        for (const [i, value] of [entry.size, entry.size, entry.offset].entries()) {
          if (!big[i]) continue;
          record.writeBigUInt64LE(BigInt(value), at);
          at += 8;
        }
      }
      this.write(record);
    }
    const size = this.position - start;
    const count = this.entries.length;
    if (count >= MAX16 || size >= MAX32 || start >= MAX32) {
      const zip64End = this.position;
      const record = Buffer.alloc(56);
      record.writeUInt32LE(0x06064b50, 0);
      record.writeBigUInt64LE(44n, 4);
      record.writeUInt16LE(45, 12);
      record.writeUInt16LE(45, 14);
      record.writeBigUInt64LE(BigInt(count), 24);
      record.writeBigUInt64LE(BigInt(count), 32);
      record.writeBigUInt64LE(BigInt(size), 40);
      record.writeBigUInt64LE(BigInt(start), 48);
      this.write(record);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeBigUInt64LE(BigInt(zip64End), 8);
      locator.writeUInt32LE(1, 16);
      this.write(locator);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Math.min(count, MAX16), 8);
    end.writeUInt16LE(Math.min(count, MAX16), 10);
    end.writeUInt32LE(Math.min(size, MAX32), 12);
    end.writeUInt32LE(Math.min(start, MAX32), 16);
    this.write(end);
  }

  get bytesWritten(): number {
    return this.position;
  }
}

export class ZipFormatError extends Error {
  constructor(
    readonly reason: 'truncated' | 'malformed' | 'checksum',
    detail: string,
    /** The entry whose bytes do not match its CRC-32 (reason 'checksum'). */
    readonly entry?: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'ZipFormatError';
  }
}

function readAt(fd: number, length: number, position: number): Buffer {
  const bytes = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const read = readSync(fd, bytes, got, length - got, position + got);
    if (read === 0) throw new ZipFormatError('truncated', `end of file at ${position + got}`);
    got += read;
  }
  return bytes;
}

/** A ZIP opened for reading: its central directory, and each entry's bytes on demand. */
export class ZipReader {
  readonly entries = new Map<string, ZipEntry & { dataStart: number }>();
  readonly fileSize: number;

  private constructor(private readonly fd: number) {
    this.fileSize = fstatSync(fd).size;
    this.readDirectory();
  }

  static open(path: string): ZipReader {
    const fd = openSync(path, 'r');
    try {
      return new ZipReader(fd);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  close(): void {
    closeSync(this.fd);
  }

  private readDirectory(): void {
    const tailLength = Math.min(this.fileSize, 22 + MAX16);
    if (tailLength < 22) throw new ZipFormatError('truncated', 'shorter than an end record');
    const tail = readAt(this.fd, tailLength, this.fileSize - tailLength);
    let endAt = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        endAt = i;
        break;
      }
    }
    if (endAt < 0) throw new ZipFormatError('truncated', 'no end-of-directory record');
    let count = tail.readUInt16LE(endAt + 10);
    let size = tail.readUInt32LE(endAt + 12);
    let start = tail.readUInt32LE(endAt + 16);
    const endPosition = this.fileSize - tailLength + endAt;
    if (count === MAX16 || size === MAX32 || start === MAX32) {
      if (endPosition < 20) throw new ZipFormatError('malformed', 'no ZIP64 locator');
      const locator = readAt(this.fd, 20, endPosition - 20);
      if (locator.readUInt32LE(0) !== 0x07064b50) throw new ZipFormatError('malformed', 'no ZIP64 locator');
      const zip64 = readAt(this.fd, 56, Number(locator.readBigUInt64LE(8)));
      if (zip64.readUInt32LE(0) !== 0x06064b50) throw new ZipFormatError('malformed', 'bad ZIP64 end record');
      count = Number(zip64.readBigUInt64LE(32));
      size = Number(zip64.readBigUInt64LE(40));
      start = Number(zip64.readBigUInt64LE(48));
    }
    if (start + size > endPosition) throw new ZipFormatError('truncated', 'central directory out of the file');
    const directory = readAt(this.fd, size, start);
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50) throw new ZipFormatError('malformed', `entry ${i}`);
      const method = directory.readUInt16LE(at + 10);
      const crc = directory.readUInt32LE(at + 16);
      let compressed = directory.readUInt32LE(at + 20);
      let entrySize = directory.readUInt32LE(at + 24);
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      let offset = directory.readUInt32LE(at + 42);
      const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
      let extra = at + 46 + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = directory.readUInt16LE(extra);
        const length = directory.readUInt16LE(extra + 2);
        if (id === 0x0001) {
          let field = extra + 4;
          const next = () => {
            const value = Number(directory.readBigUInt64LE(field));
            field += 8;
            return value;
          };
          if (entrySize === MAX32) entrySize = next();
          if (compressed === MAX32) compressed = next();
          if (offset === MAX32) offset = next();
        }
        extra += 4 + length;
      }
      if (method !== 0 || compressed !== entrySize) throw new ZipFormatError('malformed', `${name}: not a stored entry`);
      const local = readAt(this.fd, 30, offset);
      if (local.readUInt32LE(0) !== 0x04034b50) throw new ZipFormatError('malformed', `${name}: no local header`);
      const dataStart = offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      if (dataStart + entrySize > start) throw new ZipFormatError('truncated', `${name}: data out of the file`);
      this.entries.set(name, { name, crc, size: entrySize, offset, dataStart });
      at = extraEnd + commentLength;
    }
  }

  /** The whole entry (for small ones: the manifest). */
  readBytes(name: string): Buffer {
    const entry = this.entries.get(name);
    if (!entry) throw new ZipFormatError('malformed', `no entry ${name}`);
    return readAt(this.fd, entry.size, entry.dataStart);
  }

  /**
   * Streams an entry's bytes to `sink` in chunks and answers its SHA-256; the CRC-32 is checked too.
   * `sink` may be asynchronous (it is awaited between chunks, which lets the event loop breathe).
   */
  async streamEntry(name: string, sink: (chunk: Buffer) => void | Promise<void>): Promise<string> {
    const entry = this.entries.get(name);
    if (!entry) throw new ZipFormatError('malformed', `no entry ${name}`);
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(ZIP_CHUNK);
    let crc = 0;
    let done = 0;
    while (done < entry.size) {
      const read = readSync(this.fd, buffer, 0, Math.min(ZIP_CHUNK, entry.size - done), entry.dataStart + done);
      if (read === 0) throw new ZipFormatError('truncated', `${name}: ended early`);
      const chunk = buffer.subarray(0, read);
      hash.update(chunk);
      crc = crc32(chunk, crc);
      await sink(chunk);
      done += read;
    }
    if (crc >>> 0 !== entry.crc >>> 0) throw new ZipFormatError('checksum', `${name}: CRC mismatch`, name);
    return hash.digest('hex');
  }
}
