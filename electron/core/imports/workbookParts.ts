/**
 * The small parts of an xlsx read without exceljs: the sheet list of xl/workbook.xml (names in
 * tab order, hidden or not, the 1904 date system) resolved through xl/_rels/workbook.xml.rels to
 * the worksheet parts, and the merged ranges at the end of a worksheet part. Plain regular
 * expressions over XML that Excel, WPS and LibreOffice all write the same way.
 */
import { badFile, saveAsXlsx } from './limits';

export interface SheetPart {
  name: string;
  hidden: boolean;
  /** 'xl/worksheets/sheet3.xml' */
  path: string;
  /** '3': exceljs names its sheet parsers by this number. */
  partNumber: string;
}

export interface WorkbookInfo {
  sheets: SheetPart[];
  date1904: boolean;
}

/** A merged range, 0-based and inclusive. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    }
    return ENTITIES[ref.toLowerCase()] ?? '';
  });
}

function attributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) attrs[m[1]!] = decodeXmlText(m[3] ?? m[4] ?? '');
  return attrs;
}

/** An attribute by local name, whatever its namespace prefix (r:id, ns1:id). */
function byLocalName(attrs: Record<string, string>, local: string): string | undefined {
  for (const [k, v] of Object.entries(attrs)) if (k === local || k.endsWith(`:${local}`)) return v;
  return undefined;
}

function resolveTarget(target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

export function parseWorkbookParts(workbookXml: string, relsXml: string | undefined, fileName: string): WorkbookInfo {
  const rels = new Map<string, string>();
  for (const m of (relsXml ?? '').matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a.Id && a.Target) rels.set(a.Id, resolveTarget(a.Target));
  }
  const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbookXml);
  const date1904Attr = pr ? attributes(pr[0]).date1904 : undefined;
  const date1904 = date1904Attr === '1' || date1904Attr === 'true';
  const sheets: SheetPart[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const rid = byLocalName(a, 'id');
    const path = rid === undefined ? undefined : rels.get(rid);
    if (!path || !path.startsWith('xl/worksheets/')) continue; // chart sheets, dialog sheets
    const part = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(path);
    if (!part) {
      throw saveAsXlsx({
        zh: `“${fileName}”的内部结构不是常见的 Excel 格式（由其他软件生成）。`,
        en: `The inside of “${fileName}” is not laid out the way Excel lays it out (it was made by another program).`,
      });
    }
    sheets.push({ name: a.name ?? `Sheet${part[1]}`, hidden: a.state === 'hidden' || a.state === 'veryHidden', path, partNumber: part[1]! });
  }
  if (sheets.length === 0) {
    throw badFile(`“${fileName}”中没有工作表。`, `“${fileName}” holds no worksheet.`);
  }
  return { sheets, date1904 };
}

/** 'B12' → { row: 11, col: 1 }; null if it is not a cell reference. */
export function decodeCellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.trim().toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** The merged ranges of a worksheet part (they follow </sheetData>, so only the tail is searched). */
export function parseMergedRanges(sheetXml: Buffer): MergedRange[] {
  const end = sheetXml.lastIndexOf('</sheetData>');
  if (end < 0) return [];
  const tail = sheetXml.subarray(end).toString('utf8');
  const ranges: MergedRange[] = [];
  for (const m of tail.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref\s*=\s*"([^"]+)"/g)) {
    const [a, b] = m[1]!.split(':');
    const from = a ? decodeCellRef(a) : null;
    const to = b ? decodeCellRef(b) : from;
    if (!from || !to) continue;
    const range = { top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) };
    if (range.top !== range.bottom || range.left !== range.right) ranges.push(range);
  }
  return ranges;
}
