/**
 * Unit and integration tests (vitest, Node). End-to-end tests are separate: test/e2e/run.mjs.
 * Integration tests use a real SQLite file in a temp folder (test/support/tempCore.ts).
 *
 * Speed (measured on the 2-core CI machine): most files import the whole backend (zod contract,
 * exceljs, pdfkit…), about 3 s a file when each file gets fresh modules. Files therefore share
 * their worker's module cache (`isolate: false`); each test still makes its own core, data folder
 * and database, and nothing in electron/core keeps state between cores. Files that replace a
 * module (`vi.mock`) must not share it: they are listed in ISOLATED and run with fresh modules.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const root = resolve(import.meta.dirname, '..');

const ALL = ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts'];
/** Files with vi.mock: a mocked module must neither leak into other files nor be served from the cache. */
export const ISOLATED = ['test/unit/electron/preload.test.ts', 'test/unit/electron/core/files/durableShortWrites.test.ts'];

export default defineConfig({
  root,
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'shared-modules', include: ALL, exclude: ISOLATED, isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
    ],
  },
});
