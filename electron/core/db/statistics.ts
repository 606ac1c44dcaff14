import { cachedStatement, type Db } from './connection';
import { LEDGER_PLAQUE } from './plaques';
import type { LetterStatus } from '../../../shared/rules/letterState';
import type { PlaqueCategory, PlaqueStatus } from '../../../shared/rules/plaque';
import type { MartyrStatus, Period } from '../../../shared/contract/martyrs';
import { divisionLevel, divisionPrefix } from '../../../shared/rules/divisionCode';

/**
 * The dashboard's counts (统计): read-only aggregates over `households` and their plaques, `awards`,
 * `good_news_letters` and `martyrs`, one query per chart, each answered from an index
 * (test/integration/statistics checks the plans). The SQL is exported so that test can EXPLAIN it.
 */

/** A division prefix (2–12 digits; '' = all) as a range on `households.division_code` (':' follows the digits). */
const IN_PREFIX = `h.division_code >= @prefix AND h.division_code < @prefix || ':'`;

export const STATISTICS_SQL = {
  // Households, each by the plaque its ledger line shows (LEDGER_PLAQUE, as plaques.ledger lists
  // them): a bar's count is the number of lines of the ledger it opens. Driven from households
  // (households_division: a range for a division), the line's plaque found by plaques_household.
  plaquesByCategoryStatus: `
    SELECT q.category, pl.status, count(*) AS count
      FROM households h CROSS JOIN plaques pl ON pl.id = ${LEDGER_PLAQUE} JOIN plaque_qualifications q ON q.id = pl.qualification_id
     WHERE ${IN_PREFIX}
     GROUP BY q.category, pl.status`,
  plaquesByDivision: `
    SELECT c.code AS divisionCode, coalesce(d.name, c.code) AS divisionName, coalesce(d.level, 0) AS level, c.households,
           coalesce(c.hung, 0) AS hung, coalesce(c.inUse, 0) AS inUse, coalesce(c.cancelled, 0) AS cancelled, coalesce(c.withoutPlaque, 0) AS withoutPlaque FROM (
      SELECT substr(h.division_code, 1, @len) || substr('000000000000', 1, 12 - @len) AS code,
             count(*) AS households,
             sum(pl.status = 'hung') AS hung,
             sum(pl.status IN ('made', 'issued', 'hung', 'taken_back')) AS inUse,
             sum(pl.status = 'cancelled') AS cancelled,
             sum(pl.id IS NULL) AS withoutPlaque
        FROM households h LEFT JOIN plaques pl ON pl.id = ${LEDGER_PLAQUE}
       WHERE ${IN_PREFIX}
       GROUP BY code) c LEFT JOIN divisions d ON d.code = c.code ORDER BY c.code`,
  // awards_class_date (class_id, award_date) covers it.
  awardsByClassYear: `
    SELECT a.class_id AS classId, c.name AS className, CAST(substr(a.award_date, 1, 4) AS INTEGER) AS year, count(*) AS count
      FROM awards a JOIN award_classes c ON c.id = a.class_id
     GROUP BY a.class_id, substr(a.award_date, 1, 4)
     ORDER BY c.position, year`,
  // good_news_letters_status (status, due_on, id) covers it.
  lettersByStatus: `
    SELECT status, count(*) AS count,
           sum(status IN ('received', 'registered', 'verified') AND due_on < @today) AS overdue,
           sum(status IN ('received', 'registered', 'verified') AND due_on >= @today AND due_on <= @soon) AS dueSoon
      FROM good_news_letters GROUP BY status`,
  // martyrs_status (status, updated_at, id) WHERE deleted_at IS NULL: in status order, the period from the row.
  martyrsByStatusPeriod: `
    SELECT status, period, count(*) AS count FROM martyrs WHERE deleted_at IS NULL GROUP BY status, period`,
} as const;

export function plaquesByCategoryStatus(db: Db, prefix: string | null): { category: PlaqueCategory; status: PlaqueStatus; count: number }[] {
  return cachedStatement(db, STATISTICS_SQL.plaquesByCategoryStatus).all({ prefix: prefix ?? '' }) as { category: PlaqueCategory; status: PlaqueStatus; count: number }[];
}

export interface DivisionCounts {
  divisionCode: string;
  divisionName: string;
  level: number;
  households: number;
  /** Households by their ledger line's plaque: hung; in use (made, issued, hung, taken back); cancelled; none at all. */
  hung: number;
  inUse: number;
  cancelled: number;
  withoutPlaque: number;
}

/** Households per division `childLength` digits long (9 = township, 12 = village), by their ledger line's plaque. */
export function plaquesByDivision(db: Db, prefix: string | null, childLength: number): DivisionCounts[] {
  return cachedStatement(db, STATISTICS_SQL.plaquesByDivision).all({ prefix: prefix ?? '', len: childLength }) as DivisionCounts[];
}

/** Digits of the divisions just below a division: counties (6) under a province, a city or all, a county's townships (9), a township's villages (12; a village: itself). */
function childLengthBelow(code: string | null): number {
  const level = code ? divisionLevel(code) : null;
  return level === null || level <= 2 ? 6 : level === 3 ? 9 : 12;
}

/**
 * The households under a division (null: all), each by the plaque its ledger line shows: by its
 * category × status, and by the divisions just below. The dashboard's plaque charts and the
 * plaques page's counts panel both read these, so they always agree with each other and with the
 * ledger.
 */
export function householdCounts(db: Db, code: string | null): { byCategoryStatus: { category: PlaqueCategory; status: PlaqueStatus; count: number }[]; byDivision: DivisionCounts[] } {
  const prefix = code ? divisionPrefix(code) : null;
  return { byCategoryStatus: plaquesByCategoryStatus(db, prefix), byDivision: plaquesByDivision(db, prefix, childLengthBelow(code)) };
}

export function awardsByClassYear(db: Db): { classId: number; className: string; year: number | null; count: number }[] {
  return (cachedStatement(db, STATISTICS_SQL.awardsByClassYear).all() as { classId: number; className: string; year: number | null; count: number }[]).map((r) => ({ ...r, year: r.year || null }));
}

/** Letters by status; `overdue` and `dueSoon` count open letters due before `today` and from today to `soon`. */
export function lettersByStatus(db: Db, today: string, soon: string): { byStatus: { status: LetterStatus; count: number }[]; overdue: number; dueSoon: number } {
  const rows = cachedStatement(db, STATISTICS_SQL.lettersByStatus).all({ today, soon }) as { status: LetterStatus; count: number; overdue: number | null; dueSoon: number | null }[];
  return {
    byStatus: rows.map((r) => ({ status: r.status, count: r.count })),
    overdue: rows.reduce((n, r) => n + (r.overdue ?? 0), 0),
    dueSoon: rows.reduce((n, r) => n + (r.dueSoon ?? 0), 0),
  };
}

export function martyrsByStatusPeriod(db: Db): { status: MartyrStatus; period: Period | null; count: number }[] {
  return cachedStatement(db, STATISTICS_SQL.martyrsByStatusPeriod).all() as { status: MartyrStatus; period: Period | null; count: number }[];
}
