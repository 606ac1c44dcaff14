/** Uploads over core.call: chunks, offsets, the hash at the end, limits, who may upload. */
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../electron/core';
import { MAX_UPLOAD_BYTES } from '../../../shared/contract/attachments';
import { makeSetUpCore } from '../../support/tempCore';
import { upload, userSession } from './client';
import { makePng, sha256 } from './files';

let t: Awaited<ReturnType<typeof makeSetUpCore>>;
let clerk: Session;
let readonly: Session;
const uploadsDir = () => join(t.dataDir, 'tmp', 'uploads');

beforeAll(async () => {
  t = await makeSetUpCore();
  clerk = await userSession(t, t.admin, 'clerk');
  readonly = await userSession(t, t.admin, 'readonly');
});
afterAll(() => t.dispose());

describe('uploads', () => {
  it('receives a file in chunks and checks its hash', async () => {
    const png = await makePng();
    const uploadId = await upload(t, clerk, '登记簿.png', png, 1000);
    expect(await t.ok('uploads.status', { uploadId }, clerk)).toEqual({ uploadId, fileName: '登记簿.png', size: png.length, received: png.length, sha256: sha256(png) });
    expect(readdirSync(uploadsDir())).toContain(`${uploadId}.part`);
  });

  it('refuses a chunk at a wrong offset and tells where to continue', async () => {
    const { uploadId } = await t.ok('uploads.begin', { fileName: 'a.png', size: 10 }, clerk);
    await t.ok('uploads.chunk', { uploadId, offset: 0, dataBase64: Buffer.from('01234').toString('base64') }, clerk);
    for (const offset of [0, 3, 7]) {
      const reply = await t.core.call('uploads.chunk', { uploadId, offset, dataBase64: Buffer.from('56789').toString('base64') }, clerk);
      expect(reply).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: { zh: expect.stringContaining('第 5 字节'), en: expect.stringContaining('expected offset 5') } } });
    }
    expect(await t.ok('uploads.chunk', { uploadId, offset: 5, dataBase64: Buffer.from('56789').toString('base64') }, clerk)).toEqual({ received: 10 });
    // Nothing more than declared.
    const extra = await t.core.call('uploads.chunk', { uploadId, offset: 10, dataBase64: 'QQ==' }, clerk);
    expect(extra).toMatchObject({ ok: false, error: { code: 'BAD_FILE' } });
  });

  it('refuses to finish an incomplete upload, and a wrong sha256 (dropping the damaged bytes)', async () => {
    const bytes = Buffer.from('0123456789');
    const { uploadId } = await t.ok('uploads.begin', { fileName: 'x.png', size: 10 }, clerk);
    await t.ok('uploads.chunk', { uploadId, offset: 0, dataBase64: bytes.subarray(0, 4).toString('base64') }, clerk);
    expect(await t.core.call('uploads.finish', { uploadId, sha256: sha256(bytes) }, clerk)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: { en: expect.stringContaining('4 of 10 bytes') } } });
    await t.ok('uploads.chunk', { uploadId, offset: 4, dataBase64: bytes.subarray(4).toString('base64') }, clerk);
    const wrong = await t.core.call('uploads.finish', { uploadId, sha256: sha256(Buffer.from('something else')) }, clerk);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'BAD_FILE', message: { zh: expect.stringContaining('“x.png”在传输中损坏'), en: expect.stringContaining('SHA-256 does not match') } } });
    expect(existsSync(join(uploadsDir(), `${uploadId}.part`))).toBe(false);
    expect(await t.core.call('uploads.status', { uploadId }, clerk)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('accepts the sha256 in upper case and refuses chunks after finishing', async () => {
    const bytes = Buffer.from('hello');
    const { uploadId } = await t.ok('uploads.begin', { fileName: 'h.txt', size: 5 }, clerk);
    await t.ok('uploads.chunk', { uploadId, offset: 0, dataBase64: bytes.toString('base64') }, clerk);
    expect(await t.ok('uploads.finish', { uploadId, sha256: sha256(bytes).toUpperCase() }, clerk)).toEqual({ uploadId, size: 5, sha256: sha256(bytes) });
    expect(await t.core.call('uploads.chunk', { uploadId, offset: 5, dataBase64: 'QQ==' }, clerk)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('refuses an empty file and one over 300 MB with a bilingual BAD_FILE', async () => {
    expect(await t.core.call('uploads.begin', { fileName: '空.jpg', size: 0 }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'BAD_FILE', message: { zh: expect.stringContaining('“空.jpg”是空的'), en: expect.stringContaining('“空.jpg” is empty') } },
    });
    expect(await t.core.call('uploads.begin', { fileName: '全册.pdf', size: MAX_UPLOAD_BYTES + 1 }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'BAD_FILE', message: { zh: expect.stringContaining('超过 300.0 MB 的上限'), en: expect.stringContaining('over the 300.0 MB limit') } },
    });
    expect(await t.core.call('uploads.begin', { fileName: 'max.pdf', size: MAX_UPLOAD_BYTES }, clerk)).toMatchObject({ ok: true });
  });

  it('refuses chunks over 4 MiB and data that is not base64 (validation)', async () => {
    const { uploadId } = await t.ok('uploads.begin', { fileName: 'big.tif', size: 10 * 1024 * 1024 }, clerk);
    const tooBig = Buffer.alloc(4 * 1024 * 1024 + 3).toString('base64');
    expect(await t.core.call('uploads.chunk', { uploadId, offset: 0, dataBase64: tooBig }, clerk)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.core.call('uploads.chunk', { uploadId, offset: 0, dataBase64: '这不是base64' }, clerk)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.core.call('uploads.chunk', { uploadId: '../../guangrong.db', offset: 0, dataBase64: 'QQ==' } as never, clerk)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.ok('uploads.chunk', { uploadId, offset: 0, dataBase64: Buffer.alloc(4 * 1024 * 1024, 1).toString('base64') }, clerk)).toEqual({ received: 4 * 1024 * 1024 });
  });

  it('keeps uploads to their owner', async () => {
    const uploadId = await upload(t, clerk, 'mine.png', await makePng());
    const other = await t.core.call('uploads.status', { uploadId }, t.admin);
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.core.call('attachments.store', { uploadId }, t.admin)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await t.ok('uploads.cancel', { uploadId }, t.admin); // not theirs: nothing happens
    expect(await t.ok('uploads.status', { uploadId }, clerk)).toMatchObject({ uploadId });
  });

  it('cancels an upload and removes its bytes', async () => {
    const uploadId = await upload(t, clerk, 'drop.png', await makePng());
    await t.ok('uploads.cancel', { uploadId }, clerk);
    expect(readdirSync(uploadsDir()).filter((n) => n.startsWith(uploadId))).toEqual([]);
    await t.ok('uploads.cancel', { uploadId }, clerk); // twice is fine
  });

  it('refuses a read-only user, and anyone signed out', async () => {
    expect(await t.core.call('uploads.begin', { fileName: 'r.png', size: 10 }, readonly)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.core.call('attachments.storeMany', { uploadIds: ['a'.repeat(22)] }, readonly)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.core.call('uploads.begin', { fileName: 'r.png', size: 10 }, t.core.openSession())).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const denied = await t.ok('audit.list', { entity: 'access', action: 'denied' }, t.admin);
    expect(denied.entries.some((e) => (e.after as { method: string }).method === 'uploads.begin')).toBe(true);
  });

  it('removes uploads untouched for more than 24 hours when the next one begins', async () => {
    const stale = await upload(t, clerk, 'old.png', await makePng());
    const fresh = await upload(t, clerk, 'new.png', await makePng(10, 10));
    const dayAgo = new Date(Date.now() - 25 * 60 * 60 * 1000);
    for (const ext of ['part', 'json']) utimesSync(join(uploadsDir(), `${stale}.${ext}`), dayAgo, dayAgo);
    writeFileSync(join(uploadsDir(), 'stray.tmp'), 'x');
    utimesSync(join(uploadsDir(), 'stray.tmp'), dayAgo, dayAgo);
    // A long upload: its description is old, but a chunk arrived recently.
    utimesSync(join(uploadsDir(), `${fresh}.json`), dayAgo, dayAgo);
    await t.ok('uploads.begin', { fileName: 'next.png', size: 1 }, clerk);
    const names = readdirSync(uploadsDir());
    expect(names.filter((n) => n.startsWith(stale) || n === 'stray.tmp')).toEqual([]);
    expect(names).toEqual(expect.arrayContaining([`${fresh}.part`, `${fresh}.json`]));
  });
});
