import { cachedStatement, type Db } from './connection';
import { labelAtOrBefore } from './martyrSearchIndex';
import type { MartyrRow, MartyrSort, MartyrStatus, Period, PeriodFilter } from '../../../shared/contract';

/**
 * Repository queries over the roll: the list in any of its orders, paged by keyset (never
 * OFFSET), filtered and searched through `martyr_fts`; the count capped at `cap`; autocomplete of
 * stored values; candidates for the duplicate warning.
 */
export interface MartyrQuery {
  /** An FTS5 MATCH expression built by martyrs/search.ts, or null. */
  match: string | null;
  status?: MartyrStatus | undefined;
  /** 'none': records whose period is not stated. */
  period?: PeriodFilter | undefined;
  divisionPrefix?: string | undefined;
  deathFrom?: string | undefined;
  deathTo?: string | undefined;
  sourceId?: number | undefined;
  /** Any part of the name, for the recycle bin (its records are not in the search index). */
  nameContains?: string | undefined;
  deleted: boolean;
  sort: MartyrSort | 'queue' | 'deleted';
  limit: number;
  after: [string | number, number] | null;
}

const order: Record<MartyrQuery['sort'], { key: string; dir: 'ASC' | 'DESC' }> = {
  strokeSurname: { key: 'm.stroke_surname_key', dir: 'ASC' },
  strokeFullName: { key: 'm.stroke_full_key', dir: 'ASC' },
  pinyin: { key: 'm.pinyin', dir: 'ASC' },
  deathDate: { key: 'm.death_sort', dir: 'ASC' },
  entered: { key: 'm.id', dir: 'DESC' },
  queue: { key: 'm.updated_at', dir: 'ASC' },
  deleted: { key: 'm.deleted_at', dir: 'DESC' },
};

const rowColumns = `m.id, p.name, m.unnamed, p.gender, m.status, p.birth_verbatim, m.death_verbatim,
  p.native_place_text, m.unit_post, m.death_place_text, m.burial_place, m.period, m.certificate_no, m.initials, m.updated_at`;

interface ListRow {
  id: number;
  name: string;
  unnamed: number;
  gender: MartyrRow['gender'];
  status: MartyrStatus;
  birth_verbatim: string;
  death_verbatim: string;
  native_place_text: string;
  unit_post: string;
  death_place_text: string;
  burial_place: string;
  period: Period | null;
  certificate_no: string;
  initials: string;
  updated_at: string;
  sort_value: string | number;
}

function toRow(r: ListRow): MartyrRow {
  return {
    id: r.id,
    name: r.name,
    unnamed: r.unnamed === 1,
    gender: r.gender,
    status: r.status,
    birth: r.birth_verbatim,
    death: r.death_verbatim,
    nativePlace: r.native_place_text,
    unitAndPost: r.unit_post,
    deathPlace: r.death_place_text,
    burialPlace: r.burial_place,
    period: r.period,
    certificateNo: r.certificate_no,
    initials: r.initials,
    updatedAt: r.updated_at,
  };
}

type Filters = Pick<MartyrQuery, 'deleted' | 'status' | 'period' | 'sourceId' | 'divisionPrefix' | 'deathFrom' | 'deathTo' | 'nameContains'>;

/**
 * The list's filters as SQL over `martyrs m` (and `persons p` for the division and the name);
 * shared with the seek (martyrSeek.ts), so a position and a page always mean the same rows.
 */
export function filterSql(q: Filters): { parts: string[]; params: Record<string, unknown>; needsPerson: boolean } {
  const parts = [q.deleted ? 'm.deleted_at IS NOT NULL' : 'm.deleted_at IS NULL'];
  const params: Record<string, unknown> = {};
  const add = (condition: string, key: string, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    parts.push(condition);
    params[key] = value;
  };
  add('m.status = @status', 'status', q.status);
  if (q.period === 'none') parts.push('m.period IS NULL');
  else add('m.period = @period', 'period', q.period);
  add('m.source_id = @sourceId', 'sourceId', q.sourceId);
  add('(p.native_place_code LIKE @division OR m.death_place_code LIKE @division)', 'division', q.divisionPrefix ? `${q.divisionPrefix}%` : undefined);
  add('m.death_latest >= @deathFrom', 'deathFrom', q.deathFrom);
  add('m.death_earliest <= @deathTo', 'deathTo', q.deathTo);
  add("p.name LIKE @nameContains ESCAPE '\\'", 'nameContains', q.nameContains ? `%${q.nameContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined);
  return { parts, params, needsPerson: params.division !== undefined || params.nameContains !== undefined };
}

function whereOf(q: MartyrQuery): { sql: string; params: Record<string, unknown> } {
  const { parts, params } = filterSql(q);
  if (q.match !== null) {
    parts.push('m.search_label IN (SELECT rowid FROM martyr_fts WHERE martyr_fts MATCH @match)');
    params.match = q.match;
  }
  return { sql: parts.join(' AND '), params };
}

/** The index that walks each order (partial: live records only). */
const orderIndex: Partial<Record<MartyrQuery['sort'], string>> = {
  strokeSurname: 'martyrs_stroke_surname',
  strokeFullName: 'martyrs_stroke_full',
  pinyin: 'martyrs_pinyin',
  deathDate: 'martyrs_death',
};

/**
 * Up to this many search hits, a page in an order other than the index's own sorts the hits
 * (≈ 3 µs each); above it, it walks the order's covering index and keeps the hits, which is
 * cheaper when they are dense but slow when they cluster far down the order (诸葛 in pinyin order).
 */
const WALK_THRESHOLD = 5000;

function hasFilters(q: MartyrQuery): boolean {
  return Boolean(q.status || q.period || q.sourceId !== undefined || q.divisionPrefix || q.deathFrom || q.deathTo || q.nameContains);
}

export function listMartyrs(db: Db, q: MartyrQuery, cap: number): { rows: MartyrRow[]; count: number; countCapped: boolean; nextCursor: [string | number, number] | null } {
  const where = whereOf(q);
  // The search index holds live records only, so with no other filter it counts the hits itself.
  const hits =
    q.match === null
      ? null
      : (cachedStatement(db, `SELECT count(*) AS n FROM (SELECT rowid FROM martyr_fts WHERE martyr_fts MATCH @match LIMIT ${cap + 1})`).get({ match: q.match }) as { n: number }).n;
  const rows = q.match !== null && q.sort === 'strokeSurname' && !q.deleted ? pageInIndexOrder(db, q) : pageInOrder(db, q, where, hits);
  const counted =
    hits !== null && !q.deleted && !hasFilters(q)
      ? hits
      : (db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM martyrs m JOIN persons p ON p.id = m.person_id WHERE ${where.sql} LIMIT ${cap + 1})`).get(where.params) as { n: number }).n;
  const last = rows.at(-1);
  return {
    rows: rows.map(toRow),
    count: Math.min(counted, cap),
    countCapped: counted > cap,
    nextCursor: rows.length === q.limit && last ? [last.sort_value, last.id] : null,
  };
}

/**
 * A page in any order. A search with few hits reads them from the index and sorts them; one with
 * many walks the order's index (covering: it carries each record's label) and keeps the hits.
 */
function pageInOrder(db: Db, q: MartyrQuery, where: { sql: string; params: Record<string, unknown> }, hits: number | null): ListRow[] {
  const { key, dir } = order[q.sort];
  const cmp = dir === 'ASC' ? '>' : '<';
  let cursorSql = '';
  const params: Record<string, unknown> = { ...where.params, limit: q.limit };
  if (q.after) {
    cursorSql = key === 'm.id' ? ` AND m.id ${cmp} @afterId` : ` AND (${key}, m.id) ${cmp} (@afterKey, @afterId)`;
    params.afterKey = q.after[0];
    params.afterId = q.after[1];
  }
  const orderBy = `ORDER BY ${key} ${dir}${key === 'm.id' ? '' : `, m.id ${dir}`} LIMIT @limit`;
  if (q.match !== null && !q.deleted && hits !== null && hits <= WALK_THRESHOLD) {
    const rest = whereOf({ ...q, match: null });
    return db
      .prepare(
        `SELECT ${rowColumns}, ${key} AS sort_value
         FROM (SELECT rowid AS label FROM martyr_fts WHERE martyr_fts MATCH @match) f
         CROSS JOIN martyrs m ON m.search_label = f.label JOIN persons p ON p.id = m.person_id
         WHERE ${rest.sql}${cursorSql} ${orderBy}`,
      )
      .all({ ...params, ...rest.params, match: q.match }) as ListRow[];
  }
  const index = !q.deleted && hits !== null ? orderIndex[q.sort] : undefined;
  const from = `FROM martyrs m${index ? ` INDEXED BY ${index}` : ''} JOIN persons p ON p.id = m.person_id`;
  return db.prepare(`SELECT ${rowColumns}, ${key} AS sort_value ${from} WHERE ${where.sql}${cursorSql} ${orderBy}`).all(params) as ListRow[];
}

/**
 * A page of a search in the default order (姓氏笔画): the index hands out its matches in that
 * order already (db/martyrSearchIndex.ts), so the page is its first matches after the cursor,
 * whatever their number — the other filters are checked on those rows only.
 */
function pageInIndexOrder(db: Db, q: MartyrQuery): ListRow[] {
  const { sql, params } = whereOf({ ...q, match: null });
  const start = q.after ? labelAtOrBefore(db, String(q.after[0]), q.after[1]) : 0;
  return db
    .prepare(
      `SELECT ${rowColumns}, m.stroke_surname_key AS sort_value
       FROM (SELECT rowid AS label FROM martyr_fts WHERE martyr_fts MATCH @match AND rowid > @start ORDER BY rowid) f
       CROSS JOIN martyrs m ON m.search_label = f.label JOIN persons p ON p.id = m.person_id
       WHERE ${sql} ORDER BY f.label LIMIT @limit`,
    )
    .all({ ...params, match: q.match, start, limit: q.limit }) as ListRow[];
}

const suggestColumns = {
  unitAndPost: 'm.unit_post',
  nativePlaceText: 'p.native_place_text',
  deathPlaceText: 'm.death_place_text',
  burialPlace: 'm.burial_place',
  cemetery: 'm.cemetery',
  ethnicity: 'p.ethnicity',
  approvedBy: 'm.approved_by',
  deathCause: 'm.death_cause',
} as const;

/** The most used stored values that start with `prefix` (the whole column when it is empty). */
export function suggestValues(db: Db, field: keyof typeof suggestColumns, prefix: string, limit: number): { value: string; count: number }[] {
  const column = suggestColumns[field];
  return db
    .prepare(
      `SELECT ${column} AS value, count(*) AS count FROM martyrs m JOIN persons p ON p.id = m.person_id
       WHERE m.deleted_at IS NULL AND ${column} <> '' AND ${column} LIKE @prefix ESCAPE '\\'
       GROUP BY ${column} ORDER BY count DESC, value LIMIT @limit`,
    )
    .all({ prefix: `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, limit }) as { value: string; count: number }[];
}

export interface DuplicateProbe {
  id: number;
  name: string;
  pinyin: string;
  birthEarliest: string | null;
  birthLatest: string | null;
  deathEarliest: string | null;
  deathLatest: string | null;
  nativePlaceText: string;
  nativePlaceCode: string | null;
  certificateNo: string;
  row: MartyrRow;
}

/** Records sharing the name, its pinyin, or the surname and a given-name character; or the certificate number. */
export function duplicateCandidates(db: Db, probe: { nameMatch: string | null; pinyin: string; certificateNo: string; excludeId: number | null }, limit = 200): DuplicateProbe[] {
  const parts: string[] = ['m.pinyin = @pinyin'];
  const params: Record<string, unknown> = { pinyin: probe.pinyin, exclude: probe.excludeId ?? -1, limit };
  if (probe.nameMatch) {
    parts.push('m.search_label IN (SELECT rowid FROM martyr_fts WHERE martyr_fts MATCH @nameMatch)');
    params.nameMatch = probe.nameMatch;
  }
  if (probe.certificateNo) {
    parts.push('m.certificate_no = @cert');
    params.cert = probe.certificateNo;
  }
  const rows = db
    .prepare(
      `SELECT ${rowColumns}, m.pinyin, p.birth_earliest, p.birth_latest, m.death_earliest, m.death_latest, p.native_place_code, 0 AS sort_value
       FROM martyrs m JOIN persons p ON p.id = m.person_id
       WHERE m.deleted_at IS NULL AND m.id <> @exclude AND (${parts.join(' OR ')}) LIMIT @limit`,
    )
    .all(params) as (ListRow & { pinyin: string; birth_earliest: string | null; birth_latest: string | null; death_earliest: string | null; death_latest: string | null; native_place_code: string | null })[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    pinyin: r.pinyin,
    birthEarliest: r.birth_earliest,
    birthLatest: r.birth_latest,
    deathEarliest: r.death_earliest,
    deathLatest: r.death_latest,
    nativePlaceText: r.native_place_text,
    nativePlaceCode: r.native_place_code,
    certificateNo: r.certificate_no,
    row: toRow(r),
  }));
}
