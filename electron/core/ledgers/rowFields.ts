/**
 * Field rules the ledger imports share (plaque ledger, award list): a cell as trimmed text, a
 * resident ID number checked, a whole date from text or an Excel serial, and place names as
 * written matched to the loaded townships and villages. Pure, for parseRow; tested in
 * test/unit/electron/core/ledgers/.
 */
import { cellText, type Cell, type RowProblem } from '../imports';
import { parseIdNumber } from '../../../shared/rules/idNumber';
import { parsePartialDate } from '../../../shared/rules/partialDate';
import { checkPersonName } from '../../../shared/rules/personName';
import type { LocalizedText } from '../../../shared/contract';

export const l = (zh: string, en: string): LocalizedText => ({ zh, en });

/**
 * The cell's text, inner whitespace runs folded to one space (names lose theirs entirely; with
 * `lines`, long text such as a citation keeps its line breaks, each line folded and trimmed).
 */
export function fieldText(cell: Cell, info: { date1904: boolean }, options: { date?: boolean; name?: boolean; lines?: boolean } = {}): string {
  const t = cellText(cell, { dateColumn: options.date ?? false, date1904: info.date1904 }).trim();
  if (options.name) return t.replace(/\s+/g, '');
  if (options.lines) return t.split(/\r\n?|\n/).map((line) => line.replace(/\s+/g, ' ').trim()).join('\n').replace(/\n{3,}/g, '\n\n');
  return t.replace(/\s+/g, ' ');
}

/** Collects a row's problems while its fields are read. */
export class RowChecker {
  readonly problems: RowProblem[] = [];
  add(column: string | null, message: LocalizedText): void {
    this.problems.push({ column, message });
  }
  maxLength(column: string, value: string, max: number): string {
    if ([...value].length > max) this.add(column, l(`超过 ${max} 个字`, `longer than ${max} characters`));
    return value;
  }
  name(column: string, value: string): string {
    if (value === '') return value;
    const checked = checkPersonName(value);
    if (!checked.ok) this.add(column, checked.reason);
    return value;
  }
  /** '' → null; else the 18-digit form (an old 15-digit number is converted), or a problem. */
  idNumber(column: string, value: string, today: string): string | null {
    if (value === '') return null;
    const parsed = parseIdNumber(value, { today });
    if (!parsed.valid) {
      this.add(column, l(`身份证号码有误：${parsed.reason.zh}`, `wrong ID number: ${parsed.reason.en}`));
      return null;
    }
    return parsed.as18;
  }
  /** '' → null; a whole day ('YYYY-MM-DD'), or a problem saying a day is needed. */
  day(column: string, value: string, latest?: string): string | null {
    if (value === '') return null;
    const parsed = parsePartialDate(value);
    if (!parsed.ok) {
      this.add(column, parsed.reason);
      return null;
    }
    if (parsed.earliest !== parsed.latest) {
      this.add(column, l(`“${value}”不是具体到日的日期（如 2023-05-01）`, `“${value}” is not a whole date (e.g. 2023-05-01)`));
      return null;
    }
    if (latest !== undefined && parsed.earliest > latest) {
      this.add(column, l(`日期 ${parsed.earliest} 晚于今天`, `the date ${parsed.earliest} is in the future`));
      return null;
    }
    return parsed.earliest;
  }
}

// ── Places as written ──────────────────────────────────────────────────────────────────────

export interface LocalDivision {
  code: string;
  name: string;
  level: 4 | 5;
  parentCode: string;
}

/** Names compared without their administrative suffix: 幸福村 = 幸福 = 幸福村委会, 城关镇 = 城关. */
function bareName(name: string): string {
  let bare = name.replace(/\s+/g, '');
  for (let next = bare; ; bare = next) {
    next = bare.replace(/(街道办事处|街道|办事处|镇|乡|村民委员会|村委会|居民委员会|居委会|社区|村)$/u, '');
    if (next === bare || next === '') return bare;
  }
}

export interface PlaceIndex {
  townships: readonly LocalDivision[];
  villagesOf(townshipCode: string): readonly LocalDivision[];
  villages: readonly LocalDivision[];
}

export function placeIndex(divisions: readonly LocalDivision[]): PlaceIndex {
  const townships = divisions.filter((d) => d.level === 4);
  const villages = divisions.filter((d) => d.level === 5);
  const byParent = new Map<string, LocalDivision[]>();
  for (const v of villages) byParent.set(v.parentCode, [...(byParent.get(v.parentCode) ?? []), v]);
  return { townships, villages, villagesOf: (code) => byParent.get(code) ?? [] };
}

function named(list: readonly LocalDivision[], text: string): LocalDivision[] {
  const exact = list.filter((d) => d.name === text);
  if (exact.length > 0) return exact;
  const bare = bareName(text);
  return bare === '' ? [] : list.filter((d) => bareName(d.name) === bare);
}

export type PlaceMatch = { ok: true; code: string } | { ok: false; column: 'township' | 'village'; message: LocalizedText };

/**
 * 乡镇 + 村 as written → the village's code (or the township's when no village is given). The
 * township may be left out when the village's name is unique in the county.
 */
export function matchPlace(index: PlaceIndex, township: string, village: string): PlaceMatch {
  if (index.townships.length === 0) {
    return { ok: false, column: 'township', message: l('尚未载入本县的乡镇和村（请在“系统设置 → 行政区划”中载入）', 'the townships and villages of the county are not loaded (Settings → Divisions)') };
  }
  let candidates: readonly LocalDivision[] = index.villages;
  let townshipCode: string | null = null;
  if (township !== '') {
    const found = named(index.townships, township);
    if (found.length !== 1) return { ok: false, column: 'township', message: found.length === 0 ? l(`本县没有乡镇“${township}”`, `there is no township “${township}” in the county`) : l(`“${township}”对应多个乡镇`, `“${township}” matches several townships`) };
    townshipCode = found[0]!.code;
    candidates = index.villagesOf(townshipCode);
  }
  if (village === '') {
    return townshipCode === null ? { ok: false, column: 'township', message: l('乡镇和村都没有填写', 'neither township nor village is given') } : { ok: true, code: townshipCode };
  }
  const found = named(candidates, village);
  if (found.length === 1) return { ok: true, code: found[0]!.code };
  const where = township === '' ? l('本县', 'the county') : l(`“${township}”`, `“${township}”`);
  return {
    ok: false,
    column: 'village',
    message: found.length === 0 ? l(`${where.zh}没有村（社区）“${village}”`, `there is no village “${village}” in ${where.en}`) : l(`“${village}”在${where.zh}有多个同名村，请填写乡镇`, `several villages are called “${village}” in ${where.en}; give the township`),
  };
}
