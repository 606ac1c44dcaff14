/**
 * Printing an issued document from its preview, the same way in the Electron shell and in a
 * browser: pdf.js draws every page to an image at print resolution, the images go into a hidden
 * frame whose @page is the document's own paper size with no margin (so a pre-printed form's
 * calibrated offsets hold: the printer gets the page as the PDF lays it out, at 100 %), and the
 * frame's print() opens the system's print dialog. Nothing leaves the machine: the images are
 * blob: URLs of this page.
 *
 * The resolution drops for long documents so memory stays bounded (a 500-page roll at 150 dpi is
 * about 80 MB of PNG); beyond PRINT_PAGES_MAX pages the user is told to save the PDF and print it
 * from a PDF reader.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';

/** More pages than this are not rasterised for printing (save the PDF instead). */
export const PRINT_PAGES_MAX = 500;

const MM_PER_PT = 25.4 / 72;

/** Dots per inch the pages are drawn at: sharp text for short documents, bounded memory for long. */
export function printDpi(pages: number): number {
  return pages <= 40 ? 300 : pages <= 150 ? 200 : 150;
}

export interface PrintProgress {
  (done: number, total: number): void;
}

/** Draws one page as a PNG blob at `dpi`, and its size in millimetres. */
async function pageImage(doc: PDFDocumentProxy, n: number, dpi: number): Promise<{ blob: Blob; widthMm: number; heightMm: number }> {
  const page = await doc.getPage(n);
  const canvas = document.createElement('canvas');
  try {
    const natural = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: dpi / 72 });
    canvas.width = Math.round(viewport.width);
    canvas.height = Math.round(viewport.height);
    await page.render({ canvas, viewport, background: '#ffffff' }).promise;
    const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas.toBlob gave nothing'))), 'image/png'));
    return { blob, widthMm: natural.width * MM_PER_PT, heightMm: natural.height * MM_PER_PT };
  } finally {
    page.cleanup();
    canvas.width = 0;
    canvas.height = 0;
  }
}

/**
 * Rasterises every page of `doc` (progress after each; `signal` cancels between pages), then
 * prints them from a hidden frame. Resolves when the print dialog has closed (or at once where
 * the platform prints without one) with the function that removes the frame and its images
 * (the caller's, once the spooler is surely done: the next print or leaving the preview); a
 * failure or cancel removes them at once.
 */
export async function printPdf(doc: PDFDocumentProxy, title: string, progress: PrintProgress, signal: AbortSignal): Promise<() => void> {
  const total = doc.numPages;
  if (total > PRINT_PAGES_MAX) throw new Error(`too many pages: ${total}`);
  const dpi = printDpi(total);
  const urls: string[] = [];
  const frame = document.createElement('iframe');
  const dispose = () => {
    frame.remove();
    for (const url of urls) URL.revokeObjectURL(url);
  };
  try {
    const sizes: { widthMm: number; heightMm: number }[] = [];
    for (let n = 1; n <= total; n++) {
      signal.throwIfAborted();
      const { blob, ...size } = await pageImage(doc, n, dpi);
      urls.push(URL.createObjectURL(blob));
      sizes.push(size);
      progress(n, total);
    }
    signal.throwIfAborted();
    const first = sizes[0] ?? { widthMm: 210, heightMm: 297 };
    frame.setAttribute('aria-hidden', 'true');
    frame.dataset.testid = 'document-print-frame';
    frame.dataset.pages = String(total);
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
    document.body.appendChild(frame);
    const d = frame.contentDocument;
    if (!d) throw new Error('the print frame has no document');
    d.open();
    d.write('<!doctype html><html><head><meta charset="utf-8"><title></title></head><body></body></html>');
    d.close();
    d.title = title;
    const style = d.createElement('style');
    style.textContent = `@page { size: ${first.widthMm.toFixed(2)}mm ${first.heightMm.toFixed(2)}mm; margin: 0 }
html, body { margin: 0; padding: 0 }
img { display: block; break-after: page; page-break-after: always }
img:last-child { break-after: auto; page-break-after: auto }`;
    d.head.appendChild(style);
    const loaded: Promise<void>[] = [];
    urls.forEach((url, i) => {
      const img = d.createElement('img');
      img.style.width = `${sizes[i]!.widthMm.toFixed(2)}mm`;
      img.style.height = `${sizes[i]!.heightMm.toFixed(2)}mm`;
      loaded.push(new Promise((resolve, reject) => {
        img.onload = () => resolve();
        img.onerror = () => reject(new Error(`page ${i + 1} did not load`));
      }));
      img.src = url;
      d.body.appendChild(img);
    });
    await Promise.all(loaded);
    signal.throwIfAborted();
    const w = frame.contentWindow;
    if (!w) throw new Error('the print frame has no window');
    w.focus();
    // print() blocks until the dialog closes in Chromium and Electron.
    w.print();
    frame.dataset.printed = 'yes';
    return dispose;
  } catch (e) {
    dispose();
    throw e;
  }
}
