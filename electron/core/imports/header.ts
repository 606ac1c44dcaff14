/**
 * Finding the header of an office spreadsheet and which column holds which field. Ledgers start
 * with a title merged across the top, a blank row or a "填报单位：" line; the header may be on
 * row 3 and say "姓 名", "姓名\n(必填)" or "烈士姓名". Matching is on normalized text: exact
 * first, then "the header contains the alias" (the longest alias wins, so 牺牲时间 beats 时间).
 * The header signature identifies a layout, so a mapping chosen once is found again next time.
 */
import { createHash } from 'node:crypto';
import { cellText, type Cell } from './cells';

export interface ExpectedHeader {
  key: string;
  /** The ways offices title this column; the column's label is usually one of them. */
  aliases: readonly string[];
}

/** Which field each column holds: `{ [columnIndex]: key }`, column indexes 0-based. */
export type ColumnMapping = Record<number, string>;

export interface HeaderDetection {
  /** Index into rows of the header row (its sheet row number is headerRow + 1); null if the rows are all blank. */
  headerRow: number | null;
  mapping: ColumnMapping;
  /** How many expected columns were found, and how many of those by exact match. */
  matched: number;
  exact: number;
}

/** The column the error workbook appends (errorWorkbook.ts); ignored by signatures and mappings. */
export const ERROR_REASON_HEADER = '错误原因';

/** Header text for comparing: NFKC (full-width → half-width), lower case, no spaces or line breaks. */
function fold(cell: Cell): string {
  return cellText(cell).normalize('NFKC').toLowerCase().replace(/[\s\u200B-\u200D\uFEFF]+/gu, '');
}

/**
 * Header text for matching: as fold(), also without bracketed notes ("(必填)", "（年月日）",
 * "【选填】") and marks (* ※ ★ ▲ : ：). "姓 名", "姓名\n(必填)" and "*姓名：" all give "姓名".
 */
export function normalizeHeader(cell: Cell): string {
  const folded = fold(cell);
  const bare = folded.replace(/\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕|<[^<>]*>|《[^《》]*》/gu, '').replace(/[*※★☆▲△#:：。.、]/gu, '');
  return bare === '' ? folded.replace(/[()[\]【】〔〕<>《》]/gu, '') : bare;
}

export function isBlankRow(row: readonly Cell[] | undefined): boolean {
  return !row || row.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

const TOTAL_WORDS = /^(合计|总计|小计|共计|累计|總計|合計|小計|total|subtotal|sum)(?![a-z])/iu;
const COUNT_LINE = /^共\d+(人|名|户|条|项)/u;

/** A 合计 / 总计 / 小计 / "共 120 人" row: its first non-empty cell says so. */
export function isTotalRow(row: readonly Cell[] | undefined): boolean {
  const first = row?.find((c) => c !== null && !(typeof c === 'string' && c.trim() === ''));
  if (typeof first !== 'string') return false;
  const text = fold(first);
  return TOTAL_WORDS.test(text) || COUNT_LINE.test(text);
}

/**
 * A data row that repeats the header (ledgers laid out for printing repeat it on every page; and
 * 姓名 is a valid name, so it must not be imported as a person).
 */
export function isHeaderRepeat(row: readonly Cell[] | undefined, header: readonly Cell[]): boolean {
  if (!row) return false;
  let compared = 0;
  for (let i = 0; i < Math.max(row.length, header.length); i++) {
    const h = fold(header[i] ?? null);
    if (h !== fold(row[i] ?? null)) return false;
    if (h !== '') compared++;
  }
  return compared >= 2;
}

interface Candidate {
  column: number;
  key: string;
  score: number;
  exact: boolean;
}

/** Suggests a mapping for one header row: every column's best key, each key and column used once. */
export function suggestMapping(header: readonly Cell[], expected: readonly ExpectedHeader[]): { mapping: ColumnMapping; matched: number; exact: number } {
  const candidates: Candidate[] = [];
  const aliasesByKey = expected.map((e) => ({ key: e.key, aliases: [...new Set(e.aliases.map(normalizeHeader).filter((a) => a !== ''))] }));
  header.forEach((cell, column) => {
    const h = normalizeHeader(cell);
    if (h === '' || h === normalizeHeader(ERROR_REASON_HEADER)) return;
    for (const { key, aliases } of aliasesByKey) {
      let best: Candidate | null = null;
      for (const a of aliases) {
        const c = h === a ? { column, key, score: 1000 + a.length, exact: true } : h.includes(a) ? { column, key, score: a.length, exact: false } : null;
        if (c && (!best || c.score > best.score)) best = c;
      }
      if (best) candidates.push(best);
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: ColumnMapping = {};
  const usedKeys = new Set<string>();
  let exact = 0;
  for (const c of candidates) {
    if (mapping[c.column] !== undefined || usedKeys.has(c.key)) continue;
    mapping[c.column] = c.key;
    usedKeys.add(c.key);
    if (c.exact) exact++;
  }
  return { mapping, matched: usedKeys.size, exact };
}

function distinctTexts(row: readonly Cell[]): number {
  return new Set(row.filter((c) => c !== null).map((c) => fold(c))).size;
}

/**
 * The header row among the first `scanRows` rows: the one that matches the most expected columns
 * (then the most exact matches, then the earliest). When nothing matches, the first row with at
 * least two different texts (a title repeated across its merged area has one), so the user can
 * map by hand.
 */
export function detectHeader(rows: readonly (readonly Cell[])[], expected: readonly ExpectedHeader[], options: { scanRows?: number } = {}): HeaderDetection {
  const scan = Math.min(rows.length, options.scanRows ?? 30);
  let best: HeaderDetection | null = null;
  for (let r = 0; r < scan; r++) {
    const row = rows[r]!;
    if (isBlankRow(row)) continue;
    const s = suggestMapping(row, expected);
    if (s.matched === 0) continue;
    if (!best || s.matched > best.matched || (s.matched === best.matched && s.exact > best.exact)) best = { headerRow: r, ...s };
  }
  if (best) return best;
  for (let r = 0; r < scan; r++) {
    const row = rows[r]!;
    if (!isBlankRow(row) && distinctTexts(row) >= 2) return { headerRow: r, mapping: {}, matched: 0, exact: 0 };
  }
  const first = rows.findIndex((row) => !isBlankRow(row));
  return { headerRow: first < 0 ? null : first, mapping: {}, matched: 0, exact: 0 };
}

/**
 * The layout's fingerprint: sha256 of the folded header texts in column order, without trailing
 * empty cells or the error workbook's 错误原因 column, so the error workbook of a file has the
 * file's signature.
 */
export function headerSignature(header: readonly Cell[]): string {
  const texts = header.map((c) => fold(c));
  const reason = fold(ERROR_REASON_HEADER);
  let end = texts.length;
  while (end > 0 && (texts[end - 1] === '' || texts[end - 1] === reason)) end--;
  return createHash('sha256').update(JSON.stringify(texts.slice(0, end))).digest('hex');
}
