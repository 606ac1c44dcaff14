/**
 * What an import refuses to read, and the BAD_FILE error that says so. The limits are Excel's own
 * where Excel has one (rows, columns, characters in a cell) and generous guards elsewhere, so a
 * file an office really has always passes and a broken or hostile one never takes the machine.
 */
import { CoreError } from '../errors';

export const LIMITS = {
  /** Bytes of the file as brought. */
  maxFileBytes: 100 * 1024 * 1024,
  /** Excel's rows per sheet. */
  maxRows: 1_048_576,
  /** Excel's columns per sheet (XFD). */
  maxColumns: 16_384,
  /** Excel's characters per cell. */
  maxCellChars: 32_767,
  /** An xlsx: entries in the zip. */
  maxZipEntries: 10_000,
  /** An xlsx: bytes of all parts once uncompressed, and of any one part. */
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxEntryBytes: 768 * 1024 * 1024,
  /**
   * An xlsx: bytes of the parts actually parsed (workbook, styles, shared strings, the sheets
   * read), all held inflated at once. The largest real workbook (JOURNEYS: 100,000 rows of Chinese
   * records × 12 columns, test/integration/imports/bench.test.ts) has 43 MB of sheet XML and under
   * 1 MB of shared strings; 256 MiB is six times that (some 600,000 such rows). Without it a file
   * within the other limits could make an import hold 1 GiB of XML before reading a row.
   */
  maxParsedBytes: 256 * 1024 * 1024,
  /**
   * An xlsx part bigger than `ratioFloorBytes` that inflates more than `maxRatio` times is a zip
   * bomb: spreadsheet XML compresses 5–30 times (measured: 100 k rows of Chinese records 6×,
   * their shared strings 15×, a million empty formatted rows 28×), a bomb's deflate ~1000×.
   */
  maxRatio: 250,
  ratioFloorBytes: 16 * 1024 * 1024,
} as const;

const MB = 1024 * 1024;

export function badFile(zh: string, en: string): CoreError {
  return new CoreError('BAD_FILE', { zh: `${zh}未写入任何数据。`, en: `${en} Nothing was written.` });
}

export function tooBig(bytes: number): CoreError {
  return badFile(
    `文件有 ${(bytes / MB).toFixed(1)} MB，超过了 ${LIMITS.maxFileBytes / MB} MB 的上限。请把表格拆分成几个文件后分别导入。`,
    `The file is ${(bytes / MB).toFixed(1)} MB, over the ${LIMITS.maxFileBytes / MB} MB limit. Split the table into several files and import them one by one.`,
  );
}

export function tooMuchToRead(fileName: string, bytes: number): CoreError {
  const limit = LIMITS.maxParsedBytes / MB;
  return badFile(
    `“${fileName}”的表格内容解压后有 ${(bytes / MB).toFixed(0)} MB，超过了 ${limit} MB 的上限（约 60 万行）。请把表格拆分成几个文件后分别导入。`,
    `The sheets of “${fileName}” expand to ${(bytes / MB).toFixed(0)} MB, over the ${limit} MB limit (about 600,000 rows). Split the table into several files and import them one by one.`,
  );
}

export function tooManyRows(where: { zh: string; en: string }): CoreError {
  const n = LIMITS.maxRows.toLocaleString('en-US');
  return badFile(`${where.zh}超过 ${n} 行（Excel 的上限）。`, `${where.en} has more than ${n} rows (Excel's limit).`);
}

export function tooManyColumns(where: { zh: string; en: string }): CoreError {
  return badFile(`${where.zh}超过 ${LIMITS.maxColumns} 列（Excel 的上限）。`, `${where.en} has more than ${LIMITS.maxColumns} columns (Excel's limit).`);
}

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellTooLong(sheet: string, rowIndex: number, columnIndex: number, length: number): CoreError {
  const ref = `${columnLetter(columnIndex)}${rowIndex + 1}`;
  return badFile(
    `工作表“${sheet}”的单元格 ${ref} 有 ${length} 个字符，超过单元格上限 ${LIMITS.maxCellChars} 个字符。请缩短后再导入。`,
    `Cell ${ref} of the sheet “${sheet}” holds ${length} characters, over the limit of ${LIMITS.maxCellChars} per cell. Shorten it and import again.`,
  );
}

export function saveAsXlsx(what: { zh: string; en: string }): CoreError {
  return badFile(
    `${what.zh}请在 Excel 或 WPS 中打开它，选择“另存为”，保存为 Excel 工作簿（.xlsx）或 CSV（逗号分隔），再导入。`,
    `${what.en} Open it in Excel or WPS, choose “Save As”, save it as an Excel workbook (.xlsx) or CSV (comma delimited), and import that.`,
  );
}
