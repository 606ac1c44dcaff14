import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileDurably } from '../../../../../electron/core/files/durable';
import { tempDir } from '../../../../support/tempCore';

describe('writeFileDurably', () => {
  it('replaces the file whole and leaves no temp file', () => {
    const dir = tempDir('durable-');
    const target = join(dir, 'a.pdf');
    writeFileSync(target, 'old');
    writeFileDurably(target, Buffer.from('new'));
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['a.pdf']);
  });

  it('on a failure throws, removes its temp file and leaves what was there', () => {
    const dir = tempDir('durable-');
    // A folder where the file should go: the rename fails after the bytes were written.
    const target = join(dir, 'taken');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'kept');
    expect(() => writeFileDurably(target, Buffer.from('new'))).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readFileSync(join(target, 'inside'), 'utf8')).toBe('kept');
  });
});
