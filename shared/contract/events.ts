import type { z } from 'zod';
import { jobSchema } from './jobs';

/** Events the backend pushes to every window. Only what any signed-in user may see: job progress. */
export const eventSchemas = {
  'job.progress': jobSchema,
};

export type EventName = keyof typeof eventSchemas;
export type EventPayload<E extends EventName> = z.infer<(typeof eventSchemas)[E]>;
export type BackendEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
