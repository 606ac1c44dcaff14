/**
 * Reading an .xlsx with exceljs 4.4's streaming sheet parser, fed by us rather than by its own
 * unzipping (zipCheck.ts has already inflated and checked every part):
 * - Chinese text is decoded with a StringDecoder, so a character split across two chunks stays
 *   whole (exceljs decodes each chunk on its own and turns such characters into U+FFFD:
 *   exceljs issues #2063, #2084, PR #1665, still open in 4.4.0);
 * - the parts are parsed in the order that works (workbook, styles, shared strings, then the
 *   sheets), whatever order the zip has them in, so date formats are always known and nothing
 *   is spilled into temp files (Excel itself writes the sheets first);
 * - merged ranges, which the streaming parser skips, are read from the sheet's tail.
 * This relies on internals of exceljs 4.4.0 (`_parseWorkbook`, `_parseStyles`,
 * `_parseSharedStrings`, `_parseWorksheet`): package.json pins that exact version, and
 * test/unit/electron/core/imports covers each.
 */
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { excelSerialToDate, normalizeDate, normalizeNumber, normalizeText, type Cell } from './cells';
import { LIMITS, badFile, cellTooLong, saveAsXlsx, tooManyColumns, tooManyRows, tooMuchToRead } from './limits';
import { listZipEntries, verifyZipEntries, type ZipEntry } from './zipCheck';
import { parseMergedRanges, parseWorkbookParts, type SheetPart } from './workbookParts';
import type { MergedRange, ReadTableOptions, Table, TableSheet } from './types';

/** What we use of an exceljs streaming Row and Cell. */
interface StreamCell {
  value: unknown;
  numFmt?: unknown;
}
interface StreamRow {
  number: number;
  eachCell(iteratee: (cell: StreamCell, column: number) => void): void;
}
interface StreamWorksheet extends AsyncIterable<StreamRow> {
  name: string;
}
/** The internals of exceljs 4.4.0's WorkbookReader that we drive. */
interface ReaderInternals {
  properties?: { model?: { date1904?: boolean } };
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<string> | Iterable<string>, sheetNo: string): Generator<{ eventType: string; value: StreamWorksheet }>;
}

const CHUNK = 32 * 1024;

/** UTF-8 bytes as strings of whole characters, 64 KB at a time, without a leading BOM. */
function* textChunks(bytes: Uint8Array): Generator<string> {
  const decoder = new StringDecoder('utf8');
  let first = true;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    let s = decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset + i, Math.min(CHUNK, bytes.length - i)));
    if (first && s.length > 0) {
      s = s.replace(/^\uFEFF/, '');
      first = false;
    }
    if (s) yield s;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

const textStream = (bytes: Uint8Array): Readable => Readable.from(textChunks(bytes));

const MS_PER_DAY = 86_400_000;
const EXCEL_FAKE_LEAP_DAY = Date.UTC(1900, 1, 28);

/** Excel's number format marks a date when it has y, m, d, h, s outside quotes and brackets. */
function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string' || format === '') return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[ymdhsb]/i.test(bare.replace(/general/gi, ''));
}

/** OOXML escapes characters XML cannot hold as _xHHHH_ (Excel writes a line break in a cell as _x000D_). */
function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' ? normalizeText(decodeOoxmlEscapes(value)) : null;
}

/** One exceljs cell value as a Cell (see cells.ts). */
function toCell(value: unknown, numFmt: unknown, date1904: boolean): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return textOf(value);
  if (typeof value === 'number') return normalizeNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    // exceljs counts Excel's fictional 1900-02-29, so serials below 60 come out a day early.
    const t = value.getTime();
    return normalizeDate(t < EXCEL_FAKE_LEAP_DAY ? new Date(t + MS_PER_DAY) : value);
  }
  if (typeof value === 'object') {
    const v = value as { richText?: { text?: unknown }[]; formula?: unknown; sharedFormula?: unknown; result?: unknown; error?: unknown; text?: unknown };
    if (Array.isArray(v.richText)) return textOf(v.richText.map((run) => (typeof run.text === 'string' ? run.text : '')).join(''));
    if ('formula' in v || 'sharedFormula' in v || 'result' in v) {
      // A formula: its cached result, never evaluated. A numeric result in a date-formatted cell is a date.
      if (typeof v.result === 'number' && isDateFormat(numFmt)) return excelSerialToDate(v.result, date1904);
      return typeof v.result === 'object' && !(v.result instanceof Date) ? null : toCell(v.result, numFmt, date1904);
    }
    if (typeof v.error === 'string') return v.error;
    if ('text' in v) return toCell(v.text, numFmt, date1904);
  }
  return null;
}

/** Cells a sheet's merges may fill in all: far above any real ledger, far below a hang. */
const MAX_MERGE_FILLS = 20_000_000;

/**
 * Copies each merged range's top-left value over the range, clipped to the rows read and the
 * widest row. False when the merges would fill more than MAX_MERGE_FILLS cells (Excel itself
 * refuses overlapping merges; a file with them is hostile or broken).
 */
export function repeatMerged(rows: Cell[][], merges: MergedRange[]): boolean {
  let width = 0;
  for (const row of rows) width = Math.max(width, row?.length ?? 0);
  let budget = MAX_MERGE_FILLS;
  for (const m of merges) {
    if (m.top >= rows.length || m.left >= width) continue;
    const value = rows[m.top]?.[m.left] ?? null;
    if (value === null) continue;
    const bottom = Math.min(m.bottom, rows.length - 1);
    const right = Math.min(m.right, width - 1);
    budget -= (bottom - m.top + 1) * (right - m.left + 1);
    if (budget < 0) return false;
    for (let r = m.top; r <= bottom; r++) {
      const row = rows[r] ?? (rows[r] = []);
      while (row.length < m.left) row.push(null);
      for (let c = m.left; c <= right; c++) row[c] = value;
    }
  }
  return true;
}

function notAWorkbook(names: Set<string>, bytes: Uint8Array, fileName: string): never {
  const mimetype = names.has('mimetype') ? new TextDecoder().decode(bytes.subarray(38, 38 + 60)) : '';
  if (mimetype.includes('opendocument.spreadsheet')) {
    throw saveAsXlsx({ zh: `“${fileName}”是 OpenDocument 表格（.ods）。`, en: `“${fileName}” is an OpenDocument spreadsheet (.ods).` });
  }
  if (names.has('word/document.xml')) {
    throw badFile(`“${fileName}”是 Word 文档，不是表格。请选择 Excel 工作簿（.xlsx）或 CSV 文件。`, `“${fileName}” is a Word document, not a spreadsheet. Choose an Excel workbook (.xlsx) or a CSV file.`);
  }
  throw badFile(
    `“${fileName}”是一个压缩包，但不是 Excel 工作簿。请选择 Excel 工作簿（.xlsx）或 CSV 文件。`,
    `“${fileName}” is a zip archive, not an Excel workbook. Choose an Excel workbook (.xlsx) or a CSV file.`,
  );
}

function pickSheets(all: SheetPart[], wanted: string | number | undefined, firstVisibleOnly: boolean, fileName: string): SheetPart[] {
  if (wanted === undefined) return firstVisibleOnly ? [all.find((s) => !s.hidden) ?? all[0]!] : all;
  const found = typeof wanted === 'number' ? all[wanted] : all.find((s) => s.name === wanted);
  if (!found) {
    throw badFile(`“${fileName}”中没有工作表“${String(wanted)}”。`, `“${fileName}” has no sheet “${String(wanted)}”.`);
  }
  return [found];
}

const XML_PARTS = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels'];

/** The parts to parse, by their declared sizes (inflation is capped at those), before inflating any. */
function checkParsedSize(entries: readonly ZipEntry[], parsed: ReadonlySet<string>, fileName: string): void {
  const bytes = entries.reduce((sum, e) => (parsed.has(e.name) ? sum + e.size : sum), 0);
  if (bytes > LIMITS.maxParsedBytes) throw tooMuchToRead(fileName, bytes);
}

export async function readXlsx(bytes: Uint8Array, fileName: string, options: ReadTableOptions = {}): Promise<Table> {
  const entries = listZipEntries(bytes, fileName);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml')) notAWorkbook(names, bytes, fileName);
  checkParsedSize(entries, new Set(XML_PARTS), fileName);
  const head = verifyZipEntries(bytes, entries.filter((e) => XML_PARTS.includes(e.name)), fileName, new Set(XML_PARTS));
  const workbookXml = head.get('xl/workbook.xml')!;
  const info = parseWorkbookParts(workbookXml.toString('utf8'), head.get('xl/_rels/workbook.xml.rels')?.toString('utf8'), fileName);
  const selected = pickSheets(info.sheets, options.sheet, options.firstVisibleOnly ?? false, fileName);
  // Only the parts parsed below are inflated (and checked); images and the like are never opened.
  const wanted = new Set(['xl/styles.xml', 'xl/sharedStrings.xml', ...selected.map((s) => s.path)]);
  checkParsedSize(entries, new Set([...XML_PARTS, ...wanted]), fileName);
  const parts = verifyZipEntries(bytes, entries.filter((e) => wanted.has(e.name)), fileName, wanted);

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  }) as unknown as ReaderInternals;
  await reader._parseWorkbook(textStream(workbookXml));
  reader.properties = { model: { date1904: info.date1904 } };
  const styles = parts.get('xl/styles.xml');
  if (styles) await reader._parseStyles(textStream(styles));
  const shared = parts.get('xl/sharedStrings.xml');
  if (shared) for await (const _ of reader._parseSharedStrings(textStream(shared))) void _;
  parts.delete('xl/sharedStrings.xml');

  const sheets: TableSheet[] = [];
  for (const sheet of selected) {
    const xml = parts.get(sheet.path);
    if (!xml) throw badFile(`“${fileName}”缺少工作表“${sheet.name}”的内容。`, `“${fileName}” lacks the content of the sheet “${sheet.name}”.`);
    sheets.push(await readSheet(reader, sheet, xml, info.date1904, options));
    parts.delete(sheet.path);
  }
  return { format: 'xlsx', sheetNames: info.sheets.map((s) => s.name), sheets, date1904: info.date1904 };
}

async function readSheet(reader: ReaderInternals, sheet: SheetPart, xml: Buffer, date1904: boolean, options: ReadTableOptions): Promise<TableSheet> {
  const [event] = [...reader._parseWorksheet(textChunks(xml), sheet.partNumber)];
  if (!event) return { name: sheet.name, hidden: sheet.hidden, rows: [], truncated: false, merges: [] };
  const rows: Cell[][] = [];
  let truncated = false;
  let read = 0;
  for await (const row of event.value) {
    const index = row.number - 1;
    if (index >= LIMITS.maxRows) throw tooManyRows({ zh: `工作表“${sheet.name}”`, en: `The sheet “${sheet.name}”` });
    if (options.maxRows !== undefined && index >= options.maxRows) {
      truncated = true;
      break;
    }
    let cells: Cell[] | null = null;
    row.eachCell((cell, column) => {
      const value = toCell(cell.value, cell.numFmt, date1904);
      if (value === null) return;
      if (column > LIMITS.maxColumns) throw tooManyColumns({ zh: `工作表“${sheet.name}”`, en: `The sheet “${sheet.name}”` });
      if (typeof value === 'string' && value.length > LIMITS.maxCellChars) throw cellTooLong(sheet.name, index, column - 1, value.length);
      cells ??= [];
      while (cells.length < column - 1) cells.push(null);
      cells[column - 1] = value;
    });
    if (cells) rows[index] = cells;
    if (++read % 1000 === 0) options.onRows?.(read);
  }
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  const merges = parseMergedRanges(xml);
  if ((options.mergedCells ?? 'repeat') === 'repeat' && !repeatMerged(rows, merges)) {
    throw badFile(
      `工作表“${sheet.name}”的合并单元格异常（数量过多或相互重叠）。请在 Excel 或 WPS 中取消合并后再导入。`,
      `The merged cells of the sheet “${sheet.name}” are abnormal (too many, or overlapping). Unmerge them in Excel or WPS and import again.`,
    );
  }
  return { name: sheet.name, hidden: sheet.hidden, rows, truncated, merges };
}
