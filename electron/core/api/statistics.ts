/**
 * Statistics for the dashboard: plaques by category × status and by township / village, awards by
 * class and year, letters by status with the overdue and due-soon ones, the roll by status and
 * period. Read-only; each chart is one query of ../db/statistics.ts.
 */
import { defineHandlers } from '../context';
import { getDivision } from '../db/divisions';
import { awardsByClassYear, householdCounts, lettersByStatus, martyrsByStatusPeriod } from '../db/statistics';
import { addWorkingDays } from '../../../shared/rules/workingDays';
import { DUE_SOON_WORKING_DAYS } from '../../../shared/contract/honors';
import { loadCalendar, officeDay } from '../honors/deadlines';

export const statisticsHandlers = defineHandlers({
  'statistics.plaques': (input, ctx) => {
    let code = input.divisionCode ?? ctx.settings.get().homeDivisionCode ?? null;
    let counts = householdCounts(ctx.db, code);
    // Nothing chosen and every household in one county: show that county's townships.
    const only = counts.byDivision.length === 1 ? counts.byDivision[0] : undefined;
    if (code === null && only) {
      code = only.divisionCode;
      counts = householdCounts(ctx.db, code);
    }
    return { divisionCode: code, divisionName: code ? (getDivision(ctx.db, code)?.name ?? code) : '', ...counts };
  },

  'statistics.awards': (_input, ctx) => ({ byClassYear: awardsByClassYear(ctx.db) }),

  'statistics.letters': (_input, ctx) => {
    const today = officeDay(ctx.nowMs());
    const soon = addWorkingDays(today, DUE_SOON_WORKING_DAYS, loadCalendar(ctx.db, today));
    return { today, ...lettersByStatus(ctx.db, today, soon) };
  },

  'statistics.martyrs': (_input, ctx) => ({ byStatusPeriod: martyrsByStatusPeriod(ctx.db) }),
});
