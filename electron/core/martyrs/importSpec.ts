/**
 * The martyrs' roll as an import kind for the shared pipeline (electron/core/imports): which
 * columns, what their headers are called in the offices' spreadsheets, how one row becomes a
 * record, and how the records are written (with their history, all in the import's transaction).
 */
import type { Db } from '../db/connection';
import type { ImportSpec, RowProblem } from '../imports';
import { cellText, type Cell } from '../imports';
import { ownValue } from '../imports/cells';
import { appendMartyrHistory, insertPlacedMartyr, nextMartyrId } from '../db/martyrs';
import { insertEntry, placeNewRecords } from '../db/martyrSearchIndex';
import { CoreError } from '../errors';
import type { MartyrFields, LocalizedText } from '../../../shared/contract';
import { prepareMartyr, searchText, strokeSurnameKeyOf, UNNAMED_DEFAULT_NAME, type PreparedMartyr } from './fields';
import { createPrepareCache } from './prepareCache';
import { importedFields } from './importedFields';
import { suggestPeriod } from '../../../shared/rules/historicalPeriod';

const l = (zh: string, en: string): LocalizedText => ({ zh, en });

const dateColumns = new Set(['birthDate', 'joinedDate', 'partyDate', 'deathDate', 'approvedDate']);

const columns = [
  { key: 'name', label: l('姓名', 'Name'), required: true, aliases: ['烈士姓名', '姓 名', '名字', '英烈姓名'] },
  { key: 'gender', label: l('性别', 'Gender'), aliases: ['性 别'] },
  { key: 'ethnicity', label: l('民族', 'Ethnicity'), aliases: [] },
  { key: 'birthDate', label: l('出生日期', 'Birth date'), aliases: ['出生年月', '出生时间', '出生年份', '生年', '出生年月日'] },
  { key: 'nativePlaceText', label: l('籍贯', 'Native place'), aliases: ['籍贯地址', '原籍', '家庭住址', '出生地'] },
  { key: 'joinedDate', label: l('参加革命时间', 'Joined'), aliases: ['入伍时间', '参军时间', '参加工作时间', '入伍年月'] },
  { key: 'partyDate', label: l('入党时间', 'Party membership'), aliases: ['入党（团）时间', '入党团时间', '入党年月'] },
  { key: 'unitAndPost', label: l('生前所在单位及职务', 'Unit and post'), aliases: ['部队', '所在部队', '单位', '职务', '生前单位及职务', '部别及职务', '所在部队及职务'] },
  { key: 'merits', label: l('立功情况', 'Merits'), aliases: ['立功受奖情况', '荣誉'] },
  { key: 'deathDate', label: l('牺牲时间', 'Date of death'), aliases: ['牺牲日期', '牺牲年月', '牺牲年月日', '死亡时间'] },
  { key: 'deathPlaceText', label: l('牺牲地点', 'Place of death'), aliases: ['牺牲地'] },
  { key: 'deathCause', label: l('牺牲原因', 'Cause of death'), aliases: ['牺牲情形'] },
  { key: 'period', label: l('历史时期', 'Historical period'), aliases: ['时期', '牺牲时期'] },
  { key: 'burialPlace', label: l('安葬地', 'Burial place'), aliases: ['安葬地点', '埋葬地点', '墓葬地'] },
  { key: 'cemetery', label: l('烈士陵园', 'Cemetery'), aliases: ['陵园'] },
  { key: 'approvedBy', label: l('批准机关', 'Approved by'), aliases: ['批准单位'] },
  { key: 'approvedDate', label: l('批准时间', 'Approval date'), aliases: ['批准日期'] },
  { key: 'certificateNo', label: l('烈士证明书编号', 'Certificate number'), aliases: ['烈士证编号', '证书编号', '烈证编号', '证号'] },
  { key: 'deeds', label: l('事迹', 'Deeds'), aliases: ['主要事迹', '简要事迹', '英雄事迹', '生平事迹'] },
  { key: 'remarks', label: l('备注', 'Remarks'), aliases: ['说明'] },
] as const;

const genders: Record<string, MartyrFields['gender']> = { 男: 'male', 女: 'female', male: 'male', female: 'female', m: 'male', f: 'female', 不详: 'unknown', 未知: 'unknown' };

const periodNames: Record<string, NonNullable<MartyrFields['period']>> = {
  第一次国内革命战争: 'first_civil_war',
  第一次国内革命战争时期: 'first_civil_war',
  大革命时期: 'first_civil_war',
  土地革命战争: 'agrarian_revolution',
  土地革命战争时期: 'agrarian_revolution',
  第二次国内革命战争: 'agrarian_revolution',
  抗日战争: 'anti_japanese',
  抗日战争时期: 'anti_japanese',
  解放战争: 'liberation',
  解放战争时期: 'liberation',
  第三次国内革命战争: 'liberation',
  抗美援朝: 'korea',
  抗美援朝战争: 'korea',
  社会主义建设时期: 'construction',
  社会主义革命和建设时期: 'construction',
  改革开放和新时代: 'new_era',
  改革开放和社会主义现代化建设新时期: 'new_era',
  新中国成立后: 'construction',
  新时代: 'new_era',
  其他: 'other',
};

/** Text lengths the record allows, from the contract. */
const maxLength: Record<string, number> = { name: 60, ethnicity: 20, nativePlaceText: 200, unitAndPost: 300, merits: 2000, deathPlaceText: 200, deathCause: 500, burialPlace: 200, cemetery: 100, approvedBy: 100, certificateNo: 50, deeds: 20000, remarks: 2000 };

/** Progress (and a cancel) is taken every this many records. */
const PROGRESS_EVERY = 500;

/** Per column, what reading a cell needs (worked out once, not on every cell of 100,000 rows). */
const columnInfo = columns.map((c) => ({ key: c.key, dateColumn: dateColumns.has(c.key), max: maxLength[c.key], spaces: c.key === 'deeds' ? ' ' : '' }));

export function martyrImportSpec(options: { sourceId: number | null }): ImportSpec<MartyrFields, { created: number }> {
  // One per job: the same names and dates recur row after row, and the write pass meets again
  // every name and date the check pass has seen. See prepareCache.ts.
  const cache = createPrepareCache();
  const checkDate = cache.parseDate;
  return {
    kind: 'martyrs',
    columns,
    parseRow(cells: Readonly<Record<string, Cell>>, _rowNumber, info) {
      const problems: RowProblem[] = [];
      const text: Record<string, string> = {};
      const dateOptions = { dateColumn: true, date1904: info.date1904 };
      const textOptions = { dateColumn: false, date1904: info.date1904 };
      for (const { key, dateColumn, max, spaces } of columnInfo) {
        const cell = cells[key] ?? null;
        const value = cell === null ? '' : cellText(cell, dateColumn ? dateOptions : textOptions).replace(/\s+/g, spaces).trim();
        // Characters, not UTF-16 units: a text no longer than max in units is no longer in characters.
        if (max !== undefined && value.length > max && [...value].length > max) problems.push({ column: key, message: l(`超过 ${max} 个字`, `longer than ${max} characters`) });
        text[key] = value;
      }
      let unnamed = false;
      const name = text.name ?? '';
      if (/^无名/.test(name)) unnamed = true;
      else if (name !== '') {
        const checked = cache.checkName(name);
        if (!checked.ok) problems.push({ column: 'name', message: checked.reason });
      }
      const gender = text.gender ? ownValue(genders, text.gender.toLowerCase()) : 'unknown';
      if (gender === undefined) problems.push({ column: 'gender', message: l(`性别“${text.gender}”应为 男 / 女 / 不详`, `gender “${text.gender}” should be 男 / 女 / 不详`) });
      const period = text.period ? ownValue(periodNames, text.period.replace(/[()（）]/g, '')) : null;
      if (period === undefined) problems.push({ column: 'period', message: l(`无法识别的历史时期“${text.period}”`, `unknown historical period “${text.period}”`) });
      for (const key of dateColumns) {
        const value = text[key] ?? '';
        if (value === '') continue;
        const parsed = checkDate(value);
        if (!parsed.ok) problems.push({ column: key, message: parsed.reason });
      }
      const birth = text.birthDate ? checkDate(text.birthDate) : null;
      const death = text.deathDate ? checkDate(text.deathDate) : null;
      if (birth?.ok && death?.ok && death.latest < birth.earliest) problems.push({ column: 'deathDate', message: l('牺牲时间早于出生日期', 'the date of death is before the birth date') });
      if (problems.length > 0) return { ok: false, problems };
      return {
        ok: true,
        value: importedFields({
          ...text,
          name: unnamed ? name || UNNAMED_DEFAULT_NAME : name,
          unnamed,
          gender: gender ?? 'unknown',
          // No period column, or an empty cell: the date of death suggests one when it lies within a single period.
          period: period ?? (death?.ok ? suggestPeriod(death.earliest, death.latest) : null),
          sourceId: options.sourceId,
        }),
      };
    },
    checkAll(_db: Db, rows) {
      // The same person twice in one file (name, birth and death as written) is almost always a copy-paste slip.
      const seen = new Map<string, number>();
      const problems: { row: number; column: string | null; message: LocalizedText }[] = [];
      for (const { rowNumber, value } of rows) {
        if (value.unnamed) continue;
        const key = `${value.name}|${value.birthDate}|${value.deathDate}|${value.nativePlaceText}`;
        const first = seen.get(key);
        if (first !== undefined) problems.push({ row: rowNumber, column: 'name', message: l(`与第 ${first} 行重复`, `same as row ${first}`) });
        else seen.set(key, rowNumber);
      }
      return problems;
    },
    commit(db, values, progress, context) {
      // The records are written in the roll's order with ids and search labels decided
      // beforehand: each row is written once, with its label, and the roll's order indexes and
      // the search index are filled front to back instead of at 100,000 random places
      // (db/martyrSearchIndex.ts). The file's order among equal keys (a stable sort): a name
      // repeated keeps its rows' order. So the ids of one import follow the roll's order (the
      // list "by entry" shows an import in that order); each record's history names its row.
      // Only the keys are held for the sort; a record is prepared when it is written (the
      // check pass has already memoized its name and dates in `cache`), so the 100,000
      // prepared records never sit in memory together.
      const keys = values.map((v) => strokeSurnameKeyOf(v, cache));
      const order = Array.from(keys.keys()).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
      const firstId = nextMartyrId(db);
      const places = order.map((index, rank) => ({ key: keys[index]!, id: firstId + rank }));
      keys.length = 0;
      const { userId } = context.actor;
      placeNewRecords(db, places, (rank, label) => {
        const index = order[rank]!;
        let record: PreparedMartyr;
        try {
          record = prepareMartyr(db, values[index]!, cache);
        } catch (error) {
          if (error instanceof CoreError) {
            throw new CoreError('BAD_FILE', { zh: `第 ${context.rowNumbers[index]} 行：${error.text.zh}`, en: `Row ${context.rowNumbers[index]}: ${error.text.en}` });
          }
          throw error;
        }
        // The label was placed by the key the sort saw: the record must still have it.
        if (record.strokeSurnameKey !== places[rank]!.key) throw new Error(`import: row ${context.rowNumbers[index]} changed its sort key`);
        const id = firstId + rank;
        insertPlacedMartyr(db, record, { id, label }, userId, context.now);
        insertEntry(db, label, searchText(record));
        appendMartyrHistory(db, { martyrId: id, version: 1, at: context.now, userId, action: 'import', reason: `${context.fileName} 第 ${context.rowNumbers[index]} 行`, changes: [] });
        // Written: its fields are not needed again (a 100,000-row import stays under 500 MB).
        (values as (MartyrFields | undefined)[])[index] = undefined;
        if (rank % PROGRESS_EVERY === 0) progress(rank);
      });
      progress(values.length);
      return { created: values.length };
    },
  };
}
