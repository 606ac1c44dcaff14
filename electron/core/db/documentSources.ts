import type { Db } from './connection';
import type { LetterSource } from '../documents/templates/letterBatch';

/**
 * What documents print, read for a job (SQL lives here). Letters: an award with its live
 * (not cancelled) good-news letter; an award without one is answered as `null`.
 */
const letterSelect = (db: Db) =>
  db.prepare(`
  SELECT a.id AS awardId, a.class_id AS classId, c.name AS className, coalesce(p.name, a.unit_name) AS recipientName,
         p.gender AS recipientGender, a.soldier_unit AS soldierUnit, a.authority, a.order_no AS orderNo, a.award_date AS awardDate,
         a.citation, l.family_name AS familyName, l.family_relation AS familyRelation
    FROM awards a JOIN award_classes c ON c.id = a.class_id LEFT JOIN persons p ON p.id = a.person_id
    JOIN good_news_letters l ON l.award_id = a.id AND l.status <> 'cancelled'
   WHERE a.id = ?`);

/** The letters of `awardIds`, in that order; `missing`: awards that do not exist or have no live letter. */
export function letterSources(db: Db, awardIds: readonly number[]): { sources: LetterSource[]; missing: number[] } {
  const statement = letterSelect(db);
  const sources: LetterSource[] = [];
  const missing: number[] = [];
  for (const id of awardIds) {
    const row = statement.get(id) as LetterSource | undefined;
    if (row) sources.push(row);
    else missing.push(id);
  }
  return { sources, missing };
}
