/**
 * The plaque ledger (光荣牌悬挂登记表) as an import kind for the shared pipeline
 * (electron/core/imports): each row is a household (its head found again by ID number or new), the
 * head as the qualifying person in the row's category, and the plaque with its number, status and
 * hanging date as the sheet says. Places are matched to the loaded townships and villages; the
 * one-plaque-per-household rule and unique plaque numbers are checked across the sheet and
 * against the database before anything is written.
 */
import type { Db } from '../db/connection';
import type { ImportSpec, Cell } from '../imports';
import { findPersonByIdNumber, insertPerson } from '../db/persons';
import { addMember, householdOfPerson, insertHousehold, insertQualification } from '../db/households';
import { appendPlaqueEvent, insertPlaque, plaqueNumberTaken } from '../db/plaques';
import { localDivisionsUnder } from '../db/divisions';
import { readSettings } from '../db/settings';
import { fieldText, l, matchPlace, placeIndex, RowChecker, type PlaceIndex } from '../ledgers/rowFields';
import { oneHouseholdOnePlaque, plaqueCategoryNames, plaqueStatusNames, type PlaqueCategory, type PlaqueStatus } from '../../../shared/rules/plaque';
import { maskIdNumber } from '../../../shared/rules/idNumber';
import type { LocalizedText } from '../../../shared/contract';

export const plaqueLedgerColumns = [
  { key: 'headName', label: l('户主姓名', 'Head of household'), required: true, aliases: ['户主', '姓名', '户主姓 名'] },
  { key: 'idNumber', label: l('身份证号', 'ID number'), aliases: ['身份证号码', '公民身份号码', '户主身份证号'] },
  { key: 'addressText', label: l('地址', 'Address'), aliases: ['住址', '家庭住址', '详细地址', '户籍地址'] },
  { key: 'township', label: l('乡镇', 'Township'), aliases: ['乡镇（街道）', '乡（镇）', '镇（街道）', '街道'] },
  { key: 'village', label: l('村', 'Village'), aliases: ['村（社区）', '村居', '社区', '行政村'] },
  { key: 'category', label: l('优待对象类别', 'Category'), required: true, aliases: ['类别', '对象类别', '优抚对象类别', '悬挂类别'] },
  { key: 'plaqueNumber', label: l('光荣牌编号', 'Plaque number'), required: true, aliases: ['编号', '牌号'] },
  { key: 'hungDate', label: l('悬挂时间', 'Hung on'), aliases: ['悬挂日期', '挂牌时间'] },
  { key: 'status', label: l('状态', 'Status'), aliases: ['悬挂状态', '光荣牌状态'] },
  { key: 'remarks', label: l('备注', 'Remarks'), aliases: ['说明'] },
] as const;

export interface PlaqueLedgerRow {
  headName: string;
  idNumber: string | null;
  addressText: string;
  divisionCode: string;
  category: PlaqueCategory;
  plaqueNumber: string;
  status: Exclude<PlaqueStatus, 'superseded'>;
  hungDate: string | null;
  remarks: string;
}

const categoryByName = new Map<string, PlaqueCategory>(
  Object.entries(plaqueCategoryNames).flatMap(([key, name]) => [
    [name.zh, key as PlaqueCategory],
    [name.en.toLowerCase(), key as PlaqueCategory],
  ]),
);
for (const [alias, key] of [
  ['烈属', 'martyr_family'],
  ['烈士家属', 'martyr_family'],
  ['因公牺牲军人家属', 'duty_death_family'],
  ['病故军人家属', 'illness_death_family'],
  ['现役军人家属', 'active_service'],
  ['军属', 'active_service'],
  ['退役军人', 'veteran'],
  ['退役军人家属', 'veteran'],
] as const)
  categoryByName.set(alias, key);

const statusByName = new Map<string, PlaqueLedgerRow['status']>([
  ['已制作', 'made'],
  ['制作', 'made'],
  ['待发放', 'made'],
  ['已发放', 'issued'],
  ['发放', 'issued'],
  ['新发', 'issued'],
  ['待悬挂', 'issued'],
  ['已悬挂', 'hung'],
  ['悬挂', 'hung'],
  ['已挂', 'hung'],
  ['在挂', 'hung'],
  ['已收回', 'taken_back'],
  ['收回', 'taken_back'],
  ['已取消', 'cancelled'],
  ['取消', 'cancelled'],
]);

/** A category as written (烈士遗属, 军属 …), or null. */
export function plaqueCategoryOf(text: string): PlaqueCategory | null {
  return categoryByName.get(text) ?? categoryByName.get(text.toLowerCase()) ?? null;
}

/** A status as written (已悬挂, 已收回 …); empty: hung when a hanging date is given, else made. */
export function plaqueStatusOf(text: string, hasHungDate: boolean): PlaqueLedgerRow['status'] | null {
  if (text === '') return hasHungDate ? 'hung' : 'made';
  return statusByName.get(text) ?? null;
}

/** The places of the office's county (all loaded ones when no county is set). */
export function officePlaces(db: Db): PlaceIndex {
  const county = readSettings(db).get('homeDivisionCode');
  return placeIndex(localDivisionsUnder(db, typeof county === 'string' ? county.slice(0, 6) : ''));
}

export function plaqueImportSpec(options: { places: () => PlaceIndex; today: string }): ImportSpec<PlaqueLedgerRow, { households: number; plaques: number }> {
  let places: PlaceIndex | null = null;
  return {
    kind: 'plaques',
    columns: plaqueLedgerColumns,
    parseRow(cells: Readonly<Record<string, Cell>>, _rowNumber, info) {
      places ??= options.places();
      const check = new RowChecker();
      const t = (key: string, opts?: { date?: boolean; name?: boolean }) => fieldText(cells[key] ?? null, info, opts);
      const headName = check.name('headName', check.maxLength('headName', t('headName', { name: true }), 50));
      const idNumber = check.idNumber('idNumber', t('idNumber'), options.today);
      const addressText = check.maxLength('addressText', t('addressText'), 200);
      const remarks = check.maxLength('remarks', t('remarks'), 1000);
      const plaqueNumber = check.maxLength('plaqueNumber', t('plaqueNumber', { name: true }), 40);
      const categoryText = t('category', { name: true });
      const category = plaqueCategoryOf(categoryText);
      if (categoryText !== '' && category === null) check.add('category', l(`无法识别的类别“${categoryText}”（应为 ${Object.values(plaqueCategoryNames).map((n) => n.zh).join(' / ')}）`, `unknown category “${categoryText}”`));
      const hungDate = check.day('hungDate', t('hungDate', { date: true }), options.today);
      const statusText = t('status', { name: true });
      const status = plaqueStatusOf(statusText, hungDate !== null);
      if (status === null) check.add('status', l(`无法识别的状态“${statusText}”（应为 ${['made', 'issued', 'hung', 'taken_back', 'cancelled'].map((s) => plaqueStatusNames[s as PlaqueStatus].zh).join(' / ')}）`, `unknown status “${statusText}”`));
      if (status === 'made' && hungDate !== null) check.add('status', l('状态为“已制作”却填了悬挂时间', 'status “made” but a hanging date is given'));
      const place = matchPlace(places, t('township', { name: true }), t('village', { name: true }));
      if (!place.ok) check.add(place.column, place.message);
      if (check.problems.length > 0 || !place.ok || category === null || status === null) return { ok: false, problems: check.problems };
      return { ok: true, value: { headName, idNumber, addressText, divisionCode: place.code, category, plaqueNumber, status, hungDate, remarks } };
    },
    checkAll(db, rows) {
      const problems: { row: number; column: string | null; message: LocalizedText }[] = [];
      const numbers = new Map<string, number>();
      const households = new Map<string, number>();
      for (const { rowNumber, value } of rows) {
        const firstWithNumber = numbers.get(value.plaqueNumber);
        if (firstWithNumber !== undefined) problems.push({ row: rowNumber, column: 'plaqueNumber', message: l(`光荣牌编号与第 ${firstWithNumber} 行重复`, `same plaque number as row ${firstWithNumber}`) });
        else {
          numbers.set(value.plaqueNumber, rowNumber);
          if (plaqueNumberTaken(db, value.plaqueNumber)) problems.push({ row: rowNumber, column: 'plaqueNumber', message: l(`光荣牌编号 ${value.plaqueNumber} 已在系统中使用`, `plaque number ${value.plaqueNumber} is already in use`) });
        }
        // One person, one household; one household, one plaque: a household twice in a sheet is refused.
        const household = value.idNumber ?? `${value.headName}|${value.divisionCode}|${value.addressText}`;
        const first = households.get(household);
        if (first !== undefined) problems.push({ row: rowNumber, column: null, message: l(`与第 ${first} 行是同一户：${oneHouseholdOnePlaque.zh}`, `the same household as row ${first}: ${oneHouseholdOnePlaque.en}`) });
        else households.set(household, rowNumber);
        if (value.idNumber !== null) {
          const known = findPersonByIdNumber(db, [value.idNumber]);
          if (known && known.name !== value.headName) {
            problems.push({ row: rowNumber, column: 'idNumber', message: l(`身份证号码 ${maskIdNumber(value.idNumber)} 已登记为“${known.name}”，与户主姓名不一致`, `ID number ${maskIdNumber(value.idNumber)} is registered to “${known.name}”, not this head of household`) });
          } else if (known && householdOfPerson(db, known.id) !== undefined) {
            problems.push({ row: rowNumber, column: 'idNumber', message: l(`${value.headName}已登记在另一户中，请在光荣牌页面处理该户`, `${value.headName} already belongs to a household; deal with it on the plaques page`) });
          }
        }
      }
      return problems;
    },
    commit(db, values, progress, context) {
      const { userId } = context.actor;
      const at = context.now;
      values.forEach((row, i) => {
        const where = `${context.fileName} 第 ${context.rowNumbers[i]} 行`;
        const known = row.idNumber === null ? undefined : findPersonByIdNumber(db, [row.idNumber]);
        let personId = known?.id;
        if (personId === undefined) {
          personId = insertPerson(db, { name: row.headName, gender: 'unknown', ethnicity: '', idNumber: row.idNumber, birth: { verbatim: '', edtf: null, earliest: null, latest: null }, nativePlaceText: '', nativePlaceCode: null }, at);
          context.audit({ entity: 'person', entityId: personId, action: 'import', after: { name: row.headName, row: where } });
        }
        const householdId = insertHousehold(db, { registrationNo: '', headPersonId: personId, addressText: row.addressText, divisionCode: row.divisionCode, phone: '', remarks: row.remarks }, userId, at);
        addMember(db, householdId, personId, 'head');
        const qualificationId = insertQualification(db, { householdId, personId, category: row.category, basis: 'certificate', certificateNo: '', applicationDate: '', applicationNote: '' }, userId, at);
        const plaqueId = insertPlaque(db, { householdId, qualificationId, number: row.plaqueNumber, status: row.status, issuedDate: null, hungDate: row.hungDate, replacesId: null, lastReason: '' }, userId, at);
        appendPlaqueEvent(db, { plaqueId, action: 'make', fromStatus: null, toStatus: row.status, date: row.hungDate, note: `导入：${where}` }, userId, at);
        context.audit({ entity: 'household', entityId: householdId, action: 'import', after: { headPersonId: personId, divisionCode: row.divisionCode, row: where } });
        context.audit({ entity: 'plaque', entityId: plaqueId, action: 'import', after: { householdId, number: row.plaqueNumber, status: row.status, category: row.category, hungDate: row.hungDate } });
        if (i % 250 === 0) progress(i);
      });
      progress(values.length);
      return { households: values.length, plaques: values.length };
    },
  };
}
