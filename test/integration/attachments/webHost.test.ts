/** The same upload through the web host (HTTP + JSON), as the browser build of the renderer sends it. */
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../electron/web-host';
import { ADMIN, makeTestCore, tempDir, type TestCore } from '../../support/tempCore';
import { makeTiff, sha256 } from './files';

let t: TestCore;
let host: WebHost;
const TOKEN = 'attachments-token-0123456789';

beforeAll(async () => {
  t = makeTestCore();
  const staticDir = tempDir('guangrong-static-');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>光荣</title>');
  host = await startWebHost({ core: t.core, staticDir, port: 0, token: TOKEN });
});
afterAll(async () => {
  await host.close();
  await t.dispose();
});

interface Reply<T = unknown> {
  setCookie: string | undefined;
  body: { ok: boolean; value?: T; error?: { code: string; message: { zh: string; en: string } } };
}

function api<T = unknown>(method: string, input: unknown, cookie?: string): Promise<Reply<T>> {
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: `/api/${method}`,
        method: 'POST',
        headers: { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', 'x-guangrong-token': TOKEN, ...(cookie ? { cookie } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ setCookie: res.headers['set-cookie']?.[0]?.split(';')[0], body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Reply<T>['body'] }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('uploads over the web host', () => {
  it('carries a chunked upload, the store and the pages as JSON', async () => {
    const setup = await api('setup.createAdmin', ADMIN);
    const cookie = setup.setCookie!;
    expect(setup.body.ok).toBe(true);

    const tiff = await makeTiff(['#ff0000', '#00ff00'], { width: 1200, height: 1600, compression: 'none' });
    expect(tiff.length).toBeGreaterThan(4 * 1024 * 1024); // more than one full 4 MiB chunk
    const begun = await api<{ uploadId: string }>('uploads.begin', { fileName: '登记簿 第1册.tif', size: tiff.length, mime: 'image/tiff' }, cookie);
    const uploadId = begun.body.value!.uploadId;
    const chunk = 4 * 1024 * 1024;
    for (let offset = 0; offset < tiff.length; offset += chunk) {
      const sent = await api<{ received: number }>('uploads.chunk', { uploadId, offset, dataBase64: tiff.subarray(offset, offset + chunk).toString('base64') }, cookie);
      expect(sent.body).toEqual({ ok: true, value: { received: Math.min(offset + chunk, tiff.length) } });
    }
    const wrongOffset = await api('uploads.chunk', { uploadId, offset: 0, dataBase64: 'QQ==' }, cookie);
    expect(wrongOffset.body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: { en: expect.stringContaining(`expected offset ${tiff.length}`) } } });
    expect((await api('uploads.finish', { uploadId, sha256: sha256(tiff) }, cookie)).body).toEqual({ ok: true, value: { uploadId, size: tiff.length, sha256: sha256(tiff) } });

    const stored = await api<{ attachment: { id: number; pages: number; mime: string }; duplicate: boolean }>('attachments.store', { uploadId }, cookie);
    expect(stored.body).toMatchObject({ ok: true, value: { duplicate: false, attachment: { mime: 'image/tiff', pages: 2, width: 1200, height: 1600 } } });
    const id = stored.body.value!.attachment.id;

    const page = await api<{ dataBase64: string; width: number; height: number }>('attachments.page', { id, page: 2, width: 800 }, cookie);
    expect(page.body).toMatchObject({ ok: true, value: { mime: 'image/jpeg', width: 800, height: 1067, page: 2, pages: 2 } });
    const { data } = await sharp(Buffer.from(page.body.value!.dataBase64, 'base64')).raw().toBuffer({ resolveWithObject: true });
    expect([data[0]! < 60, data[1]! > 200]).toEqual([true, true]); // page 2 is the green one

    const original = await api<{ dataBase64: string; length: number }>('attachments.original', { id, offset: 0, length: 1024 }, cookie);
    expect(Buffer.from(original.body.value!.dataBase64, 'base64').equals(tiff.subarray(0, 1024))).toBe(true);

    // Without the session cookie the same calls are refused.
    expect((await api('attachments.get', { id })).body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
