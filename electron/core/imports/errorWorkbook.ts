/**
 * The error workbook (错误表): the rows an import refused, with their original columns at their
 * original positions, a 错误原因 column at the end, each problem cell filled red with its reason
 * as a cell note, the header bold and frozen. The archivist fixes the rows there and imports the
 * file again: its header has the original file's signature (header.ts ignores 错误原因), so the
 * same mapping applies; dates stay dates, numbers numbers, text text.
 */
import { readdirSync, statSync, rmSync } from 'node:fs';
import { makeDirectorySync } from '../files/directories';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { LocalizedText } from '../../../shared/contract';
import { cellText, type Cell } from './cells';
import { ERROR_REASON_HEADER } from './header';
import { columnLetter } from './limits';
import type { Vault } from '../crypto/vault';
import { keepAsText } from '../files/formulaText';

export interface FailedRow {
  /** The row number in the imported sheet. */
  rowNumber: number;
  cells: readonly Cell[];
}

export interface CellProblem {
  row: number;
  /** null: a problem of the whole row (only the reason column says it). */
  columnIndex: number | null;
  /** The column's name for the reason text; defaults to the header cell's text. */
  header?: string | null;
  message: LocalizedText;
}

/**
 * Cell notes are costly (a comment and a drawing shape each, which Excel and WPS open slowly by
 * the ten thousand). Past this many, cells are still filled red and 错误原因 still says everything.
 */
export const MAX_NOTES = 5_000;

const PROBLEM_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const PROBLEM_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/** Display width of a text: CJK characters count two. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\uFFFF]/u.test(ch) ? 2 : 1;
  return w;
}

export async function errorWorkbook(
  header: readonly Cell[],
  failedRows: readonly FailedRow[],
  problems: readonly CellProblem[],
  options: { sheetName?: string; language?: 'zh' | 'en'; maxNotes?: number } = {},
): Promise<Uint8Array> {
  const lang = options.language ?? 'zh';
  let notesLeft = options.maxNotes ?? MAX_NOTES;
  const byRow = new Map<number, CellProblem[]>();
  for (const p of problems) {
    const list = byRow.get(p.row);
    if (list) list.push(p);
    else byRow.set(p.row, [p]);
  }
  // The error workbook of an error workbook (rows that fail again) reuses its 错误原因 column.
  const existing = header.findLastIndex((c) => typeof c === 'string' && c.replace(/\s+/g, '') === ERROR_REASON_HEADER);
  let reasonColumn = existing >= 0 ? existing : header.length;
  if (existing < 0) for (const r of failedRows) reasonColumn = Math.max(reasonColumn, r.cells.length);
  const widths = Array.from({ length: reasonColumn + 1 }, (_, i) => Math.min(40, Math.max(8, width(cellText(header[i] ?? null)) + 2)));
  for (const r of failedRows.slice(0, 2000)) r.cells.forEach((c, i) => (widths[i] = Math.min(40, Math.max(widths[i] ?? 8, width(cellText(c)) + 2))));
  widths[reasonColumn] = 60;

  // The streaming writer keeps memory flat however many rows failed (a wrong mapping fails them all).
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  wb.creator = 'Guangrong 光荣';
  const ws = wb.addWorksheet((options.sheetName ?? '错误行').replace(/[\\/?*[\]:]/g, '_').slice(0, 31) || '错误行', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = widths.map((w) => ({ width: w }));

  const headerRow = ws.getRow(1);
  header.forEach((cell, i) => {
    if (cell === null) return;
    const c = headerRow.getCell(i + 1);
    c.value = cell;
    keepAsText(c);
  });
  headerRow.getCell(reasonColumn + 1).value = ERROR_REASON_HEADER;
  for (let i = 0; i <= reasonColumn; i++) {
    const c = headerRow.getCell(i + 1);
    c.font = { bold: true };
    c.fill = HEADER_FILL;
  }
  headerRow.commit();

  failedRows.forEach((failed, n) => {
    const row = ws.getRow(n + 2);
    failed.cells.forEach((cell, i) => {
      if (cell === null || i === reasonColumn) return;
      const c = row.getCell(i + 1);
      c.value = cell;
      if (cell instanceof Date) c.numFmt = 'yyyy-mm-dd';
      keepAsText(c);
    });
    const reasons: string[] = [];
    const notes = new Map<number, string[]>();
    for (const p of byRow.get(failed.rowNumber) ?? []) {
      const name = p.header ?? (p.columnIndex === null ? null : cellText(header[p.columnIndex] ?? null) || columnLetter(p.columnIndex));
      const text = p.message[lang];
      reasons.push(name ? (lang === 'zh' ? `【${name}】${text}` : `[${name}] ${text}`) : text);
      if (p.columnIndex !== null) notes.set(p.columnIndex, [...(notes.get(p.columnIndex) ?? []), text]);
    }
    for (const [i, texts] of notes) {
      const c = row.getCell(i + 1);
      c.fill = PROBLEM_FILL;
      c.font = PROBLEM_FONT;
      if (notesLeft-- > 0) c.note = texts.join('\n');
    }
    const reasonCell = row.getCell(reasonColumn + 1);
    reasonCell.value = (lang === 'zh' ? `原第 ${failed.rowNumber} 行：` : `Row ${failed.rowNumber}: `) + reasons.join(lang === 'zh' ? '；' : '; ');
    reasonCell.font = PROBLEM_FONT;
    reasonCell.alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  });
  ws.commit();
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

/** Where error workbooks are kept under the data folder; older than this many days are removed. */
export const ERROR_FILES_DIR = join('imports', 'errors');
const KEEP_DAYS = 30;

/**
 * Stores an error workbook under <dataDir>/imports/errors/ (temp file, fsync, rename; through the
 * vault: sealed in an encrypted installation, it holds the refused rows' names) and removes ones
 * older than 30 days. Returns its path relative to the data folder.
 */
export function saveErrorWorkbook(dataDir: string, name: string, bytes: Uint8Array, vault: Vault, nowMs = Date.now()): string {
  const dir = join(dataDir, ERROR_FILES_DIR);
  makeDirectorySync(dir);
  for (const old of readdirSync(dir)) {
    const file = join(dir, old);
    try {
      if (nowMs - statSync(file).mtimeMs > KEEP_DAYS * 86_400_000) rmSync(file, { force: true });
    } catch {
      // another import removed it first
    }
  }
  const cleaned = name.replace(/[^\w.-]+/g, '_');
  const safe = /^\.*$/.test(cleaned) ? 'errors.xlsx' : cleaned;
  vault.writeFileDurably(join(dir, safe), bytes);
  return join(ERROR_FILES_DIR, safe);
}
