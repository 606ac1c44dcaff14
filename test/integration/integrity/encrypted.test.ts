/**
 * The full integrity check of an encrypted installation: the database checked through the
 * worker's keyed connection, each sealed file re-hashed by its plain bytes (its name), and a sealed
 * file that does not open — one byte changed, cut short, or sealed with another key — reported as
 * altered with the records that use it.
 */
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobPath } from '../../../electron/core/attachments/paths';
import { seal, fileIsSealed } from '../../../electron/core/crypto/sealed';
import { makeSetUpCore } from '../../support/tempCore';
import { newDataKey } from '../../support/encryptedFolder';
import { makeJpeg } from '../attachments/files';
import { jobEnd, seedHeldFiles } from './support';

const key = newDataKey().key;
let t: Awaited<ReturnType<typeof makeSetUpCore>>;
let held: Awaited<ReturnType<typeof seedHeldFiles>>;
beforeAll(async () => {
  // A running clock: the status's last check is the newest by its finish time.
  t = await makeSetUpCore({ dataKey: key, clock: () => new Date() });
  held = await seedHeldFiles(t, t.admin);
});
afterAll(() => t.dispose());

async function checkNow() {
  const { jobId } = await t.ok('integrity.check', {}, t.admin);
  const job = await jobEnd(t, t.admin, jobId);
  expect(job.status, JSON.stringify(job.error)).toBe('done');
  const last = (await t.ok('integrity.status', {}, t.admin)).last!;
  expect(last.jobId).toBe(jobId);
  const { problems } = await t.ok('integrity.problems', { checkId: last.id }, t.admin);
  return { last, problems };
}

describe('the integrity check of an encrypted installation', () => {
  it('passes clean sealed data, counting the plain bytes', async () => {
    for (const a of [held.page1, held.page2, held.order, held.loose]) expect(fileIsSealed(blobPath(t.dataDir, a.sha256))).toBe(true);
    const { last, problems } = await checkNow();
    expect(last).toMatchObject({ outcome: 'ok', databaseMessages: [], filesChecked: 4, missing: 0, altered: 0 });
    expect(last.bytesChecked).toBe([held.page1, held.page2, held.order, held.loose].reduce((sum, a) => sum + a.size, 0));
    expect(problems).toEqual([]);
  });

  it('reports a sealed file with a changed byte, one cut short and one sealed with another key as altered, with their records', async () => {
    const flipped = blobPath(t.dataDir, held.order.sha256);
    const bytes = readFileSync(flipped);
    bytes[bytes.length - 40] = bytes[bytes.length - 40]! ^ 0x01;
    writeFileSync(flipped, bytes);
    const cut = blobPath(t.dataDir, held.page2.sha256);
    truncateSync(cut, readFileSync(cut).length - 100);
    // The right plain bytes, sealed with a key that is not this installation's.
    const foreign = blobPath(t.dataDir, held.page1.sha256);
    writeFileSync(foreign, seal(newDataKey().key, await makeJpeg(320, 240, '#eeeeee')));

    const { last, problems } = await checkNow();
    expect(last).toMatchObject({ outcome: 'problems', filesChecked: 4, missing: 0, altered: 3, databaseMessages: [] });
    const byId = new Map(problems.map((p) => [p.attachmentId, p]));
    expect(byId.get(held.order.id)).toMatchObject({ kind: 'altered', records: [{ kind: 'award', id: held.award.id, label: '李明' }] });
    expect(byId.get(held.page2.id)).toMatchObject({ kind: 'altered', recordsTotal: 2 });
    expect(byId.get(held.page1.id)).toMatchObject({ kind: 'altered', records: [{ kind: 'source', id: held.source.id, label: '县烈士登记册（1956）' }] });
    // The viewer says the file is damaged rather than showing anything.
    expect(await t.core.call('attachments.original', { id: held.order.id, offset: bytes.length - 2000, length: 100 }, t.admin)).toMatchObject({ ok: false, error: { code: 'FILE_DAMAGED' } });
  });
});
