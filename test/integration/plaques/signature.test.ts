/**
 * A plaque hung without the family's signed confirmation (signed at the door, scanned back at the
 * office; or a batch round with no village ledger scanned) shows as unsigned until the scan is
 * filed with plaques.fileSignature: no change of status, an event and an audit row, once only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../support/tempCore';
import { upload, userSession } from '../attachments/client';
import { makePng } from '../attachments/files';
import { household, loadVillages, VILLAGE } from './fixtures';
import type { Session } from '../../../electron/core';

let t: Awaited<ReturnType<typeof makeSetUpCore>>;
let clerk: Session;
let readonly: Session;
beforeAll(async () => {
  t = await makeSetUpCore();
  loadVillages(t);
  clerk = await userSession(t, t.admin, 'clerk');
  readonly = await userSession(t, t.admin, 'readonly');
});
afterAll(() => t.dispose());

async function scan(name: string): Promise<number> {
  const uploadId = await upload(t, clerk, name, await makePng(400, 300, '#f4efe0'));
  return (await t.ok('attachments.store', { uploadId }, clerk)).attachment.id;
}

describe('filing the signed confirmation after the hanging', () => {
  it('a plaque hung unsigned shows unsigned on the ledger, then signed once the scan is filed', async () => {
    const h = await household(t, clerk, '钱七', VILLAGE);
    let now = await t.ok('plaques.make', { householdId: h.id }, clerk);
    const id = now.plaque!.id;

    // Not yet hung: nothing to sign.
    const early = await t.core.call('plaques.fileSignature', { id, expectedVersion: now.plaque!.version, date: '2026-07-20', signatureAttachmentId: await scan('early.png') }, clerk);
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: { zh: expect.stringContaining('只有已悬挂'), en: expect.stringContaining('Only a plaque that is hung') } } });

    now = await t.ok('plaques.issue', { id, expectedVersion: now.plaque!.version, date: '2026-07-15' }, clerk);
    now = await t.ok('plaques.hang', { id, expectedVersion: now.plaque!.version, date: '2026-07-20', place: '大门上方', signatureAttachmentId: null }, clerk);
    expect(now.plaque).toMatchObject({ status: 'hung', signatureAttachmentId: null });
    const unsigned = await t.ok('plaques.ledger', { divisionCode: VILLAGE, view: 'hung' }, clerk);
    expect(unsigned.rows.find((r) => r.householdId === h.id)).toMatchObject({ status: 'hung', signed: false });

    // A signing date before the hanging is a typing mistake.
    const scanId = await scan('钱七-签字确认.png');
    const before = await t.core.call('plaques.fileSignature', { id, expectedVersion: now.plaque!.version, date: '2026-07-19', signatureAttachmentId: scanId }, clerk);
    expect(before).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: { zh: expect.stringContaining('不能早于悬挂日期（2026-07-20）') } } });
    // A read-only user may not file it; an attachment that does not exist is refused.
    expect(await t.core.call('plaques.fileSignature', { id, expectedVersion: now.plaque!.version, date: '2026-07-22', signatureAttachmentId: scanId }, readonly)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.core.call('plaques.fileSignature', { id, expectedVersion: now.plaque!.version, date: '2026-07-22', signatureAttachmentId: 999_999 }, clerk)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.ok('households.get', { id: h.id }, clerk)).plaque).toMatchObject({ signatureAttachmentId: null, version: now.plaque!.version });

    const version = now.plaque!.version;
    now = await t.ok('plaques.fileSignature', { id, expectedVersion: version, date: '2026-07-22', signatureAttachmentId: scanId }, clerk);
    expect(now.plaque).toMatchObject({ status: 'hung', hungDate: '2026-07-20', hungPlace: '大门上方', signatureAttachmentId: scanId, version: version + 1 });
    expect(now.events[0]).toMatchObject({ action: 'sign', fromStatus: 'hung', toStatus: 'hung', date: '2026-07-22', attachmentId: scanId });
    const signed = await t.ok('plaques.ledger', { divisionCode: VILLAGE, view: 'hung' }, clerk);
    expect(signed.rows.find((r) => r.householdId === h.id)).toMatchObject({ signed: true });
    const audit = await t.ok('audit.list', { entity: 'plaque', entityId: String(id), action: 'sign' }, t.admin);
    expect(audit.entries.filter((e) => e.action === 'sign')).toHaveLength(1);

    // Once only: a second scan does not silently replace the first, nor does a stale version pass.
    const again = await t.core.call('plaques.fileSignature', { id, expectedVersion: now.plaque!.version, date: '2026-07-23', signatureAttachmentId: await scan('again.png') }, clerk);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: { zh: expect.stringContaining('已有家属签字确认') } } });
    expect(await t.core.call('plaques.fileSignature', { id, expectedVersion: version, date: '2026-07-23', signatureAttachmentId: scanId }, clerk)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await t.ok('households.get', { id: h.id }, clerk)).plaque).toMatchObject({ signatureAttachmentId: scanId });
  });
});
