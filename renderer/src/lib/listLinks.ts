/**
 * Where each bar or slice of the dashboard leads: the list behind it, filtered through its
 * address (`#/plaques?division=…&view=…`, `#/honors/letters?status=…`, `#/martyrs?status=…&period=…`),
 * and how those pages read such an address back. Pure.
 */
import { ledgerViews } from '../../../shared/contract/plaques';
import { martyrStatuses, periods, type MartyrStatus, type Period } from '../../../shared/contract/martyrs';
import type { letterDueFilters } from '../../../shared/contract/honors';
import { letterStatuses, type LetterStatus } from '../../../shared/rules/letterState';
import type { PlaqueStatus } from '../../../shared/rules/plaque';

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

/** A plaque status as the ledger's view of it ('superseded' plaques are not a view: all). */
export function ledgerViewOf(status: PlaqueStatus): LedgerView {
  return oneOf(ledgerViews, status) ?? 'all';
}

export function ledgerPath(f: { divisionCode?: string | null; view?: LedgerView }): string {
  return `/plaques${query({ division: f.divisionCode, view: f.view && f.view !== 'all' ? f.view : null })}`;
}

export function ledgerFilterFromHash(hash: string): { divisionCode: string | null; view: LedgerView } {
  const p = paramsOf(hash);
  const code = p.get('division');
  return { divisionCode: code && /^\d{12}$/.test(code) ? code : null, view: oneOf(ledgerViews, p.get('view')) ?? 'all' };
}

export function lettersPath(f: { status?: LetterStatus; due?: LetterDue }): string {
  return `/honors/letters${query({ status: f.status, due: f.due && f.due !== 'all' ? f.due : null })}`;
}

export function letterStatusFromHash(hash: string): LetterStatus | null {
  return oneOf(letterStatuses, paramsOf(hash).get('status'));
}

export function rollPath(f: { status?: MartyrStatus | null; period?: Period | null }): string {
  return `/martyrs${query({ status: f.status, period: f.period })}`;
}

export function rollFilterFromHash(hash: string): { status: MartyrStatus | null; period: Period | null } {
  const p = paramsOf(hash);
  return { status: oneOf(martyrStatuses, p.get('status')), period: oneOf(periods, p.get('period')) };
}
