/** Sources: the registers, printed rolls and certificates records are keyed from. */
import { defineHandlers } from '../context';
import { notFound } from '../errors';
import { getSource, insertSource, listSources, updateSource } from '../db/sources';

export const sourceHandlers = defineHandlers({
  'sources.list': (_input, ctx) => listSources(ctx.db),
  'sources.create': (input, ctx) => {
    const user = ctx.requireUser();
    return ctx.write((audit) => {
      const source = insertSource(ctx.db, { ...input, userId: user.id, at: ctx.now() });
      audit({ entity: 'source', entityId: source.id, action: 'create', after: source });
      return source;
    });
  },
  'sources.update': (input, ctx) =>
    ctx.write((audit) => {
      const before = getSource(ctx.db, input.id);
      if (!before) throw notFound({ zh: '该来源', en: 'The source' });
      updateSource(ctx.db, input.id, input, ctx.now());
      const after = getSource(ctx.db, input.id)!;
      audit({ entity: 'source', entityId: input.id, action: 'update', before, after });
      return after;
    }),
});
