import { describe, expect, it } from 'vitest';
import { addDays, addWorkingDays, calendarOf, deadlineState, isWorkingDay, plainWeek, weekday, workingDaysBetween } from '../../../../shared/rules/workingDays';

/**
 * An office calendar modelled on a National Day week: 1–7 October off, Sunday 28 September and
 * Saturday 11 October worked (调休); New Year's Day off, Sunday 4 January worked.
 */
const office = calendarOf([
  ...['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'].map((day) => ({ day, kind: 'holiday' as const })),
  { day: '2025-09-28', kind: 'workday' },
  { day: '2025-10-11', kind: 'workday' },
  { day: '2026-01-01', kind: 'holiday' },
  { day: '2026-01-02', kind: 'holiday' },
  { day: '2026-01-04', kind: 'workday' },
]);

describe('calendar days', () => {
  it.each([
    ['2026-11-23', 1],
    ['2026-11-28', 6],
    ['2026-11-29', 0],
    ['2024-02-29', 4],
  ])('%s is weekday %i', (day, w) => expect(weekday(day)).toBe(w));

  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2026-01-01', -1, '2025-12-31'],
  ])('%s + %i day = %s', (day, n, expected) => expect(addDays(day, n)).toBe(expected));

  it.each([
    ['2026-11-23', plainWeek, true, 'a Monday'],
    ['2026-11-28', plainWeek, false, 'a Saturday'],
    ['2025-10-01', office, false, 'a holiday on a Wednesday'],
    ['2025-10-11', office, true, 'a make-up Saturday (调休)'],
    ['2025-09-28', office, true, 'a make-up Sunday (调休)'],
    ['2025-10-04', office, false, 'a Saturday inside the holiday'],
  ] as const)('%s: working day %s (%s)', (day, calendar, expected, _why) => expect(isWorkingDay(day, calendar)).toBe(expected));
});

describe('addWorkingDays — the deadline from the day of receipt', () => {
  it.each([
    // [received, working days, calendar, deadline, why]
    ['2026-11-23', 2, plainWeek, '2026-11-25', 'Monday + 2 = Wednesday'],
    ['2026-11-26', 2, plainWeek, '2026-11-30', 'Thursday + 2 skips the weekend'],
    ['2026-11-27', 1, plainWeek, '2026-11-30', 'Friday + 1 = Monday'],
    ['2026-11-28', 1, plainWeek, '2026-11-30', 'received on a Saturday: counting starts Monday'],
    ['2026-11-28', 2, plainWeek, '2026-12-01', 'received on a Saturday, 2 days: Tuesday'],
    ['2026-11-23', 10, plainWeek, '2026-12-07', 'two weeks'],
    ['2025-09-30', 1, office, '2025-10-09', 'the whole National Day week is skipped'],
    ['2025-09-26', 1, office, '2025-09-28', 'a make-up Sunday counts'],
    ['2025-10-02', 2, office, '2025-10-10', 'received on a holiday: counting starts after it'],
    ['2025-10-09', 2, office, '2025-10-11', 'a make-up Saturday is a working day'],
    ['2025-12-30', 2, office, '2026-01-04', 'year boundary: New Year off, the make-up Sunday counts'],
    ['2025-12-31', 1, office, '2026-01-04', 'year boundary, 1 day'],
    ['2026-12-31', 1, plainWeek, '2027-01-01', 'year boundary on a plain week (Friday 1 January 2027)'],
    ['2026-11-23', 0, plainWeek, '2026-11-23', '0 days on a working day is that day'],
    ['2025-10-01', 0, office, '2025-10-09', '0 days on a holiday is the next working day'],
  ] as const)('%s + %i working days = %s (%s)', (received, n, calendar, deadline, _why) => {
    expect(addWorkingDays(received, n, calendar)).toBe(deadline);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-11-23', -1, plainWeek)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-23', 1.5, plainWeek)).toThrow(RangeError);
  });

  it('refuses a day that does not exist', () => {
    expect(() => addWorkingDays('2026-02-30', 1, plainWeek)).toThrow(RangeError);
  });
});

describe('workingDaysBetween and deadlineState', () => {
  it.each([
    ['2026-11-23', '2026-11-23', plainWeek, 0],
    ['2026-11-23', '2026-11-25', plainWeek, 2],
    ['2026-11-27', '2026-11-30', plainWeek, 1],
    ['2026-11-30', '2026-11-27', plainWeek, -1],
    ['2025-09-30', '2025-10-09', office, 1],
    ['2025-12-31', '2026-01-05', office, 2],
  ] as const)('%s → %s: %i working days', (from, to, calendar, n) => expect(workingDaysBetween(from, to, calendar)).toBe(n));

  it.each([
    ['2026-11-25', '2026-11-26', false, 'overdue'],
    ['2026-11-25', '2026-11-25', false, 'dueToday'],
    ['2026-11-30', '2026-11-27', false, 'dueSoon'],
    ['2026-12-03', '2026-11-27', false, 'dueSoon'],
    ['2026-12-04', '2026-11-27', false, 'onTime'],
    ['2026-11-25', '2026-12-25', true, 'done'],
  ] as const)('due %s, today %s, done %s: %s', (due, today, done, state) => {
    expect(deadlineState(due, today, plainWeek, 4, done)).toBe(state);
  });
});
