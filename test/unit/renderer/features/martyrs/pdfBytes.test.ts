import { describe, expect, it } from 'vitest';
import type { Client } from '../../../../../renderer/src/client';
import { PdfError, pdfProblemOf, readRange } from '../../../../../renderer/src/features/martyrs/record/scan/pdfBytes';
import { MAX_CHUNK_BYTES } from '../../../../../shared/contract/attachments';

/** A client whose attachments.original serves `file`, at most `cap` bytes an answer, and counts the calls. */
function fakeClient(file: Uint8Array, cap = MAX_CHUNK_BYTES) {
  const asked: { offset: number; length: number }[] = [];
  const client = {
    async call(method: string, input: { id: number; offset: number; length: number }) {
      if (method !== 'attachments.original') throw new Error(method);
      asked.push({ offset: input.offset, length: input.length });
      if (input.id !== 7) return { ok: false, error: { code: 'NOT_FOUND', message: { zh: '附件不存在。', en: 'No such attachment.' } } };
      const bytes = file.subarray(input.offset, input.offset + Math.min(cap, input.length));
      return { ok: true, value: { mime: 'application/pdf', size: file.length, offset: input.offset, length: bytes.length, dataBase64: Buffer.from(bytes).toString('base64'), sha256: '', originalName: 'a.pdf' } };
    },
  } as unknown as Client;
  return { client, asked };
}

describe('PDF bytes through attachments.original', () => {
  const file = new Uint8Array(10 * 1024 * 1024 + 123);
  for (let i = 0; i < file.length; i++) file[i] = (i * 31) % 251;

  it('reads a range in pieces the contract allows, and puts them together', async () => {
    const { client, asked } = fakeClient(file);
    const begin = 1024 * 1024;
    const end = file.length;
    const bytes = await readRange(client, 7, begin, end);
    // (Buffer.equals: a deep toEqual of 9 MB takes minutes.)
    expect(bytes.length).toBe(end - begin);
    expect(Buffer.from(bytes).equals(Buffer.from(file.subarray(begin, end)))).toBe(true);
    expect(asked.every((a) => a.length <= MAX_CHUNK_BYTES)).toBe(true);
    expect(asked.map((a) => a.offset)).toEqual([begin, begin + MAX_CHUNK_BYTES, begin + 2 * MAX_CHUNK_BYTES]);
  });

  it('goes on from where a shorter answer stopped', async () => {
    const { client, asked } = fakeClient(file, 1000);
    expect(await readRange(client, 7, 500, 3200)).toEqual(file.subarray(500, 3200));
    expect(asked.map((a) => a.offset)).toEqual([500, 1500, 2500]);
  });

  it('turns a refused read into the backend’s reason, and a file shorter than said into “damaged”', async () => {
    const { client } = fakeClient(file);
    await expect(readRange(client, 8, 0, 10)).rejects.toMatchObject({ problem: { kind: 'read', error: { code: 'NOT_FOUND' } } });
    await expect(readRange(client, 7, file.length - 5, file.length + 100)).rejects.toMatchObject({ problem: { kind: 'damaged' } });
  });
});

describe('what pdf.js’s failures tell the archivist', () => {
  const named = (name: string) => Object.assign(new Error('x'), { name });
  it('a password, a damaged file, a damaged page', () => {
    expect(pdfProblemOf(named('PasswordException'), 2)).toEqual({ kind: 'password' });
    expect(pdfProblemOf(named('InvalidPDFException'), 2)).toEqual({ kind: 'damaged' });
    expect(pdfProblemOf(named('InvalidPDFException'), null)).toEqual({ kind: 'damaged' });
    expect(pdfProblemOf(named('UnknownErrorException'), null)).toEqual({ kind: 'damaged' });
    expect(pdfProblemOf(new Error('bad XRef'), 3)).toEqual({ kind: 'page', page: 3 });
    expect(pdfProblemOf(new PdfError({ kind: 'page', page: 5 }), 1)).toEqual({ kind: 'page', page: 5 });
  });
});
