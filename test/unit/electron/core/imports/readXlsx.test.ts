import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../../../electron/core/imports/readTable';
import { LIMITS } from '../../../../../electron/core/imports/limits';
import { ledgerWorkbook, minimalXlsx, workbookOf } from '../../../../fixtures/imports/build';

const day = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : d);

describe('readTable on the office ledger (xlsx)', () => {
  it('keeps row numbers, normalizes cells and reads every kind of value', async () => {
    const table = await readTable(await ledgerWorkbook(), '英名录.xlsx');
    expect(table.format).toBe('xlsx');
    expect(table.sheetNames).toEqual(['英名录']);
    const rows = table.sheets[0]!.rows;
    expect(rows).toHaveLength(8); // trailing nothing; rows[i] is sheet row i + 1
    expect(rows[1]).toEqual([]); // the blank row 2
    expect(rows[2]![1]).toBe('姓 名');
    expect(rows[2]![5]).toBe('入伍时间\n(年月)');
    const [r4, r5, r6] = [rows[3]!, rows[4]!, rows[5]!];
    expect(r4.slice(0, 6)).toEqual([1, '张德胜', '男', '1920.5', '山东省惠民县', 14000]); // a serial in a General cell stays a number
    expect(day(r4[6])).toBe('1940-06-01'); // a real date cell
    expect(r5.slice(0, 6)).toEqual(['2', '李　明', '男', '1947.3', '山东省惠民县', '1938年']); // full-width folded, 籍贯 merged down
    expect(day(r5[6])).toBe('1947-03-05');
    expect(r5[7]).toBe('AB部队');
    expect(r6[0]).toBe(3); // a formula: its cached result
    expect(r6[1]).toBe('王大山'); // rich text as plain text
    expect(day(r6[6])).toBe('1948-04-01'); // a formula in a date-formatted cell
    expect(r6[7]).toBe('事迹见县志\n第 12 页');
    expect(rows[6]).toEqual([]);
    expect(rows[7]).toEqual(['合计', '合计', '3人']);
  });

  it('repeats a merged value over its area by default, or leaves it top-left only', async () => {
    const bytes = await ledgerWorkbook();
    const repeated = (await readTable(bytes, 'a.xlsx')).sheets[0]!;
    expect(repeated.rows[0]).toEqual(Array(8).fill('某县烈士英名录（1982年油印本转录）'));
    expect(repeated.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 7 });
    const topLeft = (await readTable(bytes, 'a.xlsx', { mergedCells: 'topLeft' })).sheets[0]!;
    expect(topLeft.rows[0]).toEqual(['某县烈士英名录（1982年油印本转录）']);
    expect(topLeft.rows[4]![4]).toBeNull();
  });

  it('keeps Chinese whole across chunk boundaries (exceljs #2063 turns them into U+FFFD)', async () => {
    const names = Array.from({ length: 6000 }, (_, i) => `烈士${String.fromCharCode(0x4e00 + (i % 20000))}${i}号事迹记载于县志`);
    const bytes = await workbookOf({ 名单: names.map((n, i) => [i + 1, n, `${n}·${n}`]) });
    const rows = (await readTable(bytes, 'big.xlsx')).sheets[0]!.rows;
    expect(rows.map((r) => r[1])).toEqual(names);
    expect(rows.some((r) => r.some((c) => typeof c === 'string' && c.includes('\uFFFD')))).toBe(false);
  });

  it('lists sheets in tab order, reads one on request, and knows hidden ones', async () => {
    const bytes = await workbookOf({ 说明: [['本表说明']], 名单: [['姓名'], ['张三']], 旧表: [['x']] }, (wb) => {
      wb.getWorksheet('说明')!.state = 'hidden';
    });
    const all = await readTable(bytes, 'a.xlsx');
    expect(all.sheetNames).toEqual(['说明', '名单', '旧表']);
    expect(all.sheets.map((s) => [s.name, s.hidden])).toEqual([['说明', true], ['名单', false], ['旧表', false]]);
    expect((await readTable(bytes, 'a.xlsx', { sheet: '名单' })).sheets.map((s) => s.rows)).toEqual([[['姓名'], ['张三']]]);
    expect((await readTable(bytes, 'a.xlsx', { sheet: 2 })).sheets[0]!.name).toBe('旧表');
    expect((await readTable(bytes, 'a.xlsx', { firstVisibleOnly: true })).sheets[0]!.name).toBe('名单');
    await expect(readTable(bytes, 'a.xlsx', { sheet: '没有' })).rejects.toMatchObject({ code: 'BAD_FILE' });
  });

  it('stops at maxRows for a preview and says so', async () => {
    const bytes = await workbookOf({ s: Array.from({ length: 500 }, (_, i) => [i]) });
    const sheet = (await readTable(bytes, 'a.xlsx', { maxRows: 50 })).sheets[0]!;
    expect(sheet.rows).toHaveLength(50);
    expect(sheet.truncated).toBe(true);
  });

  it('reads dates of a workbook in the 1904 date system', async () => {
    const bytes = await workbookOf({ s: [[new Date(Date.UTC(1947, 2, 5))]] }, (wb) => {
      wb.properties.date1904 = true;
    });
    const table = await readTable(bytes, 'mac.xlsx');
    expect(table.date1904).toBe(true);
    expect(day(table.sheets[0]!.rows[0]![0])).toBe('1947-03-05');
  });

  it('reads a sheet part written by hand (inline strings, escapes, error and boolean cells)', async () => {
    const xml = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      <row r="2"><c r="B2" t="inlineStr"><is><t>张_x000D_三 &amp; 李四</t></is></c><c r="C2" t="e"><v>#N/A</v></c><c r="D2" t="b"><v>1</v></c></row>
      </sheetData><mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells></worksheet>`;
    const rows = (await readTable(minimalXlsx(xml), 'hand.xlsx')).sheets[0]!.rows;
    expect(rows[0]).toEqual([]);
    expect(rows[1]).toEqual([null, '张\n三 & 李四', '#N/A', 'TRUE']); // _x000D_ is a carriage return: line breaks become \n
    expect(rows).toHaveLength(2); // the merge does not reach rows that are not there
  });

  it(`refuses a cell over ${LIMITS.maxCellChars} characters, naming it`, async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('事迹');
    ws.getCell('A1').value = '姓名';
    ws.getCell('B2').value = '事'.repeat(32_767); // at the limit: fine
    ws.getCell('C3').value = '迹'.repeat(50_000); // Excel itself would refuse this
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    await expect(readTable(bytes, 'long.xlsx')).rejects.toMatchObject({ code: 'BAD_FILE', text: { zh: expect.stringContaining('C3'), en: expect.stringContaining('50000 characters') } });
  });

  it('reads a cell of exactly 32,767 characters', async () => {
    const bytes = await workbookOf({ s: [['事迹'], ['迹'.repeat(LIMITS.maxCellChars)]] });
    const rows = (await readTable(bytes, 'ok.xlsx')).sheets[0]!.rows;
    expect((rows[1]![0] as string).length).toBe(LIMITS.maxCellChars);
  });

  it('refuses a sheet with a row past Excel’s last row', async () => {
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData></worksheet>`;
    await expect(readTable(minimalXlsx(xml), 'tall.xlsx')).rejects.toMatchObject({ code: 'BAD_FILE', text: { en: expect.stringContaining('1,048,576 rows') } });
  });

  it('lets the caller stop the reading through onRows', async () => {
    const bytes = await workbookOf({ s: Array.from({ length: 3000 }, (_, i) => [i]) });
    const stop = new Error('cancelled');
    await expect(
      readTable(bytes, 'a.xlsx', {
        onRows: (n) => {
          if (n >= 2000) throw stop;
        },
      }),
    ).rejects.toBe(stop);
  });
});

describe('xlsx edge cases', () => {
  const sheet = (body: string, tail = '') => `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData>${tail}</worksheet>`;

  it('refuses rows that carry no row number (exceljs needs them) with a save-again message', async () => {
    const xml = sheet('<row><c r="A1"><v>1</v></c></row>');
    await expect(readTable(minimalXlsx(xml), 'a.xlsx')).rejects.toMatchObject({ code: 'BAD_FILE', text: { zh: expect.stringContaining('重新保存') } });
  });

  it('clips a merge that spans the whole sheet to the data, and refuses merges that would explode', async () => {
    const rows = Array.from({ length: 3 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}"><v>9</v></c></row>`).join('');
    const whole = sheet(rows, '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>');
    expect((await readTable(minimalXlsx(whole), 'a.xlsx')).sheets[0]!.rows).toEqual([[0, 0], [0, 0], [0, 0]]);
    const many = Array.from({ length: 4000 }, () => '<mergeCell ref="A1:B3000"/>').join(''); // 24 M cells
    const tall = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}"><v>1</v></c></row>`).join('');
    await expect(readTable(minimalXlsx(sheet(tall, `<mergeCells>${many}</mergeCells>`)), 'a.xlsx')).rejects.toMatchObject({ code: 'BAD_FILE', text: { zh: expect.stringContaining('合并单元格异常') } });
  });
});
