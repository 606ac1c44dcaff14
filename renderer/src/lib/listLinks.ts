/**
 * The lists' filters as addresses: each list reads its filter from the address and writes it back
 * there when the user changes it (so back / forward step through filters, and a link or a reload
 * opens the list so filtered), and each bar or slice of the dashboard leads to its list through
 * one: `#/plaques?division=…&view=…&category=…`, `#/honors?class=…&year=…`,
 * `#/honors/letters?status=…&due=…`, `#/martyrs?status=…&period=…` (`period=none`: not stated). Pure.
 */
import { ledgerViews } from '../../../shared/contract/plaques';
import { martyrStatuses, periodFilters, type MartyrStatus, type PeriodFilter } from '../../../shared/contract/martyrs';
import { letterDueFilters } from '../../../shared/contract/honors';
import { letterStatuses, type LetterStatus } from '../../../shared/rules/letterState';
import { plaqueCategories, type PlaqueCategory, type PlaqueStatus } from '../../../shared/rules/plaque';

export type LedgerView = (typeof ledgerViews)[number];
export type LetterDue = (typeof letterDueFilters)[number];

function query(params: Record<string, string | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

function paramsOf(hash: string): URLSearchParams {
  return new URLSearchParams(hash.split('?')[1] ?? '');
}

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | null => ((list as readonly string[]).includes(value ?? '') ? (value as T) : null);

// ── The plaque ledger ───────────────────────────────────────────────────────────────────────

export interface LedgerFilter {
  /** A county, township or village (12 digits); null: all. */
  divisionCode: string | null;
  view: LedgerView;
  /** The category of the household's plaque; null: any. */
  category: PlaqueCategory | null;
}

/** A plaque status as the ledger's view of it ('superseded' plaques are not a view: all). */
export function ledgerViewOf(status: PlaqueStatus): LedgerView {
  return oneOf(ledgerViews, status) ?? 'all';
}

export function ledgerPath(f: Partial<LedgerFilter>): string {
  return `/plaques${query({ division: f.divisionCode, view: f.view && f.view !== 'all' ? f.view : null, category: f.category })}`;
}

export function ledgerFilterFromHash(hash: string): LedgerFilter {
  const p = paramsOf(hash);
  const code = p.get('division');
  return { divisionCode: code && /^\d{12}$/.test(code) ? code : null, view: oneOf(ledgerViews, p.get('view')) ?? 'all', category: oneOf(plaqueCategories, p.get('category')) };
}

/** The filter part of a `plaques.ledger` input. */
export function ledgerInput(f: LedgerFilter): { divisionCode?: string; view: LedgerView; category?: PlaqueCategory } {
  return { ...(f.divisionCode ? { divisionCode: f.divisionCode } : {}), view: f.view, ...(f.category ? { category: f.category } : {}) };
}

// ── The award register ──────────────────────────────────────────────────────────────────────

export interface AwardFilter {
  classId: number | null;
  /** A year of the award date; 'none': awards without a date; null: any. */
  year: number | 'none' | null;
}

const MIN_YEAR = 1927;
const MAX_YEAR = 2100;

/** A typed year the register can filter by, or null. */
export function awardYearOf(text: string): number | null {
  if (!/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

export function awardsPath(f: Partial<AwardFilter>): string {
  return `/honors${query({ class: f.classId ? String(f.classId) : null, year: f.year === null || f.year === undefined ? null : String(f.year) })}`;
}

export function awardFilterFromHash(hash: string): AwardFilter {
  const p = paramsOf(hash);
  const cls = p.get('class') ?? '';
  const year = p.get('year') ?? '';
  return { classId: /^[1-9]\d{0,15}$/.test(cls) ? Number(cls) : null, year: year === 'none' ? 'none' : awardYearOf(year) };
}

/** The filter part of an `awards.list` input (year null: the undated awards). */
export function awardsInput(f: AwardFilter): { classId?: number; year?: number | null } {
  return { ...(f.classId !== null ? { classId: f.classId } : {}), ...(f.year === 'none' ? { year: null } : f.year !== null ? { year: f.year } : {}) };
}

// ── Good-news letters ───────────────────────────────────────────────────────────────────────

export interface LetterFilter {
  status: LetterStatus | null;
  due: LetterDue;
}

export function lettersPath(f: Partial<LetterFilter>): string {
  return `/honors/letters${query({ status: f.status, due: f.due && f.due !== 'all' ? f.due : null })}`;
}

export function letterFilterFromHash(hash: string): LetterFilter {
  const p = paramsOf(hash);
  return { status: oneOf(letterStatuses, p.get('status')), due: oneOf(letterDueFilters, p.get('due')) ?? 'all' };
}

/** The filter part of a `letters.list` input. */
export function lettersInput(f: LetterFilter): { status?: LetterStatus; due: LetterDue } {
  return { ...(f.status ? { status: f.status } : {}), due: f.due };
}

// ── The roll ────────────────────────────────────────────────────────────────────────────────

/** The roll's filters an address can carry (`period=none`: records whose period is not stated). */
export interface RollFilter {
  status: MartyrStatus | null;
  period: PeriodFilter | null;
}

export function rollPath(f: Partial<RollFilter>): string {
  return `/martyrs${query({ status: f.status, period: f.period })}`;
}

export function rollFilterFromHash(hash: string): RollFilter {
  const p = paramsOf(hash);
  return { status: oneOf(martyrStatuses, p.get('status')), period: oneOf(periodFilters, p.get('period')) };
}
