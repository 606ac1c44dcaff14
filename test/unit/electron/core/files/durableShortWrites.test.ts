/**
 * write(2) may take fewer bytes than asked (a disk filling up takes what fits, then answers
 * ENOSPC on the next call). writeFileDurably once wrote once and renamed whatever had gone in: a
 * PDF cut short got its name and its register row (test/integration/faults/diskFull.test.ts
 * caught it on a real full disk). Here every write takes at most 1,000 bytes.
 */
import type * as Fs from 'node:fs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof Fs>();
  const writeSync = (fd: number, buffer: Uint8Array, offset = 0, length = buffer.length - offset, position?: number | null) => fs.writeSync(fd, buffer, offset, Math.min(length, 1000), position);
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const { writeFileDurably } = await import('../../../../../electron/core/files/durable');
const { tempDir } = await import('../../../../support/tempCore');

describe('writeFileDurably with short writes', () => {
  it('writes every byte before the file gets its name', () => {
    const target = join(tempDir('durable-short-'), 'doc.pdf');
    const bytes = Buffer.alloc(25_000, 7);
    bytes.write('%%EOF', bytes.length - 5, 'latin1');
    writeFileDurably(target, bytes);
    expect(readFileSync(target).equals(bytes)).toBe(true);
  });
});
