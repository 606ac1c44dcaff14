/**
 * What each chart of the dashboard draws and where each of its bars or slices leads: the list
 * filtered to exactly what that bar counts (test/integration/statistics/chartLists.test.ts
 * follows every link to the backend and counts the rows). Pure.
 */
import type { MethodOutput } from '../../../../shared/contract';
import { martyrStatuses, periods, type MartyrStatus, type Period } from '../../../../shared/contract/martyrs';
import { letterStatuses, type LetterStatus } from '../../../../shared/rules/letterState';
import { plaqueStatuses, type PlaqueCategory } from '../../../../shared/rules/plaque';
import { awardsPath, ledgerPath, ledgerViewOf, lettersPath, rollPath, type LedgerView } from '../../lib/listLinks';

type PlaqueStats = MethodOutput<'statistics.plaques'>;
type DivisionRow = PlaqueStats['byDivision'][number];
type AwardRow = MethodOutput<'statistics.awards'>['byClassYear'][number];
type RollRow = MethodOutput<'statistics.martyrs'>['byStatusPeriod'][number];

// ── Households by township / village ────────────────────────────────────────────────────────

/** The parts of a division's bar (households by the plaque of their ledger line) and the ledger view of each. */
export const divisionSeries = [
  { id: 'hung', view: 'hung' },
  { id: 'inUseNotHung', view: 'in_use_not_hung' },
  { id: 'cancelled', view: 'cancelled' },
  { id: 'withoutPlaque', view: 'none' },
] as const satisfies readonly { id: string; view: LedgerView }[];
export type DivisionSeriesId = (typeof divisionSeries)[number]['id'];

export function divisionParts(row: DivisionRow): Record<DivisionSeriesId, number> {
  return { hung: row.hung, inUseNotHung: row.inUse - row.hung, cancelled: row.cancelled, withoutPlaque: row.withoutPlaque };
}

/** The ledger of the division, in the view of the part clicked. */
export function divisionBarPath(row: DivisionRow, seriesId: string): string {
  return ledgerPath({ divisionCode: row.divisionCode, view: divisionSeries.find((s) => s.id === seriesId)?.view ?? 'all' });
}

// ── Households by the category and status of their plaque ───────────────────────────────────

/** The statuses drawn (a superseded plaque is never the one a ledger line shows). */
export const categoryStatuses = plaqueStatuses.filter((s) => s !== 'superseded');
export type CategoryStatus = (typeof categoryStatuses)[number];

export function categoryCount(stats: PlaqueStats, category: PlaqueCategory, status: CategoryStatus): number {
  return stats.byCategoryStatus.find((x) => x.category === category && x.status === status)?.count ?? 0;
}

/** The ledger of the division the chart is about, that category, that status. */
export function categoryBarPath(stats: PlaqueStats, category: PlaqueCategory, status: CategoryStatus): string {
  return ledgerPath({ divisionCode: stats.divisionCode, category, view: ledgerViewOf(status) });
}

// ── Awards by year, a stack per class ───────────────────────────────────────────────────────

export interface AwardBars {
  /** The bands, oldest first; null: awards without a date (last). */
  years: (number | null)[];
  classes: { id: number; name: string }[];
  count: (classId: number, year: number | null) => number;
}

export function awardBars(rows: readonly AwardRow[]): AwardBars {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
  const classes = [...new Map(rows.map((r) => [r.classId, r.className])).entries()].map(([id, name]) => ({ id, name }));
  return { years, classes, count: (classId, year) => rows.find((r) => r.classId === classId && r.year === year)?.count ?? 0 };
}

/** The register filtered to the class and year of the bar (an undated band: the undated awards). */
export function awardBarPath(classId: number, year: number | null): string {
  return awardsPath({ classId, year: year ?? 'none' });
}

// ── Letters by status ───────────────────────────────────────────────────────────────────────

export function letterSlices(stats: MethodOutput<'statistics.letters'>): { status: LetterStatus; count: number }[] {
  return letterStatuses.map((status) => ({ status, count: stats.byStatus.find((r) => r.status === status)?.count ?? 0 })).filter((r) => r.count > 0);
}

export function letterSlicePath(status: LetterStatus): string {
  return lettersPath({ status });
}

// ── The roll by historical period, a stack per status ───────────────────────────────────────

export interface RollBars {
  /** The bands, in the periods' order; null: records whose period is not stated (last). */
  periods: (Period | null)[];
  count: (status: MartyrStatus, period: Period | null) => number;
}

export function rollBars(rows: readonly RollRow[]): RollBars {
  return {
    periods: [...periods.filter((p) => rows.some((r) => r.period === p)), ...(rows.some((r) => r.period === null) ? [null] : [])],
    count: (status, period) => rows.find((r) => r.status === status && r.period === period)?.count ?? 0,
  };
}

/** The roll filtered to the status and period of the bar (未注明时期: period=none). */
export function rollBarPath(status: string, period: Period | null): string {
  return rollPath({ status: martyrStatuses.find((s) => s === status) ?? null, period: period ?? 'none' });
}
