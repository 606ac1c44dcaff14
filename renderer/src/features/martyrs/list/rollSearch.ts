/**
 * What the roll list searches for (the box, the filters, the order) and how it becomes the
 * `martyrs.search` input. The last search is remembered for the session, so coming back from a
 * record finds the list as it was left. Pure apart from the module-level memory.
 */
import type { Division, MartyrRow, MartyrSort, MartyrStatus, MethodInput, PeriodFilter } from '../../../../../shared/contract';
import { martyrSorts } from '../../../../../shared/contract/martyrs';
import { parsePartialDate } from '../../../../../shared/rules/partialDate';
import type { KeysetPages } from './keysetPages';
import { rollFilterFromHash } from '../../../lib/listLinks';

export interface RollFilters {
  status: MartyrStatus | '';
  /** 'none': records whose period is not stated. */
  period: PeriodFilter | '';
  sourceId: number | null;
  division: Division | null;
  /** Free text dates (1937, 1945年8月 …); the search uses their earliest / latest day. */
  deathFrom: string;
  deathTo: string;
}

export interface RollSearch {
  query: string;
  filters: RollFilters;
  sort: MartyrSort;
}

export const noFilters: RollFilters = { status: '', period: '', sourceId: null, division: null, deathFrom: '', deathTo: '' };

export function hasFilters(f: RollFilters): boolean {
  return f.status !== '' || f.period !== '' || f.sourceId !== null || f.division !== null || f.deathFrom.trim() !== '' || f.deathTo.trim() !== '';
}

/** A range end: '' → none, a readable date → its day, anything else → invalid. */
export function rangeDay(text: string, end: 'from' | 'to'): { ok: true; day: string | undefined } | { ok: false } {
  const t = text.trim();
  if (t === '') return { ok: true, day: undefined };
  const parsed = parsePartialDate(t);
  if (!parsed.ok) return { ok: false };
  const day = end === 'from' ? parsed.earliest : parsed.latest;
  return { ok: true, day: /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined };
}

/** The search input without the page cursor and size. */
export function searchInput(s: RollSearch, deleted = false): Omit<MethodInput<'martyrs.search'>, 'after' | 'limit'> {
  const from = rangeDay(s.filters.deathFrom, 'from');
  const to = rangeDay(s.filters.deathTo, 'to');
  const input: Omit<MethodInput<'martyrs.search'>, 'after' | 'limit'> = { query: s.query.trim().slice(0, 60), sort: s.sort, deleted };
  if (s.filters.status) input.status = s.filters.status;
  if (s.filters.period) input.period = s.filters.period;
  if (s.filters.sourceId !== null) input.sourceId = s.filters.sourceId;
  if (s.filters.division) input.divisionCode = s.filters.division.code;
  if (from.ok && from.day) input.deathFrom = from.day;
  if (to.ok && to.day) input.deathTo = to.day;
  return input;
}

export function isSort(value: string): value is MartyrSort {
  return (martyrSorts as readonly string[]).includes(value);
}

const SORT_KEY = 'guangrong.martyrs.sort';

export function storedSort(): MartyrSort {
  try {
    const value = window.localStorage.getItem(SORT_KEY) ?? '';
    return isSort(value) ? value : 'strokeSurname';
  } catch {
    return 'strokeSurname';
  }
}

export function storeSort(sort: MartyrSort): void {
  try {
    window.localStorage.setItem(SORT_KEY, sort);
  } catch {
    // private mode: remembered for this session only
  }
}

/** The list as it was left: the search, the rows in memory, where it was scrolled and which row was chosen. */
export interface RollMemory {
  userId: number;
  search: RollSearch;
  key: string;
  pages: KeysetPages<MartyrRow>;
  /** Where the list was scrolled: px from the first row (VirtualRows' offset). */
  offset: number;
  selectedIndex: number;
}

const memory = new Map<string, RollMemory>();

export function remembered(kind: string, userId: number): RollMemory | undefined {
  const m = memory.get(kind);
  return m && m.userId === userId ? m : undefined;
}

export function remember(kind: string, value: RollMemory): void {
  memory.set(kind, value);
}

/** `#/martyrs?source=3` opens the roll filtered by a source. */
export function sourceFromHash(hash: string): number | null {
  const query = hash.split('?')[1];
  if (!query) return null;
  const value = Number(new URLSearchParams(query).get('source'));
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** Whether the address is the roll's own (`#/martyrs`, with or without filters), not a record's or another tab's. */
export function isRollAddress(hash: string): boolean {
  return hash.replace(/^#/, '').split('?')[0]?.replace(/\/+$/, '') === '/martyrs';
}

/**
 * The filters an address of the roll carries — `#/martyrs?source=3` (a source's records),
 * `#/martyrs?status=…&period=…` (a bar of the dashboard; period=none: not stated) — or null
 * when it carries none.
 */
export function filtersFromHash(hash: string): RollFilters | null {
  const sourceId = sourceFromHash(hash);
  const { status, period } = rollFilterFromHash(hash);
  if (sourceId === null && status === null && period === null) return null;
  return { ...noFilters, sourceId, status: status ?? '', period: period ?? '' };
}
