/**
 * An award's files (the order document, photos): sent the way the award screen sends them (the
 * renderer's uploadScan over its typed client: uploads.begin → chunk → finish → attachments.store),
 * then linked with awards.attach, listed, taken off with awards.detach, each change audited; an
 * empty or foreign file is refused in Chinese and English and leaves nothing behind.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../electron/core';
import type { MethodName } from '../../../shared/contract';
import { createClient, type Client } from '../../../renderer/src/client';
import { uploadScan } from '../../../renderer/src/lib/upload';
import { makePng, minimalPdf } from '../attachments/files';
import { classId, honorsCore, LI, type Honors } from './support';

let h: Honors | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

/** The renderer's client, answered by the core for one signed-in session (what IPC or the web host do). */
function clientFor(t: Honors, session: Session): Client {
  return createClient({ call: (method, input) => t.core.call(method as MethodName, input as never, session), on: () => () => {} }, 'http');
}

/** Every file under a folder of the data directory (missing folder: none). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

const stored = (t: Honors) => ({
  rows: (t.core.db.prepare('SELECT count(*) AS n FROM attachments').get() as { n: number }).n,
  links: (t.core.db.prepare("SELECT count(*) AS n FROM attachment_links WHERE owner_kind = 'award'").get() as { n: number }).n,
  blobs: filesUnder(join(t.dataDir, 'attachments')).length,
  uploads: filesUnder(join(t.dataDir, 'tmp', 'uploads')).length,
});

/** A browser File of these bytes (as the file input gives it). */
const fileOf = (bytes: Uint8Array, name: string, type = '') => new File([new Uint8Array(bytes)], name, { type });

async function newAward(t: Honors) {
  return t.ok('awards.create', { recipient: LI, classId: await classId(t, '二等功'), orderNo: '东战政〔2026〕12号' }, t.clerk);
}

describe('award attachments', () => {
  it('attaches a PNG photo and a PDF order sent through the upload path, lists them, detaches one, with audit rows', async () => {
    h = await honorsCore();
    const award = await newAward(h);
    const client = clientFor(h, h.clerk);
    const photo = await uploadScan(client, fileOf(await makePng(64, 48), '授奖照片.png', 'image/png'), () => {});
    const order = await uploadScan(client, fileOf(minimalPdf(1), '通令.pdf', 'application/pdf'), () => {});
    if (!photo.ok || !order.ok) throw new Error('upload refused');
    expect(photo.value).toMatchObject({ mime: 'image/png', width: 64, height: 48, originalName: '授奖照片.png' });
    expect(order.value).toMatchObject({ mime: 'application/pdf', pages: 1 });

    const attached = await h.ok('awards.attach', { awardId: award.id, attachmentIds: [order.value.id, photo.value.id], label: '通令及照片' }, h.clerk);
    expect(attached.attachments.map((a) => [a.attachment.originalName, a.label])).toEqual([
      ['通令.pdf', '通令及照片'],
      ['授奖照片.png', '通令及照片'],
    ]);
    expect(attached.version).toBe(award.version + 1);
    // Everyone signed in sees them with the award.
    const seen = await h.ok('awards.get', { id: award.id }, h.readonly);
    expect(seen.attachments.map((a) => a.attachment.id)).toEqual([order.value.id, photo.value.id]);

    const detached = await h.ok('awards.detach', { awardId: award.id, attachmentId: photo.value.id }, h.clerk);
    expect(detached.attachments.map((a) => a.attachment.id)).toEqual([order.value.id]);
    // The file itself stays stored (content-addressed, it may be linked elsewhere); only the link goes.
    expect(stored(h)).toMatchObject({ rows: 2, links: 1, blobs: 2, uploads: 0 });

    const audit = (await h.ok('audit.list', { entity: 'award', entityId: String(award.id) }, h.admin)).entries;
    expect(audit.map((e) => [e.action, e.username])).toEqual([
      ['detach', 'clerk'],
      ['attach', 'clerk'],
      ['create', 'clerk'],
    ]);
    expect(audit[1]!.after).toEqual({ attachmentIds: [order.value.id, photo.value.id], label: '通令及照片' });
    expect(audit[0]).toMatchObject({ before: { attachmentId: photo.value.id }, after: { removed: true } });
  });

  it('refuses an empty file and a file that is not an image or PDF, in Chinese and English, storing nothing', async () => {
    h = await honorsCore();
    const award = await newAward(h);
    const client = clientFor(h, h.clerk);
    const before = stored(h);
    const audits = (await h.ok('audit.list', { entity: 'award' }, h.admin)).total;

    const empty = await uploadScan(client, fileOf(new Uint8Array(0), '空白.png', 'image/png'), () => {});
    expect(empty).toMatchObject({ ok: false, error: { code: 'BAD_FILE', message: { zh: expect.stringContaining('是空的（0 字节），未保存'), en: expect.stringContaining('is empty (0 bytes)') } } });

    const text = fileOf(Buffer.from('东部战区政治工作部通令\n荣立二等功一次\n', 'utf8'), '通令.pdf', 'application/pdf');
    const foreign = await uploadScan(client, text, () => {});
    expect(foreign).toMatchObject({ ok: false, error: { code: 'BAD_FILE', message: { zh: expect.stringMatching(/“通令\.pdf”.*文本文件.*未保存/s), en: expect.stringMatching(/“通令\.pdf”.*text file.*Nothing was saved/s) } } });

    // Nothing stored, no upload left half-way, the award unchanged and no audit row.
    expect(stored(h)).toEqual(before);
    const after = await h.ok('awards.get', { id: award.id }, h.clerk);
    expect(after).toMatchObject({ version: award.version, attachments: [] });
    expect((await h.ok('audit.list', { entity: 'award' }, h.admin)).total).toBe(audits);
  });

  it('a read-only user may not attach or detach, and an unknown file or award is refused without a link', async () => {
    h = await honorsCore();
    const award = await newAward(h);
    const png = await uploadScan(clientFor(h, h.clerk), fileOf(await makePng(32, 32), 'p.png'), () => {});
    if (!png.ok) throw new Error('upload refused');
    expect(await h.core.call('awards.attach', { awardId: award.id, attachmentIds: [png.value.id] }, h.readonly)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.core.call('awards.attach', { awardId: award.id, attachmentIds: [png.value.id, 9999] }, h.clerk)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: { zh: expect.stringContaining('附件 9999') } } });
    expect(await h.core.call('awards.attach', { awardId: 9999, attachmentIds: [png.value.id] }, h.clerk)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await h.core.call('awards.attach', { awardId: award.id, attachmentIds: [] }, h.clerk)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await h.ok('awards.attach', { awardId: award.id, attachmentIds: [png.value.id] }, h.clerk);
    expect(await h.core.call('awards.detach', { awardId: award.id, attachmentId: png.value.id }, h.readonly)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(stored(h).links).toBe(1);
  });
});
