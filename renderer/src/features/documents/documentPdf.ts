/**
 * Issued documents shown with pdf.js, as PDF scans are (martyrs/record/scan/pdfDocument.ts): the
 * bytes come only through the contract, `documents.read` in ranges of ≤ 4 MiB. A document is
 * small (≈ 1 MB per 1,000 letters), so it is read whole once and kept for the save button too.
 * Under the app's CSP: no eval, no WebAssembly; the worker, character maps and standard fonts
 * are bundled (electron/electron.vite.config.ts copies them to `pdfjs/`).
 */
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import { pdfjsOptions } from '../../lib/pdfjs';
import { DOCUMENT_CHUNK_MAX, type ApiError } from '../../../../shared/contract';
import type { Client } from '../../client';
import { downloadBytes } from '../../lib/download';


export class DocumentReadError extends Error {
  constructor(readonly error: ApiError) {
    super(error.code);
  }
}

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The whole file of document `id`, range by range. */
export async function readDocument(client: Client, id: number, part: 'pdf' | 'perRecord' = 'pdf'): Promise<{ bytes: Uint8Array; fileName: string }> {
  const first = await client.call('documents.read', { id, offset: 0, length: DOCUMENT_CHUNK_MAX, part });
  if (!first.ok) throw new DocumentReadError(first.error);
  const bytes = new Uint8Array(first.value.size);
  bytes.set(bytesOf(first.value.dataBase64), 0);
  for (let offset = first.value.length; offset < first.value.size; ) {
    const r = await client.call('documents.read', { id, offset, length: DOCUMENT_CHUNK_MAX, part });
    if (!r.ok) throw new DocumentReadError(r.error);
    if (r.value.length === 0) break;
    bytes.set(bytesOf(r.value.dataBase64), offset);
    offset += r.value.length;
  }
  return { bytes, fileName: first.value.fileName };
}


export function openPdfBytes(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // pdf.js takes ownership of (detaches) the buffer it is given: give it a copy.
  return getDocument({
    data: bytes.slice(),
    ...pdfjsOptions(),
  }).promise;
}

/**
 * Draws page `page` (1-based) of `doc`, `width` CSS pixels wide (sharp on high-DPI screens), into
 * a canvas of its own, and only then copies it onto `target`: the page on screen is never half
 * drawn or blank while the next one renders, and two renders never share a canvas. Aborting
 * (`signal`) cancels pdf.js's render and leaves `target` as it was. Resolves once `target` shows
 * the page.
 */
export async function drawPage(doc: PDFDocumentProxy, page: number, target: HTMLCanvasElement, width: number, signal?: AbortSignal): Promise<void> {
  const pdfPage = await doc.getPage(page);
  const scratch = document.createElement('canvas');
  try {
    signal?.throwIfAborted();
    const natural = pdfPage.getViewport({ scale: 1 });
    const ratio = window.devicePixelRatio || 1;
    const viewport = pdfPage.getViewport({ scale: (width * ratio) / natural.width });
    scratch.width = Math.max(1, Math.round(viewport.width));
    scratch.height = Math.max(1, Math.round(viewport.height));
    const task = pdfPage.render({ canvas: scratch, viewport, background: '#ffffff' });
    const cancel = () => task.cancel();
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      await task.promise;
    } finally {
      signal?.removeEventListener('abort', cancel);
    }
    signal?.throwIfAborted();
    target.width = scratch.width;
    target.height = scratch.height;
    target.style.width = `${Math.round(viewport.width / ratio)}px`;
    target.style.height = `${Math.round(viewport.height / ratio)}px`;
    target.getContext('2d')!.drawImage(scratch, 0, 0);
  } finally {
    pdfPage.cleanup();
    scratch.width = 0;
    scratch.height = 0;
  }
}

/** Whether `error` is only the end of a render that was no longer wanted. */
export function isCancelledRender(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'RenderingCancelledException');
}

/** Saves the PDF through the browser's download (the Electron shell asks where). */
export function saveBytes(fileName: string, bytes: Uint8Array): void {
  downloadBytes(fileName, bytes, 'application/pdf');
}
