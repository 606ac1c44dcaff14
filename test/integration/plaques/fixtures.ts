/** A township and two villages of 惠民县 (levels 4–5 are loaded per county), and households with plaques. */
import { upsertDivision } from '../../../electron/core/db/divisions';
import type { Session } from '../../../electron/core';
import type { TestCore } from '../../support/tempCore';
import type { PlaqueCategory } from '../../../shared/rules/plaque';

export const TOWNSHIP = '371621101000';
export const VILLAGE = '371621101001';
export const VILLAGE2 = '371621101002';

export function loadVillages(t: TestCore): void {
  const d = (code: string, name: string, level: 4 | 5, parentCode: string) => upsertDivision(t.core.db, { code, name, level, parentCode, pinyin: '', initials: '', source: 'test' });
  t.core.db.transaction(() => {
    d(TOWNSHIP, '测试新镇', 4, '371621000000');
    d(VILLAGE, '幸福村', 5, TOWNSHIP);
    d(VILLAGE2, '团结村', 5, TOWNSHIP);
  })();
}

/** A household with its head as a veteran holding a certificate; answers the household. */
export async function household(t: TestCore, s: Session, name: string, divisionCode = VILLAGE, category: PlaqueCategory = 'veteran') {
  const head = await t.ok('people.create', { name, gender: 'male', phone: '13812345678', addressText: `${name}家 胜利街1号`, addressCode: divisionCode }, s);
  const h = await t.ok('households.create', { headPersonId: head.id, divisionCode, addressText: '胜利街1号', registrationNo: `HK-${name}` }, s);
  return t.ok('households.addQualification', { householdId: h.id, personId: head.id, category, basis: 'certificate', certificateNo: `证-${name}` }, s);
}
