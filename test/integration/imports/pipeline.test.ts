import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { JobCancelled } from '../../../electron/core/jobs/context';
import { verifyAuditChain } from '../../../electron/core/db/auditLog';
import { findMapping } from '../../../electron/core/db/importMappings';
import { preview, readTable, runImport, headerSignature, MAX_PROBLEMS_IN_RESULT, type ImportRejected } from '../../../electron/core/imports';
import { csvBytes, ledgerWorkbook, workbookOf } from '../../fixtures/imports/build';
import { count, importDb, jobContext, peopleSpec } from './support';

const LEDGER_MAPPING = { 1: 'name', 2: 'gender', 3: 'birth', 4: 'native', 6: 'died' };

/** The ledger with two bad rows: a name with a digit, a 13th month, a gender that is none. */
async function badLedger(): Promise<Uint8Array> {
  return workbookOf({
    英名录: [
      ['某县烈士英名录'],
      [],
      ['序号', '姓 名', '性别', '出生年月', '籍贯', '入伍时间', '牺牲时间'],
      [1, '张德胜', '男', '1920.5', '山东省惠民县', null, new Date(Date.UTC(1940, 5, 1))],
      [2, '李3明', '男', '1947.13', '河北省', null, '1948年'],
      [3, '王大山', '女', '民国九年', '河北省阜平县', null, 17624],
      [4, '赵四', '未知的', '1921', '', null, '1950年冬'],
      ['合计', '', '4人'],
    ],
  });
}

describe('preview', () => {
  it('finds the header under the title, suggests the mapping, shows the first data rows', async () => {
    const { db } = importDb();
    const p = await preview(await ledgerWorkbook(), '英名录.xlsx', peopleSpec(), { db });
    expect(p.sheetNames).toEqual(['英名录']);
    expect(p.headerRow).toBe(2);
    expect(p.header[1]).toBe('姓 名');
    expect(p.mapping).toEqual(LEDGER_MAPPING);
    expect(p.mappingSource).toBe('detected');
    expect(p.missingRequired).toEqual([]);
    expect(p.rows.map((r) => r.rowNumber)).toEqual([4, 5, 6]);
    expect(p.skipped).toEqual({ blankRows: 1, totalRows: [8], headerRows: [] });
    expect(p.above.map((r) => r.rowNumber)).toEqual([1]);
    expect(p.truncated).toBe(false);
    db.close();
  });
});

describe('runImport', () => {
  it('imports the office ledger whole, skipping the blank and 合计 rows, and remembers the mapping', async () => {
    const { db } = importDb();
    const { ctx, progress } = jobContext(db);
    const bytes = await ledgerWorkbook();
    const result = await runImport(ctx, peopleSpec(), { bytes, fileName: '英名录.xlsx', mapping: LEDGER_MAPPING });
    expect(result).toMatchObject({ ok: true, imported: 3, rows: 3, headerRow: 2, sheet: '英名录', skipped: { blankRows: 1, totalRows: [8], headerRows: [] }, summary: { inserted: 3 } });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result); // a job result travels as JSON
    const people = db.prepare('SELECT name, gender, birth, native, died, row_number FROM toy_people ORDER BY row_number').all();
    expect(people).toEqual([
      { name: '张德胜', gender: 'male', birth: '1920-05', native: '山东省惠民县', died: '1940-06-01', row_number: 4 },
      { name: '李明', gender: 'male', birth: '1947-03', native: '山东省惠民县', died: '1947-03-05', row_number: 5 },
      { name: '王大山', gender: 'female', birth: '1920', native: '河北省 阜平县', died: '1948-04-01', row_number: 6 },
    ]);
    expect(new Set(progress.map((p) => p.phase))).toEqual(new Set(['reading', 'checking', 'writing']));
    const audit = db.prepare("SELECT action, after_json FROM audit_log WHERE entity = 'import'").all() as { action: string; after_json: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('import.people');
    expect(JSON.parse(audit[0]!.after_json)).toMatchObject({ fileName: '英名录.xlsx', rows: 3, headerRow: 3 });
    expect(findMapping(db, 'people', result.signature)?.mapping).toEqual(LEDGER_MAPPING);
    const again = await preview(bytes, '英名录.xlsx', peopleSpec(), { db });
    expect(again.mappingSource).toBe('saved');
    expect(again.mapping).toEqual(LEDGER_MAPPING);
    db.close();
  });

  it('writes nothing when any row has a problem, and lists every problem by row and column', async () => {
    const { db, dataDir } = importDb();
    const auditBefore = verifyAuditChain(db).checked;
    const { ctx } = jobContext(db, { dataDir });
    const result = (await runImport(ctx, peopleSpec(), { bytes: await badLedger(), fileName: '英名录.xlsx', mapping: LEDGER_MAPPING })) as ImportRejected;
    expect(result.ok).toBe(false);
    expect(result.rowsWithProblems).toBe(2);
    expect(result.rows).toBe(4);
    expect(result.problems.map((p) => [p.row, p.column, p.columnIndex, p.header])).toEqual([
      [5, 'name', 1, '姓 名'],
      [5, 'birth', 3, '出生年月'],
      [7, 'gender', 2, '性别'],
    ]);
    expect(result.problems[0]!.message.zh).toContain('姓名');
    expect(result.problemCount).toBe(3);
    expect(result.problemsTruncated).toBe(false);
    expect(count(db, 'toy_people')).toBe(0);
    expect(count(db, 'import_mappings')).toBe(0);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, checked: auditBefore });
    expect(result.errorFile).toBe(join('imports', 'errors', 'people-job7-errors.xlsx'));
    expect(existsSync(join(dataDir, result.errorFile!))).toBe(true);
    db.close();
  });

  it('reports duplicates found across rows (checkAll) and writes nothing', async () => {
    const { db } = importDb();
    const { ctx } = jobContext(db);
    const bytes = csvBytes('姓名,性别\n张三,男\n李四,女\n张三,男\n', 'utf8');
    const result = (await runImport(ctx, peopleSpec({ checkDuplicates: true }), { bytes, fileName: 'a.csv', mapping: { 0: 'name', 1: 'gender' } })) as ImportRejected;
    expect(result.ok).toBe(false);
    expect(result.rows).toBe(3);
    expect(result.problems).toEqual([{ row: 4, column: 'name', columnIndex: 0, header: '姓名', message: { zh: '与第 2 行重复', en: 'same as row 2' } }]);
    expect(count(db, 'toy_people')).toBe(0);
    db.close();
  });

  it('leaves the database exactly as before when cancelled half-way through writing', async () => {
    const { db } = importDb();
    const auditBefore = verifyAuditChain(db).checked;
    const lines = ['姓名,性别,出生年月', ...Array.from({ length: 2000 }, (_, i) => `张${String.fromCharCode(0x4e00 + i)},男,19${20 + (i % 30)}年`)];
    const { ctx, progress } = jobContext(db, { cancelWhen: (p) => p.phase === 'writing' && p.done >= 1000 });
    await expect(runImport(ctx, peopleSpec(), { bytes: csvBytes(lines.join('\n'), 'gbk'), fileName: '名单.csv', mapping: { 0: 'name', 1: 'gender', 2: 'birth' } })).rejects.toBeInstanceOf(JobCancelled);
    expect(Math.max(...progress.filter((p) => p.phase === 'writing').map((p) => p.done))).toBeGreaterThanOrEqual(1000);
    expect(count(db, 'toy_people')).toBe(0);
    expect(count(db, 'import_mappings')).toBe(0);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, checked: auditBefore });
    db.close();
  });

  it('stops while checking when cancelled there, having written nothing', async () => {
    const { db } = importDb();
    const lines = ['姓名', ...Array.from({ length: 3000 }, (_, i) => `李${String.fromCharCode(0x4e00 + i)}`)];
    const { ctx, progress } = jobContext(db, { cancelWhen: (p) => p.phase === 'checking' && p.done >= 1000 });
    await expect(runImport(ctx, peopleSpec(), { bytes: csvBytes(lines.join('\n'), 'utf8'), fileName: 'a.csv', mapping: { 0: 'name' } })).rejects.toBeInstanceOf(JobCancelled);
    expect(progress.some((p) => p.phase === 'writing')).toBe(false);
    expect(count(db, 'toy_people')).toBe(0);
    db.close();
  });

  it('rolls everything back when the commit fails part-way', async () => {
    const { db } = importDb();
    const { ctx } = jobContext(db);
    const spec = peopleSpec({ onCommitRow: (i) => { if (i === 150) throw new Error('disk on fire'); } });
    const lines = ['姓名', ...Array.from({ length: 300 }, (_, i) => `王${String.fromCharCode(0x4e00 + i)}`)];
    await expect(runImport(ctx, spec, { bytes: csvBytes(lines.join('\n'), 'utf8'), fileName: 'a.csv', mapping: { 0: 'name' } })).rejects.toThrow('disk on fire');
    expect(count(db, 'toy_people')).toBe(0);
    expect(count(db, 'audit_log')).toBe(0);
    db.close();
  });

  it('skips the header where a printed ledger repeats it on every page', async () => {
    const { db } = importDb();
    const bytes = csvBytes('姓名,性别\n张三,男\n姓 名,性别\n李四,女\n', 'utf8');
    const result = await runImport(jobContext(db).ctx, peopleSpec(), { bytes, fileName: 'a.csv', mapping: { 0: 'name', 1: 'gender' } });
    expect(result).toMatchObject({ ok: true, imported: 2, skipped: { headerRows: [3] } });
    expect(db.prepare('SELECT name FROM toy_people ORDER BY id').all()).toEqual([{ name: '张三' }, { name: '李四' }]);
    db.close();
  });

  it('refuses a mapping without a required column, or with a field twice', async () => {
    const { db } = importDb();
    const { ctx } = jobContext(db);
    const bytes = csvBytes('姓名,性别\n张三,男\n', 'utf8');
    await expect(runImport(ctx, peopleSpec(), { bytes, fileName: 'a.csv', mapping: { 1: 'gender' } })).rejects.toMatchObject({ code: 'VALIDATION', text: { zh: expect.stringContaining('姓名') } });
    await expect(runImport(ctx, peopleSpec(), { bytes, fileName: 'a.csv', mapping: { 0: 'name', 1: 'name' } })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(runImport(ctx, peopleSpec(), { bytes, fileName: 'a.csv', mapping: { 0: 'name', 1: 'nope' } })).rejects.toMatchObject({ code: 'VALIDATION' });
    db.close();
  });

  it(`lists at most ${MAX_PROBLEMS_IN_RESULT} problems, and says how many there were`, async () => {
    const { db } = importDb();
    const { ctx } = jobContext(db);
    const lines = ['姓名,性别', ...Array.from({ length: 10_050 }, (_, i) => `张${i},男`)];
    const result = (await runImport(ctx, peopleSpec(), { bytes: csvBytes(lines.join('\n'), 'utf8'), fileName: 'a.csv', mapping: { 0: 'name', 1: 'gender' } })) as ImportRejected;
    expect(result.problems).toHaveLength(MAX_PROBLEMS_IN_RESULT);
    expect(result.problemCount).toBe(10_050);
    expect(result.problemsTruncated).toBe(true);
    db.close();
  });
});

describe('the error workbook', () => {
  it('holds the failed rows with their reasons, and imports once the archivist fixes them', async () => {
    const { db, dataDir } = importDb();
    const original = await badLedger();
    const first = (await runImport(jobContext(db, { dataDir }).ctx, peopleSpec(), { bytes: original, fileName: '英名录.xlsx', mapping: LEDGER_MAPPING })) as ImportRejected;
    const errorBytes = new Uint8Array(readFileSync(join(dataDir, first.errorFile!)));

    // Read back with readTable: the original header, a 错误原因 column, the two failed rows.
    const table = await readTable(errorBytes, 'errors.xlsx');
    const rows = table.sheets[0]!.rows;
    expect(rows[0]).toEqual(['序号', '姓 名', '性别', '出生年月', '籍贯', '入伍时间', '牺牲时间', '错误原因']);
    expect(rows.slice(1).map((r) => r.slice(0, 7))).toEqual([
      [2, '李3明', '男', '1947.13', '河北省', null, '1948年'],
      [4, '赵四', '未知的', '1921', null, null, '1950年冬'],
    ]);
    expect(rows[1]![7]).toMatch(/^原第 5 行：【姓 名】.*；【出生年月】/);
    expect(rows[2]![7]).toMatch(/^原第 7 行：【性别】性别应为/);
    expect(headerSignature(rows[0]!)).toBe(first.signature);

    // The problem cells are filled and carry the reason as a note; the header is bold and frozen.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(errorBytes) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('B1').font?.bold).toBe(true);
    expect(ws.getCell('B2').fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFFC7CE' } });
    expect(JSON.stringify(ws.getCell('B2').note)).toContain('姓名');
    expect(ws.getCell('C2').fill).toBeUndefined();

    // The archivist fixes the cells and imports the error workbook with the same mapping.
    ws.getCell('B2').value = '李明';
    ws.getCell('D2').value = '1947.12';
    ws.getCell('C3').value = '男';
    const fixed = new Uint8Array(await wb.xlsx.writeBuffer());
    const p = await preview(fixed, 'errors.xlsx', peopleSpec(), { db });
    expect(p.headerRow).toBe(0);
    expect(p.mapping).toEqual(LEDGER_MAPPING);
    const second = await runImport(jobContext(db, { dataDir }).ctx, peopleSpec(), { bytes: fixed, fileName: 'errors.xlsx', mapping: p.mapping });
    expect(second).toMatchObject({ ok: true, imported: 2, signature: first.signature });
    expect(db.prepare('SELECT name, birth, died FROM toy_people ORDER BY name').all()).toEqual([
      { name: '李明', birth: '1947-12', died: '1948' },
      { name: '赵四', birth: '1921', died: '1950-24' },
    ]);
    db.close();
  });
});
