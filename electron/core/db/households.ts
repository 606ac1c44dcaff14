import { cachedStatement, type Db } from './connection';
import type { PlaqueCategory } from '../../../shared/rules/plaque';

/** Repository of `households`, `household_members` and `plaque_qualifications`. */
export type HouseholdRelation = 'head' | 'spouse' | 'parent' | 'child' | 'sibling' | 'guardian' | 'other';

export interface HouseholdStored {
  id: number;
  registrationNo: string;
  headPersonId: number;
  headName: string;
  addressText: string;
  divisionCode: string;
  divisionName: string;
  phone: string;
  remarks: string;
  version: number;
  updatedAt: string;
}

export interface HouseholdWrite {
  registrationNo: string;
  headPersonId: number;
  addressText: string;
  divisionCode: string;
  phone: string;
  remarks: string;
}

export function getHousehold(db: Db, id: number): HouseholdStored | undefined {
  return cachedStatement(
    db,
    `SELECT h.id, h.registration_no AS registrationNo, h.head_person_id AS headPersonId, p.name AS headName, h.address_text AS addressText,
            h.division_code AS divisionCode, coalesce(d.name, '') AS divisionName, h.phone, h.remarks, h.version, h.updated_at AS updatedAt
       FROM households h JOIN persons p ON p.id = h.head_person_id LEFT JOIN divisions d ON d.code = h.division_code
      WHERE h.id = ?`,
  ).get(id) as HouseholdStored | undefined;
}

export function insertHousehold(db: Db, h: HouseholdWrite, userId: number | null, at: string): number {
  const info = db
    .prepare(
      `INSERT INTO households (registration_no, head_person_id, address_text, division_code, phone, remarks, created_at, created_by, updated_at, updated_by)
       VALUES (@registrationNo, @headPersonId, @addressText, @divisionCode, @phone, @remarks, @at, @userId, @at, @userId)`,
    )
    .run({ ...h, at, userId });
  return Number(info.lastInsertRowid);
}

export function updateHousehold(db: Db, id: number, h: HouseholdWrite, userId: number, at: string): void {
  db.prepare(
    `UPDATE households SET registration_no = @registrationNo, head_person_id = @headPersonId, address_text = @addressText, division_code = @divisionCode,
       phone = @phone, remarks = @remarks, version = version + 1, updated_at = @at, updated_by = @userId WHERE id = @id`,
  ).run({ ...h, at, userId, id });
}

export function touchHousehold(db: Db, id: number, userId: number, at: string): void {
  cachedStatement(db, 'UPDATE households SET version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?').run(at, userId, id);
}

export interface MemberStored {
  personId: number;
  name: string;
  relationToHead: HouseholdRelation;
  idNumber: string | null;
  deceased: boolean;
}

export function listMembers(db: Db, householdId: number): MemberStored[] {
  const rows = cachedStatement(
    db,
    `SELECT m.person_id AS personId, p.name, m.relation_to_head AS relationToHead, p.id_number AS idNumber,
            (p.deceased = 1 OR EXISTS (SELECT 1 FROM martyrs x WHERE x.person_id = p.id)) AS deceased
       FROM household_members m JOIN persons p ON p.id = m.person_id WHERE m.household_id = ? ORDER BY m.relation_to_head <> 'head', m.id`,
  ).all(householdId) as (Omit<MemberStored, 'deceased'> & { deceased: number })[];
  return rows.map((r) => ({ ...r, deceased: r.deceased === 1 }));
}

/** The household the person belongs to, if any (a person belongs to one). */
export function householdOfPerson(db: Db, personId: number): number | undefined {
  return (cachedStatement(db, 'SELECT household_id AS id FROM household_members WHERE person_id = ?').get(personId) as { id: number } | undefined)?.id;
}

export function addMember(db: Db, householdId: number, personId: number, relation: HouseholdRelation): void {
  db.prepare('INSERT INTO household_members (household_id, person_id, relation_to_head) VALUES (?, ?, ?)').run(householdId, personId, relation);
}

export function setMemberRelation(db: Db, householdId: number, personId: number, relation: HouseholdRelation): void {
  db.prepare('UPDATE household_members SET relation_to_head = ? WHERE household_id = ? AND person_id = ?').run(relation, householdId, personId);
}

export function removeMember(db: Db, householdId: number, personId: number): boolean {
  return db.prepare('DELETE FROM household_members WHERE household_id = ? AND person_id = ?').run(householdId, personId).changes === 1;
}

export interface QualificationStored {
  id: number;
  householdId: number;
  personId: number;
  personName: string;
  category: PlaqueCategory;
  basis: 'certificate' | 'application';
  certificateNo: string;
  applicationDate: string;
  applicationNote: string;
  deceased: boolean;
}

export function listQualifications(db: Db, householdId: number): QualificationStored[] {
  const rows = cachedStatement(
    db,
    `SELECT q.id, q.household_id AS householdId, q.person_id AS personId, p.name AS personName, q.category, q.basis, q.certificate_no AS certificateNo,
            q.application_date AS applicationDate, q.application_note AS applicationNote,
            (p.deceased = 1 OR EXISTS (SELECT 1 FROM martyrs x WHERE x.person_id = p.id)) AS deceased
       FROM plaque_qualifications q JOIN persons p ON p.id = q.person_id WHERE q.household_id = ? ORDER BY q.id`,
  ).all(householdId) as (Omit<QualificationStored, 'deceased'> & { deceased: number })[];
  return rows.map((r) => ({ ...r, deceased: r.deceased === 1 }));
}

export function insertQualification(
  db: Db,
  q: { householdId: number; personId: number; category: PlaqueCategory; basis: 'certificate' | 'application'; certificateNo: string; applicationDate: string; applicationNote: string },
  userId: number | null,
  at: string,
): number {
  const info = db
    .prepare(
      `INSERT INTO plaque_qualifications (household_id, person_id, category, basis, certificate_no, application_date, application_note, created_at, created_by)
       VALUES (@householdId, @personId, @category, @basis, @certificateNo, @applicationDate, @applicationNote, @at, @userId)`,
    )
    .run({ ...q, at, userId });
  return Number(info.lastInsertRowid);
}

export function qualificationUsedByPlaque(db: Db, qualificationId: number): boolean {
  return db.prepare('SELECT 1 FROM plaques WHERE qualification_id = ? LIMIT 1').get(qualificationId) !== undefined;
}

export function deleteQualification(db: Db, householdId: number, qualificationId: number): boolean {
  return db.prepare('DELETE FROM plaque_qualifications WHERE id = ? AND household_id = ?').run(qualificationId, householdId).changes === 1;
}
