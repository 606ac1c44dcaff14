import type { Db } from './connection';
import type { Division } from '../../../shared/contract';

/** Repository of `divisions`. */
interface DivisionRow {
  code: string;
  name: string;
  level: 1 | 2 | 3 | 4 | 5;
  parent_code: string | null;
  pinyin: string;
  initials: string;
  full_name: string;
}

export interface DivisionInsert {
  code: string;
  name: string;
  level: 1 | 2 | 3 | 4 | 5;
  parentCode: string | null;
  pinyin: string;
  initials: string;
  source: string;
}

/** The full name walks up the parents (at most four joins). */
const selectWithFullName = `
  SELECT d.code, d.name, d.level, d.parent_code, d.pinyin, d.initials,
    trim(coalesce(p4.name || ' ', '') || coalesce(p3.name || ' ', '') || coalesce(p2.name || ' ', '') || coalesce(p1.name || ' ', '') || d.name) AS full_name
  FROM divisions d
  LEFT JOIN divisions p1 ON p1.code = d.parent_code
  LEFT JOIN divisions p2 ON p2.code = p1.parent_code
  LEFT JOIN divisions p3 ON p3.code = p2.parent_code
  LEFT JOIN divisions p4 ON p4.code = p3.parent_code`;

function toDivision(row: DivisionRow): Division {
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    parentCode: row.parent_code,
    fullName: row.full_name,
    pinyin: row.pinyin,
    initials: row.initials,
  };
}

export function countDivisions(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM divisions').get() as { n: number }).n;
}

export function countDivisionsByLevel(db: Db): { level: 1 | 2 | 3 | 4 | 5; count: number }[] {
  return db.prepare('SELECT level, count(*) AS count FROM divisions GROUP BY level ORDER BY level').all() as {
    level: 1 | 2 | 3 | 4 | 5;
    count: number;
  }[];
}

export function getDivision(db: Db, code: string): Division | undefined {
  const row = db.prepare(`${selectWithFullName} WHERE d.code = ?`).get(code) as DivisionRow | undefined;
  return row && toDivision(row);
}

export function divisionExists(db: Db, code: string): boolean {
  return db.prepare('SELECT 1 FROM divisions WHERE code = ?').get(code) !== undefined;
}

export function childDivisions(db: Db, parentCode: string | null): Division[] {
  const rows =
    parentCode === null
      ? db.prepare(`${selectWithFullName} WHERE d.parent_code IS NULL ORDER BY d.code`).all()
      : db.prepare(`${selectWithFullName} WHERE d.parent_code = ? ORDER BY d.code`).all(parentCode);
  return (rows as DivisionRow[]).map(toDivision);
}

export interface DivisionSearch {
  /** Exactly one of the three kinds of query. */
  kind: 'code' | 'latin' | 'name';
  value: string;
  /** Significant prefix of the division to search under, e.g. '3716' for 滨州市. */
  withinPrefix?: string | undefined;
  maxLevel?: number | undefined;
  limit: number;
}

/**
 * Code prefix, pinyin or initials prefix (indexed ranges), or any part of the name.
 * Shorter (higher-level) names and exact hits first.
 */
export function searchDivisions(db: Db, q: DivisionSearch): Division[] {
  const params: Record<string, unknown> = { limit: q.limit, maxLevel: q.maxLevel ?? 5, within: `${q.withinPrefix ?? ''}%` };
  let match: string;
  if (q.kind === 'code') {
    match = 'd.code LIKE @prefix';
    params.prefix = `${q.value}%`;
  } else if (q.kind === 'latin') {
    match = '(d.pinyin LIKE @prefix OR d.initials LIKE @prefix)';
    params.prefix = `${q.value}%`;
  } else {
    match = "d.name LIKE @contains ESCAPE '\\'";
    params.contains = `%${q.value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.exact = q.value;
  }
  const order = q.kind === 'name' ? '(d.name = @exact) DESC, (d.name LIKE @exact || \'%\') DESC, d.level, d.code' : 'd.level, d.code';
  if (q.kind === 'name') params.exact = q.value;
  const rows = db
    .prepare(`${selectWithFullName} WHERE ${match} AND d.code LIKE @within AND d.level <= @maxLevel ORDER BY ${order} LIMIT @limit`)
    .all(params) as DivisionRow[];
  return rows.map(toDivision);
}

/** Inserts or replaces (a re-loaded village list corrects names). Returns how many rows changed. */
export function upsertDivision(db: Db, d: DivisionInsert): number {
  return db
    .prepare(
      `INSERT INTO divisions (code, name, level, parent_code, pinyin, initials, source)
       VALUES (@code, @name, @level, @parentCode, @pinyin, @initials, @source)
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, pinyin = excluded.pinyin, initials = excluded.initials, source = excluded.source
       WHERE name <> excluded.name`,
    )
    .run(d).changes;
}

/** Townships and villages (levels 4–5) under a code prefix (a county's 6 digits, or '' for all loaded), for matching names as written. */
export function localDivisionsUnder(db: Db, prefix: string): { code: string; name: string; level: 4 | 5; parentCode: string }[] {
  return db
    .prepare(`SELECT code, name, level, parent_code AS parentCode FROM divisions WHERE level IN (4, 5) AND code LIKE ? ORDER BY code`)
    .all(`${prefix}%`) as { code: string; name: string; level: 4 | 5; parentCode: string }[];
}
