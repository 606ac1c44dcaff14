import type { Db } from './connection';
import { openLetterStatuses, type LetterStatus } from '../../../shared/rules/letterState';

/**
 * Repository of `good_news_letters` (喜报) and `letter_events` (their lifecycle). At most one live
 * (not cancelled) letter per award: the unique index `good_news_letters_one_per_award` refuses a
 * second one even if a caller forgot to check (`isDuplicateLetterError` recognises its error).
 */
export interface LetterRecord {
  id: number;
  version: number;
  awardId: number;
  status: LetterStatus;
  familyName: string;
  familyRelation: string;
  familyAddress: string;
  familyDivisionCode: string | null;
  familyPhone: string;
  receivedOn: string;
  dueOn: string;
  deliverers: string;
  deliveredOn: string | null;
  deliveredBy: string;
  deliveredWith: string;
  deliveryNote: string;
  feedbackOn: string | null;
  feedback: string;
  returnReason: string | null;
  cancelReason: string | null;
  recipientName: string;
  className: string;
  classId: number;
  deadlineDays: number;
}

const columns = `
  l.id, l.version, l.award_id AS awardId, l.status, l.family_name AS familyName, l.family_relation AS familyRelation, l.family_address AS familyAddress,
  l.family_division_code AS familyDivisionCode, l.family_phone AS familyPhone, l.received_on AS receivedOn, l.due_on AS dueOn, l.deliverers,
  l.delivered_on AS deliveredOn, l.delivered_by AS deliveredBy, l.delivered_with AS deliveredWith, l.delivery_note AS deliveryNote,
  l.feedback_on AS feedbackOn, l.feedback, l.return_reason AS returnReason, l.cancel_reason AS cancelReason,
  coalesce(p.name, a.unit_name) AS recipientName, c.name AS className, c.id AS classId, c.deadline_days AS deadlineDays`;
const joins = `FROM good_news_letters l JOIN awards a ON a.id = l.award_id JOIN award_classes c ON c.id = a.class_id LEFT JOIN persons p ON p.id = a.person_id`;

export function getLetter(db: Db, id: number): LetterRecord | undefined {
  return db.prepare(`SELECT ${columns} ${joins} WHERE l.id = ?`).get(id) as LetterRecord | undefined;
}

/** The award's live letter, if any. */
export function liveLetterOfAward(db: Db, awardId: number): LetterRecord | undefined {
  return db.prepare(`SELECT ${columns} ${joins} WHERE l.award_id = ? AND l.status <> 'cancelled'`).get(awardId) as LetterRecord | undefined;
}

export interface LetterInsert {
  awardId: number;
  familyName: string;
  familyRelation: string;
  familyAddress: string;
  familyDivisionCode: string | null;
  familyPhone: string;
  receivedOn: string;
  dueOn: string;
  deliverers: string;
}

export function insertLetter(db: Db, l: LetterInsert, userId: number | null, at: string): number {
  const info = db
    .prepare(
      `INSERT INTO good_news_letters (award_id, family_name, family_relation, family_address, family_division_code, family_phone, received_on, due_on, deliverers, created_at, created_by, updated_at, updated_by)
       VALUES (@awardId, @familyName, @familyRelation, @familyAddress, @familyDivisionCode, @familyPhone, @receivedOn, @dueOn, @deliverers, @at, @userId, @at, @userId)`,
    )
    .run({ ...l, at, userId });
  return Number(info.lastInsertRowid);
}

/** True for the error SQLite raises when a second live letter for one award is inserted. */
export function isDuplicateLetterError(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' && /good_news_letters\.award_id/.test(e.message ?? '');
}

/** What a status change may also set (delivery, feedback, reasons). */
export interface LetterChange {
  deliveredOn?: string;
  deliveredBy?: string;
  deliveredWith?: string;
  deliveryNote?: string;
  feedbackOn?: string;
  feedback?: string;
  returnReason?: string | null;
  cancelReason?: string;
}

/** Moves a letter from `from` to `to`; false when it was no longer in `from` (someone else moved it). */
export function setLetterStatus(db: Db, id: number, from: LetterStatus, to: LetterStatus, change: LetterChange, userId: number, at: string): boolean {
  const info = db
    .prepare(
      `UPDATE good_news_letters SET status = @to, version = version + 1, updated_at = @at, updated_by = @userId,
         delivered_on = coalesce(@deliveredOn, delivered_on), delivered_by = coalesce(@deliveredBy, delivered_by),
         delivered_with = coalesce(@deliveredWith, delivered_with), delivery_note = coalesce(@deliveryNote, delivery_note),
         feedback_on = coalesce(@feedbackOn, feedback_on), feedback = coalesce(@feedback, feedback),
         return_reason = CASE WHEN @setReturn THEN @returnReason ELSE return_reason END,
         cancel_reason = coalesce(@cancelReason, cancel_reason)
       WHERE id = @id AND status = @from`,
    )
    .run({
      id,
      from,
      to,
      at,
      userId,
      deliveredOn: change.deliveredOn ?? null,
      deliveredBy: change.deliveredBy ?? null,
      deliveredWith: change.deliveredWith ?? null,
      deliveryNote: change.deliveryNote ?? null,
      feedbackOn: change.feedbackOn ?? null,
      feedback: change.feedback ?? null,
      setReturn: change.returnReason === undefined ? 0 : 1,
      returnReason: change.returnReason ?? null,
      cancelReason: change.cancelReason ?? null,
    });
  return info.changes === 1;
}

export function touchLetter(db: Db, id: number, userId: number, at: string): void {
  db.prepare('UPDATE good_news_letters SET version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?').run(at, userId, id);
}

// ── lifecycle events ─────────────────────────────────────────────────────────────────────────

export function appendLetterEvent(db: Db, e: { letterId: number; at: string; userId: number | null; action: string; fromStatus: LetterStatus | null; toStatus: LetterStatus; reason: string | null; details?: unknown }): void {
  db.prepare('INSERT INTO letter_events (letter_id, at, user_id, action, from_status, to_status, reason, details_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    e.letterId,
    e.at,
    e.userId,
    e.action,
    e.fromStatus,
    e.toStatus,
    e.reason,
    e.details === undefined ? null : JSON.stringify(e.details),
  );
}

export function listLetterEvents(db: Db, letterId: number): { at: string; username: string; displayName: string; action: string; fromStatus: LetterStatus | null; toStatus: LetterStatus; reason: string | null }[] {
  return db
    .prepare(
      `SELECT e.at, coalesce(u.username, '') AS username, coalesce(u.display_name, '') AS displayName, e.action, e.from_status AS fromStatus, e.to_status AS toStatus, e.reason
       FROM letter_events e LEFT JOIN users u ON u.id = e.user_id WHERE e.letter_id = ? ORDER BY e.id`,
    )
    .all(letterId) as never;
}

// ── lists and deadlines ──────────────────────────────────────────────────────────────────────

export interface LetterListQuery {
  status?: LetterStatus | undefined;
  /** Open letters due on or before this day (overdue: yesterday; due soon: the soon limit). */
  openDueTo?: string | undefined;
  /** Open letters due on or after this day. */
  openDueFrom?: string | undefined;
  open?: boolean;
  query: string;
  limit: number;
  /** The last letter of the previous page (dueOn: its deadline if open, else null); undefined: the first page. */
  after?: LetterCursor | undefined;
}

export interface LetterCursor {
  dueOn: string | null;
  receivedOn: string;
  id: number;
}

const OPEN = `l.status IN ('received', 'registered', 'verified')`;

/**
 * The letters' order: open ones first by deadline, then the closed ones; within each, the latest
 * received first, then the highest id. `dueKey` is the deadline of an open letter and '' for a
 * closed one, so the order is one of plain columns and a page can start after any row.
 */
const DUE_KEY = `CASE WHEN ${OPEN} THEN l.due_on ELSE '' END`;
const LETTER_ORDER = `NOT (${OPEN}), ${DUE_KEY}, l.received_on DESC, l.id DESC`;
const AFTER_OPEN = `(NOT (${OPEN}) OR ${DUE_KEY} > @afterDue OR (${DUE_KEY} = @afterDue AND (l.received_on < @afterReceived OR (l.received_on = @afterReceived AND l.id < @afterId))))`;
const AFTER_CLOSED = `(NOT (${OPEN}) AND (l.received_on < @afterReceived OR (l.received_on = @afterReceived AND l.id < @afterId)))`;

/**
 * Letters, the most urgent first (LETTER_ORDER), a page by keyset: the rows after `after`, the
 * cursor of the page after (null on the last) and how many letters the filter holds in all, read
 * in one snapshot.
 */
export function listLetters(db: Db, q: LetterListQuery): { rows: LetterRecord[]; count: number; next: LetterCursor | null } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.status !== undefined) {
    parts.push('l.status = @status');
    params.status = q.status;
  }
  if (q.open || q.openDueTo !== undefined || q.openDueFrom !== undefined) parts.push(OPEN);
  if (q.openDueTo !== undefined) {
    parts.push('l.due_on <= @dueTo');
    params.dueTo = q.openDueTo;
  }
  if (q.openDueFrom !== undefined) {
    parts.push('l.due_on >= @dueFrom');
    params.dueFrom = q.openDueFrom;
  }
  if (q.query !== '') {
    parts.push(`(coalesce(p.name, a.unit_name) LIKE @like ESCAPE '\\' OR l.family_name LIKE @like ESCAPE '\\' OR l.family_address LIKE @like ESCAPE '\\' OR a.order_no LIKE @like ESCAPE '\\')`);
    params.like = `%${q.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  const pageParts = q.after === undefined ? parts : [...parts, q.after.dueOn === null ? AFTER_CLOSED : AFTER_OPEN];
  const pageWhere = pageParts.length ? `WHERE ${pageParts.join(' AND ')}` : '';
  const pageParams = { ...params, afterDue: q.after?.dueOn, afterReceived: q.after?.receivedOn, afterId: q.after?.id, limit: q.limit + 1 };
  return db.transaction(() => {
    const rows = db.prepare(`SELECT ${columns} ${joins} ${pageWhere} ORDER BY ${LETTER_ORDER} LIMIT @limit`).all(pageParams) as LetterRecord[];
    const count = (db.prepare(`SELECT count(*) AS n ${joins} ${where}`).get(params) as { n: number }).n;
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return { rows: page, count, next: rows.length > q.limit && last ? { dueOn: openLetterStatuses.includes(last.status) ? last.dueOn : null, receivedOn: last.receivedOn, id: last.id } : null };
  })();
}

/** Open letters (of one class, or all) with what their deadline is computed from. */
export function openLettersForDeadlines(db: Db, classId?: number): { id: number; receivedOn: string; dueOn: string; deadlineDays: number }[] {
  return db
    .prepare(
      `SELECT l.id, l.received_on AS receivedOn, l.due_on AS dueOn, c.deadline_days AS deadlineDays
       FROM good_news_letters l JOIN awards a ON a.id = l.award_id JOIN award_classes c ON c.id = a.class_id
       WHERE l.status IN ('received', 'registered', 'verified') AND (@classId IS NULL OR c.id = @classId)`,
    )
    .all({ classId: classId ?? null }) as never;
}

export function setLetterDue(db: Db, id: number, dueOn: string): void {
  db.prepare('UPDATE good_news_letters SET due_on = ? WHERE id = ?').run(dueOn, id);
}
