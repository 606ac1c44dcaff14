/** Long work in progress: read it, list it, cancel it. */
import { defineHandlers } from '../context';
import { CoreError } from '../errors';

export const jobHandlers = defineHandlers({
  'jobs.get': (input, ctx) => ctx.jobs.get(input.id),
  'jobs.list': (input, ctx) => ctx.jobs.list(input.limit),
  'jobs.cancel': (input, ctx) => {
    const user = ctx.requireUser();
    const job = ctx.jobs.get(input.id);
    if (job.startedById !== user.id && user.role !== 'admin') {
      throw new CoreError('FORBIDDEN', { zh: '只能取消自己启动的任务。', en: 'You can only cancel jobs you started.' });
    }
    return ctx.jobs.cancel(input.id);
  },
});
