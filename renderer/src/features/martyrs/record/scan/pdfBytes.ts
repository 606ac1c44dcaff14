/**
 * The PDF side of the scan viewer that needs no pdf.js: reading a stored file's bytes in the ranges
 * `attachments.original` allows (≤ 4 MiB an answer), and what pdf.js's failures mean for the
 * archivist. Pure apart from the client; pdfDocument.ts uses it.
 */
import type { ApiError } from '../../../../../../shared/contract';
import { MAX_CHUNK_BYTES } from '../../../../../../shared/contract/attachments';
import type { Client } from '../../../../client';

/** Why a PDF cannot be shown. */
export type PdfProblem =
  | { kind: 'password' }
  | { kind: 'damaged' }
  | { kind: 'page'; page: number }
  | { kind: 'read'; error: ApiError };

export class PdfError extends Error {
  constructor(readonly problem: PdfProblem) {
    super(problem.kind);
  }
}

/** pdf.js's exceptions → what to tell the archivist. */
export function pdfProblemOf(error: unknown, page: number | null): PdfProblem {
  if (error instanceof PdfError) return error.problem;
  const name = error instanceof Error || (typeof error === 'object' && error !== null) ? String((error as { name?: unknown }).name ?? '') : '';
  if (name === 'PasswordException') return { kind: 'password' };
  if (page !== null && name !== 'InvalidPDFException') return { kind: 'page', page };
  return { kind: 'damaged' };
}

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Bytes [begin, end) of a stored file, in ranges the contract allows. */
export async function readRange(client: Client, id: number, begin: number, end: number): Promise<Uint8Array> {
  const out = new Uint8Array(Math.max(0, end - begin));
  for (let offset = begin; offset < end; ) {
    const r = await client.call('attachments.original', { id, offset, length: Math.min(MAX_CHUNK_BYTES, end - offset) });
    if (!r.ok) throw new PdfError({ kind: 'read', error: r.error });
    if (r.value.length === 0) throw new PdfError({ kind: 'damaged' });
    out.set(bytesOf(r.value.dataBase64).subarray(0, end - offset), offset - begin);
    offset += r.value.length;
  }
  return out;
}
