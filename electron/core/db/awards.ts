import type { Db } from './connection';
import type { LetterStatus } from '../../../shared/rules/letterState';

/**
 * Repository of `awards`: the award register. The recipient is a person (persons table) or a unit
 * or collective (its name, type and division on the award row).
 */
export interface AwardColumns {
  recipientKind: 'person' | 'unit';
  personId: number | null;
  unitName: string;
  unitType: string;
  unitDivisionCode: string | null;
  classId: number;
  authority: string;
  orderNo: string;
  awardDate: string | null;
  citation: string;
  soldierUnit: string;
  enlistedOn: string | null;
  remarks: string;
}

export interface AwardRecord extends AwardColumns {
  id: number;
  version: number;
  className: string;
  personName: string | null;
  personGender: 'male' | 'female' | 'unknown' | null;
  personIdNumber: string | null;
  /** The recipient is dead (or a martyr): personal information is not masked then. */
  personDeceased: number | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

const select = `
  SELECT a.id, a.version, a.recipient_kind AS recipientKind, a.person_id AS personId, a.unit_name AS unitName, a.unit_type AS unitType,
         a.unit_division_code AS unitDivisionCode, a.class_id AS classId, c.name AS className, a.authority, a.order_no AS orderNo,
         a.award_date AS awardDate, a.citation, a.soldier_unit AS soldierUnit, a.enlisted_on AS enlistedOn, a.remarks,
         p.name AS personName, p.gender AS personGender, p.id_number AS personIdNumber,
         (p.deceased = 1 OR EXISTS (SELECT 1 FROM martyrs m WHERE m.person_id = p.id)) AS personDeceased,
         a.created_at AS createdAt, coalesce(cu.display_name, '') AS createdBy, a.updated_at AS updatedAt, coalesce(uu.display_name, '') AS updatedBy
    FROM awards a JOIN award_classes c ON c.id = a.class_id LEFT JOIN persons p ON p.id = a.person_id
    LEFT JOIN users cu ON cu.id = a.created_by LEFT JOIN users uu ON uu.id = a.updated_by`;

export function getAward(db: Db, id: number): AwardRecord | undefined {
  return db.prepare(`${select} WHERE a.id = ?`).get(id) as AwardRecord | undefined;
}

export function insertAward(db: Db, a: AwardColumns, userId: number | null, at: string): number {
  const info = db
    .prepare(
      `INSERT INTO awards (recipient_kind, person_id, unit_name, unit_type, unit_division_code, class_id, authority, order_no, award_date, citation, soldier_unit, enlisted_on, remarks, created_at, created_by, updated_at, updated_by)
       VALUES (@recipientKind, @personId, @unitName, @unitType, @unitDivisionCode, @classId, @authority, @orderNo, @awardDate, @citation, @soldierUnit, @enlistedOn, @remarks, @at, @userId, @at, @userId)`,
    )
    .run({ ...a, at, userId });
  return Number(info.lastInsertRowid);
}

export function updateAward(db: Db, id: number, a: AwardColumns, userId: number, at: string): void {
  db.prepare(
    `UPDATE awards SET recipient_kind = @recipientKind, person_id = @personId, unit_name = @unitName, unit_type = @unitType, unit_division_code = @unitDivisionCode,
       class_id = @classId, authority = @authority, order_no = @orderNo, award_date = @awardDate, citation = @citation, soldier_unit = @soldierUnit,
       enlisted_on = @enlistedOn, remarks = @remarks, version = version + 1, updated_at = @at, updated_by = @userId
     WHERE id = @id`,
  ).run({ ...a, id, at, userId });
}

/** Touches the award (a file attached or removed) so its version tells others it changed. */
export function touchAward(db: Db, id: number, userId: number, at: string): void {
  db.prepare('UPDATE awards SET version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?').run(at, userId, id);
}

/** An award of the person in that class, on that date, under that order number (the same award keyed twice). */
export function findSameAward(db: Db, a: { personId: number; classId: number; awardDate: string | null; orderNo: string }): number | undefined {
  return (
    db.prepare('SELECT id FROM awards WHERE person_id = ? AND class_id = ? AND award_date IS ? AND order_no = ? LIMIT 1').get(a.personId, a.classId, a.awardDate, a.orderNo) as { id: number } | undefined
  )?.id;
}

/** An award to the unit of that name in that class, on that date, under that order number. */
export function findSameUnitAward(db: Db, a: { unitName: string; classId: number; awardDate: string | null; orderNo: string }): number | undefined {
  return (
    db.prepare("SELECT id FROM awards WHERE recipient_kind = 'unit' AND unit_name = ? AND class_id = ? AND award_date IS ? AND order_no = ? LIMIT 1").get(a.unitName, a.classId, a.awardDate, a.orderNo) as { id: number } | undefined
  )?.id;
}

export function countPersonAwards(db: Db, personId: number): number {
  return (db.prepare('SELECT count(*) AS n FROM awards WHERE person_id = ?').get(personId) as { n: number }).n;
}

export interface AwardListRow {
  id: number;
  recipientKind: 'person' | 'unit';
  recipientName: string;
  className: string;
  authority: string;
  orderNo: string;
  awardDate: string | null;
  soldierUnit: string;
  letterId: number | null;
  letterStatus: LetterStatus | null;
}

export interface AwardListQuery {
  query: string;
  classId?: number | undefined;
  /** null: awards without a date. */
  year?: number | null | undefined;
  limit: number;
  /** The last award of the previous page (its date and id); undefined: the first page. */
  after?: { awardDate: string | null; id: number } | undefined;
}

/**
 * The register, newest award first (undated ones last, then by id, newest first), a page by
 * keyset: the rows after `after` in that order, the cursor of the page after (null on the last),
 * and how many awards the search and filters hold in all, read in one snapshot.
 */
export function listAwards(db: Db, q: AwardListQuery): { rows: AwardListRow[]; count: number; next: { awardDate: string | null; id: number } | null } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.query !== '') {
    parts.push(`(coalesce(p.name, a.unit_name) LIKE @like ESCAPE '\\' OR a.order_no LIKE @like ESCAPE '\\' OR a.soldier_unit LIKE @like ESCAPE '\\' OR a.authority LIKE @like ESCAPE '\\')`);
    params.like = `%${q.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (q.classId !== undefined) {
    parts.push('a.class_id = @classId');
    params.classId = q.classId;
  }
  if (q.year === null) parts.push('a.award_date IS NULL');
  else if (q.year !== undefined) {
    parts.push('a.award_date BETWEEN @yearFrom AND @yearTo');
    params.yearFrom = `${q.year}-01-01`;
    params.yearTo = `${q.year}-12-31`;
  }
  const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  // After a dated award: older dates, the same date with a smaller id, and every undated one.
  // After an undated award: undated ones with a smaller id.
  const after =
    q.after === undefined
      ? ''
      : q.after.awardDate === null
        ? 'a.award_date IS NULL AND a.id < @afterId'
        : '(a.award_date IS NULL OR a.award_date < @afterDate OR (a.award_date = @afterDate AND a.id < @afterId))';
  const pageWhere = after === '' ? where : `WHERE ${[...parts, after].join(' AND ')}`;
  const pageParams = { ...params, afterId: q.after?.id, afterDate: q.after?.awardDate, limit: q.limit + 1 };
  // At most one live letter per award (good_news_letters_one_per_award): one row per award.
  const from = `FROM awards a JOIN award_classes c ON c.id = a.class_id LEFT JOIN persons p ON p.id = a.person_id
    LEFT JOIN good_news_letters l ON l.award_id = a.id AND l.status <> 'cancelled'`;
  return db.transaction(() => {
    const rows = db
      .prepare(
        `SELECT a.id, a.recipient_kind AS recipientKind, coalesce(p.name, a.unit_name) AS recipientName, c.name AS className, a.authority, a.order_no AS orderNo,
                a.award_date AS awardDate, a.soldier_unit AS soldierUnit, l.id AS letterId, l.status AS letterStatus
         ${from} ${pageWhere} ORDER BY a.award_date IS NULL, a.award_date DESC, a.id DESC LIMIT @limit`,
      )
      .all(pageParams) as AwardListRow[];
    const count = (db.prepare(`SELECT count(*) AS n ${from} ${where}`).get(params) as { n: number }).n;
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return { rows: page, count, next: rows.length > q.limit && last ? { awardDate: last.awardDate, id: last.id } : null };
  })();
}
