/**
 * The award list (立功受奖名单) as an import kind for the shared pipeline (electron/core/imports):
 * each row is an award to a person (found again by resident ID number, never duplicated) or, when
 * the row names a 受奖单位 instead, to a unit or collective (its name and type), in one of the
 * configured classes, with its citation and, when the sheet gives a date of receipt, the good-news letter
 * that follows it, in state 'received' with its working-day deadline. The same award twice (in
 * the sheet or already registered) is refused before anything is written.
 */
import type { ImportSpec, Cell } from '../imports';
import { ownValue } from '../imports/cells';
import { findPersonByIdNumber, insertPerson } from '../db/persons';
import { findSameAward, findSameUnitAward, insertAward } from '../db/awards';
import { appendLetterEvent, insertLetter } from '../db/goodNewsLetters';
import { fieldText, l, RowChecker } from '../ledgers/rowFields';
import { dueDate } from './deadlines';
import { maskIdNumber } from '../../../shared/rules/idNumber';
import type { AwardClass, LocalizedText } from '../../../shared/contract';

export const awardListColumns = [
  // Not required: a row names either the person or the unit awarded (parseRow says when neither).
  { key: 'name', label: l('姓名', 'Name'), aliases: ['姓 名', '受奖人', '立功人员', '获奖人'] },
  { key: 'unitName', label: l('受奖单位', 'Unit awarded'), aliases: ['获奖单位', '受奖集体', '获奖集体', '受奖单位名称', '获奖单位名称'] },
  { key: 'unitType', label: l('单位类型', 'Kind of unit'), aliases: ['单位类别', '集体类型'] },
  { key: 'gender', label: l('性别', 'Gender'), aliases: ['性 别'] },
  { key: 'idNumber', label: l('身份证号', 'ID number'), aliases: ['身份证号码', '公民身份号码'] },
  { key: 'soldierUnit', label: l('部队', 'Unit'), aliases: ['单位', '部队/单位', '所在部队', '部别', '服役部队'] },
  { key: 'enlistedOn', label: l('入伍时间', 'Enlisted on'), aliases: ['入伍日期', '入伍年月'] },
  { key: 'className', label: l('奖励类别', 'Award class'), required: true, aliases: ['奖励', '奖励种类', '立功类别', '奖励名称', '类别'] },
  { key: 'authority', label: l('批准机关', 'Awarding authority'), aliases: ['批准单位', '授奖单位'] },
  { key: 'orderNo', label: l('文号', 'Order number'), aliases: ['通令文号', '批准文号', '命令号', '通令'] },
  { key: 'awardDate', label: l('批准时间', 'Award date'), aliases: ['批准日期', '立功时间', '授奖时间'] },
  { key: 'citation', label: l('事迹摘要', 'Citation'), aliases: ['主要事迹', '立功事迹', '事迹简介', '简要事迹', '事迹', '通令内容'] },
  { key: 'familyAddress', label: l('家庭住址', 'Family address'), aliases: ['家庭地址', '住址', '地址', '喜报送达地址'] },
  { key: 'receivedOn', label: l('接收日期', 'Letter received on'), aliases: ['喜报接收日期', '收到日期', '接收时间'] },
  { key: 'remarks', label: l('备注', 'Remarks'), aliases: ['说明'] },
] as const;

export interface AwardListRow {
  kind: 'person' | 'unit';
  /** The person's or the unit's name. */
  name: string;
  gender: 'male' | 'female' | 'unknown';
  idNumber: string | null;
  unitType: string;
  soldierUnit: string;
  enlistedOn: string | null;
  classId: number;
  authority: string;
  orderNo: string;
  awardDate: string | null;
  citation: string;
  familyAddress: string;
  receivedOn: string | null;
  remarks: string;
}

const genders: Record<string, AwardListRow['gender']> = { 男: 'male', 女: 'female', male: 'male', female: 'female' };

/** Class names as offices write them, folded: spaces, 个人, 荣立 and 四有 are not part of the name. */
function foldClass(name: string): string {
  return name.replace(/\s+/g, '').replace(/^(荣立|个人|获)/u, '').replace(/^四有/u, '').replace(/^个人/u, '');
}

/** The configured class a name as written means, or why none. */
export function matchAwardClass(classes: readonly AwardClass[], written: string): { ok: true; cls: AwardClass } | { ok: false; message: LocalizedText } {
  const exact = classes.filter((c) => c.name === written);
  const found = exact.length > 0 ? exact : classes.filter((c) => foldClass(c.name) === foldClass(written));
  if (found.length === 0) {
    return { ok: false, message: l(`没有奖励类别“${written}”（已设置：${classes.filter((c) => c.active).map((c) => c.name).join('、')}）`, `there is no award class “${written}”`) };
  }
  const cls = found[0]!;
  if (!cls.active) return { ok: false, message: l(`奖励类别“${cls.name}”已停用`, `the award class “${cls.name}” is no longer offered`) };
  return { ok: true, cls };
}

export function awardImportSpec(options: { classes: () => readonly AwardClass[]; today: string }): ImportSpec<AwardListRow, { awards: number; letters: number }> {
  let classes: readonly AwardClass[] | null = null;
  return {
    kind: 'awards',
    columns: awardListColumns,
    parseRow(cells: Readonly<Record<string, Cell>>, _rowNumber, info) {
      classes ??= options.classes();
      const check = new RowChecker();
      const t = (key: string, opts?: Parameters<typeof fieldText>[2]) => fieldText(cells[key] ?? null, info, opts);
      const personName = check.name('name', check.maxLength('name', t('name', { name: true }), 60));
      const unitName = check.maxLength('unitName', t('unitName'), 120);
      const unitType = check.maxLength('unitType', t('unitType'), 40);
      const kind = unitName !== '' ? 'unit' : 'person';
      if (personName === '' && unitName === '') check.add('name', l('姓名或受奖单位须填写一项', 'give the name of the person or of the unit awarded'));
      if (personName !== '' && unitName !== '') check.add('unitName', l('一行只登记一项奖励：姓名和受奖单位只填一项', 'a row is one award: give the person’s name or the unit, not both'));
      if (kind === 'person' && unitType !== '') check.add('unitType', l('单位类型只用于受奖单位', 'the kind of unit is only for a unit awarded'));
      const idText = t('idNumber');
      const genderText = t('gender', { name: true }).toLowerCase();
      if (kind === 'unit' && (idText !== '' || genderText !== '')) check.add(idText !== '' ? 'idNumber' : 'gender', l('受奖单位不填身份证号和性别', 'a unit awarded has no ID number or gender'));
      const idNumber = kind === 'person' ? check.idNumber('idNumber', idText, options.today) : null;
      let gender = genderText === '' || kind === 'unit' ? 'unknown' : ownValue(genders, genderText);
      if (gender === undefined) check.add('gender', l(`性别“${genderText}”应为 男 / 女`, `gender “${genderText}” should be 男 / 女`));
      if (gender === 'unknown' && idNumber !== null) gender = Number(idNumber[16]) % 2 === 1 ? 'male' : 'female';
      const soldierUnit = check.maxLength('soldierUnit', t('soldierUnit'), 200);
      const enlistedOn = check.day('enlistedOn', t('enlistedOn', { date: true }), options.today);
      const classText = t('className', { name: true });
      const cls = classText === '' ? null : matchAwardClass(classes, classText);
      if (cls && !cls.ok) check.add('className', cls.message);
      const authority = check.maxLength('authority', t('authority'), 120);
      const orderNo = check.maxLength('orderNo', t('orderNo'), 80);
      const awardDate = check.day('awardDate', t('awardDate', { date: true }), options.today);
      const citation = check.maxLength('citation', t('citation', { lines: true }), 4000);
      const familyAddress = check.maxLength('familyAddress', t('familyAddress'), 300);
      const receivedOn = check.day('receivedOn', t('receivedOn', { date: true }), options.today);
      if (receivedOn !== null && familyAddress === '') check.add('familyAddress', l('有接收日期的喜报须填写家庭住址（送达地址）', 'a letter received needs the family address it goes to'));
      if (enlistedOn !== null && awardDate !== null && awardDate < enlistedOn) check.add('awardDate', l('批准时间早于入伍时间', 'the award date is before enlistment'));
      const remarks = check.maxLength('remarks', t('remarks'), 2000);
      if (check.problems.length > 0 || !cls?.ok || gender === undefined) return { ok: false, problems: check.problems };
      const name = kind === 'unit' ? unitName : personName;
      return { ok: true, value: { kind, name, gender, idNumber, unitType, soldierUnit, enlistedOn, classId: cls.cls.id, authority, orderNo, awardDate, citation, familyAddress, receivedOn, remarks } };
    },
    checkAll(db, rows) {
      const problems: { row: number; column: string | null; message: LocalizedText }[] = [];
      const seen = new Map<string, number>();
      for (const { rowNumber, value } of rows) {
        const who = value.kind === 'unit' ? l('同一单位', 'unit') : l('同一人', 'person');
        const key = `${value.kind}|${value.idNumber ?? value.name}|${value.classId}|${value.awardDate}|${value.orderNo}`;
        const first = seen.get(key);
        if (first !== undefined) problems.push({ row: rowNumber, column: null, message: l(`与第 ${first} 行是同一项奖励（${who.zh}、类别、批准时间和文号）`, `the same award as row ${first}`) });
        else seen.set(key, rowNumber);
        if (value.kind === 'unit') {
          if (findSameUnitAward(db, { unitName: value.name, classId: value.classId, awardDate: value.awardDate, orderNo: value.orderNo }) !== undefined) {
            problems.push({ row: rowNumber, column: 'className', message: l('该奖励已登记（同一单位、类别、批准时间和文号）', 'this award is already registered (same unit, class, date and order number)') });
          }
          continue;
        }
        if (value.idNumber === null) continue;
        const known = findPersonByIdNumber(db, [value.idNumber]);
        if (!known) continue;
        if (known.name !== value.name) {
          problems.push({ row: rowNumber, column: 'idNumber', message: l(`身份证号码 ${maskIdNumber(value.idNumber)} 已登记为“${known.name}”，与姓名不一致`, `ID number ${maskIdNumber(value.idNumber)} is registered to “${known.name}”, not “${value.name}”`) });
        } else if (findSameAward(db, { personId: known.id, classId: value.classId, awardDate: value.awardDate, orderNo: value.orderNo }) !== undefined) {
          problems.push({ row: rowNumber, column: 'className', message: l('该奖励已登记（同一人、类别、批准时间和文号）', 'this award is already registered (same person, class, date and order number)') });
        }
      }
      return problems;
    },
    commit(db, values, progress, context) {
      const { userId } = context.actor;
      const at = context.now;
      const byId = new Map((classes ?? options.classes()).map((c) => [c.id, c]));
      let letters = 0;
      values.forEach((row, i) => {
        const where = `${context.fileName} 第 ${context.rowNumbers[i]} 行`;
        let personId: number | null = null;
        if (row.kind === 'person') {
          personId = row.idNumber === null ? null : (findPersonByIdNumber(db, [row.idNumber])?.id ?? null);
          if (personId === null) {
            personId = insertPerson(db, { name: row.name, gender: row.gender, ethnicity: '', idNumber: row.idNumber, birth: { verbatim: '', edtf: null, earliest: null, latest: null }, nativePlaceText: '', nativePlaceCode: null }, at);
            context.audit({ entity: 'person', entityId: personId, action: 'import', after: { name: row.name, row: where } });
          }
        }
        const recipient = row.kind === 'person' ? { recipientKind: 'person' as const, personId, unitName: '', unitType: '' } : { recipientKind: 'unit' as const, personId: null, unitName: row.name, unitType: row.unitType };
        const common = { classId: row.classId, authority: row.authority, orderNo: row.orderNo, awardDate: row.awardDate, citation: row.citation, soldierUnit: row.soldierUnit, enlistedOn: row.enlistedOn, remarks: row.remarks };
        const awardId = insertAward(db, { ...recipient, unitDivisionCode: null, ...common }, userId, at);
        const who = row.kind === 'person' ? { personId } : { unitName: row.name, unitType: row.unitType };
        context.audit({ entity: 'award', entityId: awardId, action: 'import', after: { ...who, classId: row.classId, orderNo: row.orderNo, awardDate: row.awardDate, row: where } });
        if (row.receivedOn !== null) {
          const cls = byId.get(row.classId)!;
          const due = dueDate(db, row.receivedOn, cls.deadlineDays);
          const letterId = insertLetter(db, { awardId, familyName: '', familyRelation: '', familyAddress: row.familyAddress, familyDivisionCode: null, familyPhone: '', receivedOn: row.receivedOn, dueOn: due, deliverers: cls.deliverers }, userId, at);
          appendLetterEvent(db, { letterId, at, userId, action: 'receive', fromStatus: null, toStatus: 'received', reason: null, details: { import: where } });
          context.audit({ entity: 'letter', entityId: letterId, action: 'import', after: { awardId, receivedOn: row.receivedOn, dueOn: due } });
          letters++;
        }
        if (i % 250 === 0) progress(i);
      });
      progress(values.length);
      return { awards: values.length, letters };
    },
  };
}
