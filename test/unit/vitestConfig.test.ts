/**
 * test/vitest.config.ts lets test files share their worker's modules (isolate: false). A file that
 * replaces a module with vi.mock would leak its fake into the files after it, or get the real
 * module from the cache and test nothing: every such file must be listed in ISOLATED.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISOLATED } from '../vitest.config';

const root = resolve(import.meta.dirname, '../..');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return /\.test\.tsx?$/.test(entry.name) ? [relative(root, path)] : [];
  });
}

describe('the unit and integration test configuration', () => {
  it('runs every file that mocks a module with fresh modules', () => {
    const files = [...testFiles(join(root, 'test/unit')), ...testFiles(join(root, 'test/integration'))];
    expect(files.length).toBeGreaterThan(100);
    const mocking = files.filter((file) => /\bvi\.(mock|doMock|unmock|resetModules)\(/.test(readFileSync(join(root, file), 'utf8'))).sort();
    expect(mocking).toEqual([...ISOLATED].sort());
  });
});
