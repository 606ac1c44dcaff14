/** Integrity of the data: the last full check and its problems, and starting one now (admin). */
import { defineHandlers } from '../context';
import { notFound } from '../errors';
import { integrityCheckExists, lastIntegrityCheck, listIntegrityProblems } from '../db/integrity';
import { integrityDueAt, runningIntegrityJob, startIntegrityCheck } from '../integrity/schedule';

export const integrityHandlers = defineHandlers({
  'integrity.status': (_input, ctx) => ({
    last: lastIntegrityCheck(ctx.db) ?? null,
    runningJobId: runningIntegrityJob(ctx.db, ctx.jobs),
    dueAt: integrityDueAt(ctx.db, ctx.nowMs()),
  }),
  'integrity.problems': (input, ctx) => {
    if (!integrityCheckExists(ctx.db, input.checkId)) throw notFound({ zh: '该次检查', en: 'The check' });
    return listIntegrityProblems(ctx.db, input.checkId, input.offset, input.limit);
  },
  'integrity.check': (_input, ctx) => {
    const user = ctx.requireUser();
    return { jobId: startIntegrityCheck(ctx.db, ctx.jobs, 'manual', { userId: user.id, username: user.username }) };
  },
});
