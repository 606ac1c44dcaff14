import type { Db } from './connection';
import type { MartyrQuery } from './martyrSearch';

/**
 * Positions in the roll's orders, for a selection without a text search (filters only): how many
 * rows it holds, and the keyset of the row at a position. The row is found by walking the order's
 * partial index with LIMIT 1 OFFSET n — on a covering index that costs some tens of nanoseconds a
 * row — from whichever end of the order is nearer. Never OFFSET for a page of rows: a page is then
 * read with `listMartyrs` after the keyset found here.
 *
 * The filters mirror `whereOf` in martyrSearch.ts (a text search is not handled here: see
 * martyrs/seek.ts); test/integration/martyrs/seek.test.ts holds the two to the same rows.
 */
export type SeekQuery = Omit<MartyrQuery, 'match' | 'nameContains' | 'limit' | 'after'>;

interface Order {
  key: string;
  dir: 'ASC' | 'DESC';
  /** The partial index that walks this order when nothing else filters. */
  index: string | null;
}

const orders: Record<SeekQuery['sort'], Order> = {
  strokeSurname: { key: 'm.stroke_surname_key', dir: 'ASC', index: 'martyrs_stroke_surname' },
  strokeFullName: { key: 'm.stroke_full_key', dir: 'ASC', index: 'martyrs_stroke_full' },
  pinyin: { key: 'm.pinyin', dir: 'ASC', index: 'martyrs_pinyin' },
  deathDate: { key: 'm.death_sort', dir: 'ASC', index: 'martyrs_death' },
  entered: { key: 'm.id', dir: 'DESC', index: null },
  queue: { key: 'm.updated_at', dir: 'ASC', index: null },
  deleted: { key: 'm.deleted_at', dir: 'DESC', index: 'martyrs_deleted' },
};

function filtersOf(q: SeekQuery): { sql: string; params: Record<string, unknown>; filtered: boolean; person: boolean } {
  const parts = [q.deleted ? 'm.deleted_at IS NOT NULL' : 'm.deleted_at IS NULL'];
  const params: Record<string, unknown> = {};
  const add = (condition: string, key: string, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    parts.push(condition);
    params[key] = value;
  };
  add('m.status = @status', 'status', q.status);
  add('m.period = @period', 'period', q.period);
  add('m.source_id = @sourceId', 'sourceId', q.sourceId);
  add('(p.native_place_code LIKE @division OR m.death_place_code LIKE @division)', 'division', q.divisionPrefix ? `${q.divisionPrefix}%` : undefined);
  add('m.death_latest >= @deathFrom', 'deathFrom', q.deathFrom);
  add('m.death_earliest <= @deathTo', 'deathTo', q.deathTo);
  return { sql: parts.join(' AND '), params, filtered: parts.length > 1, person: params.division !== undefined };
}

function fromOf(f: ReturnType<typeof filtersOf>, index: string | null): string {
  return `FROM martyrs m${!f.filtered && index ? ` INDEXED BY ${index}` : ''}${f.person ? ' JOIN persons p ON p.id = m.person_id' : ''}`;
}

/** The number of rows in the selection, not capped. Unfiltered, the smallest partial index counts them. */
export function countSelection(db: Db, q: SeekQuery): number {
  const f = filtersOf(q);
  const from = fromOf(f, q.deleted ? 'martyrs_deleted' : 'martyrs_death');
  return (db.prepare(`SELECT count(*) AS n ${from} WHERE ${f.sql}`).get(f.params) as { n: number }).n;
}

/** The keyset ([sort value, id]) of the row at `position` (0-based) in the selection's order; null when there is none. */
export function keysetAt(db: Db, q: SeekQuery, position: number, total: number): [string | number, number] | null {
  if (position < 0 || position >= total) return null;
  const order = orders[q.sort];
  const f = filtersOf(q);
  const fromEnd = position > (total - 1) / 2;
  const dir = fromEnd ? (order.dir === 'ASC' ? 'DESC' : 'ASC') : order.dir;
  const sql = `SELECT ${order.key} AS k, m.id AS id ${fromOf(f, order.index)} WHERE ${f.sql}
    ORDER BY ${order.key} ${dir}${order.key === 'm.id' ? '' : `, m.id ${dir}`} LIMIT 1 OFFSET @offset`;
  const row = db.prepare(sql).get({ ...f.params, offset: fromEnd ? total - 1 - position : position }) as { k: string | number; id: number } | undefined;
  return row ? [row.k, row.id] : null;
}

/**
 * The selection's size and the keyset to read it from `position` on (that of the row before; null
 * from the first row), in one read snapshot (a job worker may be writing meanwhile). A position
 * past the end is taken as the last row.
 */
export function seekSelection(db: Db, q: SeekQuery, position: number): { total: number; position: number; after: [string | number, number] | null } {
  return db.transaction(() => {
    const total = countSelection(db, q);
    const at = Math.max(0, Math.min(position, total - 1));
    return { total, position: at, after: at > 0 ? keysetAt(db, q, at - 1, total) : null };
  })();
}
