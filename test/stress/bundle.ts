/**
 * The stress child and the job worker bundled once per run (vite, as the app's own build does):
 * loading ~200 TypeScript files through tsx costs each process and each job's worker thread
 * about 3 s of CPU, the bundle under half of that, and a round starts a process and up to three
 * workers. npm packages stay external (resolved from the repository's node_modules), so the
 * bundle lives under <repo>/out/ (git-ignored) and is removed at the end of the run.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '../..');

export interface StressBundle {
  child: string;
  worker: string;
  dispose(): void;
}

export async function bundleStressChild(): Promise<StressBundle> {
  // A fresh clone has no out/ yet: the unit tests run before the app is built.
  mkdirSync(join(root, 'out'), { recursive: true });
  const outDir = mkdtempSync(join(root, 'out', 'stress-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    build: {
      ssr: true,
      outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: { child: join(root, 'test/stress/child.ts'), 'job-worker': join(root, 'electron/job-worker.ts') },
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      },
    },
  });
  return { child: join(outDir, 'child.mjs'), worker: join(outDir, 'job-worker.mjs'), dispose: () => rmSync(outDir, { recursive: true, force: true }) };
}
