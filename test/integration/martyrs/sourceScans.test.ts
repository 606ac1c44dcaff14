import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../support/tempCore';
import { upload } from '../attachments/client';

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
});
