/** Migration 0006, the link table (a source's scans, each with its pages), and verifyAttachment. */
import { plainVault } from '../../../electron/core/crypto/vault';
import { appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAttachment } from '../../../electron/core/attachments/blobs';
import { attachmentOwners, linkAttachment, listLinkedAttachments, unlinkAttachment } from '../../../electron/core/db/attachments';
import { currentVersion } from '../../../electron/core/db/migrate';
import { makeSetUpCore } from '../../support/tempCore';
import { uploadAndStore } from './client';
import { makeJpeg, makeTiff } from './files';

let t: Awaited<ReturnType<typeof makeSetUpCore>>;
beforeAll(async () => {
  t = await makeSetUpCore();
});
afterAll(() => t.dispose());

async function stored(name: string, bytes: Buffer) {
  const reply = await uploadAndStore(t, t.admin, name, bytes);
  if (!reply.ok) throw new Error(reply.error.message.en);
  return reply.value.attachment;
}

describe('0006 attachments', () => {
  it('creates the tables, one row per content, and indexes links by owner', () => {
    const db = t.core.db;
    expect(currentVersion(db)).toBeGreaterThanOrEqual(6);
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'attachment%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['attachments', 'attachment_links', 'attachment_links_owner', 'attachment_links_attachment']));
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT * FROM attachment_links WHERE owner_kind = 'source' AND owner_id = 1 ORDER BY position").all() as { detail: string }[]).map((r) => r.detail).join(' ');
    expect(plan).toContain('attachment_links_owner');
    expect(() => db.prepare("INSERT INTO attachments (sha256, size, mime, pages, original_name, created_at) VALUES (?, 0, 'image/png', 1, 'x', 'now')").run('0'.repeat(64))).toThrow(/CHECK/);
  });
});

describe('links: a source has many scans, each with pages', () => {
  it('lists an owner’s attachments in order with their page counts', async () => {
    const register = await stored('register.tif', await makeTiff(['#101010', '#202020', '#303030']));
    const certificate = await stored('certificate.jpg', await makeJpeg(200, 300));
    const source = { kind: 'source' as const, id: 41 };
    const at = '2026-11-23T09:00:00.000Z';
    t.core.db.transaction(() => {
      expect(linkAttachment(t.core.db, source, register.id, { label: '第1–3页', at, by: null })).toMatchObject({ inserted: true });
      linkAttachment(t.core.db, source, certificate.id, { at, by: null });
      expect(linkAttachment(t.core.db, source, register.id, { at, by: null })).toMatchObject({ inserted: false });
      linkAttachment(t.core.db, { kind: 'martyr', id: 7 }, certificate.id, { at, by: null });
    })();
    const list = listLinkedAttachments(t.core.db, source);
    expect(list.map((l) => [l.position, l.label, l.attachment.originalName, l.attachment.pages])).toEqual([
      [1, '第1–3页', 'register.tif', 3],
      [2, '', 'certificate.jpg', 1],
    ]);
    expect(attachmentOwners(t.core.db, certificate.id)).toEqual([source, { kind: 'martyr', id: 7 }]);
    expect(unlinkAttachment(t.core.db, source, register.id)).toBe(true);
    expect(listLinkedAttachments(t.core.db, source).map((l) => l.attachment.id)).toEqual([certificate.id]);
  });
});

describe('verifyAttachment', () => {
  it('says a stored file is whole, damaged or missing', async () => {
    const a = await stored('verify.jpg', await makeJpeg(64, 64, '#445566'));
    const path = join(t.dataDir, 'attachments', a.sha256.slice(0, 2), a.sha256.slice(2, 4), a.sha256);
    expect(await verifyAttachment(t.dataDir, a.sha256, plainVault)).toEqual({ ok: true, problem: null, size: a.size });
    appendFileSync(path, 'x');
    expect(await verifyAttachment(t.dataDir, a.sha256, plainVault)).toEqual({ ok: false, problem: 'mismatch', size: a.size + 1 });
    rmSync(path);
    expect(await verifyAttachment(t.dataDir, a.sha256, plainVault)).toEqual({ ok: false, problem: 'missing', size: null });
    await expect(verifyAttachment(t.dataDir, '../../etc/passwd', plainVault)).rejects.toThrow(/not a sha256/);
  });

  it('restores a missing blob when the same content is stored again', async () => {
    const bytes = await makeJpeg(70, 70, '#665544');
    const a = await stored('again.jpg', bytes);
    rmSync(join(t.dataDir, 'attachments', a.sha256.slice(0, 2), a.sha256.slice(2, 4), a.sha256));
    const reply = await uploadAndStore(t, t.admin, 'again-2.jpg', bytes);
    expect(reply).toMatchObject({ ok: true, value: { duplicate: true, attachment: { id: a.id } } });
    expect(await verifyAttachment(t.dataDir, a.sha256, plainVault)).toMatchObject({ ok: true });
  });
});
