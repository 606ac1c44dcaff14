import { plainVault } from '../../../../../electron/core/crypto/vault';
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorWorkbook, saveErrorWorkbook } from '../../../../../electron/core/imports/errorWorkbook';
import { readTable } from '../../../../../electron/core/imports/readTable';

describe('errorWorkbook', () => {
  it('keeps columns in place and dates as dates, and says whole-row problems in the reason column', async () => {
    const header = [null, '姓名', '牺牲时间'];
    const bytes = await errorWorkbook(
      header,
      [{ rowNumber: 9, cells: [null, '张三', new Date(Date.UTC(1947, 2, 5)), '多出的一列'] }],
      [
        { row: 9, columnIndex: null, message: { zh: '与已有记录重复', en: 'duplicates an existing record' } },
        { row: 9, columnIndex: 2, message: { zh: '晚于批准时间', en: 'after the approval date' } },
      ],
    );
    const rows = (await readTable(bytes, 'e.xlsx')).sheets[0]!.rows;
    expect(rows[0]).toEqual([null, '姓名', '牺牲时间', null, '错误原因']);
    expect(rows[1]!.slice(0, 4)).toEqual([null, '张三', new Date(Date.UTC(1947, 2, 5)), '多出的一列']);
    expect(rows[1]![4]).toBe('原第 9 行：与已有记录重复；【牺牲时间】晚于批准时间');
  });

  it('writes English reasons when asked', async () => {
    const bytes = await errorWorkbook(['Name'], [{ rowNumber: 2, cells: ['x'] }], [{ row: 2, columnIndex: 0, message: { zh: '不对', en: 'wrong' } }], { language: 'en' });
    expect((await readTable(bytes, 'e.xlsx')).sheets[0]!.rows[1]).toEqual(['x', 'Row 2: [Name] wrong']);
  });
});

describe('saveErrorWorkbook', () => {
  it('writes under imports/errors and removes error files older than 30 days', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'guangrong-errors-'));
    const first = saveErrorWorkbook(dataDir, 'old.xlsx', new Uint8Array([1]), plainVault);
    const old = Date.now() / 1000 - 40 * 86_400;
    utimesSync(join(dataDir, first), old, old);
    writeFileSync(join(dataDir, 'imports', 'errors', 'recent.xlsx'), 'x');
    const rel = saveErrorWorkbook(dataDir, 'martyrs-job3 errors/../x.xlsx', new Uint8Array([1, 2]), plainVault);
    expect(rel).toBe(join('imports', 'errors', 'martyrs-job3_errors_.._x.xlsx'));
    expect(readdirSync(join(dataDir, 'imports', 'errors')).sort()).toEqual(['martyrs-job3_errors_.._x.xlsx', 'recent.xlsx']);
  });
});

describe('errorWorkbook of an error workbook', () => {
  it('reuses the 错误原因 column rather than adding another', async () => {
    const bytes = await errorWorkbook(
      ['姓名', '性别', '错误原因'],
      [{ rowNumber: 2, cells: ['李3明', '男', '原第 5 行：【姓名】旧的原因'] }],
      [{ row: 2, columnIndex: 0, message: { zh: '姓名只能由汉字组成', en: 'Chinese characters only' } }],
    );
    expect((await readTable(bytes, 'e.xlsx')).sheets[0]!.rows).toEqual([
      ['姓名', '性别', '错误原因'],
      ['李3明', '男', '原第 2 行：【姓名】姓名只能由汉字组成'],
    ]);
  });
});
