import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../../../electron/core/imports/readTable';
import { LIMITS } from '../../../../../electron/core/imports/limits';
import { listZipEntries } from '../../../../../electron/core/imports/zipCheck';
import { csvBytes, ledgerWorkbook, minimalXlsx, oleBytes, pngBytes, zip } from '../../../../fixtures/imports/build';

const SHEET = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row></sheetData></worksheet>`;

async function refusal(bytes: Uint8Array, fileName: string) {
  try {
    await readTable(bytes, fileName);
  } catch (error) {
    return error as { code: string; text: { zh: string; en: string } };
  }
  throw new Error(`${fileName} was read`);
}

describe('files readTable refuses, and what it tells the user', () => {
  it('an empty file', async () => {
    expect(await refusal(new Uint8Array(0), '名单.xlsx')).toMatchObject({ code: 'BAD_FILE', text: { zh: expect.stringContaining('空的'), en: expect.stringContaining('empty') } });
  });

  it('a file over 100 MB', async () => {
    const e = await refusal(new Uint8Array(LIMITS.maxFileBytes + 1), 'huge.csv');
    expect(e).toMatchObject({ code: 'BAD_FILE', text: { zh: expect.stringContaining('100 MB'), en: expect.stringContaining('Split') } });
  });

  it('an old .xls, and a password-protected workbook', async () => {
    expect(await refusal(oleBytes(), '名单.xls')).toMatchObject({ code: 'BAD_FILE', text: { zh: expect.stringMatching(/\.xls.*另存为/s), en: expect.stringContaining('Save As') } });
    expect(await refusal(oleBytes(true), '名单.xlsx')).toMatchObject({ text: { zh: expect.stringContaining('密码') } });
  });

  it('a PNG named .xlsx, and a PDF named .csv', async () => {
    expect(await refusal(pngBytes(), '名单.xlsx')).toMatchObject({ code: 'BAD_FILE', text: { zh: expect.stringContaining('PNG 图片'), en: expect.stringContaining('PNG image') } });
    expect(await refusal(new Uint8Array(Buffer.from('%PDF-1.7\n...')), '名单.csv')).toMatchObject({ text: { en: expect.stringContaining('PDF') } });
  });

  it('a web page or XML spreadsheet saved as .xls, and a text file named .xlsx', async () => {
    expect(await refusal(csvBytes('<html><table><tr><td>姓名</td></tr></table></html>', 'utf8'), '导出.xls')).toMatchObject({ text: { zh: expect.stringContaining('HTML') } });
    expect(await refusal(csvBytes('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>', 'utf8'), '导出.xls')).toMatchObject({ text: { en: expect.stringContaining('XML') } });
    expect(await refusal(csvBytes('姓名,性别\n张三,男\n', 'utf8'), '名单.xlsx')).toMatchObject({ text: { zh: expect.stringContaining('扩展名') } });
    expect(await refusal(csvBytes('姓名', 'utf8'), '名单.docx')).toMatchObject({ text: { en: expect.stringContaining('.docx files are not supported') } });
  });

  it('a truncated xlsx (a copy cut short), wherever it is cut', async () => {
    const whole = await ledgerWorkbook();
    for (const keep of [0.3, 0.7, 0.99]) {
      const e = await refusal(whole.subarray(0, Math.floor(whole.length * keep)), '名单.xlsx');
      expect(e).toMatchObject({ code: 'BAD_FILE', text: { zh: expect.stringContaining('不完整或已损坏') } });
    }
  });

  it('an xlsx with a damaged byte in the middle of its sheet', async () => {
    const bytes = new Uint8Array(await ledgerWorkbook());
    const sheet = listZipEntries(bytes, 'x').find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const view = new DataView(bytes.buffer);
    const dataStart = sheet.localOffset + 30 + view.getUint16(sheet.localOffset + 26, true) + view.getUint16(sheet.localOffset + 28, true);
    const at = dataStart + Math.floor(sheet.compressedSize / 2);
    bytes[at] = bytes[at]! ^ 0x5a;
    expect(await refusal(bytes, '名单.xlsx')).toMatchObject({ code: 'BAD_FILE', text: { zh: expect.stringContaining('已损坏') } });
  });

  it('a zip bomb that declares its size', async () => {
    const e = await refusal(minimalXlsx(SHEET, [{ name: 'xl/media/bomb.bin', data: new Uint8Array(10), declaredSize: 0xfffffff0 }]), 'bomb.xlsx');
    expect(e).toMatchObject({ code: 'BAD_FILE', text: { zh: expect.stringContaining('压缩炸弹'), en: expect.stringContaining('zip bomb') } });
  });

  it('a zip bomb that inflates a thousandfold', async () => {
    const zeros = new Uint8Array(64 * 1024 * 1024); // deflates to ~64 KB
    expect(await refusal(minimalXlsx(SHEET, [{ name: 'xl/media/zeros.bin', data: zeros }]), 'bomb.xlsx')).toMatchObject({ text: { en: expect.stringContaining('zip bomb') } });
  });

  it('a zip bomb that lies about its size', async () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const e = await refusal(minimalXlsx(SHEET, [{ name: 'xl/sharedStrings.xml', data: zeros, declaredSize: 1000 }]), 'liar.xlsx');
    expect(e).toMatchObject({ text: { en: expect.stringContaining('zip bomb') } });
  });

  it('a part whose checksum is wrong, an encrypted entry, a duplicated part, hidden bytes', async () => {
    expect(await refusal(minimalXlsx(SHEET, [], { declaredCrc: 12345 }), 'crc.xlsx')).toMatchObject({ text: { en: expect.stringContaining('checksum') } });
    const encrypted = minimalXlsx(SHEET);
    const cd = Buffer.from(encrypted).lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    encrypted[cd + 8] = encrypted[cd + 8]! | 1;
    expect(await refusal(encrypted, 'enc.xlsx')).toMatchObject({ text: { zh: expect.stringContaining('加密') } });
    const twice = minimalXlsx(SHEET, [{ name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(Buffer.from(SHEET)) }]);
    expect(await refusal(twice, 'dup.xlsx')).toMatchObject({ text: { en: expect.stringContaining('appears twice') } });
    // A local entry that the central directory does not list, which a streaming unzip would still read.
    const extra = zip([{ name: 'a', data: new Uint8Array([1]) }]);
    const localOnly = extra.subarray(0, extra.length - 22 - 47);
    const smuggled = Buffer.concat([localOnly, minimalXlsx(SHEET)]);
    expect(await refusal(new Uint8Array(smuggled), 'smuggled.xlsx')).toMatchObject({ code: 'BAD_FILE' });
  });

  it('a zip that is not a workbook: Word, OpenDocument, any archive', async () => {
    const text = (s: string) => new Uint8Array(Buffer.from(s));
    expect(await refusal(zip([{ name: 'word/document.xml', data: text('<w/>') }]), 'a.xlsx')).toMatchObject({ text: { zh: expect.stringContaining('Word') } });
    expect(await refusal(zip([{ name: 'mimetype', data: text('application/vnd.oasis.opendocument.spreadsheet'), method: 0 }]), 'a.ods')).toMatchObject({ text: { en: expect.stringContaining('OpenDocument') } });
    expect(await refusal(zip([{ name: 'readme.txt', data: text('hi') }]), 'a.zip')).toMatchObject({ text: { en: expect.stringContaining('not an Excel workbook') } });
  });

  it('malformed sheet XML', async () => {
    const e = await refusal(minimalXlsx('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData></worksheet>'), 'bad.xlsx');
    expect(e).toMatchObject({ code: 'BAD_FILE', text: { zh: expect.stringContaining('文件内容有误') } });
  });

  it('deflate data that is not deflate', async () => {
    const bytes = minimalXlsx(SHEET);
    const body = deflateRawSync(Buffer.from(SHEET));
    const at = Buffer.from(bytes).indexOf(body);
    bytes.fill(0xff, at, at + body.length); // block type 3 does not exist
    expect(await refusal(bytes, 'junk.xlsx')).toMatchObject({ code: 'BAD_FILE', text: { en: expect.stringContaining('cannot inflate') } });
  });
});
