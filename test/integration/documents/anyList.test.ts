/**
 * documents.printList ("any list") end to end: the plaque ledger's filtered list with chosen
 * columns, read back with poppler; addresses masked for a clerk, whole for an administrator;
 * the filter in words, 内部资料 and the serial at the foot; register and audit rows; cancel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../support/tempCore';
import { userSession } from '../attachments/client';
import { household, loadVillages, TOWNSHIP, VILLAGE, VILLAGE2 } from '../plaques/fixtures';
import type { Session } from '../../../electron/core';
import { documentFile, documentFiles, expectSubsetFonts, pdfInfo, pdfText } from './pdfCheck';

let t: Awaited<ReturnType<typeof makeSetUpCore>>;
let clerk: Session;
beforeAll(async () => {
  t = await makeSetUpCore();
  clerk = await userSession(t, t.admin, 'clerk');
  loadVillages(t);
  await t.ok('settings.update', { issuingAuthority: '惠民县退役军人事务局' }, t.admin);
  for (const [name, village] of [['张光明', VILLAGE], ['李秀兰', VILLAGE], ['孙团结', VILLAGE2]] as const) {
    const h = await household(t, t.admin, name, village, name === '张光明' ? 'martyr_family' : 'veteran');
    await t.ok('plaques.make', { householdId: h.id }, t.admin);
  }
});
afterAll(() => t.dispose());

const print = async (s: Session, columns: string[], filter: Record<string, unknown> = { divisionCode: TOWNSHIP }) =>
  t.core.jobs.wait((await t.ok('documents.printList', { list: 'plaques', filter, columns } as never, s)).jobId);

describe('any list: the plaque ledger', () => {
  it('prints the filtered list with the chosen columns, addresses masked for a clerk', async () => {
    const job = await print(clerk, ['headName', 'address', 'category'], { divisionCode: TOWNSHIP, category: 'veteran', query: '' });
    expect(job).toMatchObject({ status: 'done', result: { serial: 'LB2026-000001', records: 2, pages: 1 } });
    const file = documentFile(t.dataDir, 'LB2026-000001');
    const text = pdfText(file);
    for (const s of ['光荣牌登记名单', '筛选条件：区划：山东省滨州市惠民县测试新镇；视图：全部；类别：退役军', '人家庭共2条', '户主', '门牌地址', '类别', '李秀兰', '孙团结', '胜利****', '内部资料编号：LB2026-000001', '第1页共1页']) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('张光明');
    expect(text).not.toContain('胜利街1号');
    expect(text).not.toContain('光荣牌编号');
    expectSubsetFonts(file);
    expect(pdfInfo(file)).toEqual({ pages: 1, size: expect.stringMatching(/^595\.2\d* x 841\.8\d* pts \(A4\)/) });
    const row = (await t.ok('documents.list', { kind: 'list' }, clerk)).rows[0]!;
    expect(row).toMatchObject({ serial: 'LB2026-000001', records: 2, names: '李秀兰、孙团结' });
    expect((await t.ok('audit.list', { entity: 'issued_document', entityId: String(row.id) }, t.admin)).entries[0]).toMatchObject({
      action: 'issue',
      username: 'clerk',
      after: { kind: 'list', subject: { list: 'plaques', columns: ['headName', 'address', 'category'], masked: true } },
    });
  });

  it('shows addresses whole to an administrator, landscape with many columns', async () => {
    const job = await print(t.admin, ['headName', 'division', 'address', 'plaqueNumber', 'category', 'qualifying', 'status']);
    const file = documentFile(t.dataDir, (job.result as { serial: string }).serial);
    const text = pdfText(file);
    for (const s of ['张光明', '胜利街1号', '烈士遗属', '已制作', '幸福村', '团结村']) expect(text).toContain(s);
    expect(pdfInfo(file).size).toMatch(/^841\.8\d* x 595\.2\d* pts/);
    const audit = await t.ok('audit.list', { entity: 'issued_document', entityId: String((job.result as { documentId: number }).documentId) }, t.admin);
    expect(audit.entries[0]).toMatchObject({ after: { subject: { masked: false } } });
  });

  it('refuses an unknown column and an empty list, and a cancelled job leaves nothing', async () => {
    expect(await t.core.call('documents.printList', { list: 'plaques', filter: {}, columns: ['idNumber'] } as never, clerk)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const files = documentFiles(t.dataDir).length;
    const registered = (await t.ok('documents.list', {}, t.admin)).count;
    expect(await print(clerk, ['headName'], { divisionCode: VILLAGE2, view: 'hung' })).toMatchObject({ status: 'failed', error: { code: 'VALIDATION' } });
    const { jobId } = await t.ok('documents.printList', { list: 'plaques', filter: { divisionCode: TOWNSHIP }, columns: ['headName'] }, clerk);
    await t.ok('jobs.cancel', { id: jobId }, clerk);
    expect((await t.core.jobs.wait(jobId)).status).toMatch(/cancelled|done/);
    const after = (await t.ok('documents.list', {}, t.admin)).count;
    // Cancelled before the register row: no file, no row (a job that finished first registered both).
    expect(documentFiles(t.dataDir).length - files).toBe(after - registered);
  });
});
