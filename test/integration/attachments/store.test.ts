/** Storing uploads: content-addressed files, checks by content, one row per content, audit. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../electron/core';
import { makeSetUpCore } from '../../support/tempCore';
import { upload, uploadAndStore, userSession } from './client';
import { bombPng, makeJpeg, makePng, makeTiff, minimalPdf, objectStreamPdf, sha256, truncate } from './files';

let t: Awaited<ReturnType<typeof makeSetUpCore>>;
let clerk: Session;

beforeAll(async () => {
  t = await makeSetUpCore();
  clerk = await userSession(t, t.admin, 'clerk');
});
afterAll(() => t.dispose());

const blob = (sha: string) => join(t.dataDir, 'attachments', sha.slice(0, 2), sha.slice(2, 4), sha);

describe('storing by content', () => {
  it('stores a JPEG at attachments/ab/cd/<sha256> with its metadata, its audit row and a thumbnail', async () => {
    const jpeg = await makeJpeg(640, 480);
    const reply = await uploadAndStore(t, clerk, '烈士证明书.jpg', jpeg);
    if (!reply.ok) throw new Error(reply.error.message.en);
    const { attachment, duplicate } = reply.value;
    expect(duplicate).toBe(false);
    expect(attachment).toMatchObject({ sha256: sha256(jpeg), size: jpeg.length, mime: 'image/jpeg', pages: 1, width: 640, height: 480, originalName: '烈士证明书.jpg', createdBy: 'clerk 用户' });
    expect(readFileSync(blob(attachment.sha256)).equals(jpeg)).toBe(true);
    expect(existsSync(join(t.dataDir, 'derivatives', attachment.sha256, 'p1-w200.jpg'))).toBe(true);
    expect(await t.ok('attachments.get', { id: attachment.id }, clerk)).toEqual(attachment);
    const audit = await t.ok('audit.list', { entity: 'attachment', entityId: String(attachment.id) }, t.admin);
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({ action: 'create', username: 'clerk', after: { sha256: attachment.sha256, originalName: '烈士证明书.jpg', mime: 'image/jpeg' } });
    // The upload is gone once stored; the blob is not (hard link or copy).
    expect(readFileSync(blob(attachment.sha256)).length).toBe(jpeg.length);
  });

  it('stores identical content once: a second upload answers the same attachment', async () => {
    const png = await makePng(321, 123, '#123456');
    const first = await uploadAndStore(t, clerk, '第一次.png', png);
    const second = await uploadAndStore(t, t.admin, '第二次.png', png);
    expect(first).toMatchObject({ ok: true, value: { duplicate: false, attachment: { mime: 'image/png', width: 321, height: 123, originalName: '第一次.png' } } });
    expect(second).toMatchObject({ ok: true, value: { duplicate: true } });
    if (!first.ok || !second.ok) return;
    expect(second.value.attachment.id).toBe(first.value.attachment.id);
    const audit = await t.ok('audit.list', { entity: 'attachment', entityId: String(first.value.attachment.id) }, t.admin);
    expect(audit.total).toBe(1);
  });

  it('stores a 3-page TIFF with its page count', async () => {
    const tiff = await makeTiff(['#ff0000', '#00ff00', '#0000ff']);
    const reply = await uploadAndStore(t, clerk, 'register-1982.tif', tiff);
    expect(reply).toMatchObject({ ok: true, value: { attachment: { mime: 'image/tiff', pages: 3, width: 300, height: 400 } } });
  });

  it('stores PDFs and counts their pages, plain or in compressed object streams', async () => {
    const plain = await uploadAndStore(t, clerk, 'letters.pdf', minimalPdf(2));
    expect(plain).toMatchObject({ ok: true, value: { attachment: { mime: 'application/pdf', pages: 2, width: null, height: null } } });
    const packed = await uploadAndStore(t, clerk, 'roll-1.5.pdf', objectStreamPdf(7));
    expect(packed).toMatchObject({ ok: true, value: { attachment: { mime: 'application/pdf', pages: 7 } } });
  });

  it('goes by content, not the name: a PNG named .jpg is stored as a PNG', async () => {
    const reply = await uploadAndStore(t, clerk, 'photo.jpg', await makePng(50, 60, '#654321'));
    expect(reply).toMatchObject({ ok: true, value: { attachment: { mime: 'image/png', originalName: 'photo.jpg', width: 50, height: 60 } } });
  });
});

describe('refusing files that cannot be shown', () => {
  const refusal = async (name: string, bytes: Buffer) => {
    const reply = await uploadAndStore(t, clerk, name, bytes);
    expect(reply.ok).toBe(false);
    if (reply.ok) throw new Error('stored');
    expect(reply.error.code).toBe('BAD_FILE');
    expect(reply.error.message.zh).toContain(`“${name}”`);
    expect(reply.error.message.en).toContain(`“${name}”`);
    expect(reply.error.message.zh).toContain('未保存');
    return reply.error.message;
  };

  it('refuses a truncated JPEG', async () => {
    const message = await refusal('cut.jpg', truncate(await makeJpeg(800, 600), 0.5));
    expect(message.en).toMatch(/incomplete or damaged/);
  });

  it('refuses a truncated PNG', async () => {
    const noisy = await (await import('sharp')).default({ create: { width: 400, height: 400, channels: 3, background: '#888', noise: { type: 'gaussian', mean: 128, sigma: 50 } } }).png().toBuffer();
    const message = await refusal('cut.png', truncate(noisy, 0.7));
    expect(message.en).toMatch(/incomplete or damaged|cannot be read/);
  });

  it('refuses a truncated multi-page TIFF, naming the page', async () => {
    const tiff = await makeTiff(['#ff0000', '#00ff00', '#0000ff'], { compression: 'none' });
    const message = await refusal('cut.tif', truncate(tiff, 0.8));
    expect(message.zh).toMatch(/损坏的 TIFF.*第 3 页/);
    expect(message.en).toMatch(/damaged TIFF.*page 3/);
  });

  it('refuses a text file renamed .jpg, saying what it looks like', async () => {
    const message = await refusal('名单.jpg', Buffer.from('张三,男,1920\n李四,男,1921\n', 'utf8'));
    expect(message.zh).toContain('文本文件');
    expect(message.en).toContain('not a JPEG, PNG, TIFF or PDF');
  });

  it('refuses a file whose header lies about its type', async () => {
    const png = await makePng(100, 100);
    const liar = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), png]); // a JPEG marker in front of a PNG
    await refusal('liar.jpg', liar);
  });

  it('refuses a decompression bomb (a PNG claiming 100000 × 100000 pixels) before decoding it', async () => {
    const bomb = bombPng();
    expect(bomb.length).toBeLessThan(1000);
    const started = performance.now();
    const message = await refusal('bomb.png', bomb);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(message.zh).toContain('100000 × 100000');
    expect(message.en).toContain('decompression bomb');
  });

  it('refuses a truncated PDF and one whose page tree cannot be read', async () => {
    const cut = await refusal('cut.pdf', truncate(minimalPdf(3), 0.7));
    expect(cut.en).toContain('incomplete PDF');
    const junk = await refusal('junk.pdf', Buffer.from('%PDF-1.4\nnothing here at all\n%%EOF\n', 'latin1'));
    expect(junk.en).toContain('cannot be parsed');
  });

  it('writes nothing for a refused file', async () => {
    const before = (await t.ok('audit.list', { entity: 'attachment' }, t.admin)).total;
    await refusal('again.jpg', Buffer.from('plain words'));
    expect((await t.ok('audit.list', { entity: 'attachment' }, t.admin)).total).toBe(before);
  });

  it('refuses to store an upload that was not finished', async () => {
    const { uploadId } = await t.ok('uploads.begin', { fileName: 'half.png', size: 100 }, clerk);
    expect(await t.core.call('attachments.store', { uploadId }, clerk)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: { en: expect.stringContaining('not been finished') } } });
  });
});

describe('the stored file is the one row names', () => {
  it('keeps the upload’s bytes identical in the blob, and the blob is not an open temp file', async () => {
    const jpeg = await makeJpeg(100, 100, '#00aa00');
    const uploadId = await upload(t, clerk, 'green.jpg', jpeg);
    const stored = await t.ok('attachments.store', { uploadId }, clerk);
    const stats = statSync(blob(stored.attachment.sha256));
    expect(stats.size).toBe(jpeg.length);
    expect(existsSync(join(t.dataDir, 'tmp', 'uploads', `${uploadId}.part`))).toBe(false);
    expect(await t.core.call('attachments.store', { uploadId }, clerk)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
