/**
 * runImport: the shared validate-and-commit pipeline that an import job kind runs.
 *   reading  → readTable (cancellable every 1,000 rows)
 *   checking → every data row through spec.parseRow (blank rows, 合计/小计 rows and repeats of
 *              the header skipped and reported), then spec.checkAll; cancellable every 500 rows
 *   writing  → only if NO row has a problem: spec.commit inside ONE write transaction with the
 *              import's audit row and the remembered mapping; a cancel or any error rolls it all
 *              back, so the database is exactly as before.
 * With problems, nothing is written: the result lists them by row and column, and the error
 * workbook (errorWorkbook.ts) is saved under the data folder for the archivist to fix and re-import.
 */
import { saveMapping } from '../db/importMappings';
import { CoreError } from '../errors';
import type { JobContext } from '../jobs/context';
import type { Cell } from './cells';
import { errorWorkbook, saveErrorWorkbook, type FailedRow } from './errorWorkbook';
import { detectHeader, headerSignature, isBlankRow, isHeaderRepeat, isTotalRow, type ColumnMapping, type ExpectedHeader } from './header';
import { badFile } from './limits';
import { readTable } from './readTable';
import type { ImportColumn, ImportInput, ImportProblem, ImportResult, ImportSpec, ImportedRow } from './spec';

/** The result lists at most this many problems (the error workbook has every failed row). */
export const MAX_PROBLEMS_IN_RESULT = 10_000;
const CHECK_BATCH = 500;

export function expectedHeaders(columns: readonly ImportColumn[]): ExpectedHeader[] {
  return columns.map((c) => ({ key: c.key, aliases: [c.label.zh, c.label.en, ...c.aliases] }));
}

/**
 * The mapping as sent (JSON object keys are strings) made safe: integer columns, known keys, each
 * key once, every required column present. Throws VALIDATION with a message naming the column.
 */
export function checkMapping(columns: readonly ImportColumn[], raw: ColumnMapping | Record<string, string>): ColumnMapping {
  const known = new Map(columns.map((c) => [c.key, c]));
  const mapping: ColumnMapping = {};
  const seen = new Map<string, number>();
  for (const [column, key] of Object.entries(raw)) {
    const index = Number(column);
    if (!Number.isInteger(index) || index < 0 || index >= 16_384) {
      throw new CoreError('VALIDATION', { zh: `列号“${column}”无效。`, en: `“${column}” is not a valid column index.` });
    }
    if (key === '' || key === null) continue;
    const spec = known.get(key);
    if (!spec) throw new CoreError('VALIDATION', { zh: `没有“${key}”这一项。`, en: `There is no field “${key}”.` });
    if (seen.has(key)) {
      throw new CoreError('VALIDATION', {
        zh: `“${spec.label.zh}”对应了两列（第 ${seen.get(key)! + 1} 列和第 ${index + 1} 列），请只选一列。`,
        en: `“${spec.label.en}” is mapped to two columns (${seen.get(key)! + 1} and ${index + 1}); choose one.`,
      });
    }
    seen.set(key, index);
    mapping[index] = key;
  }
  const missing = columns.filter((c) => c.required && !seen.has(c.key));
  if (missing.length > 0) {
    throw new CoreError('VALIDATION', {
      zh: `必填项没有对应的列：${missing.map((c) => c.label.zh).join('、')}。`,
      en: `Required fields have no column: ${missing.map((c) => c.label.en).join(', ')}.`,
    });
  }
  return mapping;
}

function headerText(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  return cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
}

export async function runImport<T, R>(ctx: JobContext, spec: ImportSpec<T, R>, input: ImportInput): Promise<ImportResult<R>> {
  const mapping = checkMapping(spec.columns, input.mapping);
  const columnOf = new Map(Object.entries(mapping).map(([column, key]) => [key, Number(column)]));

  // reading
  ctx.throwIfCancelled();
  ctx.progress(0, 0, 'reading');
  const table = await readTable(input.bytes, input.fileName, {
    ...(input.sheet === undefined ? { firstVisibleOnly: true } : { sheet: input.sheet }),
    onRows: (n) => {
      ctx.throwIfCancelled();
      ctx.progress(n, 0, 'reading');
    },
  });
  const sheet = table.sheets[0]!;
  const rows = sheet.rows;
  const headerRow = input.headerRow ?? detectHeader(rows, expectedHeaders(spec.columns)).headerRow;
  if (headerRow === null || headerRow < 0 || headerRow >= rows.length) {
    throw badFile(`工作表“${sheet.name}”是空的。`, `The sheet “${sheet.name}” is empty.`);
  }
  const header = rows[headerRow]!;
  const signature = headerSignature(header);

  // checking
  const total = rows.length - headerRow - 1;
  ctx.progress(0, total, 'checking');
  const problems: ImportProblem[] = [];
  let problemCount = 0;
  const failedRows: FailedRow[] = [];
  const allFailedProblems: { row: number; columnIndex: number | null; header: string | null; message: ImportProblem['message'] }[] = [];
  const parsed: ImportedRow<T>[] = [];
  const skipped = { blankRows: 0, totalRows: [] as number[], headerRows: [] as number[] };
  const report = (row: number, column: string | null, message: ImportProblem['message']) => {
    const columnIndex = column === null ? null : (columnOf.get(column) ?? null);
    const label = column === null ? null : (headerText(columnIndex === null ? null : header[columnIndex]) ?? spec.columns.find((c) => c.key === column)?.label.zh ?? column);
    problemCount++;
    const problem = { row, column, columnIndex, header: label, message };
    if (problems.length < MAX_PROBLEMS_IN_RESULT) problems.push(problem);
    allFailedProblems.push(problem);
  };
  const failedRowNumbers = new Set<number>();

  for (let i = headerRow + 1; i < rows.length; i++) {
    const done = i - headerRow - 1;
    if (done % CHECK_BATCH === 0) {
      ctx.throwIfCancelled();
      ctx.progress(done, total, 'checking');
    }
    const row = rows[i]!;
    const rowNumber = i + 1;
    if (isBlankRow(row)) {
      skipped.blankRows++;
      continue;
    }
    if (isTotalRow(row)) {
      skipped.totalRows.push(rowNumber);
      continue;
    }
    if (isHeaderRepeat(row, header)) {
      skipped.headerRows.push(rowNumber);
      continue;
    }
    const cells: Record<string, Cell> = {};
    for (const c of spec.columns) {
      const at = columnOf.get(c.key);
      cells[c.key] = at === undefined ? null : (row[at] ?? null);
    }
    const empty = spec.columns.filter((c) => c.required && cells[c.key] === null);
    for (const c of empty) report(rowNumber, c.key, { zh: `${c.label.zh}不能为空`, en: `${c.label.en} is required` });
    const result = spec.parseRow(cells, rowNumber, { date1904: table.date1904 });
    if (result.ok && empty.length === 0) {
      parsed.push({ rowNumber, value: result.value });
      continue;
    }
    if (!result.ok) {
      const reported = new Set(empty.map((c) => c.key));
      for (const p of result.problems) if (p.column === null || !reported.has(p.column)) report(rowNumber, p.column, p.message);
    }
    failedRowNumbers.add(rowNumber);
  }
  ctx.throwIfCancelled();
  for (const p of spec.checkAll?.(ctx.db, parsed) ?? []) {
    report(p.row, p.column, p.message);
    failedRowNumbers.add(p.row);
  }
  ctx.progress(total, total, 'checking');

  const base = { kind: spec.kind, fileName: input.fileName, sheet: sheet.name, headerRow, signature, mapping, rows: parsed.length + failedRowNumbers.size - countCheckAllOverlap(parsed, failedRowNumbers), skipped };
  if (failedRowNumbers.size > 0) {
    for (const n of [...failedRowNumbers].sort((a, b) => a - b)) failedRows.push({ rowNumber: n, cells: rows[n - 1] ?? [] });
    problems.sort((a, b) => a.row - b.row || (a.columnIndex ?? Infinity) - (b.columnIndex ?? Infinity));
    let errorFile: string | null = null;
    if (ctx.dataDir) {
      ctx.throwIfCancelled();
      const bytes = await errorWorkbook(header, failedRows, allFailedProblems, { sheetName: sheet.name });
      errorFile = saveErrorWorkbook(ctx.dataDir, `${spec.kind}-job${ctx.jobId}-errors.xlsx`, bytes, ctx.vault);
    }
    return {
      ...base,
      ok: false,
      rowsWithProblems: failedRowNumbers.size,
      problems,
      problemCount,
      problemsTruncated: problemCount > problems.length,
      errorFile,
    };
  }
  if (parsed.length === 0) {
    throw badFile(`工作表“${sheet.name}”的表头下没有数据行。`, `The sheet “${sheet.name}” has no data rows under its header.`);
  }
  // Every row is good: the cells as read are not needed any more (only an error workbook would
  // be), so the memory they hold is free for the writing.
  rows.length = 0;

  // writing: one transaction; a cancel or an error in it rolls everything back.
  const values = parsed.map((r) => r.value);
  const rowNumbers = parsed.map((r) => r.rowNumber);
  // From here the values are the commit's: it may release each one as it is written.
  parsed.length = 0;
  ctx.progress(0, values.length, 'writing');
  const summary = ctx.write((audit) => {
    const result = spec.commit(
      ctx.db,
      values,
      (done) => {
        ctx.throwIfCancelled();
        ctx.progress(done, values.length, 'writing');
      },
      { audit, rowNumbers, fileName: input.fileName, actor: ctx.actor, now: ctx.now() },
    );
    saveMapping(ctx.db, { kind: spec.kind, signature, mapping, at: ctx.now(), by: ctx.actor.userId });
    audit({
      entity: 'import',
      entityId: null,
      action: `import.${spec.kind}`,
      after: { fileName: input.fileName, sheet: sheet.name, headerRow: headerRow + 1, rows: values.length, skipped: { blankRows: skipped.blankRows, totalRows: skipped.totalRows.length, headerRows: skipped.headerRows.length }, signature },
    });
    ctx.throwIfCancelled();
    return result;
  });
  ctx.progress(values.length, values.length, 'writing');
  return { ...base, ok: true, imported: values.length, summary };
}

/** Rows that parsed but failed checkAll are in both `parsed` and the failed set: count them once. */
function countCheckAllOverlap<T>(parsed: readonly ImportedRow<T>[], failed: ReadonlySet<number>): number {
  let n = 0;
  for (const r of parsed) if (failed.has(r.rowNumber)) n++;
  return n;
}
