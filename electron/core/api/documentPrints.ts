/**
 * Print jobs over the screens' data (shared/contract/documentPrints): each starts its job in the
 * caller's name, with the caller's role (set here, never by the renderer) deciding what personal
 * information of the living the document may show.
 */
import { defineHandlers, type HandlerContext } from '../context';
import type { JobKindName } from '../jobs/kinds';

function start(ctx: HandlerContext, kind: JobKindName, input: object): { jobId: number } {
  const user = ctx.requireUser();
  return { jobId: ctx.jobs.start(kind, { ...input, role: user.role }, { userId: user.id, username: user.username }).id };
}

export const documentPrintHandlers = defineHandlers({
  'documents.printPlaqueLedger': (input, ctx) => start(ctx, 'documents.plaqueLedger', input),
  'documents.printIssuanceSlip': (input, ctx) => start(ctx, 'documents.issuanceSlip', input),
  'documents.printRecordSheets': (input, ctx) => start(ctx, 'documents.recordSheets', input),
  'documents.printList': (input, ctx) => start(ctx, 'documents.list', input),
});
