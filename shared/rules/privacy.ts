/**
 * Personal information of living people (PIPL, DESIGN.md §2.4): ID numbers, addresses and
 * phone numbers are masked on screen unless the role allows. Decision: administrators and
 * reviewers see them whole; clerks and read-only users see them masked (a clerk may still key
 * in a new value). The deceased (martyrs included) are not masked. Pure functions.
 */
import type { Role } from '../contract/roles';
import { maskIdNumber } from './idNumber';
import { codePoints } from './helpers';

export const rolesSeeingPersonalInfo: readonly Role[] = ['admin', 'reviewer'];

export function roleSeesPersonalInfo(role: Role | undefined | null): boolean {
  return role !== undefined && role !== null && rolesSeeingPersonalInfo.includes(role);
}

/** 13812345678 → 138****5678; short numbers entirely masked. */
export function maskPhone(phone: string): string {
  const chars = codePoints(phone.trim());
  if (chars.length <= 7) return '*'.repeat(chars.length);
  return chars.slice(0, 3).join('') + '*'.repeat(chars.length - 7) + chars.slice(-4).join('');
}

/** The detailed address (house, street number) kept to its first 2 characters; the division shows the place. */
export function maskAddress(address: string): string {
  const chars = codePoints(address.trim());
  if (chars.length === 0) return '';
  return chars.slice(0, Math.min(2, chars.length - 1)).join('') + '****';
}

export interface PersonalInfo {
  idNumber: string | null;
  phone: string;
  addressText: string;
}

/** What a role may see of a person's personal information. */
export function personalInfoFor<T extends PersonalInfo>(p: T, role: Role | undefined | null, deceased: boolean): T & { masked: boolean } {
  if (deceased || roleSeesPersonalInfo(role)) return { ...p, masked: false };
  return { ...p, idNumber: p.idNumber ? maskIdNumber(p.idNumber) : p.idNumber, phone: p.phone ? maskPhone(p.phone) : '', addressText: maskAddress(p.addressText), masked: true };
}
