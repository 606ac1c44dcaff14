import type { Db } from './connection';
import { periods, type Period } from '../../../shared/contract';
import { PERIOD_NAMES_ZH } from '../../../shared/rules/historicalPeriod';

/**
 * What the roll of honour (烈士英名录) prints, read for its job (SQL lives here): the sections
 * (one per historical period or per native-place division) with their sizes, then each section's
 * entries in the roll's stroke order, a page at a time by keyset over the order's index
 * (`stroke_surname_key` or `stroke_full_key`, then id), so two million records are never held at once.
 */
export type RollSectionBy = 'period' | 'division';
export type RollDivisionLevel = 'county' | 'township';
export type RollConvention = 'surname' | 'fullName';

export interface RollSelection {
  sectionBy: RollSectionBy;
  divisionLevel: RollDivisionLevel;
  includeUnverified: boolean;
}

export interface RollSectionRow {
  /** A period ('anti_japanese'), a division code prefix ('371621' / '371621102'), or 'none'. */
  key: string;
  title: string;
  count: number;
}

export interface RollEntryRow {
  id: number;
  name: string;
  nativePlace: string;
  birth: string;
  death: string;
  unitAndPost: string;
  deathPlace: string;
}

/** How the roll names periods (as printed rolls divide them). */
export const PERIOD_TITLES: Record<Period, string> = { ...PERIOD_NAMES_ZH, other: '其他时期' };

const prefixLength = (level: RollDivisionLevel) => (level === 'county' ? 6 : 9);
const statusSql = (s: RollSelection) => (s.includeUnverified ? '' : "AND m.status = 'verified'");

/** The sections that hold records, in the roll's order (periods in history's order; divisions by code; the unstated last). */
export function rollSections(db: Db, s: RollSelection): RollSectionRow[] {
  if (s.sectionBy === 'period') {
    const rows = db
      .prepare(`SELECT coalesce(m.period, 'none') AS key, count(*) AS count FROM martyrs m WHERE m.deleted_at IS NULL ${statusSql(s)} GROUP BY m.period`)
      .all() as { key: string; count: number }[];
    const order = [...periods, 'none'];
    return rows
      .sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key))
      .map((r) => ({ ...r, title: r.key === 'none' ? '时期未详' : PERIOD_TITLES[r.key as Period] }));
  }
  const n = prefixLength(s.divisionLevel);
  const rows = db
    .prepare(
      `SELECT coalesce(substr(p.native_place_code, 1, ${n}), 'none') AS key, count(*) AS count
         FROM martyrs m JOIN persons p ON p.id = m.person_id
        WHERE m.deleted_at IS NULL ${statusSql(s)} GROUP BY 1 ORDER BY key = 'none', key`,
    )
    .all() as { key: string; count: number }[];
  const name = db.prepare('SELECT name FROM divisions WHERE code = ?').pluck();
  return rows.map((r) => ({ ...r, title: r.key === 'none' ? '籍贯未详' : ((name.get(r.key.padEnd(12, '0')) as string | undefined) ?? r.key) }));
}

/**
 * The entries of one section in stroke order, read `pageSize` at a time (a keyset after the last
 * one read). Iterating it again reads the section again.
 */
export function rollEntries(db: Db, s: RollSelection, sectionKey: string, convention: RollConvention, pageSize = 500): Iterable<RollEntryRow> {
  const key = convention === 'surname' ? 'm.stroke_surname_key' : 'm.stroke_full_key';
  let where: string;
  const params: Record<string, unknown> = {};
  if (s.sectionBy === 'period') {
    where = sectionKey === 'none' ? 'm.period IS NULL' : 'm.period = @section';
  } else {
    where = sectionKey === 'none' ? 'p.native_place_code IS NULL' : `substr(p.native_place_code, 1, ${prefixLength(s.divisionLevel)}) = @section`;
  }
  if (sectionKey !== 'none') params.section = sectionKey;
  const statement = db.prepare(
    `SELECT m.id, ${key} AS k, p.name, coalesce(nullif(p.native_place_text, ''), d.name, '') AS nativePlace,
            p.birth_verbatim AS birth, m.death_verbatim AS death, m.unit_post AS unitAndPost, m.death_place_text AS deathPlace
       FROM martyrs m JOIN persons p ON p.id = m.person_id LEFT JOIN divisions d ON d.code = p.native_place_code
      WHERE m.deleted_at IS NULL ${statusSql(s)} AND ${where} AND (${key}, m.id) > (@afterKey, @afterId)
      ORDER BY ${key}, m.id LIMIT @limit`,
  );
  return {
    *[Symbol.iterator]() {
      let after: [string, number] = ['', 0];
      for (;;) {
        const rows = statement.all({ ...params, afterKey: after[0], afterId: after[1], limit: pageSize }) as (RollEntryRow & { k: string })[];
        for (const { k: _k, ...row } of rows) yield row;
        if (rows.length < pageSize) return;
        const last = rows.at(-1)!;
        after = [last.k, last.id];
      }
    },
  };
}
