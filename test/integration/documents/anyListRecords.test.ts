/**
 * documents.printList ("any list") for the roll, the award register and the good-news letters:
 * the same filter the screen's list method takes, every row of it, the chosen columns in the
 * chosen order, read back with poppler. The roll prints in the list's own order (stroke order of
 * the surname); the letters' family address and phone print masked for a clerk and whole for an
 * administrator; the filter is said in words; an empty list writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskAddress, maskPhone } from '../../../shared/rules/privacy';
import type { Session } from '../../../electron/core';
import { classId, honorsCore, LI, type Honors } from '../honors/support';
import { documentFile, expectSubsetFonts, pdfInfo, pdfText } from './pdfCheck';

let h: Honors;
const family = { familyName: '李建国', familyRelation: '父亲', familyAddress: '山东省惠民县胡集镇李家村 12 号', familyPhone: '13812345678' };

beforeAll(async () => {
  h = await honorsCore();
  await h.ok('settings.update', { issuingAuthority: '惠民县退役军人事务局' }, h.admin);
  // Entered out of stroke order: 张 (7 strokes), 王 (4), 刘 (6).
  for (const m of [
    { name: '张思德', gender: 'male', deathDate: '1944年9月5日', deathPlaceText: '陕西省安塞县', unitAndPost: '中央警备团战士' },
    { name: '王二小', gender: 'male', deathDate: '1942年10月25日', deathPlaceText: '河北省涞源县狼牙口', unitAndPost: '晋察冀边区儿童团团员' },
    { name: '刘胡兰', gender: 'female', deathDate: '1947年1月12日', deathPlaceText: '山西省文水县云周西村', unitAndPost: '文水县第五区妇女救国会秘书' },
  ] as const) {
    await h.ok('martyrs.create', m, h.clerk);
  }
  const second = await classId(h, '二等功');
  const third = await classId(h, '三等功');
  const a = await h.ok('awards.create', { recipient: LI, classId: second, authority: '东部战区', orderNo: '东战政〔2026〕12号', awardDate: '2026-10-08', soldierUnit: '某旅某连' }, h.clerk);
  await h.ok('awards.create', { recipient: { ...LI, name: '赵卫国', idNumber: '' }, classId: third, authority: '某集团军', orderNo: '某政〔2026〕3号', awardDate: '2025-08-01' }, h.clerk);
  await h.ok('letters.create', { awardId: a.id, receivedOn: '2026-11-20', ...family }, h.clerk);
});
afterAll(() => h.dispose());

async function print(s: Session, request: Record<string, unknown>): Promise<{ serial: string; records: number; text: string; file: string }> {
  const job = await h.core.jobs.wait((await h.ok('documents.printList', request as never, s)).jobId);
  expect(job.status).toBe('done');
  const { serial, records } = job.result as { serial: string; records: number };
  const file = documentFile(h.dataDir, serial);
  return { serial, records, text: pdfText(file), file };
}

describe('any list: the roll', () => {
  it('prints the filtered roll in its own order with the chosen columns', async () => {
    const all = await print(h.clerk, { list: 'martyrs', filter: { sort: 'strokeSurname' }, columns: ['name', 'death', 'deathPlace', 'unitAndPost'] });
    expect(all.records).toBe(3);
    const { text } = all;
    for (const s of ['烈士名录', '排序：姓氏笔画', '姓名', '牺牲时间', '牺牲地点', '生前所在单位及职务', '1942年10月25日', '山西省文水县云周西村', '内部资料', '第1页共1页']) expect(text).toContain(s);
    expect(text).not.toContain('性别');
    // 王 (4 strokes) before 刘 (6) before 张 (7), as the roll lists them.
    expect(text.indexOf('王二小')).toBeLessThan(text.indexOf('刘胡兰'));
    expect(text.indexOf('刘胡兰')).toBeLessThan(text.indexOf('张思德'));
    expectSubsetFonts(all.file);
    expect(pdfInfo(all.file).size).toMatch(/\(A4\)/);

    const one = await print(h.clerk, { list: 'martyrs', filter: { query: '刘胡兰', sort: 'strokeSurname' }, columns: ['name', 'gender'] });
    expect(one.records).toBe(1);
    expect(one.text).toContain('关键词：刘胡兰');
    expect(one.text).toContain('女');
    expect(one.text).not.toContain('王二小');
    const row = (await h.ok('documents.list', { kind: 'list', limit: 1 }, h.clerk)).rows[0]!;
    expect(row).toMatchObject({ serial: one.serial, records: 1, names: '刘胡兰' });
  });

  it('an empty filter writes nothing and says so', async () => {
    const { jobId } = await h.ok('documents.printList', { list: 'martyrs', filter: { query: '没有这个人' }, columns: ['name'] }, h.clerk);
    expect(await h.core.jobs.wait(jobId)).toMatchObject({ status: 'failed', error: { code: 'VALIDATION' } });
  });
});

describe('any list: the award register', () => {
  it('prints the awards of a class with its name in the title and the letter’s state', async () => {
    const third = await print(h.clerk, { list: 'awards', filter: { classId: await classId(h, '三等功') }, columns: ['recipient', 'className', 'orderNo', 'awardDate', 'letterStatus'] });
    expect(third.records).toBe(1);
    for (const s of ['三等功奖励登记名单', '类别：三等功', '赵卫国', '某政〔2026〕3号', '2025年8月1日']) expect(third.text).toContain(s);
    expect(third.text).not.toContain('李明');
    const all = await print(h.clerk, { list: 'awards', filter: {}, columns: ['recipient', 'className', 'letterStatus'] });
    expect(all.records).toBe(2);
    expect(all.text).toContain('李明');
    expect(all.text).toContain('二等功');
  });
});

describe('any list: the good-news letters', () => {
  it('masks the family’s address and phone for a clerk and prints them whole for an administrator', async () => {
    const columns = ['recipient', 'family', 'relation', 'address', 'phone', 'deliverers', 'status', 'deadline'];
    const clerk = await print(h.clerk, { list: 'letters', filter: { due: 'open' }, columns });
    expect(clerk.records).toBe(1);
    const squash = (s: string) => s.replace(/\s+/g, '');
    for (const s of ['未送达喜报名单', '期限：未送达', '李明', '李建国', '父亲', squash(maskAddress(family.familyAddress)), maskPhone(family.familyPhone), '县（区）退役军人事务局']) expect(clerk.text).toContain(s);
    expect(clerk.text).not.toContain('13812345678');
    expect(clerk.text).not.toContain('李家村12号');
    const audit = await h.ok('audit.list', { entity: 'issued_document', entityId: String((await h.ok('documents.list', { kind: 'list', limit: 1 }, h.admin)).rows[0]!.id) }, h.admin);
    expect(audit.entries[0]).toMatchObject({ after: { subject: { list: 'letters', masked: true } } });

    const admin = await print(h.admin, { list: 'letters', filter: {}, columns });
    expect(admin.text).toContain('13812345678');
    expect(admin.text).toContain('李家村12号');
    // Eight columns turn the page.
    expect(pdfInfo(documentFile(h.dataDir, admin.serial)).size).toMatch(/^841\.8\d* x 595\.2\d* pts/);
  });

  it('an overdue filter with no overdue letter writes nothing', async () => {
    const { jobId } = await h.ok('documents.printList', { list: 'letters', filter: { due: 'overdue' }, columns: ['recipient'] }, h.clerk);
    expect(await h.core.jobs.wait(jobId)).toMatchObject({ status: 'failed', error: { code: 'VALIDATION' } });
  });
});
