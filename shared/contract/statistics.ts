import { z } from 'zod';
import { method } from './method';
import { divisionCodeSchema } from './divisions';
import { letterStatuses } from '../rules/letterState';
import { plaqueCategories, plaqueStatuses } from '../rules/plaque';
import { martyrStatuses, periods } from './martyrs';
import { divisionHouseholdsSchema } from './plaques';

/**
 * Statistics for the dashboard (统计, the home page): counts by category, status and division,
 * each chart answered by one indexed query (electron/core/db/statistics.ts). Every bar or slice
 * names the filter of the list behind it (the plaque ledger, the letters, the roll).
 */
const count = z.number().int();

export const statisticsMethods = {
  'statistics.plaques': method({
    summary: 'Households by their ledger line’s plaque (the one in use, else the latest): by its category × status, and by the divisions just below the one asked (default: the office’s county). Each count is the number of lines plaques.ledger lists for the same filter.',
    access: 'signedIn',
    input: z.strictObject({ divisionCode: divisionCodeSchema.optional() }),
    output: z.object({
      /** The division the counts are under (null: all), and its name. */
      divisionCode: z.string().nullable(),
      divisionName: z.string(),
      byCategoryStatus: z.array(z.object({ category: z.enum(plaqueCategories), status: z.enum(plaqueStatuses), count })),
      /** Townships of a county, villages of a township; `inUse` counts hung ones too (made, issued, hung, taken back). */
      byDivision: z.array(divisionHouseholdsSchema),
    }),
  }),
  'statistics.awards': method({
    summary: 'Awards by class and year of the award.',
    access: 'signedIn',
    input: z.strictObject({}),
    output: z.object({ byClassYear: z.array(z.object({ classId: z.number().int(), className: z.string(), year: z.number().int().nullable(), count })) }),
  }),
  'statistics.letters': method({
    summary: 'Good-news letters by status, with how many open ones are overdue or due soon.',
    access: 'signedIn',
    input: z.strictObject({}),
    output: z.object({ today: z.string(), byStatus: z.array(z.object({ status: z.enum(letterStatuses), count })), overdue: count, dueSoon: count }),
  }),
  'statistics.martyrs': method({
    summary: 'Records of the roll (not deleted) by status and historical period.',
    access: 'signedIn',
    input: z.strictObject({}),
    output: z.object({ byStatusPeriod: z.array(z.object({ status: z.enum(martyrStatuses), period: z.enum(periods).nullable(), count })) }),
  }),
};
