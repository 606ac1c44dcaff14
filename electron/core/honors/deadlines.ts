/**
 * Deadlines of good-news letters in the office's working days: today's date in the office,
 * the calendar as stored, and rescheduling open letters when the calendar or a class changes.
 */
import type { Db } from '../db/connection';
import { calendarDaysFrom } from '../db/awardClasses';
import { openLettersForDeadlines, setLetterDue } from '../db/goodNewsLetters';
import { addWorkingDays, calendarOf, deadlineState, workingDaysBetween, type WorkCalendar } from '../../../shared/rules/workingDays';
import { isoDate } from '../../../shared/rules/helpers';
import { DUE_SOON_WORKING_DAYS } from '../../../shared/contract/honors';
import type { LetterRecord } from '../db/goodNewsLetters';
import type { LetterRow, Role } from '../../../shared/contract';
import { personalInfoFor } from '../../../shared/rules/privacy';

/** The office's date (the machine's calendar, from the injected clock). */
export function officeDay(nowMs: number): string {
  const d = new Date(nowMs);
  return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** The calendar from a day on (earlier exceptions never matter to a later deadline). */
export function loadCalendar(db: Db, from: string): WorkCalendar {
  return calendarOf(calendarDaysFrom(db, from));
}

export function dueDate(db: Db, receivedOn: string, deadlineDays: number): string {
  return addWorkingDays(receivedOn, deadlineDays, loadCalendar(db, receivedOn));
}

/** Recomputes the deadline of open letters (of one class, or all); answers how many moved. */
export function rescheduleOpenLetters(db: Db, classId?: number): number {
  const open = openLettersForDeadlines(db, classId);
  if (open.length === 0) return 0;
  const earliest = open.reduce((min, l) => (l.receivedOn < min ? l.receivedOn : min), open[0]!.receivedOn);
  const calendar = loadCalendar(db, earliest);
  let moved = 0;
  for (const l of open) {
    const due = addWorkingDays(l.receivedOn, l.deadlineDays, calendar);
    if (due !== l.dueOn) {
      setLetterDue(db, l.id, due);
      moved++;
    }
  }
  return moved;
}

/**
 * The family's address and phone as the caller's role may see them (DESIGN.md §2.4): the family
 * is living, so clerks and read-only users see them masked.
 */
export function familyContactFor(l: { familyAddress: string; familyPhone: string }, role: Role | undefined | null): { familyAddress: string; familyPhone: string } {
  const info = personalInfoFor({ idNumber: null, phone: l.familyPhone, addressText: l.familyAddress }, role, false);
  return { familyAddress: info.addressText, familyPhone: info.phone };
}

/** A letter as a list row, with where it stands against its deadline today; the address as the role may see it. */
export function letterRow(l: LetterRecord, today: string, calendar: WorkCalendar, role: Role | undefined | null): LetterRow {
  const done = !['received', 'registered', 'verified'].includes(l.status);
  return {
    id: l.id,
    awardId: l.awardId,
    status: l.status,
    recipientName: l.recipientName,
    className: l.className,
    familyName: l.familyName,
    familyAddress: familyContactFor(l, role).familyAddress,
    receivedOn: l.receivedOn,
    dueOn: l.dueOn,
    deliveredOn: l.deliveredOn,
    deadline: deadlineState(l.dueOn, today, calendar, DUE_SOON_WORKING_DAYS, done),
    workingDaysLeft: done ? 0 : workingDaysBetween(today, l.dueOn, calendar),
  };
}

/** List rows for letters, with one calendar read for all of them. */
export function letterRows(db: Db, letters: LetterRecord[], today: string, role: Role | undefined | null): LetterRow[] {
  const from = letters.reduce((min, l) => (l.dueOn < min ? l.dueOn : min), today);
  const calendar = loadCalendar(db, from);
  return letters.map((l) => letterRow(l, today, calendar, role));
}
