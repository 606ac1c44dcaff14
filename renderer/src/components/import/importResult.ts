/**
 * How an import job ended, read from its `result` (JOURNEYS.md §2): every row written, or nothing
 * written and the problems listed by row. Also the small rules of the preview (which row can become
 * the header, which fields are still missing). Pure.
 */
import type { LocalizedText } from '../../../../shared/contract';

export interface ImportProblem {
  row: number;
  column: string | null;
  header: string | null;
  message: LocalizedText;
}

export interface ImportSkipped {
  blankRows: number;
  totalRows: number[];
  headerRows: number[];
}

export type ImportOutcome =
  | { kind: 'done'; imported: number; created: number; skipped: ImportSkipped }
  | { kind: 'rejected'; rowsWithProblems: number; problems: ImportProblem[]; problemCount: number; hasErrorFile: boolean }
  | { kind: 'unknown' };

/** The problems table shows this many; the error workbook holds every failed row. */
export const PROBLEMS_SHOWN = 200;

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const nums = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []);

function readSkipped(v: unknown): ImportSkipped {
  const s = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
  return { blankRows: num(s.blankRows), totalRows: nums(s.totalRows), headerRows: nums(s.headerRows) };
}

function readProblem(v: unknown): ImportProblem | null {
  if (typeof v !== 'object' || v === null) return null;
  const p = v as Record<string, unknown>;
  const m = p.message as Record<string, unknown> | undefined;
  if (typeof p.row !== 'number' || !m || typeof m.zh !== 'string') return null;
  return {
    row: p.row,
    column: typeof p.column === 'string' ? p.column : null,
    header: typeof p.header === 'string' ? p.header : null,
    message: { zh: m.zh, en: typeof m.en === 'string' ? m.en : m.zh },
  };
}

export function readImportResult(result: unknown): ImportOutcome {
  if (typeof result !== 'object' || result === null) return { kind: 'unknown' };
  const r = result as Record<string, unknown>;
  if (r.ok === true) {
    const summary = (typeof r.summary === 'object' && r.summary !== null ? r.summary : {}) as Record<string, unknown>;
    return { kind: 'done', imported: num(r.imported), created: num(summary.created ?? r.imported), skipped: readSkipped(r.skipped) };
  }
  if (r.ok === false) {
    const problems = Array.isArray(r.problems) ? r.problems.map(readProblem).filter((p): p is ImportProblem => p !== null) : [];
    return {
      kind: 'rejected',
      rowsWithProblems: num(r.rowsWithProblems),
      problems,
      problemCount: Math.max(num(r.problemCount), problems.length),
      hasErrorFile: typeof r.errorFile === 'string' && r.errorFile !== '',
    };
  }
  return { kind: 'unknown' };
}

/** The 0-based header row the backend expects for a sheet row number (1-based). */
export const headerRowOf = (rowNumber: number): number => rowNumber - 1;

/** Required fields no column is mapped to (the preview's own list holds for its mapping only). */
export function missingRequired(columns: readonly { key: string; required: boolean }[], mapping: Readonly<Record<string, string>>): string[] {
  const mapped = new Set(Object.values(mapping));
  return columns.filter((c) => c.required && !mapped.has(c.key)).map((c) => c.key);
}

/** Change one column's field; a field goes to one column only (choosing it elsewhere frees it there). */
export function remap(mapping: Readonly<Record<string, string>>, column: number, key: string): Record<string, string> {
  const next: Record<string, string> = {};
  for (const [c, k] of Object.entries(mapping)) if (c !== String(column) && k !== key) next[c] = k;
  if (key !== '') next[String(column)] = key;
  return next;
}
