/**
 * One page of a scan as an image the viewer can draw: for JPEG, PNG and TIFF the backend's cached
 * JPEG (attachments.page, at a width snapped to a few sizes); for PDF the page drawn by pdf.js
 * (pdfDocument.ts, loaded only when a PDF is shown) at the same widths. Either way an object URL,
 * released when it is replaced or the viewer goes away.
 */
import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../../../../shared/contract';
import type { Attachment } from '../../../../../../shared/contract/attachments';
import type { Client } from '../../../../client';
import type { PdfProblem } from './pdfBytes';

export interface PageImage {
  /** attachment:page:width — the image on screen may be an older key while the next one loads. */
  key: string;
  url: string;
  width: number;
  height: number;
}

export type PageProblem = { kind: 'api'; error: ApiError } | PdfProblem;

function jpegUrl(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'image/jpeg' }));
}

async function loadPage(client: Client, attachment: Attachment, page: number, width: number): Promise<{ url: string; width: number; height: number } | PageProblem> {
  if (attachment.mime === 'application/pdf') {
    const pdf = await import('./pdfDocument');
    try {
      return await pdf.renderPdfPage(client, attachment.id, attachment.size, page, width);
    } catch (error) {
      return pdf.pdfProblemOf(error, page);
    }
  }
  const r = await client.call('attachments.page', { id: attachment.id, page, width });
  if (!r.ok) return { kind: 'api', error: r.error };
  return { url: jpegUrl(r.value.dataBase64), width: r.value.width, height: r.value.height };
}

export function usePageImage(client: Client, attachment: Attachment | null, page: number, width: number) {
  const key = attachment ? `${attachment.id}:${page}:${width}` : '';
  const [image, setImage] = useState<PageImage | null>(null);
  const [problem, setProblem] = useState<{ key: string; problem: PageProblem } | null>(null);

  useEffect(() => {
    if (!attachment || page > attachment.pages) return;
    let live = true;
    void loadPage(client, attachment, page, width).then((loaded) => {
      if (!live) {
        if ('url' in loaded) URL.revokeObjectURL(loaded.url);
        return;
      }
      if ('kind' in loaded) return setProblem({ key, problem: loaded });
      setProblem(null);
      setImage({ key, ...loaded });
    });
    return () => {
      live = false;
    };
  }, [client, attachment, page, width, key]);

  // The object URL on screen is released when it is replaced or the viewer goes away.
  const shownUrl = useRef<string | null>(null);
  useEffect(() => {
    const previous = shownUrl.current;
    shownUrl.current = image?.url ?? null;
    if (previous && previous !== shownUrl.current) URL.revokeObjectURL(previous);
  }, [image]);
  useEffect(
    () => () => {
      if (shownUrl.current) URL.revokeObjectURL(shownUrl.current);
    },
    [],
  );

  return { key, image, problem: problem?.key === key ? problem.problem : null };
}
