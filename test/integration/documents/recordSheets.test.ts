/**
 * documents.printRecordSheets end to end: a real core, the job in its worker, the PDF read back
 * with poppler (one A4 page per record, every field, the scan's thumbnail, subset fonts), the
 * register and audit rows; an uncovered character and a cancel register nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../support/tempCore';
import { upload, userSession } from '../attachments/client';
import { makeJpeg, minimalPdf, truncate } from '../attachments/files';
import { blobPath } from '../../../electron/core/attachments/paths';
import type { Session } from '../../../electron/core';
import type { Attachment } from '../../../shared/contract/attachments';
import { documentFile, documentFiles, expectSubsetFonts, pdfInfo, pdfText, UNCOVERED } from './pdfCheck';

let t: Awaited<ReturnType<typeof makeSetUpCore>>;
let clerk: Session;
let readonly: Session;
let withScan = 0;
let withoutScan = 0;
beforeAll(async () => {
  t = await makeSetUpCore();
  clerk = await userSession(t, t.admin, 'clerk');
  readonly = await userSession(t, t.admin, 'readonly');
  await t.ok('settings.update', { issuingAuthority: '惠民县退役军人事务局' }, t.admin);
  const source = await t.ok('sources.create', { kind: 'register', title: '惠民县烈士英名录（1985年版）' }, t.admin);
  const scan = await store(await makeJpeg(1200, 1700, '#c8b89a'), 'p12.jpg');
  withScan = (
    await t.ok(
      'martyrs.create',
      {
        name: '王二小',
        gender: 'male',
        ethnicity: '汉族',
        birthDate: '1929年',
        nativePlaceText: '河北省涞源县上庄村',
        joinedDate: '1941年',
        unitAndPost: '晋察冀边区儿童团团员',
        deathDate: '1942年10月25日',
        deathPlaceText: '河北省涞源县狼牙口',
        deathCause: '将日军引入八路军埋伏圈，被敌人杀害',
        burialPlace: '涞源县烈士陵园',
        certificateNo: 'ZS-1942-0001',
        deeds: '他把敌人引进了八路军的埋伏圈，自己被敌人杀害，年仅十三岁。',
        remarks: '据《涞源县志》补录',
        sourceId: source.id,
        sourcePage: '12',
        sourceItem: '3',
        scanAttachmentId: scan.id,
        scanPage: 1,
      },
      clerk,
    )
  ).id;
  withoutScan = (await t.ok('martyrs.create', { name: '刘胡兰', gender: 'female', birthDate: '1932年', deathDate: '1947年1月12日', deathPlaceText: '山西省文水县云周西村', unitAndPost: '文水县第五区妇女救国会秘书' }, clerk)).id;
});
afterAll(() => t.dispose());

async function store(bytes: Buffer, fileName: string): Promise<Attachment> {
  return (await t.ok('attachments.store', { uploadId: await upload(t, t.admin, fileName, bytes) }, t.admin)).attachment;
}

async function print(martyrIds: number[], session: Session = clerk) {
  return t.core.jobs.wait((await t.ok('documents.printRecordSheets', { martyrIds }, session)).jobId);
}

const serialOf = (job: { result?: unknown }) => (job.result as { serial: string }).serial;
const registered = async () => (await t.ok('documents.list', {}, t.admin)).count;
const squash = (s: string) => s.replace(/\s+/g, '');
const pageTexts = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim() !== '').map(squash);
const images = (file: string) =>
  execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '');

describe('martyr record sheets', () => {
  it('prints one A4 sheet per record with its fields, the scan’s thumbnail and the register’s serial, registered and audited', async () => {
    const job = await print([withScan, withoutScan]);
    expect(job).toMatchObject({ status: 'done', done: 2, total: 2, result: { serial: 'DB2026-000001', pages: 2, records: 2 } });
    const file = documentFile(t.dataDir, 'DB2026-000001');
    expect(pdfInfo(file)).toEqual({ pages: 2, size: expect.stringMatching(/^595\.2\d* x 841\.8\d* pts \(A4\)/) });
    expectSubsetFonts(file);

    const [first, second] = pageTexts(file);
    for (const s of ['烈士登记表', `编号：LS-${String(withScan).padStart(6, '0')}`, '王二小', '男', '汉族', '1929年', '河北省涞源县上庄村', '晋察冀边区儿童团团员', '1942年10月25日', '河北省涞源县狼牙口', '将日军引入八路军埋伏圈，被敌人杀害', 'ZS-1942-0001', '年仅十三岁', '据《涞源县志》补录', '惠民县烈士英名录（1985年版），第12页，第3条', '草稿', '文书编号：DB2026-000001', '第1页共2页']) {
      expect(first, s).toContain(s);
    }
    expect(first).not.toContain('无扫描件');
    for (const s of ['刘胡兰', '女', '1947年1月12日', '山西省文水县云周西村', '文水县第五区妇女救国会秘书', '（无扫描件）', '文书编号：DB2026-000001', '第2页共2页']) expect(second, s).toContain(s);
    expect(second).not.toContain('王二小');
    // The scan's page as a thumbnail on the first sheet only (400 px wide, as the derivatives cache holds it).
    const list = images(file);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatch(/^\s*1\s+\d+\s+image\s+400\s+567\s/);

    const row = (await t.ok('documents.list', { kind: 'recordSheets' }, clerk)).rows[0];
    expect(row).toMatchObject({ serial: 'DB2026-000001', kind: 'recordSheets', records: 2, pages: 2, names: '王二小、刘胡兰', title: '烈士登记表（2 份） DB2026-000001', createdBy: 'clerk 用户' });
    const audit = await t.ok('audit.list', { entity: 'issued_document', entityId: String(row!.id) }, t.admin);
    expect(audit.entries[0]).toMatchObject({ action: 'issue', username: 'clerk', after: { serial: 'DB2026-000001', kind: 'recordSheets', subject: { martyrIds: [withScan, withoutScan], versions: [1, 1] } } });
    // The preview reads the registered file.
    const read = await t.ok('documents.read', { id: row!.id }, readonly);
    expect(Buffer.from(read.dataBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('one file per record on request: beside the whole PDF, a ZIP of one PDF per record, each its sheet alone with its thumbnail, paged on its own', async () => {
    const job = await t.core.jobs.wait((await t.ok('documents.printRecordSheets', { martyrIds: [withScan, withoutScan], output: 'perRecord' }, clerk)).jobId);
    expect(job).toMatchObject({ status: 'done', result: { pages: 2, records: 2 } });
    const serial = serialOf(job);
    const row = await t.ok('documents.get', { id: (job.result as { documentId: number }).documentId }, clerk);
    expect(row).toMatchObject({ fileName: `${serial}.pdf`, perRecord: { fileName: `${serial}-单份.zip`, files: 2 } });
    const read = await t.ok('documents.read', { id: row.id, part: 'perRecord' }, readonly);
    const files = unzipSync(new Uint8Array(Buffer.from(read.dataBase64, 'base64')));
    expect(Object.keys(files)).toEqual([`${serial}-0001 王二小.pdf`, `${serial}-0002 刘胡兰.pdf`]);
    const dir = mkdtempSync(join(tmpdir(), 'guangrong-sheets-'));
    try {
      for (const [name, bytes] of Object.entries(files)) {
        const one = join(dir, name);
        writeFileSync(one, bytes);
        expect(pdfInfo(one).pages).toBe(1);
        expectSubsetFonts(one);
        const text = squash(pdfText(one));
        expect(text).toContain(name.includes('王二小') ? '河北省涞源县上庄村' : '山西省文水县云周西村');
        expect(text).not.toContain(name.includes('王二小') ? '刘胡兰' : '王二小');
        expect(text).toContain(`文书编号：${serial}`);
        expect(text).toContain('第1页共1页');
        expect(images(one)).toHaveLength(name.includes('王二小') ? 1 : 0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The audit row names the ZIP with its hash, as the register does.
    const audit = await t.ok('audit.list', { entity: 'issued_document', entityId: String(row.id) }, t.admin);
    expect(audit.entries[0]).toMatchObject({ action: 'issue', after: { subject: { perRecord: { sha256: row.perRecord!.sha256, files: 2 } } } });
  });

  it('says on the sheet when a scan is missing, damaged or a PDF, and prints the batch all the same', async () => {
    const gone = await store(await makeJpeg(800, 1100, '#8899aa'), 'gone.jpg');
    const damaged = await store(await makeJpeg(820, 1100, '#aa9988'), 'damaged.jpg');
    rmSync(blobPath(t.dataDir, gone.sha256));
    writeFileSync(blobPath(t.dataDir, damaged.sha256), truncate(await makeJpeg(820, 1100, '#aa9988'), 0.3));
    const a = (await t.ok('martyrs.create', { name: '张思德', scanAttachmentId: gone.id, scanPage: 1 }, clerk)).id;
    const b = (await t.ok('martyrs.create', { name: '董存瑞', scanAttachmentId: damaged.id, scanPage: 1 }, clerk)).id;
    const pdf = await store(minimalPdf(2), 'register.pdf');
    const c = (await t.ok('martyrs.create', { name: '邱少云', scanAttachmentId: pdf.id, scanPage: 2 }, clerk)).id;
    const job = await print([a, b, withScan, c]);
    expect(job).toMatchObject({ status: 'done', result: { pages: 4, records: 4 } });
    const file = documentFile(t.dataDir, serialOf(job));
    const pages = pageTexts(file);
    expect(pages[0]).toContain('张思德');
    expect(pages[0]).toContain('（扫描件无法读取）');
    expect(pages[1]).toContain('董存瑞');
    expect(pages[1]).toContain('（扫描件无法读取）');
    expect(pages[2]).toContain('王二小');
    expect(pages[3]).toContain('（扫描件为PDF，请查看原件）');
    expect(images(file)).toHaveLength(1);
    expect(pdfText(file)).toContain(`文书编号：${serialOf(job)}`);
  });

  it('names the record and field of a character no font has, and writes and registers nothing', async () => {
    const rare = (await t.ok('martyrs.create', { name: '赵一曼', deathPlaceText: `黑龙江省珠河县${UNCOVERED}村` }, clerk)).id;
    const files = documentFiles(t.dataDir).length;
    const count = await registered();
    const job = await print([withScan, rare]);
    expect(job).toMatchObject({ status: 'failed', error: { code: 'VALIDATION' } });
    expect(job.error?.message.zh).toContain(`赵一曼（LS-${String(rare).padStart(6, '0')}） · 牺牲地点 deathPlace：${UNCOVERED}（U+30000）`);
    expect(job.error?.message.zh).toContain('未生成任何文件');
    expect(documentFiles(t.dataDir).length).toBe(files);
    expect(await registered()).toBe(count);
  });

  it('a cancelled print leaves no file and no register row', async () => {
    const ids = [];
    for (let i = 0; i < 12; i++) ids.push((await t.ok('martyrs.create', { name: `无名战士${'甲乙丙丁戊己庚辛壬癸子丑'[i]}`, deeds: '在战斗中英勇牺牲。'.repeat(40) }, clerk)).id);
    const files = documentFiles(t.dataDir).length;
    const count = await registered();
    const { jobId } = await t.ok('documents.printRecordSheets', { martyrIds: ids }, clerk);
    await t.ok('jobs.cancel', { id: jobId }, clerk);
    expect((await t.core.jobs.wait(jobId)).status).toBe('cancelled');
    expect(documentFiles(t.dataDir).length).toBe(files);
    expect(await registered()).toBe(count);
  });

  it('refuses a read-only user, a record listed twice, an unknown record and one in the recycle bin', async () => {
    expect(await t.core.call('documents.printRecordSheets', { martyrIds: [withScan] }, readonly)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.core.call('documents.printRecordSheets', { martyrIds: [withScan, withScan] }, clerk)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.core.call('documents.printRecordSheets', { martyrIds: [] }, clerk)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const count = await registered();
    const unknown = await print([withScan, 999_999]);
    expect(unknown).toMatchObject({ status: 'failed', error: { code: 'VALIDATION', message: { zh: expect.stringContaining('#999999') } } });
    const binned = (await t.ok('martyrs.create', { name: '黄继光' }, clerk)).id;
    await t.ok('martyrs.delete', { id: binned, reason: '重复录入' }, clerk);
    const inBin = await print([binned]);
    expect(inBin).toMatchObject({ status: 'failed', error: { message: { zh: expect.stringContaining('黄继光') } } });
    expect(await registered()).toBe(count);
  });
});
