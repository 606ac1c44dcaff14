import { cachedStatement, type Db } from './connection';

/**
 * Repository of `persons` and `person_relations`: one person table for martyrs, awardees,
 * qualifying persons and family members. A relation row says what `related_person_id` is to
 * `person_id` (the kin's relation to the martyr).
 */
export interface PersonColumns {
  name: string;
  gender: 'male' | 'female' | 'unknown';
  ethnicity: string;
  idNumber: string | null;
  birth: { verbatim: string; edtf: string | null; earliest: string | null; latest: string | null };
  nativePlaceText: string;
  nativePlaceCode: string | null;
}

export type Relation = 'parent' | 'spouse' | 'child' | 'sibling' | 'guardian' | 'other';

function params(p: PersonColumns, at: string) {
  return {
    name: p.name,
    gender: p.gender,
    ethnicity: p.ethnicity,
    idNumber: p.idNumber,
    birthVerbatim: p.birth.verbatim,
    birthEdtf: p.birth.edtf,
    birthEarliest: p.birth.earliest,
    birthLatest: p.birth.latest,
    nativePlaceText: p.nativePlaceText,
    nativePlaceCode: p.nativePlaceCode,
    at,
  };
}

export function insertPerson(db: Db, p: PersonColumns, at: string): number {
  const info = cachedStatement(
    db,
    `INSERT INTO persons (name, gender, ethnicity, id_number, birth_verbatim, birth_edtf, birth_earliest, birth_latest, native_place_text, native_place_code, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(p.name, p.gender, p.ethnicity, p.idNumber, p.birth.verbatim, p.birth.edtf, p.birth.earliest, p.birth.latest, p.nativePlaceText, p.nativePlaceCode, at, at);
  return Number(info.lastInsertRowid);
}

export function updatePerson(db: Db, id: number, p: PersonColumns, at: string): void {
  db.prepare(
    `UPDATE persons SET name = @name, gender = @gender, ethnicity = @ethnicity, id_number = @idNumber,
       birth_verbatim = @birthVerbatim, birth_edtf = @birthEdtf, birth_earliest = @birthEarliest, birth_latest = @birthLatest,
       native_place_text = @nativePlaceText, native_place_code = @nativePlaceCode, updated_at = @at
     WHERE id = @id`,
  ).run({ ...params(p, at), id });
}

export interface Kin {
  personId: number;
  name: string;
  relation: Relation;
  note: string;
}

export function listKin(db: Db, personId: number): Kin[] {
  return cachedStatement(
    db,
    `SELECT r.related_person_id AS personId, p.name, r.relation, r.note
       FROM person_relations r JOIN persons p ON p.id = r.related_person_id
       WHERE r.person_id = ? ORDER BY r.id`,
  ).all(personId) as Kin[];
}

/**
 * Makes the person's kin exactly `wanted`: kin already linked under the same name and relation
 * keep their person row (and whatever else links to it); new ones get a person row.
 */
export function replaceKin(db: Db, personId: number, wanted: { name: string; relation: Relation; note: string }[], at: string): void {
  if (wanted.length === 0 && listKin(db, personId).length === 0) return;
  const current = listKin(db, personId);
  const keep = new Set<number>();
  for (const w of wanted) {
    const existing = current.find((c) => c.name === w.name && c.relation === w.relation && !keep.has(c.personId));
    if (existing) {
      keep.add(existing.personId);
      db.prepare('UPDATE person_relations SET note = ? WHERE person_id = ? AND related_person_id = ? AND relation = ?').run(w.note, personId, existing.personId, w.relation);
      continue;
    }
    const kinId = insertPerson(db, { name: w.name, gender: 'unknown', ethnicity: '', idNumber: null, birth: { verbatim: '', edtf: null, earliest: null, latest: null }, nativePlaceText: '', nativePlaceCode: null }, at);
    db.prepare('INSERT INTO person_relations (person_id, related_person_id, relation, note) VALUES (?, ?, ?, ?)').run(personId, kinId, w.relation, w.note);
    keep.add(kinId);
  }
  for (const c of current) {
    if (!keep.has(c.personId)) db.prepare('DELETE FROM person_relations WHERE person_id = ? AND related_person_id = ? AND relation = ?').run(personId, c.personId, c.relation);
  }
}

/** The person holding a resident ID number (any of its written forms, e.g. the 18-digit and the old 15-digit one). */
export function findPersonByIdNumber(db: Db, forms: readonly string[]): { id: number; name: string; gender: PersonColumns['gender']; idNumber: string } | undefined {
  if (forms.length === 0) return undefined;
  return cachedStatement(db, `SELECT id, name, gender, id_number AS idNumber FROM persons WHERE id_number IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT 1`).get(JSON.stringify(forms)) as
    | { id: number; name: string; gender: PersonColumns['gender']; idNumber: string }
    | undefined;
}

/** Name, gender and ID number of a person (an awardee's details as last keyed in). */
export function updatePersonIdentity(db: Db, id: number, p: { name: string; gender: PersonColumns['gender']; idNumber: string | null }, at: string): void {
  cachedStatement(db, 'UPDATE persons SET name = ?, gender = ?, id_number = ?, updated_at = ? WHERE id = ?').run(p.name, p.gender, p.idNumber, at, id);
}
