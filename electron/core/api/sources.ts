/** Sources: the registers, printed rolls and certificates records are keyed from. */
import { defineHandlers } from '../context';
import { notFound } from '../errors';
import { getSource, insertSource, listSources, updateSource } from '../db/sources';
import { getAttachment, linkAttachment, listLinkedAttachments, unlinkAttachment } from '../db/attachments';
import type { HandlerContext } from '../context';

function sourceOr404(ctx: HandlerContext, id: number) {
  const source = getSource(ctx.db, id);
  if (!source) throw notFound({ zh: '该来源', en: 'The source' });
  return source;
}

const scansOf = (ctx: HandlerContext, sourceId: number) =>
  listLinkedAttachments(ctx.db, { kind: 'source', id: sourceId }).map((l) => ({ position: l.position, label: l.label, attachment: l.attachment }));

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
  'sources.scans': (input, ctx) => {
    sourceOr404(ctx, input.sourceId);
    return scansOf(ctx, input.sourceId);
  },
  'sources.attachScans': (input, ctx) => {
    const user = ctx.requireUser();
    sourceOr404(ctx, input.sourceId);
    for (const id of input.attachmentIds) if (!getAttachment(ctx.db, id)) throw notFound({ zh: `附件 #${id}`, en: `Attachment #${id}` });
    ctx.write((audit) => {
      const added = input.attachmentIds.filter((id) => linkAttachment(ctx.db, { kind: 'source', id: input.sourceId }, id, { at: ctx.now(), by: user.id }).inserted);
      audit({ entity: 'source', entityId: input.sourceId, action: 'update', after: { scansAdded: added } });
    });
    return scansOf(ctx, input.sourceId);
  },
  'sources.detachScan': (input, ctx) => {
    sourceOr404(ctx, input.sourceId);
    return {
      removed: ctx.write((audit) => {
        const removed = unlinkAttachment(ctx.db, { kind: 'source', id: input.sourceId }, input.attachmentId);
        audit({ entity: 'source', entityId: input.sourceId, action: 'update', after: { scanRemoved: input.attachmentId, removed } });
        return removed;
      }),
    };
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
