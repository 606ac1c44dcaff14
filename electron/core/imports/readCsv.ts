/**
 * Reading a CSV (or tab-separated .txt) as one sheet named after the file:
 * - encoding: UTF-16 by its BOM (Excel's "Unicode text"), otherwise UTF-8 with or without BOM,
 *   otherwise GB18030/GBK (WPS and Excel on Chinese Windows) or Big5 (Traditional Chinese),
 *   whichever the text's characters say — files/decodeText.ts; a file that is part UTF-8 and
 *   part not (two encodings pasted together, or damaged) is refused;
 * - delimiter: comma, semicolon, tab or |, whichever splits the first lines most consistently
 *   (outside quotes); .tsv is always tab;
 * - every cell is text (normalized as in cells.ts): ID numbers and codes keep leading zeros;
 * - empty lines stay as blank rows, so row numbers are the file's record numbers.
 */
import { parse } from 'csv-parse/sync';
import { guessLegacyEncoding, looksLikeMixedUtf8 } from '../files/decodeText';
import { normalizeText, type Cell } from './cells';
import { LIMITS, badFile, cellTooLong, tooManyColumns, tooManyRows } from './limits';
import { extensionOf } from './sniff';
import type { ReadTableOptions, Table } from './types';

type Encoding = NonNullable<Table['encoding']> | 'mixed';

export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    if (looksLikeMixedUtf8(bytes)) return { text: '', encoding: 'mixed' };
    const encoding = guessLegacyEncoding(bytes);
    return { text: new TextDecoder(encoding).decode(bytes), encoding };
  }
}

const CANDIDATES = [',', ';', '\t', '|'] as const;

/** How many times each candidate delimiter occurs outside quotes on each of the first lines. */
function countsPerLine(sample: string): Map<string, number[]> {
  const counts = new Map<string, number[]>(CANDIDATES.map((d) => [d, []]));
  let current = new Map<string, number>();
  let inQuotes = false;
  let lines = 0;
  const endLine = () => {
    for (const d of CANDIDATES) counts.get(d)!.push(current.get(d) ?? 0);
    current = new Map();
    lines++;
  };
  for (let i = 0; i < sample.length && lines < 50; i++) {
    const ch = sample[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === '\n') endLine();
    else if (!inQuotes && (CANDIDATES as readonly string[]).includes(ch)) current.set(ch, (current.get(ch) ?? 0) + 1);
  }
  if (current.size > 0) endLine();
  return counts;
}

/**
 * The delimiter whose count is the same non-zero number on the most lines (ties: the larger
 * count, then comma before semicolon before tab). Title lines above the header have none of
 * any delimiter, so they do not spoil the vote. Comma when nothing splits at all.
 */
export function detectDelimiter(text: string, fileName = ''): string {
  if (extensionOf(fileName) === 'tsv') return '\t';
  const counts = countsPerLine(text.slice(0, 64 * 1024));
  let best: { delimiter: string; lines: number; width: number } = { delimiter: ',', lines: 0, width: 0 };
  for (const d of CANDIDATES) {
    const perLine = counts.get(d)!.filter((n) => n > 0);
    const freq = new Map<number, number>();
    for (const n of perLine) freq.set(n, (freq.get(n) ?? 0) + 1);
    for (const [width, lines] of freq) {
      if (lines > best.lines || (lines === best.lines && width > best.width)) best = { delimiter: d, lines, width };
    }
  }
  return best.delimiter;
}

function sheetNameOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base) || 'CSV';
}

export function readCsv(bytes: Uint8Array, fileName: string, options: ReadTableOptions = {}): Table {
  const { text, encoding } = decodeCsvBytes(bytes);
  if (encoding === 'mixed') {
    throw badFile(
      `“${fileName}”中混有两种编码（一部分是 UTF-8，一部分是 GBK），或者文件已损坏：照原样读出来的汉字会是乱码。请在 Excel 或 WPS 中打开并另存为 .xlsx 或 CSV UTF-8 后再导入。`,
      `“${fileName}” mixes two encodings (part UTF-8, part GBK), or is damaged: read as it is, its Chinese would come out garbled. Open it in Excel or WPS, save it as .xlsx or CSV UTF-8, and import that.`,
    );
  }
  const probe = text.slice(0, 64 * 1024);
  const replaced = (probe.match(/\uFFFD/g) ?? []).length;
  if (probe.includes('\u0000') || ((encoding === 'gb18030' || encoding === 'big5') && replaced > Math.max(3, probe.length / 200))) {
    throw badFile(
      `“${fileName}”不是文本文件，或者编码无法识别（支持 UTF-8、GBK/GB18030 和 Big5）。请在 Excel 或 WPS 中另存为 .xlsx 或 CSV UTF-8 后再导入。`,
      `“${fileName}” is not a text file, or its encoding cannot be recognized (UTF-8, GBK/GB18030 and Big5 are supported). Save it as .xlsx or CSV UTF-8 in Excel or WPS and import that.`,
    );
  }
  const name = sheetNameOf(fileName);
  if (options.sheet !== undefined && options.sheet !== 0 && options.sheet !== name) {
    throw badFile(`“${fileName}”中没有工作表“${String(options.sheet)}”。`, `“${fileName}” has no sheet “${String(options.sheet)}”.`);
  }
  const delimiter = detectDelimiter(text, fileName);
  const limit = (options.maxRows ?? LIMITS.maxRows) + 1;
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      to: limit,
      // A guard against a quote that never closes; each cell's own limit is checked below.
      max_record_size: 4 * 1024 * 1024,
    }) as string[][];
  } catch (error) {
    const e = error as { code?: string; lines?: number; message: string };
    if (e.code === 'CSV_MAX_RECORD_SIZE') {
      throw badFile(
        `“${fileName}”第 ${e.lines ?? '?'} 行过长，可能是某个引号没有配对。`,
        `Line ${e.lines ?? '?'} of “${fileName}” is too long; perhaps a quote is not closed.`,
      );
    }
    throw badFile(
      `无法解析 CSV 文件“${fileName}”${e.lines ? `（第 ${e.lines} 行附近）` : ''}：${e.message}。`,
      `Cannot parse the CSV file “${fileName}”${e.lines ? ` (near line ${e.lines})` : ''}: ${e.message}.`,
    );
  }
  if (options.maxRows === undefined && records.length > LIMITS.maxRows) throw tooManyRows({ zh: `“${fileName}”`, en: `“${fileName}”` });
  const truncated = options.maxRows !== undefined && records.length > options.maxRows;
  if (truncated) records.length = options.maxRows!;
  const rows: Cell[][] = [];
  let lastNonBlank = -1;
  records.forEach((record, index) => {
    if (record.length > LIMITS.maxColumns) throw tooManyColumns({ zh: `“${fileName}”`, en: `“${fileName}”` });
    const cells: Cell[] = [];
    let last = -1;
    record.forEach((raw, column) => {
      if (raw.length > LIMITS.maxCellChars) throw cellTooLong(name, index, column, raw.length);
      const value = normalizeText(raw);
      cells.push(value);
      if (value !== null) last = column;
    });
    cells.length = last + 1;
    rows.push(cells);
    if (last >= 0) lastNonBlank = index;
    if ((index + 1) % 1000 === 0) options.onRows?.(index + 1);
  });
  rows.length = lastNonBlank + 1;
  return { format: 'csv', sheetNames: [name], sheets: [{ name, hidden: false, rows, truncated, merges: [] }], date1904: false, encoding, delimiter };
}
