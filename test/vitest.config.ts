/**
 * Unit and integration tests (vitest, Node). End-to-end tests are separate: test/e2e/run.mjs.
 * Integration tests use a real SQLite file in a temp folder (test/support/tempCore.ts).
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const root = resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
