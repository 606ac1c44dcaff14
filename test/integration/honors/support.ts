import type { Session } from '../../../electron/core';
import type { Job } from '../../../shared/contract';
import { makeSetUpCore } from '../../support/tempCore';

export type Honors = Awaited<ReturnType<typeof makeSetUpCore>> & { clerk: Session; reviewer: Session; readonly: Session };

/** A set-up core (clock: Monday 2026-11-23) with a clerk, a reviewer and a read-only user signed in. */
export async function honorsCore(): Promise<Honors> {
  const s = await makeSetUpCore();
  const sessions: Record<'clerk' | 'reviewer' | 'readonly', Session> = {} as never;
  for (const role of ['clerk', 'reviewer', 'readonly'] as const) {
    await s.ok('users.create', { username: role, displayName: `${role}员`, role, password: 'initial-pass-1' }, s.admin);
    const session = s.core.openSession();
    await s.ok('auth.login', { username: role, password: 'initial-pass-1' }, session);
    await s.ok('auth.changePassword', { currentPassword: 'initial-pass-1', newPassword: 'my own pass 2' }, session);
    sessions[role] = session;
  }
  return { ...s, ...sessions };
}

export async function classId(h: Honors, name: string): Promise<number> {
  const found = (await h.ok('awardClasses.list', {}, h.clerk)).find((c) => c.name === name);
  if (!found) throw new Error(`no class ${name}`);
  return found.id;
}

export const LI = { kind: 'person' as const, name: '李明', gender: 'male' as const, idNumber: '11010519491231002X' };

/** Waits for a job to leave 'running' (done, failed or cancelled) and answers it. */
export async function jobEnd(t: Honors, jobId: number): Promise<Job> {
  for (;;) {
    const job = await t.ok('jobs.get', { id: jobId }, t.admin);
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
}
