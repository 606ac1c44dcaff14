/**
 * Integrity of the data (issue 6 "Safekeeping"): the full check — SQLite's own page check, the
 * audit log's hash chain, and every attachment's file (missing, altered, or a file no row names)
 * — run as a job, by an administrator or weekly on its own. Each finished run is kept with its
 * problems; each problem names the records using the attachment so the paper can be rescanned.
 */
import { z } from 'zod';
import { method } from './method';
import { adminOnly } from './roles';
import { empty, idSchema, isoTimestamp } from './common';

/** A full check is due when the last one finished this long ago (or the data is this old and never checked). */
export const INTEGRITY_CHECK_INTERVAL_DAYS = 7;
/** At most this many records are kept per problem (the total is kept beside them). */
export const INTEGRITY_RECORDS_PER_PROBLEM = 50;

export const integrityProblemKinds = ['missing', 'altered', 'orphan'] as const;
export type IntegrityProblemKind = (typeof integrityProblemKinds)[number];
/** The kinds of record that hold attachments (attachment_links.owner_kind, and the direct columns). */
export const integrityRecordKinds = ['martyr', 'source', 'award', 'letter', 'household', 'plaque'] as const;

export const integrityRecordSchema = z.object({ kind: z.enum(integrityRecordKinds), id: idSchema, label: z.string() });
export type IntegrityRecord = z.infer<typeof integrityRecordSchema>;

export const integrityProblemSchema = z.object({
  id: idSchema,
  kind: z.enum(integrityProblemKinds),
  /** null for an orphan (no row names the file). */
  attachmentId: idSchema.nullable(),
  /** Relative to the data folder, e.g. attachments/ab/cd/<sha256>. */
  file: z.string(),
  size: z.number().int().nullable(),
  originalName: z.string(),
  records: z.array(integrityRecordSchema),
  recordsTotal: z.number().int(),
});
export type IntegrityProblem = z.infer<typeof integrityProblemSchema>;

export const integrityCheckSchema = z.object({
  id: idSchema,
  jobId: z.number().int().nullable(),
  trigger: z.enum(['manual', 'scheduled']),
  startedBy: z.string(),
  startedById: z.number().int().nullable(),
  startedAt: isoTimestamp,
  finishedAt: isoTimestamp,
  durationMs: z.number().int(),
  outcome: z.enum(['ok', 'problems']),
  /** PRAGMA integrity_check's messages; empty when the database's pages are sound. */
  databaseMessages: z.array(z.string()),
  audit: z.object({ ok: z.boolean(), checked: z.number().int(), firstBadId: z.number().int().nullable(), reason: z.string().nullable() }),
  filesChecked: z.number().int(),
  bytesChecked: z.number().int(),
  missing: z.number().int(),
  altered: z.number().int(),
  orphans: z.number().int(),
});
export type IntegrityCheck = z.infer<typeof integrityCheckSchema>;

/** What the job `integrity.check` answers. */
export const integrityJobResultSchema = z.object({ checkId: idSchema, outcome: z.enum(['ok', 'problems']), filesChecked: z.number().int(), bytesChecked: z.number().int(), problems: z.number().int() });
export type IntegrityJobResult = z.infer<typeof integrityJobResultSchema>;

export const integrityMethods = {
  'integrity.status': method({
    summary: 'The last full check, the one running (its job), and when the next weekly check is due.',
    access: adminOnly,
    input: empty,
    output: z.object({ last: integrityCheckSchema.nullable(), runningJobId: idSchema.nullable(), dueAt: isoTimestamp }),
  }),
  'integrity.problems': method({
    summary: 'The problems one check found, each with the records using the attachment.',
    access: adminOnly,
    input: z.strictObject({ checkId: idSchema, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(200) }),
    output: z.object({ problems: z.array(integrityProblemSchema), total: z.number().int() }),
  }),
  'integrity.check': method({
    summary: 'Start a full check now as a job (or answer the one already running).',
    access: adminOnly,
    input: empty,
    output: z.object({ jobId: idSchema }),
  }),
};
