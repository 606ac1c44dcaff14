/**
 * Sends a file to the backend: uploads.begin → uploads.chunk (4 MiB at a time, base64) →
 * uploads.finish (the SHA-256 of the whole file); `uploadScan` then stores it (attachments.store:
 * the backend checks the type by content and stores identical files once). Any failure cancels the
 * upload. `uploadFile` is the sending part alone (the shared spreadsheet import uses it); scans,
 * signed ledgers and delivery photos of every feature go through `uploadScan`.
 */
import type { ApiError, Result } from '../../../shared/contract';
import { MAX_CHUNK_BYTES, MAX_UPLOAD_BYTES, type Attachment } from '../../../shared/contract/attachments';
import type { Client } from '../client';

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

const tooLarge: ApiError = {
  code: 'BAD_FILE',
  message: { zh: `文件过大（超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB）。`, en: `The file is too large (over ${MAX_UPLOAD_BYTES / 1024 / 1024} MB).` },
};

/**
 * Sends a file in chunks (uploads.begin → uploads.chunk × n → uploads.finish) and answers its upload
 * id; `share` is the part of the progress bar the sending takes (the rest is left to what follows).
 */
export async function uploadFile(client: Client, file: File, onProgress: (fraction: number) => void, share = 1): Promise<Result<{ uploadId: string }>> {
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, error: tooLarge };
  const begin = await client.call('uploads.begin', { fileName: file.name || 'file', size: file.size, mime: file.type || undefined });
  if (!begin.ok) return begin;
  const uploadId = begin.value.uploadId;
  const fail = async (error: ApiError): Promise<Result<{ uploadId: string }>> => {
    await client.call('uploads.cancel', { uploadId });
    return { ok: false, error };
  };
  for (let offset = 0; offset < file.size; offset += MAX_CHUNK_BYTES) {
    const bytes = new Uint8Array(await file.slice(offset, offset + MAX_CHUNK_BYTES).arrayBuffer());
    const sent = await client.call('uploads.chunk', { uploadId, offset, dataBase64: base64(bytes) });
    if (!sent.ok) return fail(sent.error);
    onProgress(Math.min(1, (offset + bytes.length) / Math.max(1, file.size)) * share);
  }
  const finished = await client.call('uploads.finish', { uploadId, sha256: await sha256Hex(file) });
  if (!finished.ok) return fail(finished.error);
  onProgress(share);
  return { ok: true, value: { uploadId } };
}

export async function uploadScan(client: Client, file: File, onProgress: (fraction: number) => void): Promise<Result<Attachment>> {
  const sent = await uploadFile(client, file, onProgress, 0.9);
  if (!sent.ok) return sent;
  const uploadId = sent.value.uploadId;
  const stored = await client.call('attachments.store', { uploadId });
  if (!stored.ok) {
    await client.call('uploads.cancel', { uploadId });
    return { ok: false, error: stored.error };
  }
  onProgress(1);
  return { ok: true, value: stored.value.attachment };
}
