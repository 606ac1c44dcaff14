/**
 * documents.printPlaqueLedger and documents.printIssuanceSlip end to end: a real core, the jobs
 * in their worker, the PDFs read back with poppler, the register and audit rows.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../support/tempCore';
import { userSession } from '../attachments/client';
import { household, loadVillages, TOWNSHIP, VILLAGE, VILLAGE2 } from '../plaques/fixtures';
import type { Session } from '../../../electron/core';
import { documentFile, documentFiles, expectSubsetFonts, pdfInfo, pdfText, UNCOVERED } from './pdfCheck';

let t: Awaited<ReturnType<typeof makeSetUpCore>>;
let clerk: Session;
let slipHousehold = 0;
beforeAll(async () => {
  t = await makeSetUpCore();
  clerk = await userSession(t, t.admin, 'clerk');
  loadVillages(t);
  await t.ok('settings.update', { issuingAuthority: '惠民县退役军人事务局', dateStyle: 'arabic' }, t.admin);
  for (const [i, name] of ['张光明', '李秀兰', '赵铁柱'].entries()) {
    const h = await household(t, t.admin, name, VILLAGE, i === 0 ? 'martyr_family' : 'veteran');
    let now = await t.ok('plaques.make', { householdId: h.id }, t.admin);
    now = await t.ok('plaques.issue', { id: now.plaque!.id, expectedVersion: now.plaque!.version, date: '2026-07-15' }, t.admin);
    if (i < 2) now = await t.ok('plaques.hang', { id: now.plaque!.id, expectedVersion: now.plaque!.version, date: '2026-07-20', place: '大门上方' }, t.admin);
    else await t.ok('plaques.cancel', { id: now.plaque!.id, expectedVersion: now.plaque!.version, date: '2026-08-01', note: '迁出' }, t.admin);
    if (i === 0) slipHousehold = h.id;
  }
  await household(t, t.admin, '孙团结', VILLAGE2);
});
afterAll(() => t.dispose());

describe('the plaque ledger', () => {
  it('prints the village ledger of the chosen view, registered and audited, addresses masked for a clerk', async () => {
    const { jobId } = await t.ok('documents.printPlaqueLedger', { divisionCode: VILLAGE, view: 'all' }, clerk);
    const job = await t.core.jobs.wait(jobId);
    expect(job).toMatchObject({ status: 'done', done: 3, total: 3, result: { serial: 'DJ2026-000001', pages: 1, records: 3 } });
    const file = documentFile(t.dataDir, 'DJ2026-000001');
    const text = pdfText(file);
    for (const s of ['光荣牌悬挂登记表', '测试新镇幸福村', '张光明', '李秀兰', '赵铁柱', '烈士遗属', '退役军人家庭', '371621-2026-00001', '371621-2026-00003', '2026年7月20日', '大门上方', '已取消', '户主签字', '内部资料', '编号：DJ2026-000001', '第1页共1页', '本表共3户']) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('孙团结');
    expect(text).not.toContain('胜利街1号');
    expect(text).toContain('胜利****');
    expectSubsetFonts(file);
    expect(pdfInfo(file)).toEqual({ pages: 1, size: expect.stringMatching(/^841\.8\d* x 595\.2\d* pts \(A4\)/) });

    const row = (await t.ok('documents.list', { kind: 'plaqueLedger' }, clerk)).rows[0];
    expect(row).toMatchObject({ serial: 'DJ2026-000001', kind: 'plaqueLedger', records: 3, pages: 1, names: '张光明、李秀兰、赵铁柱', createdBy: 'clerk 用户' });
    const audit = await t.ok('audit.list', { entity: 'issued_document', entityId: String(row!.id) }, t.admin);
    expect(audit.entries[0]).toMatchObject({ action: 'issue', username: 'clerk', after: { kind: 'plaqueLedger', subject: { divisionCode: VILLAGE, view: 'all', masked: true } } });
  });

  it('prints only hung households for the view "hung", a township whole for an administrator, and refuses an empty one', async () => {
    const hung = await t.core.jobs.wait((await t.ok('documents.printPlaqueLedger', { divisionCode: VILLAGE, view: 'hung' }, t.admin)).jobId);
    const text = pdfText(documentFile(t.dataDir, (hung.result as { serial: string }).serial));
    expect(text).toContain('张光明');
    expect(text).not.toContain('赵铁柱');
    expect(text).toContain('胜利街1号');
    const township = await t.core.jobs.wait((await t.ok('documents.printPlaqueLedger', { divisionCode: TOWNSHIP, view: 'all' }, t.admin)).jobId);
    expect(township).toMatchObject({ status: 'done', result: { records: 4 } });
    expect(pdfText(documentFile(t.dataDir, (township.result as { serial: string }).serial))).toContain('未制牌');
    const before = documentFiles(t.dataDir).length;
    const empty = await t.core.jobs.wait((await t.ok('documents.printPlaqueLedger', { divisionCode: VILLAGE2, view: 'hung' }, t.admin)).jobId);
    expect(empty).toMatchObject({ status: 'failed', error: { code: 'VALIDATION', message: { zh: expect.stringContaining('未生成任何文件') } } });
    expect(documentFiles(t.dataDir).length).toBe(before);
    expect(await t.core.call('documents.printPlaqueLedger', { divisionCode: VILLAGE }, t.core.openSession())).toMatchObject({ ok: false });
  });

  it('reports a character no font has by household and field, and writes nothing', async () => {
    const h = await household(t, t.admin, `钱${UNCOVERED}`, VILLAGE2);
    await t.ok('plaques.make', { householdId: h.id }, t.admin);
    const before = documentFiles(t.dataDir).length;
    const registered = (await t.ok('documents.list', {}, t.admin)).count;
    const job = await t.core.jobs.wait((await t.ok('documents.printPlaqueLedger', { divisionCode: VILLAGE2, view: 'all' }, t.admin)).jobId);
    expect(job.status).toBe('failed');
    expect(job.error?.message.zh).toContain(`户主 householder：${UNCOVERED}（U+30000）`);
    expect(documentFiles(t.dataDir).length).toBe(before);
    expect((await t.ok('documents.list', {}, t.admin)).count).toBe(registered);
  });

});

describe('the issuance slip', () => {
  it('prints the household’s slip on half an A4 sheet with its serial, registered', async () => {
    const job = await t.core.jobs.wait((await t.ok('documents.printIssuanceSlip', { householdId: slipHousehold }, clerk)).jobId);
    expect(job).toMatchObject({ status: 'done', result: { pages: 1, records: 1 } });
    const serial = (job.result as { serial: string }).serial;
    expect(serial).toMatch(/^HZ2026-000001$/);
    const file = documentFile(t.dataDir, serial);
    const text = pdfText(file);
    for (const s of ['光荣牌发放回执', `编号：${serial}`, '张光明', '烈士遗属', '371621-2026-00001', '新发', '惠民县退役军人事务局', '2026年7月15日', '测试新镇幸福村胜利****']) expect(text).toContain(s);
    expectSubsetFonts(file);
    expect(pdfInfo(file)).toEqual({ pages: 1, size: expect.stringMatching(/^595\.2\d* x 420\.9\d* pts/) });
    const row = (await t.ok('documents.list', { kind: 'issuanceSlip' }, clerk)).rows[0];
    expect(row).toMatchObject({ serial, names: '张光明', records: 1 });
    expect((await t.ok('audit.list', { entity: 'issued_document', entityId: String(row!.id) }, t.admin)).entries[0]).toMatchObject({ action: 'issue', username: 'clerk' });
  });

  it('prints onto pre-printed slips: moved by the slip profile, fields only without the title and frame; an unknown profile is refused', async () => {
    await t.ok('settings.update', { printerProfiles: { letter: {}, slip: { 回执针式: { x: 6, y: -3, scale: 1 } } } }, t.admin);
    const print = async (input: { profile?: string | null; fieldsOnly?: boolean }) => {
      const job = await t.core.jobs.wait((await t.ok('documents.printIssuanceSlip', { householdId: slipHousehold, ...input }, clerk)).jobId);
      return { job, file: job.status === 'done' ? documentFile(t.dataDir, (job.result as { serial: string }).serial) : '' };
    };
    const plain = await print({});
    const moved = await print({ profile: '回执针式' });
    const fields = await print({ profile: '回执针式', fieldsOnly: true });
    const word = (file: string, text: string) => {
      const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
      const m = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].find((w) => w[3]!.includes(text))!;
      return { x: (Number(m[1]) * 25.4) / 72, y: (Number(m[2]) * 25.4) / 72 };
    };
    expect(word(moved.file, '张光明').x - word(plain.file, '张光明').x).toBeCloseTo(6, 0);
    expect(word(moved.file, '张光明').y - word(plain.file, '张光明').y).toBeCloseTo(-3, 0);
    const text = pdfText(fields.file);
    for (const s of ['张光明', '烈士遗属', '371621-2026-00001', '新发']) expect(text).toContain(s);
    for (const s of ['光荣牌发放回执', '户　　主', '光荣牌编号']) expect(text).not.toContain(s);
    expect(word(fields.file, '张光明').x).toBeCloseTo(word(moved.file, '张光明').x, 0);
    expect(pdfInfo(fields.file).pages).toBe(1);
    expectSubsetFonts(fields.file);
    const row = (await t.ok('documents.list', { kind: 'issuanceSlip', limit: 1 }, clerk)).rows[0]!;
    expect(row.serial).toBe((fields.job.result as { serial: string }).serial);

    const registered = (await t.ok('documents.list', {}, t.admin)).count;
    const unknown = await print({ profile: '没有这台' });
    expect(unknown.job).toMatchObject({ status: 'failed', error: { code: 'VALIDATION' } });
    expect(unknown.job.error?.message.zh).toContain('没有这台');
    expect((await t.ok('documents.list', {}, t.admin)).count).toBe(registered);
  });

  it('reprints a slip the family lost: a new serial, 补印 with the original’s on the paper, the same profile and fields-only, registered as a reprint; a ledger is printed afresh instead', async () => {
    await t.ok('settings.update', { printerProfiles: { letter: {}, slip: { 回执针式: { x: 6, y: -3, scale: 1 } } } }, t.admin);
    if ((await t.ok('documents.list', { kind: 'plaqueLedger', limit: 1 }, clerk)).count === 0) {
      await t.core.jobs.wait((await t.ok('documents.printPlaqueLedger', { divisionCode: VILLAGE, view: 'all' }, clerk)).jobId);
    }
    const first = await t.core.jobs.wait((await t.ok('documents.printIssuanceSlip', { householdId: slipHousehold, profile: '回执针式', fieldsOnly: true }, clerk)).jobId);
    const original = (await t.ok('documents.list', { kind: 'issuanceSlip', limit: 1 }, clerk)).rows[0]!;
    expect(original.serial).toBe((first.result as { serial: string }).serial);
    const again = await t.core.jobs.wait((await t.ok('documents.reprint', { id: original.id }, clerk)).jobId);
    expect(again).toMatchObject({ status: 'done', result: { pages: 1, records: 1 } });
    const serial = (again.result as { serial: string }).serial;
    expect(serial).not.toBe(original.serial);
    const text = pdfText(documentFile(t.dataDir, serial)).replace(/\s+/g, '');
    expect(text).toContain(`补印原编号：${original.serial}`);
    expect(text).toContain('张光明');
    // Fields only, like the original: no title or frame wording.
    expect(text).not.toContain('光荣牌发放回执');
    const row = (await t.ok('documents.get', { id: (again.result as { documentId: number }).documentId }, clerk));
    expect(row).toMatchObject({ serial, kind: 'issuanceSlip', reprintOf: { id: original.id, serial: original.serial } });
    expect((await t.ok('audit.list', { entity: 'issued_document', entityId: String(row.id) }, t.admin)).entries[0]).toMatchObject({ action: 'reprint', username: 'clerk' });

    const ledger = (await t.ok('documents.list', { kind: 'plaqueLedger', limit: 1 }, clerk)).rows[0]!;
    expect(await t.core.call('documents.reprint', { id: ledger.id }, clerk)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: { zh: expect.stringContaining('重新打印') } } });
  });
});
