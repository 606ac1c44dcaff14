/**
 * The letters list's filter (letters.list: status, deadline, search) as the query of
 * db/goodNewsLetters listLetters, shared by the screen's method and the printed list.
 */
import type { Db } from '../db/connection';
import type { LetterListQuery } from '../db/goodNewsLetters';
import { addWorkingDays } from '../../../shared/rules/workingDays';
import { DUE_SOON_WORKING_DAYS, type letterDueFilters } from '../../../shared/contract/honors';
import type { LetterStatus } from '../../../shared/rules/letterState';
import { loadCalendar } from './deadlines';

export interface LetterListFilter {
  status?: LetterStatus | undefined;
  due: (typeof letterDueFilters)[number];
  query: string;
}

/** The day before an ISO day. */
export function yesterday(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The last day of "due soon" from today: DUE_SOON_WORKING_DAYS working days on. */
export function dueSoonTo(db: Db, today: string): string {
  return addWorkingDays(today, DUE_SOON_WORKING_DAYS, loadCalendar(db, today));
}

/** The filter as listLetters reads it (without the page: limit and after are the caller's). */
export function letterListQuery(db: Db, filter: LetterListFilter, today: string): Omit<LetterListQuery, 'limit' | 'after'> {
  const due = filter.due;
  return {
    status: filter.status,
    open: due === 'open',
    openDueTo: due === 'overdue' ? yesterday(today) : due === 'dueSoon' ? dueSoonTo(db, today) : undefined,
    openDueFrom: due === 'dueSoon' ? today : undefined,
    query: filter.query,
  };
}
