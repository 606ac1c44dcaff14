import { z } from 'zod';
import type { LocalizedText } from './text';

/** The four roles. A user has exactly one. */
export const roles = ['admin', 'reviewer', 'clerk', 'readonly'] as const;
export const roleSchema = z.enum(roles);
export type Role = (typeof roles)[number];

export const roleNames: Record<Role, LocalizedText> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  reviewer: { zh: '审核员', en: 'Reviewer' },
  clerk: { zh: '档案员/业务员', en: 'Archivist / clerk' },
  readonly: { zh: '只读用户', en: 'Read-only' },
};

/**
 * Who may call a method: anyone (before login too), any signed-in user, or the listed roles.
 * Writes of records: `editors`; review: `reviewers`; users, settings and the audit log: admin.
 */
export type Access = 'public' | 'signedIn' | readonly Role[];

export const everyone: readonly Role[] = roles;
export const editors: readonly Role[] = ['admin', 'reviewer', 'clerk'];
export const reviewers: readonly Role[] = ['admin', 'reviewer'];
export const adminOnly: readonly Role[] = ['admin'];

export function roleMayCall(access: Access, role: Role | undefined): boolean {
  if (access === 'public') return true;
  if (role === undefined) return false;
  if (access === 'signedIn') return true;
  return access.includes(role);
}
