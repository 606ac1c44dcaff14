/**
 * Which lifecycle steps the household panel offers for a plaque and, for each it cannot offer, why:
 * the qualifying person has died (shared/rules/plaque, the backend's own check: no reissue or
 * replacement) or the caller's role (the contract's access list, what the backend enforces). Steps
 * that cannot start from the plaque's status at all are not mentioned. Pure, tested in test/unit/renderer/features/plaques/stepOffers.test.ts.
 */
import { methods, roleMayCall, type Role } from '../../../../shared/contract';
import type { Plaque } from '../../../../shared/contract/plaques';
import { activePlaqueStatuses, plaqueActionSources, plaqueTransition } from '../../../../shared/rules/plaque';
import type { PlaqueStep } from './ActionDialog';

export const plaqueSteps: readonly PlaqueStep[] = ['issue', 'hang', 'reissue', 'replace', 'takeBack', 'cancel', 'restore'];

/** Steps the caller's role may not take, grouped by the roles that may. */
export interface RoleRefusal {
  steps: PlaqueStep[];
  roles: readonly Role[];
}

export interface StepOffers {
  offered: PlaqueStep[];
  byRole: RoleRefusal[];
  /** The qualifying person has died and the plaque is in use: kept, but no longer reissued or replaced. */
  deceased: boolean;
}

/** The roles the contract lets call a method ([] when none may, every role when any signed-in user may). */
export function rolesFor(method: keyof typeof methods): readonly Role[] {
  const access = methods[method].access;
  if (access === 'public' || access === 'signedIn') return ['admin', 'reviewer', 'clerk', 'readonly'];
  return access;
}

export function mayCall(method: keyof typeof methods, role: Role): boolean {
  return roleMayCall(methods[method].access, role);
}

export function stepOffers(plaque: Pick<Plaque, 'status' | 'qualifyingPersonDeceased'>, role: Role): StepOffers {
  const offers: StepOffers = { offered: [], byRole: [], deceased: plaque.qualifyingPersonDeceased && activePlaqueStatuses.includes(plaque.status) };
  for (const step of plaqueSteps) {
    if (!plaqueActionSources(step).includes(plaque.status)) continue;
    const rule = plaqueTransition(plaque.status, step, { qualifyingPersonDeceased: plaque.qualifyingPersonDeceased });
    // The only refusal left once the status fits: a reissue or replacement after the death (`deceased` says it).
    if (!rule.ok) continue;
    const method = `plaques.${step}` as const;
    if (mayCall(method, role)) {
      offers.offered.push(step);
      continue;
    }
    const roles = rolesFor(method);
    const group = offers.byRole.find((g) => g.roles.join() === roles.join());
    if (group) group.steps.push(step);
    else offers.byRole.push({ steps: [step], roles });
  }
  return offers;
}
