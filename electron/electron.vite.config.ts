/**
 * Build of the three parts into out/: out/main (the shell's main process, the job worker and the
 * web host), out/preload (the sandboxed preload, CommonJS as sandboxing requires) and
 * out/renderer (the React UI). Run from the repository root: `npm run build`.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = resolve(import.meta.dirname, '..');

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main.ts'),
          'job-worker': resolve(root, 'electron/job-worker.ts'),
          'web-host': resolve(root, 'electron/web-host.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: true,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      chunkSizeWarningLimit: 4000,
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
