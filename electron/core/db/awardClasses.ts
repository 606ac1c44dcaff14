import type { Db } from './connection';
import type { AwardClass, CalendarDay } from '../../../shared/contract';

/**
 * Repositories of `award_classes` (八一勋章 … 嘉奖 and the office's own, with each class's
 * deadline days and deliverers) and `office_calendar` (holidays and make-up working days).
 */
interface ClassRow {
  id: number;
  code: string | null;
  name: string;
  position: number;
  deadline_days: number;
  deliverers: string;
  active: number;
  award_count: number;
}

const select = `SELECT c.*, (SELECT count(*) FROM awards a WHERE a.class_id = c.id) AS award_count FROM award_classes c`;

function toClass(r: ClassRow): AwardClass {
  return { id: r.id, code: r.code, name: r.name, position: r.position, deadlineDays: r.deadline_days, deliverers: r.deliverers, active: r.active === 1, awardCount: r.award_count };
}

export function listAwardClasses(db: Db): AwardClass[] {
  return (db.prepare(`${select} ORDER BY c.position, c.id`).all() as ClassRow[]).map(toClass);
}

export function getAwardClass(db: Db, id: number): AwardClass | undefined {
  const row = db.prepare(`${select} WHERE c.id = ?`).get(id) as ClassRow | undefined;
  return row && toClass(row);
}

export function findAwardClassByName(db: Db, name: string): AwardClass | undefined {
  const row = db.prepare(`${select} WHERE c.name = ?`).get(name) as ClassRow | undefined;
  return row && toClass(row);
}

export interface AwardClassColumns {
  name: string;
  deadlineDays: number;
  deliverers: string;
  active: boolean;
}

export function insertAwardClass(db: Db, c: AwardClassColumns, at: string): number {
  const info = db
    .prepare(`INSERT INTO award_classes (name, position, deadline_days, deliverers, active, updated_at) VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM award_classes), ?, ?, ?, ?)`)
    .run(c.name, c.deadlineDays, c.deliverers, c.active ? 1 : 0, at);
  return Number(info.lastInsertRowid);
}

export function updateAwardClass(db: Db, id: number, c: AwardClassColumns, at: string): void {
  db.prepare('UPDATE award_classes SET name = ?, deadline_days = ?, deliverers = ?, active = ?, updated_at = ? WHERE id = ?').run(c.name, c.deadlineDays, c.deliverers, c.active ? 1 : 0, at, id);
}

// ── the office calendar ──────────────────────────────────────────────────────────────────────

export function listCalendarDays(db: Db, from: string, to: string): CalendarDay[] {
  return db.prepare('SELECT day, kind, name FROM office_calendar WHERE day BETWEEN ? AND ? ORDER BY day').all(from, to) as CalendarDay[];
}

/** Every exception from `from` on (a deadline never looks further back than a letter's receipt). */
export function calendarDaysFrom(db: Db, from: string): CalendarDay[] {
  return db.prepare('SELECT day, kind, name FROM office_calendar WHERE day >= ? ORDER BY day').all(from) as CalendarDay[];
}

export function setCalendarDay(db: Db, day: string, kind: CalendarDay['kind'] | null, name: string): boolean {
  if (kind === null) return db.prepare('DELETE FROM office_calendar WHERE day = ?').run(day).changes > 0;
  return (
    db
      .prepare('INSERT INTO office_calendar (day, kind, name) VALUES (?, ?, ?) ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name WHERE kind <> excluded.kind OR name <> excluded.name')
      .run(day, kind, name).changes > 0
  );
}
