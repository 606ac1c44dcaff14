/**
 * pdf.js as the app uses it: its bundled worker (CSP `worker-src 'self'`), no eval, no WASM, no
 * fetching by the worker, no XFA; its character maps and standard fonts from the app's own files.
 * For a scan read by ranges and for a whole document alike.
 */
import { GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

const assetUrl = (path: string) => new URL(path, document.baseURI).href;

/** The options every getDocument call of the app takes. */
export function pdfjsOptions() {
  return {
    isEvalSupported: false,
    useWasm: false,
    useWorkerFetch: false,
    enableXfa: false,
    cMapUrl: assetUrl('pdfjs/cmaps/'),
    cMapPacked: true,
    standardFontDataUrl: assetUrl('pdfjs/standard_fonts/'),
    wasmUrl: assetUrl('pdfjs/wasm/'),
    verbosity: 0,
  };
}
