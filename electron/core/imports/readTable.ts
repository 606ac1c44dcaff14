/**
 * readTable: the rows of a spreadsheet file people bring, whatever it is. The first bytes decide
 * the reader (sniff.ts): an .xlsx through exceljs (readXlsx.ts), a CSV through csv-parse
 * (readCsv.ts); anything else, or anything broken, over the limits (limits.ts) or hostile, is a
 * CoreError('BAD_FILE') whose message says why and what to do.
 */
import { CoreError } from '../errors';
import { LIMITS, badFile, tooBig } from './limits';
import { sniffFormat } from './sniff';
import { readXlsx } from './readXlsx';
import { readCsv } from './readCsv';
import type { ReadTableOptions, Table } from './types';

export async function readTable(bytes: Uint8Array, fileName: string, options: ReadTableOptions = {}): Promise<Table> {
  if (bytes.length > LIMITS.maxFileBytes) throw tooBig(bytes.length);
  const format = sniffFormat(bytes, fileName);
  // What the caller's own onRows throws (a cancelled job) goes through untouched.
  const thrownByCaller = new Set<unknown>();
  const onRows = options.onRows;
  const guarded: ReadTableOptions = onRows
    ? {
        ...options,
        onRows(n) {
          try {
            onRows(n);
          } catch (error) {
            thrownByCaller.add(error);
            throw error;
          }
        },
      }
    : options;
  try {
    return format === 'xlsx' ? await readXlsx(bytes, fileName, guarded) : readCsv(bytes, fileName, guarded);
  } catch (error) {
    if (error instanceof CoreError || thrownByCaller.has(error)) throw error;
    // Anything else a reader throws (an XML error, a bad reference inside a part) is the file's fault.
    const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '').slice(0, 200) : String(error);
    throw badFile(
      `无法读取“${fileName}”：文件内容有误（${detail}）。请在 Excel 或 WPS 中打开并重新保存后再导入。`,
      `Cannot read “${fileName}”: its content is malformed (${detail}). Open it in Excel or WPS, save it again and import that.`,
    );
  }
}
