import { z } from 'zod';
import { method } from './method';
import { adminOnly } from './roles';
import { empty, idSchema, isoTimestamp } from './common';

export const auditActions = ['create', 'update', 'delete', 'restore', 'login', 'login_failed', 'logout', 'unlock', 'import', 'export', 'seed', 'password'] as const;

export const auditEntrySchema = z.object({
  id: idSchema,
  at: isoTimestamp,
  userId: z.number().int().nullable(),
  username: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  action: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditFilterSchema = z.strictObject({
  userId: idSchema.optional(),
  entity: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  action: z.string().max(32).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** Newest first; `beforeId` is the keyset cursor (the smallest id of the previous page). */
  beforeId: idSchema.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

/** The append-only, hash-chained audit log. */
export const auditMethods = {
  'audit.list': method({
    summary: 'Audit entries, newest first, filtered; keyset paged by id.',
    access: adminOnly,
    input: auditFilterSchema,
    output: z.object({ entries: z.array(auditEntrySchema), total: z.number().int(), nextBeforeId: idSchema.nullable() }),
  }),
  'audit.verify': method({
    summary: 'Recompute the hash chain; report the first entry that was altered or removed.',
    access: adminOnly,
    input: empty,
    output: z.object({
      ok: z.boolean(),
      checked: z.number().int(),
      firstBadId: z.number().int().nullable(),
      reason: z.string().nullable(),
    }),
  }),
  'audit.entities': method({
    summary: 'The entity and action names that occur in the log (for the viewer’s filters).',
    access: adminOnly,
    input: empty,
    output: z.object({ entities: z.array(z.string()), actions: z.array(z.string()) }),
  }),
};
