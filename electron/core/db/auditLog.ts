import { createHash } from 'node:crypto';
import type { Db } from './connection';
import type { AuditEntry } from '../../../shared/contract';

/**
 * Repository of `audit_log`: append and read. Each row's hash is
 * sha256(prev_hash + the row's fields as a JSON array), so changing or removing any row
 * breaks every hash after it. `verifyAuditChain` recomputes the chain.
 */
interface AuditRow {
  id: number;
  at: string;
  user_id: number | null;
  username: string;
  entity: string;
  entity_id: string | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditAppend {
  at: string;
  userId: number | null;
  username: string;
  entity: string;
  entityId: string | number | null;
  action: string;
  before?: unknown;
  after?: unknown;
}

function rowHash(prevHash: string, r: Omit<AuditRow, 'id' | 'prev_hash' | 'hash'>): string {
  const payload = JSON.stringify([r.at, r.user_id, r.username, r.entity, r.entity_id, r.action, r.before_json, r.after_json]);
  return createHash('sha256').update(prevHash).update(payload).digest('hex');
}

function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** Must be called inside the write transaction whose change it records. */
export function appendAudit(db: Db, entry: AuditAppend): number {
  const prev = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
  const prevHash = prev?.hash ?? GENESIS_HASH;
  const row = {
    at: entry.at,
    user_id: entry.userId,
    username: entry.username,
    entity: entry.entity,
    entity_id: entry.entityId === null ? null : String(entry.entityId),
    action: entry.action,
    before_json: toJson(entry.before),
    after_json: toJson(entry.after),
  };
  const hash = rowHash(prevHash, row);
  const info = db
    .prepare(
      `INSERT INTO audit_log (at, user_id, username, entity, entity_id, action, before_json, after_json, prev_hash, hash)
       VALUES (@at, @user_id, @username, @entity, @entity_id, @action, @before_json, @after_json, @prev_hash, @hash)`,
    )
    .run({ ...row, prev_hash: prevHash, hash });
  return Number(info.lastInsertRowid);
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    userId: row.user_id,
    username: row.username,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    before: row.before_json === null ? null : (JSON.parse(row.before_json) as unknown),
    after: row.after_json === null ? null : (JSON.parse(row.after_json) as unknown),
    hash: row.hash,
  };
}

export interface AuditQuery {
  userId?: number | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  /** Inclusive ISO timestamps. */
  fromAt?: string | undefined;
  toAt?: string | undefined;
  beforeId?: number | undefined;
  limit: number;
}

function where(q: AuditQuery, withCursor: boolean): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (condition: string, key: string, value: unknown) => {
    if (value === undefined) return;
    parts.push(condition);
    params[key] = value;
  };
  add('user_id = @userId', 'userId', q.userId);
  add('entity = @entity', 'entity', q.entity);
  add('entity_id = @entityId', 'entityId', q.entityId);
  add('action = @action', 'action', q.action);
  add('at >= @fromAt', 'fromAt', q.fromAt);
  add('at <= @toAt', 'toAt', q.toAt);
  if (withCursor) add('id < @beforeId', 'beforeId', q.beforeId);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function queryAudit(db: Db, q: AuditQuery): { entries: AuditEntry[]; total: number } {
  const page = where(q, true);
  const rows = db
    .prepare(`SELECT * FROM audit_log ${page.sql} ORDER BY id DESC LIMIT @limit`)
    .all({ ...page.params, limit: q.limit }) as AuditRow[];
  const all = where(q, false);
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${all.sql}`).get(all.params) as { n: number }).n;
  return { entries: rows.map(toEntry), total };
}

export function auditVocabulary(db: Db): { entities: string[]; actions: string[] } {
  const entities = (db.prepare('SELECT DISTINCT entity FROM audit_log ORDER BY entity').all() as { entity: string }[]).map((r) => r.entity);
  const actions = (db.prepare('SELECT DISTINCT action FROM audit_log ORDER BY action').all() as { action: string }[]).map((r) => r.action);
  return { entities, actions };
}

export function verifyAuditChain(db: Db): { ok: boolean; checked: number; firstBadId: number | null; reason: string | null } {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let expectedId: number | null = null;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    if (expectedId !== null && row.id !== expectedId) {
      return { ok: false, checked, firstBadId: row.id, reason: `entries ${expectedId}–${row.id - 1} are missing` };
    }
    if (row.prev_hash !== prevHash) return { ok: false, checked, firstBadId: row.id, reason: 'previous hash does not match: an earlier entry was changed or removed' };
    if (rowHash(prevHash, row) !== row.hash) return { ok: false, checked, firstBadId: row.id, reason: 'the entry was changed after it was written' };
    prevHash = row.hash;
    expectedId = row.id + 1;
    checked++;
  }
  return { ok: true, checked, firstBadId: null, reason: null };
}
