/**
 * Build of the three parts into out/: out/main (the shell's main process, the job worker and the
 * web host), out/preload (the sandboxed preload, CommonJS as sandboxing requires) and
 * out/renderer (the React UI). Run from the repository root: `npm run build`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

const root = resolve(import.meta.dirname, '..');

/**
 * pdf.js reads a few files at run time, by URL, from `pdfjs/` beside index.html: the character
 * maps of CJK fonts (cmaps/), the standard 14 fonts (standard_fonts/) and its plain-JavaScript
 * JPEG 2000 decoder (wasm/openjpeg_nowasm_fallback.js; WebAssembly stays off under our CSP).
 * They are copied from the package into the build (and served from it by the dev server), so a
 * PDF never needs the network. Its worker is bundled by an ordinary `?url` import.
 */
function pdfjsAssets(): Plugin {
  const pkg = resolve(root, 'node_modules/pdfjs-dist');
  const files = (): { name: string; path: string }[] => [
    ...['cmaps', 'standard_fonts'].flatMap((dir) => readdirSync(join(pkg, dir)).map((f) => ({ name: `${dir}/${f}`, path: join(pkg, dir, f) }))),
    ...['openjpeg_nowasm_fallback.js', 'LICENSE_OPENJPEG', 'LICENSE_PDFJS_OPENJPEG'].map((f) => ({ name: `wasm/${f}`, path: join(pkg, 'wasm', f) })),
    { name: 'LICENSE', path: join(pkg, 'LICENSE') },
  ];
  return {
    name: 'guangrong-pdfjs-assets',
    configureServer(server) {
      const known = new Map(files().map((f) => [`/pdfjs/${f.name}`, f.path]));
      server.middlewares.use((req, res, next) => {
        const path = known.get((req.url ?? '').split('?')[0] ?? '');
        if (!path) return next();
        res.setHeader('content-type', path.endsWith('.js') ? 'text/javascript' : 'application/octet-stream');
        res.end(readFileSync(path));
      });
    },
    generateBundle() {
      for (const f of files()) this.emitFile({ type: 'asset', fileName: `pdfjs/${f.name}`, source: readFileSync(f.path) });
    },
  };
}

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
    plugins: [react(), pdfjsAssets()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      chunkSizeWarningLimit: 4000,
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
