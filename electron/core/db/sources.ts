import type { Db } from './connection';
import type { Source } from '../../../shared/contract';

/** Repository of `sources`: registers, printed rolls, certificates records are keyed from. */
interface SourceRow {
  id: number;
  kind: Source['kind'];
  title: string;
  description: string;
  created_at: string;
  record_count: number;
}

const select = `SELECT s.*, (SELECT count(*) FROM martyrs m WHERE m.source_id = s.id AND m.deleted_at IS NULL) AS record_count FROM sources s`;

function toSource(row: SourceRow): Source {
  return { id: row.id, kind: row.kind, title: row.title, description: row.description, createdAt: row.created_at, recordCount: row.record_count };
}

export function listSources(db: Db): Source[] {
  return (db.prepare(`${select} ORDER BY s.id DESC`).all() as SourceRow[]).map(toSource);
}

export function getSource(db: Db, id: number): Source | undefined {
  const row = db.prepare(`${select} WHERE s.id = ?`).get(id) as SourceRow | undefined;
  return row && toSource(row);
}

export function sourceExists(db: Db, id: number): boolean {
  return db.prepare('SELECT 1 FROM sources WHERE id = ?').get(id) !== undefined;
}

export function insertSource(db: Db, s: { kind: Source['kind']; title: string; description: string; userId: number | null; at: string }): Source {
  const info = db
    .prepare('INSERT INTO sources (kind, title, description, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(s.kind, s.title, s.description, s.at, s.userId, s.at);
  return getSource(db, Number(info.lastInsertRowid))!;
}

export function updateSource(db: Db, id: number, changes: { kind?: Source['kind'] | undefined; title?: string | undefined; description?: string | undefined }, at: string): void {
  db.prepare('UPDATE sources SET kind = coalesce(@kind, kind), title = coalesce(@title, title), description = coalesce(@description, description), updated_at = @at WHERE id = @id').run({
    id,
    at,
    kind: changes.kind ?? null,
    title: changes.title ?? null,
    description: changes.description ?? null,
  });
}
