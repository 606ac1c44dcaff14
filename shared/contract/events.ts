import { z } from 'zod';
import { jobSchema } from './jobs';

/**
 * A restore from the recovery screen of a damaged database (before sign-in, not a job: there is no
 * database for the jobs): the backup's entries verified and extracted, then the swap.
 */
export const recoveryProgressSchema = z.object({
  phase: z.enum(['checking', 'replacing']),
  done: z.number().int(),
  total: z.number().int(),
  bytes: z.object({ done: z.number().int(), total: z.number().int() }),
});
export type RecoveryProgress = z.infer<typeof recoveryProgressSchema>;

/**
 * Events the backend pushes to every window. Only what anybody at the window may see: job
 * progress, and the counts of a restore from the recovery screen (which runs before sign-in).
 */
export const eventSchemas = {
  'job.progress': jobSchema,
  'recovery.progress': recoveryProgressSchema,
};

export type EventName = keyof typeof eventSchemas;
export type EventPayload<E extends EventName> = z.infer<(typeof eventSchemas)[E]>;
export type BackendEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
