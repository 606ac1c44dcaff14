/**
 * The weekly full check. `tick()` is called when the core opens and on every call it answers
 * (the application is in use); it looks at the database at most once a minute of the core's
 * clock and starts `integrity.check` when the last finished check is older than
 * INTEGRITY_CHECK_INTERVAL_DAYS (a database never checked counts from its first audit row, so
 * a new installation is first checked a week after it starts). After starting one it waits
 * RETRY_AFTER_MS before it would start another, so a check that keeps failing is not restarted
 * every minute.
 */
import type { Db } from '../db/connection';
import { integrityBaselineAt, runningIntegrityJobIds } from '../db/integrity';
import type { JobRunner } from '../jobs/runner';
import type { JobActor } from '../jobs/context';
import type { Logger } from '../call';
import { INTEGRITY_CHECK_INTERVAL_DAYS } from '../../../shared/contract/integrity';
import type { IntegrityCheckInput } from './checkJob';

export const INTEGRITY_INTERVAL_MS = INTEGRITY_CHECK_INTERVAL_DAYS * 24 * 60 * 60 * 1000;
export const SCHEDULE_LOOK_EVERY_MS = 60 * 1000;
export const RETRY_AFTER_MS = 6 * 60 * 60 * 1000;
/** Whose name the weekly check's audit row carries. */
export const SCHEDULE_ACTOR: JobActor = { userId: null, username: 'system' };

/** When the next weekly check is due (ISO); now when the data has no history at all. */
export function integrityDueAt(db: Db, nowMs: number): string {
  const baseline = integrityBaselineAt(db);
  return new Date(baseline ? Date.parse(baseline) + INTEGRITY_INTERVAL_MS : nowMs).toISOString();
}

/** The integrity check running now, if any. */
export function runningIntegrityJob(db: Db, jobs: JobRunner): number | null {
  return runningIntegrityJobIds(db).find((id) => jobs.isRunning(id)) ?? null;
}

/** Starts a full check unless one is running (then answers that one's job id). */
export function startIntegrityCheck(db: Db, jobs: JobRunner, trigger: IntegrityCheckInput['trigger'], actor: JobActor): number {
  const running = runningIntegrityJob(db, jobs);
  if (running !== null) return running;
  const input: IntegrityCheckInput = { trigger };
  return jobs.start('integrity.check', input, actor).id;
}

export class IntegritySchedule {
  private lookedAtMs = Number.NEGATIVE_INFINITY;
  private startedAtMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: { db: Db; jobs: JobRunner; nowMs: () => number; logger: Logger }) {}

  /** Cheap when nothing is due; answers the job started, or null. Never throws. */
  tick(): number | null {
    const now = this.deps.nowMs();
    if (now - this.lookedAtMs < SCHEDULE_LOOK_EVERY_MS || now - this.startedAtMs < RETRY_AFTER_MS) return null;
    this.lookedAtMs = now;
    try {
      const { db, jobs } = this.deps;
      if (!db.open || !integrityBaselineAt(db) || Date.parse(integrityDueAt(db, now)) > now) return null;
      if (runningIntegrityJob(db, jobs) !== null) return null;
      this.startedAtMs = now;
      return startIntegrityCheck(db, jobs, 'scheduled', SCHEDULE_ACTOR);
    } catch (error) {
      this.deps.logger.error('could not start the weekly integrity check', error);
      return null;
    }
  }
}
