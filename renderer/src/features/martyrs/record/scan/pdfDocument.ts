/**
 * PDF scans, shown with pdf.js (sharp's libvips has no PDF loader, so the backend makes no page
 * images of PDFs). The bytes come only through the contract: `attachments.original` answers byte
 * ranges of ≤ 4 MiB, which pdf.js asks for through a PDFDataRangeTransport — a 300 MB register is
 * never read whole, only the parts the shown page needs. Nothing is fetched from outside the app:
 * the worker is bundled by Vite, the character maps, standard fonts and the JPEG 2000 decoder are
 * copied into the build (`pdfjs/`, see electron/electron.vite.config.ts).
 *
 * Under the app's CSP (scripts 'self', no eval, no WebAssembly): `isEvalSupported: false` and
 * `useWasm: false` make pdf.js use its plain-JavaScript decoders (JBIG2, CCITT fax, JPEG 2000).
 *
 * Loaded lazily (import()) by usePageImage, so the roll never pays for pdf.js until a PDF is shown.
 */
import { getDocument, PDFDataRangeTransport, type PDFDocumentLoadingTask, type PDFDocumentProxy } from 'pdfjs-dist';
import { pdfjsOptions } from '../../../../lib/pdfjs';
import type { Client } from '../../../../client';
import { PdfError, pdfProblemOf, readRange } from './pdfBytes';

export { pdfProblemOf } from './pdfBytes';


/** pdf.js asks for the file in pieces of this size (a scanned page is typically 0.3–2 MB). */
const RANGE_CHUNK = 1024 * 1024;
/** Documents kept open (the record's file and the one before it, for "save and next"). */
const KEEP_OPEN = 2;

class AttachmentRanges extends PDFDataRangeTransport {
  failure: PdfError | null = null;
  task: PDFDocumentLoadingTask | null = null;

  constructor(
    private readonly client: Client,
    private readonly id: number,
    size: number,
    initial: Uint8Array,
  ) {
    super(size, initial);
  }

  override requestDataRange(begin: number, end: number): void {
    readRange(this.client, this.id, begin, end).then(
      (bytes) => this.onDataRange(begin, bytes),
      (error: unknown) => {
        // pdf.js would wait for the range forever: stop the document, and say why.
        this.failure = error instanceof PdfError ? error : new PdfError({ kind: 'damaged' });
        void this.task?.destroy();
      },
    );
  }
}

interface OpenPdf {
  doc: Promise<PDFDocumentProxy>;
  /** Set once the first bytes have arrived: says why a range could not be read. */
  ranges: AttachmentRanges | null;
}

const open = new Map<number, OpenPdf>();


async function load(client: Client, id: number, size: number, entry: OpenPdf): Promise<PDFDocumentProxy> {
  const initial = await readRange(client, id, 0, Math.min(size, RANGE_CHUNK));
  const ranges = new AttachmentRanges(client, id, size, initial);
  entry.ranges = ranges;
  const task = getDocument({
    range: ranges,
    length: size,
    rangeChunkSize: RANGE_CHUNK,
    disableAutoFetch: true,
    disableStream: true,
    ...pdfjsOptions(),
  });
  ranges.task = task;
  try {
    return await task.promise;
  } catch (error) {
    throw ranges.failure ?? new PdfError(pdfProblemOf(error, null));
  }
}

/** The PDF attachment `id` of `size` bytes, opened once and kept while it is one of the last KEEP_OPEN used. */
export function openPdf(client: Client, id: number, size: number): Promise<PDFDocumentProxy> {
  const known = open.get(id);
  if (known) {
    open.delete(id);
    open.set(id, known);
    return known.doc;
  }
  const entry: OpenPdf = { doc: Promise.resolve(null as never), ranges: null };
  const doc = load(client, id, size, entry);
  entry.doc = doc;
  open.set(id, entry);
  // A document that failed to open is forgotten (the next look tries again).
  doc.catch(() => {
    if (open.get(id) === entry) open.delete(id);
  });
  while (open.size > KEEP_OPEN) {
    const [oldest, evicted] = open.entries().next().value!;
    open.delete(oldest);
    void evicted.doc.then((d) => d.destroy(), () => undefined);
  }
  return doc;
}

export interface RenderedPdfPage {
  url: string;
  width: number;
  height: number;
}

/**
 * Page `page` (1-based) drawn `width` pixels wide on white, as a JPEG object URL (the caller
 * revokes it). The page's own /Rotate is applied, as a reader would show it.
 */
export async function renderPdfPage(client: Client, id: number, size: number, page: number, width: number): Promise<RenderedPdfPage> {
  const doc = await openPdf(client, id, size);
  if (page < 1 || page > doc.numPages) throw new PdfError({ kind: 'page', page });
  const failure = () => open.get(id)?.ranges?.failure ?? null;
  try {
    const pdfPage = await doc.getPage(page);
    const natural = pdfPage.getViewport({ scale: 1 });
    const viewport = pdfPage.getViewport({ scale: width / natural.width });
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(viewport.width));
    canvas.height = Math.max(1, Math.round(viewport.height));
    try {
      await pdfPage.render({ canvas, viewport, background: '#ffffff' }).promise;
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
      if (!blob) throw new PdfError({ kind: 'page', page });
      return { url: URL.createObjectURL(blob), width: canvas.width, height: canvas.height };
    } finally {
      pdfPage.cleanup();
      canvas.width = 0;
      canvas.height = 0;
    }
  } catch (error) {
    throw failure() ?? new PdfError(pdfProblemOf(error, page));
  }
}
