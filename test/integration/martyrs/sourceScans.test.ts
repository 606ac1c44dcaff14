import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../support/tempCore';
import { upload } from '../attachments/client';
import { minimalPdf } from '../attachments/files';

let t: Awaited<ReturnType<typeof makeSetUpCore>>;
beforeAll(async () => {
  t = await makeSetUpCore();
});
afterAll(() => t.dispose());

const page = (shade: number) => sharp({ create: { width: 600, height: 840, channels: 3, background: { r: shade, g: shade, b: shade } } }).jpeg().toBuffer();

describe('a source’s scans', () => {
  it('are attached in order, listed with their pages, and a record points at one of them', async () => {
    const source = await t.ok('sources.create', { kind: 'printed_roll', title: '1982年油印本英名录' }, t.admin);
    const stored = [];
    for (const shade of [240, 220, 200]) {
      const uploadId = await upload(t, t.admin, `p${shade}.jpg`, await page(shade));
      stored.push((await t.ok('attachments.store', { uploadId }, t.admin)).attachment);
    }
    const scans = await t.ok('sources.attachScans', { sourceId: source.id, attachmentIds: stored.map((a) => a.id) }, t.admin);
    expect(scans.map((s) => s.attachment.id)).toEqual(stored.map((a) => a.id));
    expect(scans.map((s) => s.position)).toEqual([1, 2, 3]);
    // Attaching again changes nothing.
    expect(await t.ok('sources.attachScans', { sourceId: source.id, attachmentIds: [stored[0]!.id] }, t.admin)).toHaveLength(3);
    const m = await t.ok('martyrs.create', { name: '张德胜', sourceId: source.id, sourcePage: '2', scanAttachmentId: stored[1]!.id, scanPage: 1, scanRegion: { x: 0.1, y: 0.2, w: 0.8, h: 0.1 } }, t.admin);
    expect(m).toMatchObject({ scanAttachmentId: stored[1]!.id, scanPage: 1, scanRegion: { x: 0.1, y: 0.2, w: 0.8, h: 0.1 } });
    const image = await t.ok('attachments.page', { id: m.scanAttachmentId!, page: 1, width: 400 }, t.admin);
    expect(image).toMatchObject({ mime: 'image/jpeg', width: 400 });
    expect(await t.ok('sources.detachScan', { sourceId: source.id, attachmentId: stored[2]!.id }, t.admin)).toEqual({ removed: true });
    expect(await t.ok('sources.scans', { sourceId: source.id }, t.admin)).toHaveLength(2);
  });

  it('a record points at page 2 of a PDF scan and a region on it; a PDF is read back in byte ranges', async () => {
    const source = await t.ok('sources.create', { kind: 'register', title: '县烈士登记册（PDF）' }, t.admin);
    const pdf = minimalPdf(2);
    const { attachment } = await t.ok('attachments.store', { uploadId: await upload(t, t.admin, 'register.pdf', pdf) }, t.admin);
    expect(attachment).toMatchObject({ mime: 'application/pdf', pages: 2, width: null });
    await t.ok('sources.attachScans', { sourceId: source.id, attachmentIds: [attachment.id] }, t.admin);
    const region = { x: 0.25, y: 0.4, w: 0.5, h: 0.05 };
    const m = await t.ok('martyrs.create', { name: '李大山', sourceId: source.id, scanAttachmentId: attachment.id, scanPage: 2, scanRegion: region }, t.admin);
    expect(await t.ok('martyrs.get', { id: m.id }, t.admin)).toMatchObject({ scanAttachmentId: attachment.id, scanPage: 2, scanRegion: region });
    // What the viewer does: the bytes in ranges, put together again.
    const head = await t.ok('attachments.original', { id: attachment.id, offset: 0, length: 100 }, t.admin);
    const tail = await t.ok('attachments.original', { id: attachment.id, offset: 100, length: 4 * 1024 * 1024 }, t.admin);
    expect(head).toMatchObject({ size: pdf.length, offset: 0, length: 100, mime: 'application/pdf' });
    expect(Buffer.concat([Buffer.from(head.dataBase64, 'base64'), Buffer.from(tail.dataBase64, 'base64')])).toEqual(pdf);
  });

  it('refuses a region outside the page or empty, a region without a scan, a missing scan and a page the scan does not have', async () => {
    const { attachment } = await t.ok('attachments.store', { uploadId: await upload(t, t.admin, 'three.pdf', minimalPdf(3)) }, t.admin);
    const refused = async (fields: Record<string, unknown>, path: string) => {
      const result = await t.core.call('martyrs.create', { name: '王小二', ...fields }, t.admin);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.issues?.map((i) => i.path)).toContain(path);
    };
    const on = { scanAttachmentId: attachment.id, scanPage: 3 };
    await refused({ ...on, scanRegion: { x: 0.8, y: 0.1, w: 0.5, h: 0.1 } }, 'scanRegion');
    await refused({ ...on, scanRegion: { x: 0.1, y: 0.95, w: 0.5, h: 0.1 } }, 'scanRegion');
    await refused({ ...on, scanRegion: { x: 0.1, y: 0.1, w: 0, h: 0.1 } }, 'scanRegion.w');
    await refused({ scanRegion: { x: 0.1, y: 0.1, w: 0.2, h: 0.1 } }, 'scanRegion');
    await refused({ scanAttachmentId: 999_999, scanPage: 1 }, 'scanAttachmentId');
    await refused({ scanAttachmentId: attachment.id, scanPage: 4 }, 'scanPage');
    // The edge of the page is inside it.
    const edge = await t.ok('martyrs.create', { name: '王小二', ...on, scanRegion: { x: 0.5, y: 0.9, w: 0.5, h: 0.1 } }, t.admin);
    expect(edge.scanRegion).toEqual({ x: 0.5, y: 0.9, w: 0.5, h: 0.1 });
  });
});
