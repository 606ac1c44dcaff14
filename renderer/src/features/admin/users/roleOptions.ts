import { roles, type Role } from '../../../../../shared/contract';

/** Roles in the order the select offers them. */
export const roleOptions: readonly Role[] = roles;

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
