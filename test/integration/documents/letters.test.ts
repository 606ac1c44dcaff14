/**
 * documents.letters end to end: a real core on a temp data folder, the job in its worker thread,
 * the PDF read back with poppler (pdftotext, pdffonts, pdfinfo), the register and audit rows.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { unzipSync } from 'fflate';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import { classId, honorsCore, LI, type Honors, jobEnd } from '../honors/support';

let h: Honors | null = null;
afterEach(async () => {
  await h?.dispose();
  h = null;
});

/** A character of CJK Extension G that no shipped font has (U+30000). */
const UNCOVERED = String.fromCodePoint(0x30000);

const until = jobEnd;

async function awardWithLetter(t: Honors, name: string, idNumber: string, family: { familyName: string; familyRelation: string }) {
  const award = await t.ok(
    'awards.create',
    { recipient: { ...LI, name, idNumber }, classId: await classId(t, '二等功'), authority: '东部战区', orderNo: '东战政〔2026〕12号', awardDate: '2026-10-08', citation: '在演习中表现突出', soldierUnit: '某旅某连' },
    t.clerk,
  );
  await t.ok('letters.create', { awardId: award.id, receivedOn: '2026-11-23', familyAddress: '幸福村12号', familyPhone: '13812345678', ...family }, t.clerk);
  return award.id;
}

const pdf = (t: Honors, file: string) => join(t.dataDir, 'documents', file);
const documentFiles = (t: Honors) => (existsSync(join(t.dataDir, 'documents')) ? readdirSync(join(t.dataDir, 'documents')) : []);

describe('documents.letters', () => {
  it('one file per record: the whole PDF as ever, and beside it a ZIP of one PDF per letter, each its letter alone; read through documents.read and kept by a reprint', async () => {
    h = await honorsCore();
    await h.ok('settings.update', { issuingAuthority: '惠民县退役军人事务局' }, h.admin);
    const a = await awardWithLetter(h, '李明', '', { familyName: '李大山', familyRelation: '父亲' });
    const b = await awardWithLetter(h, '王秀英', '', { familyName: '王德福', familyRelation: '父亲' });
    const job = await until(h, (await h.ok('documents.printLetters', { awardIds: [a, b], output: 'perRecord' }, h.clerk)).jobId);
    expect(job).toMatchObject({ status: 'done', result: { serial: 'XB2026-000001', pages: 2, letters: 2 } });
    const id = (job.result as { documentId: number }).documentId;
    const row = await h.ok('documents.get', { id }, h.clerk);
    expect(row).toMatchObject({ fileName: 'XB2026-000001.pdf', pages: 2, perRecord: { fileName: 'XB2026-000001-单份.zip', files: 2 } });
    expect(documentFiles(h).sort()).toEqual(['XB2026-000001-单份.zip', 'XB2026-000001.pdf']);

    const read = await h.ok('documents.read', { id, part: 'perRecord' }, h.clerk);
    expect(read).toMatchObject({ fileName: 'XB2026-000001-单份.zip', size: row.perRecord!.size, sha256: row.perRecord!.sha256, offset: 0 });
    const zip = Buffer.from(read.dataBase64, 'base64');
    expect(zip.length).toBe(row.perRecord!.size);
    // Names in UTF-8, flagged so (general-purpose bit 11), so Windows and Kylin show 李明, not mojibake.
    expect(zip.readUInt16LE(6) & 0x800).toBe(0x800);
    const files = unzipSync(new Uint8Array(zip));
    expect(Object.keys(files).sort()).toEqual(['XB2026-000001-001 李明.pdf', 'XB2026-000001-002 王秀英.pdf']);
    const dir = tmpdir();
    for (const [name, bytes] of Object.entries(files)) {
      const one = join(dir, `guangrong-${process.pid}-${name}`);
      writeFileSync(one, bytes);
      const text = execFileSync('pdftotext', [one, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      expect(execFileSync('pdfinfo', [one], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
      const mine = name.includes('李明') ? ['李大山同志', 'XB2026-000001-001'] : ['王德福同志', 'XB2026-000001-002'];
      const theirs = name.includes('李明') ? '王德福' : '李大山';
      for (const s of mine) expect(text).toContain(s);
      expect(text).not.toContain(theirs);
      expect(execFileSync('pdffonts', [one], { encoding: 'utf8' }).trim().split('\n').slice(2).every((l) => /^[A-Z]{6}\+/.test(l))).toBe(true);
    }
    // A document printed as one file has no per-record part.
    const single = await until(h, (await h.ok('documents.printLetters', { awardIds: [a] }, h.clerk)).jobId);
    const singleId = (single.result as { documentId: number }).documentId;
    expect((await h.ok('documents.get', { id: singleId }, h.clerk)).perRecord).toBeNull();
    expect(await h.core.call('documents.read', { id: singleId, part: 'perRecord' }, h.clerk)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // A reprint is output the way the original was.
    const again = await until(h, (await h.ok('documents.reprint', { id }, h.clerk)).jobId);
    expect((await h.ok('documents.get', { id: (again.result as { documentId: number }).documentId }, h.clerk)).perRecord).toMatchObject({ files: 2 });
    expect(readFileSync(pdf(h, 'XB2026-000001.pdf')).length).toBe(row.size);
  });

  it('prints the letters of the chosen awards in one registered, audited PDF that reads back right', async () => {
    h = await honorsCore();
    await h.ok('settings.update', { issuingAuthority: '惠民县退役军人事务局', issuingPlace: '山东省惠民县', dateStyle: 'chinese' }, h.admin);
    const a = await awardWithLetter(h, '李明', '11010519491231002X', { familyName: '李大山', familyRelation: '父亲' });
    const b = await awardWithLetter(h, '王秀英', '', { familyName: '', familyRelation: '' });
    const { jobId } = await h.ok('documents.printLetters', { awardIds: [a, b] }, h.clerk);
    const job = await until(h, jobId);
    expect(job).toMatchObject({ status: 'done', done: 2, total: 2, result: { serial: 'XB2026-000001', pages: 2, letters: 2 } });
    const documentId = (job.result as { documentId: number }).documentId;

    const file = pdf(h, 'XB2026-000001.pdf');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, '');
    for (const expected of ['喜报', '李大山同志', '您的儿子李明同志', '某旅某连', '二等功', '王秀英同志家属', '惠民县退役军人事务局', '二〇二六年十一月二十三日', 'XB2026-000001-001', 'XB2026-000001-002']) {
      expect(text).toContain(expected);
    }
    // Letters carry no personal information of the living: no address, phone or ID number.
    for (const absent of ['幸福村', '13812345678', '11010519491231002X']) expect(text).not.toContain(absent);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).toMatch(/^[A-Z]{6}\+/); // a subset
      expect(line).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/); // embedded, subset
    }
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+2/);
    expect(info).toMatch(/Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)/);

    const list = await h.ok('documents.list', {}, h.readonly);
    expect(list.count).toBe(1);
    expect(list.rows[0]).toMatchObject({ id: documentId, serial: 'XB2026-000001', kind: 'letters', records: 2, pages: 2, names: '李明、王秀英', reprintOf: null, createdBy: 'clerk员', fileName: 'XB2026-000001.pdf' });
    const audit = await h.ok('audit.list', { entity: 'issued_document', entityId: String(documentId) }, h.admin);
    expect(audit.entries[0]).toMatchObject({ action: 'issue', username: 'clerk' });

    // The bytes by ranges, as the preview reads them.
    const head = await h.ok('documents.read', { id: documentId, offset: 0, length: 8 }, h.readonly);
    expect(Buffer.from(head.dataBase64, 'base64').toString('latin1')).toBe('%PDF-1.3'.slice(0, 8));
    expect(head).toMatchObject({ size: list.rows[0]!.size, length: 8 });

    // A reprint: a new serial, marked on the paper with the original's.
    const again = await h.ok('documents.reprint', { id: documentId }, h.clerk);
    const reprint = await until(h, again.jobId);
    expect(reprint).toMatchObject({ status: 'done', result: { serial: 'XB2026-000002' } });
    const reprintText = execFileSync('pdftotext', [pdf(h, 'XB2026-000002.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(reprintText).toContain('补印原编号：XB2026-000001-001');
    expect((await h.ok('documents.list', { limit: 1 }, h.clerk)).rows[0]).toMatchObject({ serial: 'XB2026-000002', reprintOf: { id: documentId, serial: 'XB2026-000001' } });
  });

  it('reports a character no font has by record and field, and writes nothing', async () => {
    h = await honorsCore();
    await h.ok('settings.update', { issuingAuthority: '惠民县退役军人事务局' }, h.admin);
    const ok = await awardWithLetter(h, '李明', '11010519491231002X', { familyName: '李大山', familyRelation: '父亲' });
    const bad = await awardWithLetter(h, `张${UNCOVERED}`, '', { familyName: '张大山', familyRelation: '父亲' });
    const auditBefore = (h.core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const { jobId } = await h.ok('documents.printLetters', { awardIds: [ok, bad] }, h.clerk);
    const job = await until(h, jobId);
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('VALIDATION');
    expect(job.error?.message.zh).toContain(`张${UNCOVERED}（奖励 award ${bad}） · 姓名 name：${UNCOVERED}（U+30000）`);
    expect(job.error?.message.en).toContain('nothing was produced');
    expect(job.error?.message.zh).not.toContain('李明');
    expect(documentFiles(h)).toEqual([]);
    expect((await h.ok('documents.list', {}, h.clerk)).count).toBe(0);
    expect((h.core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(auditBefore);
  });

  it('refuses an award without a live letter, and a print without an issuing authority', async () => {
    h = await honorsCore();
    const a = await awardWithLetter(h, '李明', '11010519491231002X', { familyName: '李大山', familyRelation: '父亲' });
    const noAuthority = await until(h, (await h.ok('documents.printLetters', { awardIds: [a] }, h.clerk)).jobId);
    expect(noAuthority.error?.message.zh).toContain('尚未设置发文机关');
    await h.ok('settings.update', { officeName: '惠民县退役军人事务局' }, h.admin);
    const bare = await h.ok('awards.create', { recipient: { ...LI, name: '赵四', idNumber: '' }, classId: await classId(h, '嘉奖') }, h.clerk);
    const missing = await until(h, (await h.ok('documents.printLetters', { awardIds: [a, bare.id] }, h.clerk)).jobId);
    expect(missing).toMatchObject({ status: 'failed', error: { code: 'VALIDATION' } });
    expect(missing.error?.message.zh).toContain(`奖励编号 ${bare.id}`);
    expect(documentFiles(h)).toEqual([]);
    expect(await h.core.call('documents.printLetters', { awardIds: [a, a] }, h.clerk)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await h.core.call('documents.printLetters', { awardIds: [a] }, h.readonly)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a cancelled print leaves no file, no register row, no audit row', async () => {
    h = await honorsCore();
    await h.ok('settings.update', { issuingAuthority: '惠民县退役军人事务局' }, h.admin);
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push(await awardWithLetter(h, `李明${'一二三'[i]}`, '', { familyName: '李大山', familyRelation: '父亲' }));
    const auditBefore = (h.core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const { jobId } = await h.ok('documents.printLetters', { awardIds: ids }, h.clerk);
    await h.ok('jobs.cancel', { id: jobId }, h.clerk);
    const job = await until(h, jobId);
    expect(job.status).toBe('cancelled');
    expect(documentFiles(h)).toEqual([]);
    expect((await h.ok('documents.list', {}, h.clerk)).count).toBe(0);
    expect((h.core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(auditBefore);
  });
});

describe('office settings for documents', () => {
  it('stores the wording per class, and refuses unknown placeholders and unknown classes', async () => {
    h = await honorsCore();
    const second = await classId(h, '二等功');
    const wording = '{addressee}：\n　　{name}同志荣立{class}，特此报喜！';
    const saved = await h.ok('settings.update', { letterWordings: { [String(second)]: wording }, dateStyle: 'chinese' }, h.admin);
    expect(saved).toMatchObject({ letterWordings: { [String(second)]: wording }, dateStyle: 'chinese' });
    const unknown = await h.core.call('settings.update', { letterWordings: { [String(second)]: '{name}同志{奖项}' } }, h.admin);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await h.core.call('settings.update', { letterWordings: { '99999': wording } }, h.admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await h.core.call('settings.update', { issuingAuthority: '某局' }, h.clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // The wording is used for letters of that class.
    await h.ok('settings.update', { issuingAuthority: '惠民县退役军人事务局' }, h.admin);
    const a = await awardWithLetter(h, '李明', '11010519491231002X', { familyName: '李大山', familyRelation: '父亲' });
    const job = await until(h, (await h.ok('documents.printLetters', { awardIds: [a] }, h.clerk)).jobId);
    expect(job.status).toBe('done');
    const text = execFileSync('pdftotext', [pdf(h, 'XB2026-000001.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('李明同志荣立二等功，特此报喜！');
  });
});
