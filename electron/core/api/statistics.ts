/**
 * Statistics for the dashboard: plaques by category × status and by township / village, awards by
 * class and year, letters by status with the overdue and due-soon ones, the roll by status and
 * period. Read-only; each chart is one query of ../db/statistics.ts.
 */
import { defineHandlers, type HandlerContext } from '../context';
import { getDivision } from '../db/divisions';
import { awardsByClassYear, lettersByStatus, martyrsByStatusPeriod, plaquesByCategoryStatus, plaquesByDivision } from '../db/statistics';
import { divisionLevel, divisionPrefix } from '../../../shared/rules/divisionCode';
import { addWorkingDays } from '../../../shared/rules/workingDays';
import { DUE_SOON_WORKING_DAYS } from '../../../shared/contract/honors';
import { loadCalendar, officeDay } from '../honors/deadlines';

/** Digits of the divisions just below a level: a county's townships (9), a township's villages (12). */
const childLengthBelow = (level: number | null) => (level === null || level <= 1 ? 6 : level === 2 ? 6 : level === 3 ? 9 : 12);

function divisionCounts(ctx: HandlerContext, code: string | null) {
  const prefix = code ? divisionPrefix(code) : null;
  const level = code ? divisionLevel(code) : null;
  return { code, rows: plaquesByDivision(ctx.db, prefix, childLengthBelow(level)) };
}

export const statisticsHandlers = defineHandlers({
  'statistics.plaques': (input, ctx) => {
    let { code, rows } = divisionCounts(ctx, input.divisionCode ?? ctx.settings.get().homeDivisionCode ?? null);
    // Nothing chosen and every household in one county: show that county's townships.
    if (code === null && rows.length === 1 && rows[0]) ({ code, rows } = divisionCounts(ctx, rows[0].divisionCode));
    return {
      divisionCode: code,
      divisionName: code ? (getDivision(ctx.db, code)?.name ?? code) : '',
      byCategoryStatus: plaquesByCategoryStatus(ctx.db, code ? divisionPrefix(code) : null),
      byDivision: rows,
    };
  },

  'statistics.awards': (_input, ctx) => ({ byClassYear: awardsByClassYear(ctx.db) }),

  'statistics.letters': (_input, ctx) => {
    const today = officeDay(ctx.nowMs());
    const soon = addWorkingDays(today, DUE_SOON_WORKING_DAYS, loadCalendar(ctx.db, today));
    return { today, ...lettersByStatus(ctx.db, today, soon) };
  },

  'statistics.martyrs': (_input, ctx) => ({ byStatusPeriod: martyrsByStatusPeriod(ctx.db) }),
});
