/** Reading attachments back: cached JPEG pages, original bytes by range, PDFs left to pdf.js. */
import { statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment } from '../../../shared/contract/attachments';
import { derivativeStats } from '../../../electron/core/attachments/derivatives';
import { makeSetUpCore } from '../../support/tempCore';
import { upload } from './client';
import { makeA4Scan, makeJpeg, makeTiff, minimalPdf } from './files';

let t: Awaited<ReturnType<typeof makeSetUpCore>>;
beforeAll(async () => {
  t = await makeSetUpCore();
});
afterAll(() => t.dispose());

async function store(name: string, bytes: Buffer): Promise<Attachment> {
  const uploadId = await upload(t, t.admin, name, bytes, 4 * 1024 * 1024);
  return (await t.ok('attachments.store', { uploadId }, t.admin)).attachment;
}

const derivative = (a: Attachment, page: number, width: number) => join(t.dataDir, 'derivatives', a.sha256, `p${page}-w${width}.jpg`);

describe('attachments.page', () => {
  it('renders a page once and answers later calls from the cache', async () => {
    const a = await store('photo.jpg', await makeJpeg(3000, 2000));
    const before = derivativeStats.rendered;
    const first = await t.ok('attachments.page', { id: a.id, page: 1, width: 1600 }, t.admin);
    expect(first).toMatchObject({ mime: 'image/jpeg', width: 1600, height: 1067, page: 1, pages: 1 });
    expect(derivativeStats.rendered).toBe(before + 1);
    const file = derivative(a, 1, 1600);
    const past = new Date(Date.now() - 60_000);
    utimesSync(file, past, past);
    const second = await t.ok('attachments.page', { id: a.id, page: 1, width: 1500 }, t.admin); // snaps up to 1600
    expect(second.dataBase64).toBe(first.dataBase64);
    expect(derivativeStats.rendered).toBe(before + 1);
    expect(Math.abs(statSync(file).mtimeMs - past.getTime())).toBeLessThan(2);
    const decoded = await sharp(Buffer.from(first.dataBase64, 'base64')).metadata();
    expect(decoded).toMatchObject({ format: 'jpeg', width: 1600, height: 1067 });
  });

  it('snaps widths to 200…2400 and never enlarges', async () => {
    const a = await store('wide.jpg', await makeJpeg(3000, 1000, '#335577'));
    expect(await t.ok('attachments.page', { id: a.id, width: 1 }, t.admin)).toMatchObject({ width: 200 });
    expect(await t.ok('attachments.page', { id: a.id, width: 9000 }, t.admin)).toMatchObject({ width: 2400, height: 800 });
    const small = await store('small.jpg', await makeJpeg(300, 200, '#775533'));
    expect(await t.ok('attachments.page', { id: small.id, width: 1600 }, t.admin)).toMatchObject({ width: 300, height: 200 });
  });

  it('shows a phone photo upright (EXIF orientation 6: stored 400 × 300, shown 300 × 400)', async () => {
    const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#4477aa' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const a = await store('delivery.jpg', photo);
    expect(a).toMatchObject({ width: 300, height: 400 });
    expect(await t.ok('attachments.page', { id: a.id, width: 200 }, t.admin)).toMatchObject({ width: 200, height: 267 });
  });

  it('renders each page of a multi-page TIFF', async () => {
    const a = await store('three.tif', await makeTiff(['#ff0000', '#00ff00', '#0000ff']));
    for (const [page, channel] of [[1, 0], [2, 1], [3, 2]] as const) {
      const reply = await t.ok('attachments.page', { id: a.id, page, width: 200 }, t.admin);
      expect(reply).toMatchObject({ page, pages: 3, width: 200, height: 267 });
      const { data } = await sharp(Buffer.from(reply.dataBase64, 'base64')).raw().toBuffer({ resolveWithObject: true });
      expect(data[channel]).toBeGreaterThan(200);
      expect(data[(channel + 1) % 3]).toBeLessThan(60);
    }
    expect(await t.core.call('attachments.page', { id: a.id, page: 4 }, t.admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('re-renders a cached page found cut short', async () => {
    const a = await store('redo.jpg', await makeJpeg(800, 800, '#ab00cd'));
    await t.ok('attachments.page', { id: a.id, width: 400 }, t.admin);
    writeFileSync(derivative(a, 1, 400), Buffer.alloc(0));
    const before = derivativeStats.rendered;
    expect(await t.ok('attachments.page', { id: a.id, width: 400 }, t.admin)).toMatchObject({ width: 400 });
    expect(derivativeStats.rendered).toBe(before + 1);
  });

  it('turns a 300 dpi A4 TIFF scan into a 1600-wide page well under a second', async () => {
    const scan = await makeA4Scan();
    const storeStarted = performance.now();
    const a = await store('page-017.tif', scan);
    const storeMs = performance.now() - storeStarted;
    expect(a).toMatchObject({ width: 2480, height: 3508, pages: 1 });
    const started = performance.now();
    const page = await t.ok('attachments.page', { id: a.id, width: 1600 }, t.admin);
    const renderMs = performance.now() - started;
    const cachedStarted = performance.now();
    await t.ok('attachments.page', { id: a.id, width: 1600 }, t.admin);
    const cachedMs = performance.now() - cachedStarted;
    console.log(`A4 300 dpi TIFF (${(scan.length / 1e6).toFixed(1)} MB): upload+store incl. 200-wide thumbnail ${storeMs.toFixed(0)} ms, 1600-wide page ${renderMs.toFixed(0)} ms (${(page.dataBase64.length * 0.75 / 1024).toFixed(0)} KB), cached ${cachedMs.toFixed(0)} ms`);
    expect(page).toMatchObject({ width: 1600, height: 2263 });
    expect(renderMs).toBeLessThan(1000);
    expect(cachedMs).toBeLessThan(100);
  });

  it('leaves PDFs to pdf.js: page is refused with a pointer to attachments.original', async () => {
    const a = await store('letters.pdf', minimalPdf(2));
    const reply = await t.core.call('attachments.page', { id: a.id }, t.admin);
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: { en: expect.stringContaining('pdf.js') } } });
  });

  it('answers NOT_FOUND for an unknown attachment and for a blob missing from the folder', async () => {
    expect(await t.core.call('attachments.get', { id: 999_999 }, t.admin)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const a = await store('gone.jpg', await makeJpeg(50, 50, '#010203'));
    const { rmSync } = await import('node:fs');
    rmSync(join(t.dataDir, 'attachments', a.sha256.slice(0, 2), a.sha256.slice(2, 4), a.sha256));
    expect(await t.core.call('attachments.page', { id: a.id, width: 800 }, t.admin)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: { zh: expect.stringContaining('备份') } } });
    expect(await t.core.call('attachments.original', { id: a.id }, t.admin)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('attachments.original', () => {
  it('gives the stored bytes back in ranges that reassemble the file', async () => {
    const pdf = minimalPdf(5);
    const a = await store('roll.pdf', pdf);
    const parts: Buffer[] = [];
    for (let offset = 0; offset < a.size; ) {
      const range = await t.ok('attachments.original', { id: a.id, offset, length: 100 }, t.admin);
      expect(range).toMatchObject({ mime: 'application/pdf', size: pdf.length, offset, sha256: a.sha256, originalName: 'roll.pdf' });
      parts.push(Buffer.from(range.dataBase64, 'base64'));
      offset += range.length;
    }
    expect(Buffer.concat(parts).equals(pdf)).toBe(true);
    expect(await t.ok('attachments.original', { id: a.id }, t.admin)).toMatchObject({ offset: 0, length: pdf.length });
    expect(await t.core.call('attachments.original', { id: a.id, offset: pdf.length + 1 }, t.admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
