/**
 * From what a person keyed in (MartyrFields) to what is stored: names checked by the GB 18030
 * rule, dates parsed (verbatim + EDTF + earliest/latest), division codes and the source checked,
 * sort keys and search text derived. Every problem is reported at once, by field, in Chinese
 * and English.
 */
import { getAttachment } from '../db/attachments';
import type { Db } from '../db/connection';
import { divisionExists } from '../db/divisions';
import { sourceExists } from '../db/sources';
import { nameKeysOf, type PrepareCache } from './prepareCache';
import { CoreError } from '../errors';
import type { MartyrFields, LocalizedText } from '../../../shared/contract';
import { checkPersonName } from '../../../shared/rules/personName';
import { parsePartialDate } from '../../../shared/rules/partialDate';

export interface StoredDate {
  verbatim: string;
  edtf: string | null;
  earliest: string | null;
  latest: string | null;
}

/** Everything stored for a martyr record (person columns and martyr columns), derived values included. */
export interface PreparedMartyr {
  name: string;
  unnamed: boolean;
  gender: MartyrFields['gender'];
  ethnicity: string;
  birth: StoredDate;
  nativePlaceText: string;
  nativePlaceCode: string | null;
  joined: StoredDate;
  party: StoredDate;
  unitAndPost: string;
  merits: string;
  death: StoredDate;
  deathPlaceText: string;
  deathPlaceCode: string | null;
  deathCause: string;
  period: MartyrFields['period'];
  burialPlace: string;
  cemetery: string;
  approvedBy: string;
  approved: StoredDate;
  certificateNo: string;
  deeds: string;
  remarks: string;
  sourceId: number | null;
  sourcePage: string;
  sourceItem: string;
  scanAttachmentId: number | null;
  scanPage: number | null;
  scanRegion: MartyrFields['scanRegion'];
  nextOfKin: MartyrFields['nextOfKin'];
  strokeSurnameKey: string;
  strokeFullKey: string;
  pinyin: string;
  pinyinSpaced: string;
  initials: string;
  deathSort: string;
}

export const UNNAMED_DEFAULT_NAME = '无名烈士';

export const fieldLabels: Record<string, LocalizedText> = {
  name: { zh: '姓名', en: 'Name' },
  birthDate: { zh: '出生日期', en: 'Birth date' },
  joinedDate: { zh: '参加革命时间', en: 'Joined the revolution' },
  partyDate: { zh: '入党（团）时间', en: 'Party/League membership' },
  deathDate: { zh: '牺牲时间', en: 'Date of death' },
  approvedDate: { zh: '批准时间', en: 'Approval date' },
  nativePlaceCode: { zh: '籍贯（区划）', en: 'Native place (division)' },
  deathPlaceCode: { zh: '牺牲地点（区划）', en: 'Place of death (division)' },
  sourceId: { zh: '来源', en: 'Source' },
};

type Issue = { path: string; message: LocalizedText };

/** Dates repeat (1947年春 on many records, in every import): parse each text once. */
const parsedDates = new Map<string, ReturnType<typeof parsePartialDate>>();
function parseDateCached(value: string): ReturnType<typeof parsePartialDate> {
  let parsed = parsedDates.get(value);
  if (!parsed) {
    parsed = parsePartialDate(value);
    if (parsedDates.size > 50_000) parsedDates.clear();
    parsedDates.set(value, parsed);
  }
  return parsed;
}

/** Without an import job's cache: each record on its own (dates through the small cache above). */
const uncached: PrepareCache = { checkName: checkPersonName, parseDate: parseDateCached, nameKeys: nameKeysOf, divisionExists, sourceExists };

function dateOf(verbatim: string, field: string, issues: Issue[], cache: PrepareCache): StoredDate {
  const value = verbatim.trim();
  if (value === '') return { verbatim: '', edtf: null, earliest: null, latest: null };
  const parsed = cache.parseDate(value);
  if (!parsed.ok) {
    const label = fieldLabels[field]!;
    issues.push({ path: field, message: { zh: `${label.zh}：${parsed.reason.zh}`, en: `${label.en}: ${parsed.reason.en}` } });
    return { verbatim: value, edtf: null, earliest: null, latest: null };
  }
  return { verbatim: value, edtf: parsed.edtf, earliest: parsed.earliest, latest: parsed.latest };
}

/** The scan a record points at exists and has the page; a region belongs to a scanned page. */
function scanIssues(db: Db, fields: MartyrFields, issues: Issue[]): void {
  if (fields.scanAttachmentId === null) {
    if (fields.scanRegion !== null) issues.push({ path: 'scanRegion', message: { zh: '框选的区域须属于某个扫描页：请先对应扫描页。', en: 'A region belongs to a scanned page: point the record at a page first.' } });
    return;
  }
  const scan = getAttachment(db, fields.scanAttachmentId);
  if (!scan) {
    issues.push({ path: 'scanAttachmentId', message: { zh: '所对应的扫描件不存在。', en: 'The scan the record points at does not exist.' } });
  } else if (fields.scanPage !== null && fields.scanPage > scan.pages) {
    issues.push({ path: 'scanPage', message: { zh: `扫描件只有 ${scan.pages} 页，没有第 ${fields.scanPage} 页。`, en: `The scan has ${scan.pages} page(s); there is no page ${fields.scanPage}.` } });
  }
}

/** The name as stored (normalized; an unnamed record's default), or why it cannot be. */
function storedName(fields: MartyrFields, cache: PrepareCache): { name: string; problem?: LocalizedText } {
  const name = fields.name.trim();
  if (fields.unnamed) return { name: name === '' ? UNNAMED_DEFAULT_NAME : name };
  const checked = cache.checkName(name);
  return checked.ok ? { name: checked.normalized } : { name, problem: checked.reason };
}

/**
 * The record's place in the roll's default order (its 姓氏笔画 key), as prepareMartyr derives
 * it, without the rest: an import sorts its records by it before preparing each in turn.
 */
export function strokeSurnameKeyOf(fields: MartyrFields, cache: PrepareCache = uncached): string {
  return cache.nameKeys(storedName(fields, cache).name).strokeSurnameKey;
}

/**
 * Validates and derives; throws one VALIDATION error listing every problem. An import passes its
 * job's cache (prepareCache.ts): the result is the same, the repeated work is not.
 */
export function prepareMartyr(db: Db, fields: MartyrFields, cache: PrepareCache = uncached): PreparedMartyr {
  const issues: Issue[] = [];
  const { name, problem } = storedName(fields, cache);
  if (problem) issues.push({ path: 'name', message: { zh: `姓名：${problem.zh}`, en: `Name: ${problem.en}` } });
  const birth = dateOf(fields.birthDate, 'birthDate', issues, cache);
  const joined = dateOf(fields.joinedDate, 'joinedDate', issues, cache);
  const party = dateOf(fields.partyDate, 'partyDate', issues, cache);
  const death = dateOf(fields.deathDate, 'deathDate', issues, cache);
  const approved = dateOf(fields.approvedDate, 'approvedDate', issues, cache);
  if (birth.earliest && death.latest && death.latest < birth.earliest) {
    issues.push({ path: 'deathDate', message: { zh: '牺牲时间早于出生日期，请核对。', en: 'The date of death is before the birth date; please check.' } });
  }
  for (const key of ['nativePlaceCode', 'deathPlaceCode'] as const) {
    const code = fields[key];
    if (code && !cache.divisionExists(db, code)) {
      const label = fieldLabels[key]!;
      issues.push({ path: key, message: { zh: `${label.zh}：区划代码 ${code} 不存在。`, en: `${label.en}: there is no division ${code}.` } });
    }
  }
  if (fields.sourceId !== null && !cache.sourceExists(db, fields.sourceId)) {
    issues.push({ path: 'sourceId', message: { zh: '所选来源不存在。', en: 'The chosen source does not exist.' } });
  }
  scanIssues(db, fields, issues);
  fields.nextOfKin.forEach((kin, i) => {
    const checked = checkPersonName(kin.name);
    if (!checked.ok) issues.push({ path: `nextOfKin.${i}.name`, message: { zh: `亲属姓名：${checked.reason.zh}`, en: `Next of kin: ${checked.reason.en}` } });
  });
  if (issues.length > 0) {
    throw new CoreError('VALIDATION', { zh: `有 ${issues.length} 处需要修改：${issues.map((i) => i.message.zh).join('；')}`, en: `${issues.length} field(s) need correcting: ${issues.map((i) => i.message.en).join('; ')}` }, issues);
  }
  const keys = cache.nameKeys(name);
  return {
    name,
    unnamed: fields.unnamed,
    gender: fields.gender,
    ethnicity: fields.ethnicity,
    birth,
    nativePlaceText: fields.nativePlaceText,
    nativePlaceCode: fields.nativePlaceCode,
    joined,
    party,
    unitAndPost: fields.unitAndPost,
    merits: fields.merits,
    death,
    deathPlaceText: fields.deathPlaceText,
    deathPlaceCode: fields.deathPlaceCode,
    deathCause: fields.deathCause,
    period: fields.period,
    burialPlace: fields.burialPlace,
    cemetery: fields.cemetery,
    approvedBy: fields.approvedBy,
    approved,
    certificateNo: fields.certificateNo,
    deeds: fields.deeds,
    remarks: fields.remarks,
    sourceId: fields.sourceId,
    sourcePage: fields.sourcePage,
    sourceItem: fields.sourceItem,
    scanAttachmentId: fields.scanAttachmentId,
    scanPage: fields.scanPage,
    scanRegion: fields.scanRegion,
    nextOfKin: fields.nextOfKin.map((kin) => {
      const checked = checkPersonName(kin.name);
      return { ...kin, name: checked.ok ? checked.normalized : kin.name };
    }),
    strokeSurnameKey: keys.strokeSurnameKey,
    strokeFullKey: keys.strokeFullKey,
    pinyin: keys.pinyin.full,
    pinyinSpaced: keys.pinyin.spaced,
    initials: keys.pinyin.initials,
    deathSort: death.earliest ?? '9999-12-31',
  };
}

export { spacedText, searchText } from '../db/searchText';

/** The fields people see in a record's history (derived keys left out). */
export const historyFields = [
  'name', 'unnamed', 'gender', 'ethnicity', 'birthDate', 'nativePlaceText', 'nativePlaceCode', 'joinedDate', 'partyDate',
  'unitAndPost', 'merits', 'deathDate', 'deathPlaceText', 'deathPlaceCode', 'deathCause', 'period', 'burialPlace', 'cemetery',
  'approvedBy', 'approvedDate', 'certificateNo', 'deeds', 'remarks', 'sourceId', 'sourcePage', 'sourceItem',
  'scanAttachmentId', 'scanPage', 'scanRegion', 'nextOfKin',
] as const;
