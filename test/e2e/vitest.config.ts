/**
 * End-to-end tests: the same spec files drive real Electron (where its binary exists) or the web
 * host + headless Chromium (this machine, CI). Run after `npm run build` — `npm run test:e2e`.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: resolve(import.meta.dirname, '../..'),
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    globalSetup: ['test/e2e/globalSetup.ts'],
  },
});
