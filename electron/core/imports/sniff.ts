/**
 * What kind of file was brought, by its first bytes, whatever its name says: an xlsx is a zip,
 * a CSV is text. Old binary Excel (.xls, WPS .et), password-protected workbooks, OpenDocument,
 * Word, images, PDFs, archives and web pages saved as ".xls" are refused with a message that
 * tells the user what to do.
 */
import { badFile, saveAsXlsx } from './limits';
import type { CoreError } from '../errors';

export type FileFormat = 'xlsx' | 'csv';

const TEXT_EXTENSIONS = new Set(['csv', 'txt', 'tsv', '']);
const EXCEL_EXTENSIONS = new Set(['xlsx', 'xlsm', 'xltx', 'xltm']);

export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => bytes[at + i] === b);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Known binary formats that are not spreadsheets we read, with how to name them. */
const BINARY_SIGNATURES: { sig: readonly number[]; zh: string; en: string }[] = [
  { sig: [0x89, 0x50, 0x4e, 0x47], zh: 'PNG 图片', en: 'a PNG image' },
  { sig: [0xff, 0xd8, 0xff], zh: 'JPEG 图片', en: 'a JPEG image' },
  { sig: ascii('GIF8'), zh: 'GIF 图片', en: 'a GIF image' },
  { sig: [0x49, 0x49, 0x2a, 0x00], zh: 'TIFF 图片', en: 'a TIFF image' },
  { sig: [0x4d, 0x4d, 0x00, 0x2a], zh: 'TIFF 图片', en: 'a TIFF image' },
  { sig: ascii('%PDF'), zh: 'PDF 文档', en: 'a PDF document' },
  { sig: ascii('Rar!'), zh: 'RAR 压缩包', en: 'a RAR archive' },
  { sig: [0x37, 0x7a, 0xbc, 0xaf], zh: '7z 压缩包', en: 'a 7z archive' },
  { sig: [0x1f, 0x8b], zh: 'gzip 压缩包', en: 'a gzip archive' },
  { sig: ascii('{\\rtf'), zh: 'RTF 文档', en: 'an RTF document' },
];

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];

/** "EncryptedPackage" as UTF-16LE: the stream name of a password-protected Office file. */
const ENCRYPTED_PACKAGE = new Uint8Array(ascii('EncryptedPackage').flatMap((c) => [c, 0]));

function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(needle.buffer, needle.byteOffset, needle.byteLength));
}

/**
 * 'xlsx' for a zip (the zip reader then checks that it holds a workbook), 'csv' for text that
 * is named .csv/.txt/.tsv (or has no extension); anything else throws BAD_FILE.
 */
export function sniffFormat(bytes: Uint8Array, fileName: string): FileFormat {
  const ext = extensionOf(fileName);
  if (bytes.length === 0) {
    throw badFile(`文件“${fileName}”是空的（0 字节）。`, `The file “${fileName}” is empty (0 bytes).`);
  }
  if (startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY)) return 'xlsx';
  if (startsWith(bytes, OLE2)) {
    if (contains(bytes.subarray(0, Math.min(bytes.length, 4 * 1024 * 1024)), ENCRYPTED_PACKAGE)) {
      return fail(
        saveAsXlsx({
          zh: `“${fileName}”设置了打开密码，无法读取。请在 Excel 或 WPS 中取消密码（文件 → 信息 → 保护工作簿）。`,
          en: `“${fileName}” is protected by a password and cannot be read. Remove the password in Excel or WPS (File → Info → Protect Workbook).`,
        }),
      );
    }
    return fail(
      saveAsXlsx({
        zh: `“${fileName}”是旧版 Excel 97-2003 格式（.xls）或 WPS 表格格式（.et），本软件不读取这种格式。`,
        en: `“${fileName}” is in the old Excel 97-2003 (.xls) or WPS (.et) format, which this application does not read.`,
      }),
    );
  }
  for (const known of BINARY_SIGNATURES) {
    if (startsWith(bytes, known.sig)) {
      return fail(
        badFile(
          `“${fileName}”其实是${known.zh}，不是表格文件。请选择 Excel 工作簿（.xlsx）或 CSV 文件。`,
          `“${fileName}” is actually ${known.en}, not a spreadsheet. Choose an Excel workbook (.xlsx) or a CSV file.`,
        ),
      );
    }
  }
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('<')) {
    const xmlSheet = head.includes('urn:schemas-microsoft-com:office:spreadsheet') || head.startsWith('<?xml');
    return fail(
      saveAsXlsx({
        zh: xmlSheet
          ? `“${fileName}”是 XML 格式的表格（Excel 2003 XML），本软件不直接读取。`
          : `“${fileName}”是网页（HTML）格式的表格，常见于从其他系统导出的“.xls”文件，本软件不直接读取。`,
        en: xmlSheet
          ? `“${fileName}” is an XML spreadsheet (Excel 2003 XML), which this application does not read directly.`
          : `“${fileName}” is a web page (HTML) table, as other systems often export under a “.xls” name; this application does not read it directly.`,
      }),
    );
  }
  if (ext === 'xls' || ext === 'et') {
    return fail(
      saveAsXlsx({ zh: `“${fileName}”不是可识别的 Excel 文件。`, en: `“${fileName}” is not a recognizable Excel file.` }),
    );
  }
  if (EXCEL_EXTENSIONS.has(ext)) {
    return fail(
      badFile(
        `“${fileName}”的扩展名是 .${ext}，但内容不是 Excel 工作簿（文件可能已损坏，或被改了扩展名）。`,
        `“${fileName}” is named .${ext} but does not hold an Excel workbook (it may be damaged, or renamed).`,
      ),
    );
  }
  if (!TEXT_EXTENSIONS.has(ext)) {
    return fail(
      badFile(
        `不支持 .${ext} 文件。请选择 Excel 工作簿（.xlsx）或 CSV 文件。`,
        `.${ext} files are not supported. Choose an Excel workbook (.xlsx) or a CSV file.`,
      ),
    );
  }
  return 'csv';
}

function fail(error: CoreError): never {
  throw error;
}
