import type { Db } from './connection';
import type { IntegrityCheck, IntegrityProblem, IntegrityProblemKind, IntegrityRecord } from '../../../shared/contract/integrity';

/**
 * Repository of `integrity_checks` and `integrity_problems` (migration 0014), and the reads the
 * full check makes: SQLite's page check, the attachment rows, the records that use one attachment.
 */

/** Whether an error is SQLite saying the file is damaged (rather than busy, full, or a bug). */
export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/**
 * PRAGMA integrity_check on this connection: [] when sound, else SQLite's messages (at most
 * `max`). Damage bad enough that the check itself stops (a b-tree's root page unreadable) is
 * answered as its one message.
 */
export function databasePageCheck(db: Db, max = 100): string[] {
  try {
    const rows = db.pragma(`integrity_check(${Math.max(1, Math.floor(max))})`) as { integrity_check: string }[];
    const messages = rows.map((r) => r.integrity_check);
    return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
  } catch (error) {
    if (!isCorruptionError(error)) throw error;
    return [`${(error as { code: string }).code}: ${(error as Error).message}`];
  }
}

export interface AttachmentFileRow {
  id: number;
  sha256: string;
  size: number;
  originalName: string;
}

/** Every attachment row, by id (what must be on disk). */
export function attachmentFilesToCheck(db: Db): AttachmentFileRow[] {
  return db.prepare('SELECT id, sha256, size, original_name AS originalName FROM attachments ORDER BY id').all() as AttachmentFileRow[];
}

const personName = (martyrId: string) => `(SELECT p.name FROM martyrs m JOIN persons p ON p.id = m.person_id WHERE m.id = ${martyrId})`;
const awardRecipient = (awardId: string) => `(SELECT coalesce(p.name, a.unit_name) FROM awards a LEFT JOIN persons p ON p.id = a.person_id WHERE a.id = ${awardId})`;

/** Who uses an attachment: owners through attachment_links, records whose scan region is on it, plaques signed on it. */
const usersSql = `
  SELECT 'martyr' AS kind, m.id AS id, p.name AS label FROM martyrs m JOIN persons p ON p.id = m.person_id
    WHERE m.scan_attachment_id = @a AND m.deleted_at IS NULL
  UNION
  SELECT 'plaque', pl.id, pl.number FROM plaques pl WHERE pl.signature_attachment_id = @a
  UNION
  SELECT 'plaque', pl.id, pl.number FROM plaque_events e JOIN plaques pl ON pl.id = e.plaque_id WHERE e.attachment_id = @a
  UNION
  SELECT l.owner_kind, l.owner_id,
    coalesce(CASE l.owner_kind
      WHEN 'martyr' THEN ${personName('l.owner_id')}
      WHEN 'source' THEN (SELECT s.title FROM sources s WHERE s.id = l.owner_id)
      WHEN 'award' THEN ${awardRecipient('l.owner_id')}
      WHEN 'letter' THEN (SELECT ${awardRecipient('g.award_id')} FROM good_news_letters g WHERE g.id = l.owner_id)
      WHEN 'household' THEN (SELECT p.name FROM households h JOIN persons p ON p.id = h.head_person_id WHERE h.id = l.owner_id)
      WHEN 'plaque' THEN (SELECT pl.number FROM plaques pl WHERE pl.id = l.owner_id)
    END, '')
    FROM attachment_links l WHERE l.attachment_id = @a`;

/** The records using an attachment (at most `limit`, in kind then id order) and how many there are. */
export function attachmentUsers(db: Db, attachmentId: number, limit: number): { records: IntegrityRecord[]; total: number } {
  const records = db.prepare(`SELECT kind, id, label FROM (${usersSql}) ORDER BY kind, id LIMIT @limit`).all({ a: attachmentId, limit }) as IntegrityRecord[];
  const total = records.length < limit ? records.length : (db.prepare(`SELECT count(*) AS n FROM (${usersSql})`).get({ a: attachmentId }) as { n: number }).n;
  return { records, total };
}

export interface IntegrityCheckInsert extends Omit<IntegrityCheck, 'id' | 'startedBy'> {
  problems: Omit<IntegrityProblem, 'id'>[];
}

/** One finished run and its problems. Call inside the write transaction that records its audit row. */
export function insertIntegrityCheck(db: Db, c: IntegrityCheckInsert): number {
  const info = db
    .prepare(
      `INSERT INTO integrity_checks (job_id, trigger, started_by, started_at, finished_at, duration_ms, outcome, database_messages_json,
         audit_ok, audit_checked, audit_first_bad_id, audit_reason, files_checked, bytes_checked, missing, altered, orphans)
       VALUES (@jobId, @trigger, @startedById, @startedAt, @finishedAt, @durationMs, @outcome, @messages,
         @auditOk, @auditChecked, @auditFirstBadId, @auditReason, @filesChecked, @bytesChecked, @missing, @altered, @orphans)`,
    )
    .run({
      jobId: c.jobId,
      trigger: c.trigger,
      startedById: c.startedById,
      startedAt: c.startedAt,
      finishedAt: c.finishedAt,
      durationMs: c.durationMs,
      outcome: c.outcome,
      messages: JSON.stringify(c.databaseMessages),
      auditOk: c.audit.ok ? 1 : 0,
      auditChecked: c.audit.checked,
      auditFirstBadId: c.audit.firstBadId,
      auditReason: c.audit.reason,
      filesChecked: c.filesChecked,
      bytesChecked: c.bytesChecked,
      missing: c.missing,
      altered: c.altered,
      orphans: c.orphans,
    });
  const checkId = Number(info.lastInsertRowid);
  const problem = db.prepare(
    `INSERT INTO integrity_problems (check_id, kind, attachment_id, file, size, original_name, records_json, records_total)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const p of c.problems) problem.run(checkId, p.kind, p.attachmentId, p.file, p.size, p.originalName, JSON.stringify(p.records), p.recordsTotal);
  return checkId;
}

interface CheckRow {
  id: number;
  job_id: number | null;
  trigger: 'manual' | 'scheduled';
  started_by: number | null;
  started_by_name: string | null;
  started_at: string;
  finished_at: string;
  duration_ms: number;
  outcome: 'ok' | 'problems';
  database_messages_json: string;
  audit_ok: number;
  audit_checked: number;
  audit_first_bad_id: number | null;
  audit_reason: string | null;
  files_checked: number;
  bytes_checked: number;
  missing: number;
  altered: number;
  orphans: number;
}

function toCheck(r: CheckRow): IntegrityCheck {
  return {
    id: r.id,
    jobId: r.job_id,
    trigger: r.trigger,
    startedBy: r.started_by_name ?? '',
    startedById: r.started_by,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    durationMs: r.duration_ms,
    outcome: r.outcome,
    databaseMessages: JSON.parse(r.database_messages_json) as string[],
    audit: { ok: r.audit_ok === 1, checked: r.audit_checked, firstBadId: r.audit_first_bad_id, reason: r.audit_reason },
    filesChecked: r.files_checked,
    bytesChecked: r.bytes_checked,
    missing: r.missing,
    altered: r.altered,
    orphans: r.orphans,
  };
}

export function lastIntegrityCheck(db: Db): IntegrityCheck | undefined {
  const row = db
    .prepare('SELECT c.*, u.display_name AS started_by_name FROM integrity_checks c LEFT JOIN users u ON u.id = c.started_by ORDER BY c.finished_at DESC, c.id DESC LIMIT 1')
    .get() as CheckRow | undefined;
  return row && toCheck(row);
}

export function integrityCheckExists(db: Db, id: number): boolean {
  return db.prepare('SELECT 1 FROM integrity_checks WHERE id = ?').get(id) !== undefined;
}

interface ProblemRow {
  id: number;
  kind: IntegrityProblemKind;
  attachment_id: number | null;
  file: string;
  size: number | null;
  original_name: string;
  records_json: string;
  records_total: number;
}

export function listIntegrityProblems(db: Db, checkId: number, offset: number, limit: number): { problems: IntegrityProblem[]; total: number } {
  const rows = db.prepare('SELECT * FROM integrity_problems WHERE check_id = ? ORDER BY id LIMIT ? OFFSET ?').all(checkId, limit, offset) as ProblemRow[];
  const total = (db.prepare('SELECT count(*) AS n FROM integrity_problems WHERE check_id = ?').get(checkId) as { n: number }).n;
  return {
    problems: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      attachmentId: r.attachment_id,
      file: r.file,
      size: r.size,
      originalName: r.original_name,
      records: JSON.parse(r.records_json) as IntegrityRecord[],
      recordsTotal: r.records_total,
    })),
    total,
  };
}

/**
 * From when the weekly check counts: the last finished check, or else the data's first day (its
 * first audit row), so a new installation is first checked a week after it starts.
 */
export function integrityBaselineAt(db: Db): string | null {
  const last = db.prepare('SELECT max(finished_at) AS at FROM integrity_checks').get() as { at: string | null };
  if (last.at) return last.at;
  return (db.prepare('SELECT min(at) AS at FROM audit_log').get() as { at: string | null }).at;
}

/** The integrity check jobs the jobs table holds as running (the runner says which truly are). */
export function runningIntegrityJobIds(db: Db): number[] {
  return (db.prepare("SELECT id FROM jobs WHERE kind = 'integrity.check' AND status = 'running' ORDER BY id DESC").all() as { id: number }[]).map((r) => r.id);
}
