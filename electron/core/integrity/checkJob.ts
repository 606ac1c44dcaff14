/**
 * The job `integrity.check`: the full check, in the job worker on its own connection (WAL lets
 * the UI's connection go on answering).
 *   1. database  — PRAGMA integrity_check (every page, index and constraint of the file);
 *   2. audit     — the audit log's hash chain, the same verification as the audit page;
 *   3. attachments — every row's file is there and hashes to its name (through the vault: the
 *      plain bytes of a sealed file; one that does not open is altered); files no row names.
 * In an encrypted installation the worker's connection holds the key, so step 1 checks the
 * decrypted pages (a page altered on disk fails its SQLCipher HMAC and is reported).
 * Progress: files checked / total (phase `integrity.attachments`) with the bytes read / the
 * bytes the rows record; the bytes read are in the result too. Nothing is written until the end, in one transaction with its audit row, so a cancel
 * (checked between files and between 1 MiB pieces) or a failure leaves no half-written result.
 */
import type { JobContext } from '../jobs/context';
import { verifyAuditChain } from '../db/auditLog';
import { attachmentFilesToCheck, attachmentUsers, databasePageCheck, insertIntegrityCheck, isCorruptionError } from '../db/integrity';
import { INTEGRITY_RECORDS_PER_PROBLEM, type IntegrityJobResult, type IntegrityProblem } from '../../../shared/contract/integrity';
import { checkAttachmentFiles, findOrphanFiles } from './files';

export interface IntegrityCheckInput {
  trigger: 'manual' | 'scheduled';
}

/** The audit page's own verification; a log whose pages cannot be read is reported as not verified. */
function auditChain(ctx: JobContext): ReturnType<typeof verifyAuditChain> {
  try {
    return verifyAuditChain(ctx.db);
  } catch (error) {
    if (!isCorruptionError(error)) throw error;
    return { ok: false, checked: 0, firstBadId: null, reason: `the audit log could not be read: ${(error as Error).message}` };
  }
}

export async function integrityCheckJob(ctx: JobContext, input: IntegrityCheckInput): Promise<IntegrityJobResult> {
  const startedAt = ctx.now();
  const started = Date.now();
  ctx.progress(0, 0, 'integrity.database');
  const databaseMessages = databasePageCheck(ctx.db);
  ctx.throwIfCancelled();

  ctx.progress(0, 0, 'integrity.audit');
  const audit = auditChain(ctx);
  ctx.throwIfCancelled();

  const rows = attachmentFilesToCheck(ctx.db);
  const totalBytes = rows.reduce((sum, r) => sum + r.size, 0);
  ctx.progress(0, rows.length, 'integrity.attachments', { done: 0, total: totalBytes });
  const files = await checkAttachmentFiles(ctx.dataDir, rows, ctx.vault, {
    throwIfCancelled: () => ctx.throwIfCancelled(),
    checked: (done, bytes) => ctx.progress(done, rows.length, 'integrity.attachments', { done: bytes, total: totalBytes }),
  });
  const orphans = await findOrphanFiles(ctx.dataDir, new Set(rows.map((r) => r.sha256)), Date.parse(ctx.now()), () => ctx.throwIfCancelled());
  ctx.throwIfCancelled();

  const problems: Omit<IntegrityProblem, 'id'>[] = [...files.problems, ...orphans].map((p) => {
    const users = p.attachment ? attachmentUsers(ctx.db, p.attachment.id, INTEGRITY_RECORDS_PER_PROBLEM) : { records: [], total: 0 };
    return { kind: p.kind, attachmentId: p.attachment?.id ?? null, file: p.file, size: p.size, originalName: p.attachment?.originalName ?? '', records: users.records, recordsTotal: users.total };
  });
  const count = (kind: IntegrityProblem['kind']) => problems.filter((p) => p.kind === kind).length;
  const outcome = databaseMessages.length === 0 && audit.ok && problems.length === 0 ? 'ok' : 'problems';
  const summary = {
    jobId: ctx.jobId,
    trigger: input.trigger,
    startedById: ctx.actor.userId,
    startedAt,
    finishedAt: ctx.now(),
    durationMs: Date.now() - started,
    outcome,
    databaseMessages,
    audit,
    filesChecked: files.files,
    bytesChecked: files.bytes,
    missing: count('missing'),
    altered: count('altered'),
    orphans: count('orphan'),
  } as const;
  ctx.throwIfCancelled();
  const checkId = ctx.write((record) => {
    const id = insertIntegrityCheck(ctx.db, { ...summary, problems });
    record({
      entity: 'integrity',
      entityId: id,
      action: 'check',
      after: {
        trigger: summary.trigger,
        outcome,
        durationMs: summary.durationMs,
        databaseProblems: databaseMessages.length,
        auditOk: audit.ok,
        auditFirstBadId: audit.firstBadId,
        filesChecked: summary.filesChecked,
        bytesChecked: summary.bytesChecked,
        missing: summary.missing,
        altered: summary.altered,
        orphans: summary.orphans,
      },
    });
    return id;
  });
  return { checkId, outcome, filesChecked: files.files, bytesChecked: files.bytes, problems: problems.length + databaseMessages.length + (audit.ok ? 0 : 1) };
}
