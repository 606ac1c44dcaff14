/**
 * What an import kind declares (ImportSpec) and what an import answers (ImportResult). A kind —
 * the martyrs' roll, the honours ledger, the plaque ledger — is columns plus three functions;
 * reading, header detection, mapping memory, checking, all-or-nothing writing and the error
 * workbook are shared (pipeline.ts).
 */
import type { Db } from '../db/connection';
import type { AuditRecord } from '../context';
import type { LocalizedText } from '../../../shared/contract';
import type { Cell } from './cells';
import type { ColumnMapping } from './header';

export interface ImportColumn {
  key: string;
  label: LocalizedText;
  /**
   * An empty cell here is a problem the pipeline reports itself ("姓名不能为空"); parseRow still
   * runs for the row's other problems, and its own problem for this column is then dropped.
   */
  required?: boolean;
  /** Header texts that mean this column (the label's zh and en count as aliases too). */
  aliases: readonly string[];
}

/** A problem with one cell (column = the column's key) or the whole row (column = null). */
export interface RowProblem {
  column: string | null;
  message: LocalizedText;
}

export type ParsedRow<T> = { ok: true; value: T } | { ok: false; problems: RowProblem[] };

export interface ImportedRow<T> {
  /** The sheet's row number (1-based, as Excel shows it). */
  rowNumber: number;
  value: T;
}

export interface CommitContext {
  /** Records an audit row in the import's transaction (the pipeline adds one summary row itself). */
  audit(record: AuditRecord): void;
  /** Sheet row numbers, parallel to `values`. */
  rowNumbers: readonly number[];
  fileName: string;
  actor: { userId: number | null; username: string };
  now: string;
}

export interface ImportSpec<T, R = unknown> {
  /** 'martyrs', 'awards', 'plaques': names the job's audit row and keys the remembered mappings. */
  kind: string;
  columns: readonly ImportColumn[];
  /**
   * One data row → a value, or its problems. Gets the cells by column key (null when empty or
   * unmapped) and the sheet row number. Pure: no database; `date1904` is for cellDate/cellText.
   */
  parseRow(cells: Readonly<Record<string, Cell>>, rowNumber: number, info: { date1904: boolean }): ParsedRow<T>;
  /** Optional checks across rows and against the database (duplicates…), before anything is written. */
  checkAll?(db: Db, rows: readonly ImportedRow<T>[]): { row: number; column: string | null; message: LocalizedText }[];
  /**
   * Writes every value. Runs inside the import's single write transaction: throwing anything
   * rolls it all back. Call `progress(done)` every few hundred rows: it reports and it is where
   * a cancel takes effect. Returns a JSON-able summary for the job's result.
   */
  /** `values` are handed over: commit may release each (set it undefined) once it is written. */
  commit(db: Db, values: T[], progress: (done: number) => void, context: CommitContext): R;
}

/** One problem in the job's result: sheet row number, field key, column and header as found. */
export interface ImportProblem {
  row: number;
  column: string | null;
  columnIndex: number | null;
  header: string | null;
  message: LocalizedText;
}

interface ResultBase {
  kind: string;
  fileName: string;
  sheet: string;
  /** Index of the header row in the sheet's rows (sheet row headerRow + 1). */
  headerRow: number;
  signature: string;
  mapping: ColumnMapping;
  /** Data rows found (not counting blank and total rows). */
  rows: number;
  /** Rows not imported on purpose: blank ones (counted), 合计/小计 rows and repeated headers (row numbers). */
  skipped: { blankRows: number; totalRows: number[]; headerRows: number[] };
}

export interface ImportDone<R> extends ResultBase {
  ok: true;
  imported: number;
  summary: R;
}

export interface ImportRejected extends ResultBase {
  ok: false;
  /** Rows with at least one problem; nothing was written. */
  rowsWithProblems: number;
  /** Every problem, up to MAX_PROBLEMS_IN_RESULT; the error workbook holds every failed row. */
  problems: ImportProblem[];
  problemCount: number;
  problemsTruncated: boolean;
  /** The error workbook, relative to the data folder (null when the job has no data folder). */
  errorFile: string | null;
}

export type ImportResult<R = unknown> = ImportDone<R> | ImportRejected;

export interface ImportInput {
  bytes: Uint8Array;
  fileName: string;
  /** Sheet name or 0-based position; default the first visible sheet. */
  sheet?: string | number;
  /** Index of the header row; default the detected one. */
  headerRow?: number;
  mapping: ColumnMapping;
}
