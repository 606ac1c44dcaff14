import { z } from 'zod';
import { method } from './method';
import { localizedTextSchema } from './errors';
import { idSchema, isoTimestamp } from './common';

export const jobStatuses = ['running', 'done', 'failed', 'cancelled'] as const;

export const jobSchema = z.object({
  id: idSchema,
  kind: z.string(),
  status: z.enum(jobStatuses),
  done: z.number().int(),
  total: z.number().int(),
  phase: z.string(),
  /** Bytes read so far and in all, for jobs that go through files (while running only). */
  bytes: z.object({ done: z.number().int(), total: z.number().int() }).optional(),
  startedBy: z.string(),
  startedById: z.number().int().nullable(),
  startedAt: isoTimestamp,
  finishedAt: isoTimestamp.nullable(),
  error: z.object({ code: z.string(), message: localizedTextSchema }).nullable(),
  result: z.unknown().nullable(),
});
export type Job = z.infer<typeof jobSchema>;

/** Long work: imports, batch printing, backups. Each runs in a worker thread and reports progress. */
export const jobMethods = {
  'jobs.get': method({
    summary: 'One job with its progress.',
    access: 'signedIn',
    input: z.strictObject({ id: idSchema }),
    output: jobSchema,
  }),
  'jobs.list': method({
    summary: 'The latest jobs, newest first.',
    access: 'signedIn',
    input: z.strictObject({ limit: z.number().int().min(1).max(200).default(20) }),
    output: z.array(jobSchema),
  }),
  'jobs.cancel': method({
    summary: 'Ask a running job to stop; its work is rolled back.',
    access: 'signedIn',
    input: z.strictObject({ id: idSchema }),
    output: jobSchema,
  }),
};
