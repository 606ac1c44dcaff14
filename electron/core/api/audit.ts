/** The audit log viewer and its verification. Reading the log is itself not logged; exports will be. */
import { defineHandlers } from '../context';
import { auditVocabulary, queryAudit, verifyAuditChain } from '../db/auditLog';

/** Dates in the filter are local calendar days of the office; stored times are UTC ISO. */
function dayStart(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString();
}
function dayEnd(day: string): string {
  return new Date(`${day}T23:59:59.999`).toISOString();
}

export const auditHandlers = defineHandlers({
  'audit.list': (input, ctx) => {
    const { entries, total } = queryAudit(ctx.db, {
      userId: input.userId,
      entity: input.entity,
      entityId: input.entityId,
      action: input.action,
      fromAt: input.from ? dayStart(input.from) : undefined,
      toAt: input.to ? dayEnd(input.to) : undefined,
      beforeId: input.beforeId,
      limit: input.limit,
    });
    const last = entries.at(-1);
    return { entries, total, nextBeforeId: entries.length === input.limit && last ? last.id : null };
  },
  'audit.verify': (_input, ctx) => verifyAuditChain(ctx.db),
  'audit.entities': (_input, ctx) => auditVocabulary(ctx.db),
});
