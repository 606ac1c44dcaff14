/**
 * Working days of the office (工作日): Monday to Friday, except the holidays the office lists,
 * plus the weekend days it lists as make-up working days (调休). Deadlines of good-news letters
 * are counted in these days from the day of receipt.
 *
 * Counting: the day of receipt is day 0; the deadline is the n-th working day after it. A letter
 * received on a holiday or a weekend therefore starts counting on the next working day.
 * All days are 'YYYY-MM-DD' strings in the office's calendar; nothing here reads a clock.
 */
import { isoDate, parseIsoDate } from './helpers';

export type CalendarDayKind = 'holiday' | 'workday';

/** The office's exceptions to the Monday–Friday week. */
export interface WorkCalendar {
  /** Days off that would be working days (法定节假日). */
  holidays: ReadonlySet<string>;
  /** Saturdays or Sundays worked instead (调休上班). */
  workdays: ReadonlySet<string>;
}

export const plainWeek: WorkCalendar = { holidays: new Set(), workdays: new Set() };

export function calendarOf(days: readonly { day: string; kind: CalendarDayKind }[]): WorkCalendar {
  return {
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.day)),
    workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.day)),
  };
}

function toUtc(day: string): number {
  const d = parseIsoDate(day);
  if (!d) throw new RangeError(`not a day: ${day}`);
  return Date.UTC(d.year, d.month - 1, d.day);
}

function fromUtc(ms: number): string {
  const d = new Date(ms);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const DAY_MS = 86_400_000;

/** The day `n` calendar days after `day` (n may be negative). */
export function addDays(day: string, n: number): string {
  return fromUtc(toUtc(day) + n * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return new Date(toUtc(day)).getUTCDay();
}

export function isWeekend(day: string): boolean {
  const w = weekday(day);
  return w === 0 || w === 6;
}

export function isWorkingDay(day: string, calendar: WorkCalendar): boolean {
  if (calendar.workdays.has(day)) return true;
  if (calendar.holidays.has(day)) return false;
  return !isWeekend(day);
}

/** Safety net: no calendar has a year of holidays in a row. */
const MAX_SCAN_DAYS = 3660;

/**
 * The n-th working day after `day` (n ≥ 0). n = 0 is `day` itself when it is a working day,
 * else the next working day.
 */
export function addWorkingDays(day: string, n: number, calendar: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, not ${n}`);
  let current = day;
  if (n === 0) {
    for (let i = 0; i < MAX_SCAN_DAYS && !isWorkingDay(current, calendar); i++) current = addDays(current, 1);
    return current;
  }
  let counted = 0;
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    current = addDays(current, 1);
    if (isWorkingDay(current, calendar) && ++counted === n) return current;
  }
  throw new RangeError('the calendar has no working day for ten years');
}

/**
 * Working days from `from` to `to`: how many working days lie after `from` up to and including
 * `to` (negative when `to` is earlier). 0 on the same day.
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkCalendar): number {
  if (from === to) return 0;
  const forward = from < to;
  const [start, end] = forward ? [from, to] : [to, from];
  let count = 0;
  for (let current = addDays(start, 1); current <= end; current = addDays(current, 1)) {
    if (isWorkingDay(current, calendar)) count++;
  }
  // 0 - count, not -count: no -0 when no working day lies between.
  return forward ? count : 0 - count;
}

export type DeadlineState = 'done' | 'overdue' | 'dueToday' | 'dueSoon' | 'onTime';

/**
 * Where an open letter stands against its deadline on `today`: overdue after the deadline day,
 * due today on it, due soon when at most `soonDays` working days remain.
 */
export function deadlineState(dueOn: string, today: string, calendar: WorkCalendar, soonDays: number, done = false): DeadlineState {
  if (done) return 'done';
  if (today > dueOn) return 'overdue';
  if (today === dueOn) return 'dueToday';
  return workingDaysBetween(today, dueOn, calendar) <= soonDays ? 'dueSoon' : 'onTime';
}
