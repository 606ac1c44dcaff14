import { describe, expect, it } from 'vitest';
import { readTable } from '../../../../../electron/core/imports/readTable';
import { detectDelimiter } from '../../../../../electron/core/imports/readCsv';
import { csvBytes } from '../../../../fixtures/imports/build';

const LEDGER = [
  '某县烈士英名录,,,',
  ',,,',
  '序号,姓 名,出生年月,籍贯',
  '1,张德胜,1920.5,山东省惠民县',
  '２,"李　明",１９４７．３,"河北省,阜平县"',
  '',
  '3,王𠀀山,民国九年,"事迹：""英勇""\n第二行"',
  '合计,3人,,',
].join('\r\n');

const EXPECTED = [
  ['某县烈士英名录'],
  [],
  ['序号', '姓 名', '出生年月', '籍贯'],
  ['1', '张德胜', '1920.5', '山东省惠民县'],
  ['2', '李　明', '1947.3', '河北省,阜平县'],
  [],
  ['3', '王𠀀山', '民国九年', '事迹："英勇"\n第二行'],
  ['合计', '3人'],
];

describe('readTable on CSV', () => {
  it.each(['utf8', 'utf8bom', 'gbk', 'utf16le'] as const)('reads %s, every cell as text, rows numbered as in the file', async (encoding) => {
    const text = encoding === 'gbk' ? LEDGER.replace('𠀀', '大') : LEDGER; // GBK has no Extension B
    const table = await readTable(csvBytes(text, encoding), '英名录.csv');
    expect(table.format).toBe('csv');
    expect(table.encoding).toBe({ utf8: 'utf-8', utf8bom: 'utf-8', gbk: 'gb18030', utf16le: 'utf-16le' }[encoding]);
    expect(table.delimiter).toBe(',');
    expect(table.sheetNames).toEqual(['英名录']);
    const expected = encoding === 'gbk' ? EXPECTED.map((r) => r.map((c) => c.replace('𠀀', '大'))) : EXPECTED;
    expect(table.sheets[0]!.rows).toEqual(expected);
  });

  it('keeps leading zeros and long digit strings as text', async () => {
    const rows = (await readTable(csvBytes('编码,身份证号\n0012,11010519490101001X\n', 'utf8'), 'a.csv')).sheets[0]!.rows;
    expect(rows[1]).toEqual(['0012', '11010519490101001X']);
  });

  it('detects semicolon and tab delimiters, whatever the title lines say', async () => {
    const semicolon = '名单（2026年）\n姓名;性别;籍贯\n张三;男;"山东;惠民"\n李四;女;河北\n';
    const table = await readTable(csvBytes(semicolon, 'utf8'), 'a.csv');
    expect(table.delimiter).toBe(';');
    expect(table.sheets[0]!.rows.slice(1)).toEqual([['姓名', '性别', '籍贯'], ['张三', '男', '山东;惠民'], ['李四', '女', '河北']]);
    expect(detectDelimiter('姓名\t性别\t备注\n张三\t男\t1,2,3\n李四\t女\t4,5\n')).toBe('\t');
    expect(detectDelimiter('a,b\n', 'x.tsv')).toBe('\t');
    expect(detectDelimiter('只有一列\n张三\n')).toBe(',');
  });

  it('stops at maxRows and says so', async () => {
    const text = Array.from({ length: 100 }, (_, i) => `${i},x`).join('\n');
    const sheet = (await readTable(csvBytes(text, 'utf8'), 'a.csv', { maxRows: 10 })).sheets[0]!;
    expect(sheet.rows).toHaveLength(10);
    expect(sheet.truncated).toBe(true);
  });

  it('refuses a 50,000-character cell, naming it', async () => {
    const text = `姓名,事迹\n张三,${'迹'.repeat(50_000)}\n`;
    await expect(readTable(csvBytes(text, 'gbk'), 'long.csv')).rejects.toMatchObject({ code: 'BAD_FILE', text: { zh: expect.stringContaining('B2') } });
  });

  it('refuses binary content and an unclosed quote with a message', async () => {
    await expect(readTable(new Uint8Array([0x41, 0x00, 0x42, 0x2c, 0x00, 0x01]), 'bin.csv')).rejects.toMatchObject({ code: 'BAD_FILE' });
    await expect(readTable(csvBytes('a,b\n"c,d\n', 'utf8'), 'q.csv')).rejects.toMatchObject({ code: 'BAD_FILE', text: { en: expect.stringContaining('CSV') } });
  });

  it('refuses more rows than Excel has', async () => {
    const bytes = new Uint8Array(Buffer.from('1\n'.repeat(1_048_577)));
    await expect(readTable(bytes, 'tall.csv')).rejects.toMatchObject({ code: 'BAD_FILE', text: { zh: expect.stringContaining('1,048,576 行') } });
  });
});
