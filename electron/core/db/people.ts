import { cachedStatement, type Db } from './connection';
import type { PersonRelation } from '../../../shared/contract/people';

/**
 * Repository of the living-people side of `persons` (phone, address, death) and both directions
 * of `person_relations`. The martyr side of the same rows is in martyrs.ts/persons.ts.
 */
export interface PersonWrite {
  name: string;
  gender: 'male' | 'female' | 'unknown';
  ethnicity: string;
  idNumber: string | null;
  birthDate: string;
  phone: string;
  addressText: string;
  addressCode: string | null;
  deceased: boolean;
  deathDate: string;
  remarks: string;
}

export interface PersonStored extends PersonWrite {
  id: number;
  addressDivision: string | null;
  martyrId: number | null;
  householdId: number | null;
  updatedAt: string;
}

const SELECT = `
  SELECT p.id, p.name, p.gender, p.ethnicity, p.id_number AS idNumber, p.birth_date AS birthDate, p.phone, p.address_text AS addressText,
         p.address_code AS addressCode, d.name AS addressDivision, (p.deceased = 1 OR m.id IS NOT NULL) AS deceased, p.death_date AS deathDate,
         p.remarks, m.id AS martyrId, hm.household_id AS householdId, p.updated_at AS updatedAt
    FROM persons p
    LEFT JOIN martyrs m ON m.person_id = p.id
    LEFT JOIN household_members hm ON hm.person_id = p.id
    LEFT JOIN divisions d ON d.code = p.address_code`;

type Raw = Omit<PersonStored, 'deceased'> & { deceased: number };
const toPerson = (r: Raw): PersonStored => ({ ...r, deceased: r.deceased === 1 });

export function getPerson(db: Db, id: number): PersonStored | undefined {
  const row = cachedStatement(db, `${SELECT} WHERE p.id = ?`).get(id) as Raw | undefined;
  return row && toPerson(row);
}

/** By any part of the name, or an ID number's exact digits; in id order (keyset). */
export function searchPeople(db: Db, q: { query: string; limit: number; afterId: number | null }): PersonStored[] {
  const like = `%${q.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = db
    .prepare(`${SELECT} WHERE (@query = '' OR p.name LIKE @like ESCAPE '\\' OR p.id_number = upper(@query)) AND p.id > @after ORDER BY p.id LIMIT @limit`)
    .all({ query: q.query, like, after: q.afterId ?? 0, limit: q.limit }) as Raw[];
  return rows.map(toPerson);
}

export function findPersonByIdNumber(db: Db, idNumber: string): number | undefined {
  return (cachedStatement(db, 'SELECT id FROM persons WHERE id_number = ? ORDER BY id LIMIT 1').get(idNumber) as { id: number } | undefined)?.id;
}

function params(p: PersonWrite, at: string) {
  return { ...p, deceased: p.deceased ? 1 : 0, at };
}

export function insertLivingPerson(db: Db, p: PersonWrite, at: string): number {
  const info = db
    .prepare(
      `INSERT INTO persons (name, gender, ethnicity, id_number, birth_date, phone, address_text, address_code, deceased, death_date, remarks, created_at, updated_at)
       VALUES (@name, @gender, @ethnicity, @idNumber, @birthDate, @phone, @addressText, @addressCode, @deceased, @deathDate, @remarks, @at, @at)`,
    )
    .run(params(p, at));
  return Number(info.lastInsertRowid);
}

export function updateLivingPerson(db: Db, id: number, p: PersonWrite, at: string): void {
  db.prepare(
    `UPDATE persons SET name = @name, gender = @gender, ethnicity = @ethnicity, id_number = @idNumber, birth_date = @birthDate, phone = @phone,
       address_text = @addressText, address_code = @addressCode, deceased = @deceased, death_date = @deathDate, remarks = @remarks, updated_at = @at
     WHERE id = @id`,
  ).run({ ...params(p, at), id });
}

export interface RelationRow {
  personId: number;
  name: string;
  relation: PersonRelation;
  note: string;
  /** 'to': the other person is the `relation` of this one; 'from': this one is the other's. */
  direction: 'to' | 'from';
}

export function listRelations(db: Db, personId: number): RelationRow[] {
  return db
    .prepare(
      `SELECT r.related_person_id AS personId, p.name, r.relation, r.note, 'to' AS direction FROM person_relations r JOIN persons p ON p.id = r.related_person_id WHERE r.person_id = @id
       UNION ALL
       SELECT r.person_id AS personId, p.name, r.relation, r.note, 'from' AS direction FROM person_relations r JOIN persons p ON p.id = r.person_id WHERE r.related_person_id = @id`,
    )
    .all({ id: personId }) as RelationRow[];
}

export function addRelation(db: Db, personId: number, relatedPersonId: number, relation: PersonRelation, note: string): boolean {
  return (
    db.prepare('INSERT INTO person_relations (person_id, related_person_id, relation, note) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET note = excluded.note').run(personId, relatedPersonId, relation, note)
      .changes === 1
  );
}

export function removeRelation(db: Db, personId: number, relatedPersonId: number, relation: PersonRelation): boolean {
  return db.prepare('DELETE FROM person_relations WHERE person_id = ? AND related_person_id = ? AND relation = ?').run(personId, relatedPersonId, relation).changes === 1;
}
