import type { Db } from './connection';
import { filterSql, type MartyrQuery } from './martyrSearch';

/**
 * Positions in the roll's orders, for a selection without a text search (filters only): how many
 * rows it holds, and the keyset of the row at a position. The row is found by walking the order's
 * partial index with LIMIT 1 OFFSET n — on a covering index that costs about 0.1 µs a row — from
 * whichever end of the order is nearer (with filters, see walkIndex). Never OFFSET for a page of
 * rows: a page is then read with `listMartyrs` after the keyset found here.
 *
 * The filters are the list's own (`filterSql` in martyrSearch.ts; a text search is not handled
 * here: see martyrs/seek.ts); test/integration/martyrs/seek.test.ts checks positions against pages.
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
  const { parts, params, needsPerson } = filterSql(q);
  return { sql: parts.join(' AND '), params, filtered: parts.length > 1, person: needsPerson };
}

function fromOf(f: ReturnType<typeof filtersOf>, index: string | null): string {
  return `FROM martyrs m${index ? ` INDEXED BY ${index}` : ''}${f.person ? ' JOIN persons p ON p.id = m.person_id' : ''}`;
}

/** The number of rows in the selection, not capped. Unfiltered, the smallest partial index counts them. */
export function countSelection(db: Db, q: SeekQuery): number {
  const f = filtersOf(q);
  const from = fromOf(f, f.filtered ? null : q.deleted ? 'martyrs_deleted' : 'martyrs_death');
  return (db.prepare(`SELECT count(*) AS n ${from} WHERE ${f.sql}`).get(f.params) as { n: number }).n;
}

/**
 * Whether to walk the order's index (checking the filters on each row it passes) rather than let
 * SQLite gather the filtered rows and sort them. Walking passes about (offset + 1) / selectivity
 * rows, sorting handles the `total` filtered ones, at a similar cost a row (some µs: a table read
 * each); so walk when (offset + 1) × rows in the roll ≤ total². SQLite's own choice, without
 * statistics, sorts two million rows to find the last one.
 */
function walkIndex(db: Db, f: ReturnType<typeof filtersOf>, offset: number, total: number): boolean {
  if (!f.filtered) return true;
  const roll = (db.prepare('SELECT max(id) AS n FROM martyrs').get() as { n: number | null }).n ?? 0;
  return (offset + 1) * roll <= total * total;
}

/** The keyset ([sort value, id]) of the row at `position` (0-based) in the selection's order; null when there is none. */
export function keysetAt(db: Db, q: SeekQuery, position: number, total: number): [string | number, number] | null {
  if (position < 0 || position >= total) return null;
  const order = orders[q.sort];
  const f = filtersOf(q);
  const fromEnd = position > (total - 1) / 2;
  const offset = fromEnd ? total - 1 - position : position;
  const dir = fromEnd ? (order.dir === 'ASC' ? 'DESC' : 'ASC') : order.dir;
  const walk = walkIndex(db, f, offset, total);
  // `+key` keeps SQLite from walking the order's index when sorting the filtered rows is cheaper.
  const key = walk ? order.key : `+${order.key}`;
  const sql = `SELECT ${order.key} AS k, m.id AS id ${fromOf(f, walk ? order.index : null)} WHERE ${f.sql}
    ORDER BY ${key} ${dir}${order.key === 'm.id' ? '' : `, m.id ${dir}`} LIMIT 1 OFFSET @offset`;
  const row = db.prepare(sql).get({ ...f.params, offset }) as { k: string | number; id: number } | undefined;
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
