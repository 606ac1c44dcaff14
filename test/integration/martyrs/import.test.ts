import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../support/tempCore';
import { upload } from '../attachments/client';
import { readTable } from '../../../electron/core/imports';

let t: Awaited<ReturnType<typeof makeSetUpCore>>;
beforeAll(async () => {
  t = await makeSetUpCore();
});
afterAll(() => t.dispose());

/** The spreadsheet offices have: a merged title, a note row, the header on row 3, a blank row and a 合计 row. */
async function ledger(rows: (string | number | Date)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('烈士名录');
  ws.addRow(['惠民县革命烈士英名录（1982年油印本录入）']);
  ws.mergeCells('A1:G1');
  ws.addRow(['填表单位：惠民县民政局']);
  ws.addRow(['序号', '姓 名', '性别', '出生年月', '籍贯', '生前所在单位及职务', '牺牲时间']);
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  ws.addRow([]);
  ws.addRow(['合计', `${rows.length}人`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const good = [
  ['张德胜', '男', '民国九年', '山东省惠民县', '华东野战军第九纵队 排长', '1947年春'],
  ['李秀英', '女', '１９２３年', '山东省阳信县', '渤海军区卫生部 看护', new Date(Date.UTC(1945, 4, 3))],
  ['王  福', '男', '1918.3', '山东省惠民县', '八路军一一五师 战士', '1940.8'],
];

describe('importing the spreadsheet everyone already has', () => {
  it('previews it with the header found on row 3 and the columns mapped', async () => {
    const uploadId = await upload(t, t.admin, '英名录.xlsx', await ledger(good));
    const p = await t.ok('martyrs.importPreview', { uploadId }, t.admin);
    expect(p.headerRow).toBe(2);
    expect(p.mappingSource).toBe('detected');
    expect(Object.values(p.mapping).sort()).toEqual(['birthDate', 'deathDate', 'gender', 'name', 'nativePlaceText', 'unitAndPost'].sort());
    expect(p.missingRequired).toEqual([]);
    expect(p.rows.map((r) => r.cells[1])).toEqual(['张德胜', '李秀英', '王  福']);
    expect(p.above[0]!.cells[0]).toMatch(/英名录/);
  });

  it('imports every row as one job, then finds them; the mapping is remembered', async () => {
    const bytes = await ledger(good);
    const uploadId = await upload(t, t.admin, '英名录.xlsx', bytes);
    const p = await t.ok('martyrs.importPreview', { uploadId }, t.admin);
    const source = await t.ok('sources.create', { kind: 'register', title: '惠民县英名录（Excel）' }, t.admin);
    const { jobId } = await t.ok('martyrs.import', { uploadId, mapping: p.mapping, sourceId: source.id }, t.admin);
    const job = await t.core.jobs.wait(jobId);
    expect(job).toMatchObject({ status: 'done', result: { ok: true, imported: 3, summary: { created: 3 }, skipped: { blankRows: 1, totalRows: [8] } } });
    const found = await t.ok('martyrs.search', { query: '李秀英' }, t.admin);
    const li = await t.ok('martyrs.get', { id: found.rows[0]!.id }, t.admin);
    expect(li).toMatchObject({ gender: 'female', birthDate: { edtf: '1923' }, deathDate: { edtf: '1945-05-03' }, period: 'anti_japanese', sourceTitle: '惠民县英名录（Excel）', status: 'draft' });
    expect((await t.ok('martyrs.search', { query: 'wf' }, t.admin)).rows.map((r) => r.name)).toContain('王福');
    const history = await t.ok('martyrs.history', { id: li.id }, t.admin);
    expect(history[0]).toMatchObject({ action: 'import', reason: '英名录.xlsx 第 5 行' });
    // The same layout next time: the mapping comes back as 'saved'.
    const again = await t.ok('martyrs.importPreview', { uploadId: await upload(t, t.admin, '又一份.xlsx', await ledger(good.slice(0, 1))) }, t.admin);
    expect(again.mappingSource).toBe('saved');
  });

  it('a file with bad rows writes nothing and returns an error workbook to fix and re-import', async () => {
    const before = (await t.ok('martyrs.search', {}, t.admin)).count;
    const rows = [...good.map((r) => [...r]), ['Tom', '男', '1920年', '河北', '某部', '1947年'], ['赵五', '男女', '1920年13月', '河北', '某部', '1940年']];
    rows[0]![0] = '孙立'; // not a duplicate of the earlier import
    const uploadId = await upload(t, t.admin, '有错.xlsx', await ledger(rows));
    const p = await t.ok('martyrs.importPreview', { uploadId }, t.admin);
    const job = await t.core.jobs.wait((await t.ok('martyrs.import', { uploadId, mapping: p.mapping }, t.admin)).jobId);
    expect(job.status).toBe('done');
    const result = job.result as { ok: boolean; rowsWithProblems: number; problems: { row: number; column: string; message: { zh: string } }[] };
    expect(result.ok).toBe(false);
    expect(result.rowsWithProblems).toBe(2);
    expect(result.problems.map((x) => `${x.row}:${x.column}`).sort()).toEqual(['7:name', '8:birthDate', '8:gender'].sort());
    expect((await t.ok('martyrs.search', {}, t.admin)).count).toBe(before);

    const file = await t.ok('imports.errorFile', { jobId: job.id }, t.admin);
    expect(file.fileName).toMatch(/\.xlsx$/);
    const errors = await readTable(new Uint8Array(Buffer.from(file.dataBase64, 'base64')), file.fileName);
    const texts = errors.sheets[0]!.rows.flat().map(String).join(' ');
    expect(texts).toContain('Tom');
    expect(texts).toContain('赵五');
    expect(texts).not.toContain('张德胜');
    const exported = await t.ok('audit.list', { entity: 'import', action: 'export' }, t.admin);
    expect(exported.total).toBe(1);
  });

  it('reads a GBK CSV saved by WPS', async () => {
    const csv = '姓名,性别,牺牲时间,籍贯\n周大山,男,1951年,山东省无棣县\n';
    const uploadId = await upload(t, t.admin, '名单.csv', iconv.encode(csv, 'gbk'));
    const p = await t.ok('martyrs.importPreview', { uploadId }, t.admin);
    const job = await t.core.jobs.wait((await t.ok('martyrs.import', { uploadId, mapping: p.mapping }, t.admin)).jobId);
    expect(job).toMatchObject({ status: 'done', result: { ok: true, imported: 1 } });
    expect((await t.ok('martyrs.search', { query: '大山' }, t.admin)).count).toBe(1);
  });

  // Bug: a Big5 CSV was read as GBK, no error, and imported garbled (張德勝 → 眎紈秤).
  it('reads a Big5 (Traditional Chinese) CSV as Big5, never garbled', async () => {
    const csv = '姓名,性別,犧牲時間,籍貫\n陳國棟,男,1951年,山東省無棣縣\n劉德華,男,1948年,遼寧省瀋陽市\n';
    const uploadId = await upload(t, t.admin, '名冊.csv', iconv.encode(csv, 'big5'));
    const p = await t.ok('martyrs.importPreview', { uploadId }, t.admin);
    expect(p.header).toEqual(['姓名', '性別', '犧牲時間', '籍貫']);
    expect(p.rows.map((r) => r.cells)).toEqual([
      ['陳國棟', '男', '1951年', '山東省無棣縣'],
      ['劉德華', '男', '1948年', '遼寧省瀋陽市'],
    ]);
    const job = await t.core.jobs.wait((await t.ok('martyrs.import', { uploadId, mapping: p.mapping }, t.admin)).jobId);
    expect(job).toMatchObject({ status: 'done', result: { ok: true, imported: 2 } });
    const found = await t.ok('martyrs.search', { query: '國棟' }, t.admin);
    expect(found.count).toBe(1);
    expect(found.rows[0]!.name).toBe('陳國棟');
  });

  it('a cancelled import leaves the roll as it was', async () => {
    const before = (await t.ok('martyrs.search', {}, t.admin)).count;
    const many = Array.from({ length: 3000 }, (_, i) => [`钱${'一二三四五六七八九十'[i % 10]}${'甲乙丙丁戊己庚辛壬癸'[Math.floor(i / 10) % 10]}`, '男', `${1900 + (i % 40)}年`, '山东省惠民县', '某部', `${1945 + (i % 5)}年`]);
    const uploadId = await upload(t, t.admin, '大表.xlsx', await ledger(many));
    const p = await t.ok('martyrs.importPreview', { uploadId }, t.admin);
    const { jobId } = await t.ok('martyrs.import', { uploadId, mapping: p.mapping }, t.admin);
    await t.ok('jobs.cancel', { id: jobId }, t.admin);
    const job = await t.core.jobs.wait(jobId);
    expect(job.status).toBe('cancelled');
    expect((await t.ok('martyrs.search', {}, t.admin)).count).toBe(before);
  });
});

describe('export of the current selection', () => {
  it('writes the list’s rows, in its order, to an xlsx file, and audits the download', async () => {
    const selection = { query: '', sort: 'strokeSurname' as const };
    const all = await t.ok('martyrs.search', { ...selection, limit: 200 }, t.admin);
    const { jobId } = await t.ok('martyrs.export', selection, t.admin);
    const job = await t.core.jobs.wait(jobId);
    expect(job).toMatchObject({ status: 'done', result: { rows: all.count } });
    const file = await t.ok('exports.file', { jobId }, t.admin);
    const table = await readTable(new Uint8Array(Buffer.from(file.dataBase64, 'base64')), file.fileName);
    const rows = table.sheets[0]!.rows;
    expect(rows[0]!.slice(0, 3)).toEqual(['序号', '姓名', '性别']);
    expect(rows.slice(1).map((r) => r[1])).toEqual(all.rows.map((r) => r.name));
    expect((await t.ok('audit.list', { entity: 'export', action: 'export' }, t.admin)).total).toBe(1);
  });

  it('a search narrows the export', async () => {
    const { jobId } = await t.ok('martyrs.export', { query: '张德胜', sort: 'pinyin' }, t.admin);
    expect(await t.core.jobs.wait(jobId)).toMatchObject({ status: 'done', result: { rows: 1 } });
  });
});
