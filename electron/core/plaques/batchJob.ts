/**
 * The yearly round as a job: every plaque of a village (or township) in the right status is
 * marked issued (新发, delivered) or hung in ONE write transaction, one audit row per household.
 * Cancelling, or any refusal, rolls the whole batch back: nothing half-marked, ever.
 */
import type { JobContext } from '../jobs/context';
import { plaquesForBatch } from '../db/plaques';
import { divisionPrefix } from '../../../shared/rules/divisionCode';
import { stepPlaque } from './lifecycle';
import { CoreError } from '../errors';
import type { PlaqueBatchResult } from '../../../shared/contract/plaques';

export interface PlaqueBatchInput {
  divisionCode: string;
  action: 'issue' | 'hang';
  date: string;
  place: string;
  signatureAttachmentId: number | null;
  householdIds?: number[] | undefined;
}

export function plaqueBatchJob(ctx: JobContext, input: PlaqueBatchInput): PlaqueBatchResult {
  const prefix = divisionPrefix(input.divisionCode);
  if (prefix === null) throw new CoreError('VALIDATION', { zh: '区划代码无效。', en: 'The division code is not valid.' });
  return ctx.write((audit) => {
    const targets = plaquesForBatch(ctx.db, prefix, input.action === 'issue' ? 'made' : 'issued', input.householdIds ?? null);
    const total = targets.length;
    ctx.progress(0, total, 'marking');
    let done = 0;
    for (const t of targets) {
      ctx.throwIfCancelled();
      stepPlaque(ctx.db, { userId: ctx.actor.userId, at: ctx.now() }, audit, {
        plaqueId: t.plaqueId,
        expectedVersion: t.version,
        action: input.action,
        date: input.date,
        change: input.action === 'issue' ? { issuedDate: input.date } : { hungDate: input.date, hungPlace: input.place, ...(input.signatureAttachmentId ? { signatureAttachmentId: input.signatureAttachmentId } : {}) },
        attachmentId: input.action === 'hang' ? input.signatureAttachmentId : null,
        jobId: ctx.jobId,
      });
      done++;
      ctx.progress(done, total, 'marking');
    }
    ctx.throwIfCancelled();
    if (total === 0) audit({ entity: 'plaqueBatch', entityId: ctx.jobId, action: input.action, after: { divisionCode: input.divisionCode, changed: 0 } });
    const requested = input.householdIds?.length ?? total;
    return { changed: done, skipped: Math.max(0, requested - done) };
  });
}
