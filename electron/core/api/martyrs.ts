/**
 * The martyrs' roll: key in, correct with history, submit, verify or return, recycle bin,
 * search and list. Every change writes the record, its search text, a history entry and an
 * audit row in one transaction.
 */
import { defineHandlers, type HandlerContext } from '../context';
import { CoreError, notFound } from '../errors';
import { getDivision } from '../db/divisions';
import { appendMartyrHistory, getMartyr, insertMartyr, listMartyrHistory, markMerged, removeMartyrSearchText, setMartyrDeleted, setMartyrStatus, updateMartyr, writeMartyrSearchText } from '../db/martyrs';
import { listMartyrs, suggestValues } from '../db/martyrSearch';
import { prepareMartyr, searchText } from '../martyrs/fields';
import { diffRecords, fieldsOf } from '../martyrs/record';
import { decodeCursor, encodeCursor, queryFromSearch } from '../martyrs/search';
import { readExport } from '../martyrs/exportJob';
import { seekMartyrs } from '../martyrs/seek';
import { findDuplicates } from '../martyrs/duplicates';
import { COUNT_CAP, martyrFieldsSchema, type Martyr, type MartyrStatus } from '../../../shared/contract';

const missing = () => notFound({ zh: '该烈士记录', en: 'The martyr record' });

function load(ctx: HandlerContext, id: number): Martyr {
  const found = getMartyr(ctx.db, id, (code) => (code ? (getDivision(ctx.db, code)?.fullName ?? null) : null));
  if (!found) throw missing();
  return found;
}

function mustBeLive(m: Martyr): void {
  if (m.deletedAt) throw new CoreError('CONFLICT', { zh: '该记录在回收站中，请先恢复。', en: 'The record is in the recycle bin; restore it first.' });
}

/** Changes status with its history entry and audit row; false when the record is not in a `from` state. */
function transition(ctx: HandlerContext, id: number, from: MartyrStatus[], to: MartyrStatus, action: string, reason: string | null, audit: (r: { entity: string; entityId: number; action: string; before?: unknown; after?: unknown }) => void): boolean {
  const before = getMartyr(ctx.db, id, () => null);
  if (!before || before.deletedAt || !from.includes(before.status)) return false;
  const user = ctx.requireUser();
  setMartyrStatus(ctx.db, id, to, to === 'returned' ? reason : null, user.id, ctx.now());
  appendMartyrHistory(ctx.db, { martyrId: id, version: before.version + 1, at: ctx.now(), userId: user.id, action, reason, changes: [{ field: 'status', before: before.status, after: to }] });
  audit({ entity: 'martyr', entityId: id, action, before: { status: before.status }, after: { status: to, reason } });
  return true;
}

export const martyrHandlers = defineHandlers({
  'martyrs.create': (input, ctx) => {
    const user = ctx.requireUser();
    const prepared = prepareMartyr(ctx.db, input);
    const id = ctx.write((audit) => {
      const newId = insertMartyr(ctx.db, prepared, user.id, ctx.now());
      writeMartyrSearchText(ctx.db, newId, searchText(prepared));
      const created = load(ctx, newId);
      appendMartyrHistory(ctx.db, { martyrId: newId, version: 1, at: ctx.now(), userId: user.id, action: 'create', reason: null, changes: diffRecords(null, created) });
      audit({ entity: 'martyr', entityId: newId, action: 'create', after: fieldsOf(created) });
      return newId;
    });
    return load(ctx, id);
  },

  'martyrs.get': (input, ctx) => load(ctx, input.id),

  'martyrs.update': (input, ctx) => {
    const user = ctx.requireUser();
    const current = load(ctx, input.id);
    mustBeLive(current);
    if (current.version !== input.expectedVersion) {
      throw new CoreError('CONFLICT', {
        zh: `该记录已被${current.updatedBy || '他人'}于 ${current.updatedAt} 修改，请刷新后再改。`,
        en: `The record was changed by ${current.updatedBy || 'someone else'} at ${current.updatedAt}; reload it before editing.`,
      });
    }
    if (current.status === 'verified' && input.reason === '') {
      throw new CoreError('VALIDATION', { zh: '修改已审核的记录须说明原因。', en: 'Say why you are changing a verified record.' }, [{ path: 'reason', message: { zh: '请填写修改原因', en: 'A reason is required' } }]);
    }
    const merged = martyrFieldsSchema.parse({ ...fieldsOf(current), ...input.fields });
    const prepared = prepareMartyr(ctx.db, merged);
    return ctx.write((audit) => {
      updateMartyr(ctx.db, current.id, current.personId, prepared, user.id, ctx.now());
      // A clerk's correction of a verified record goes back to the reviewer.
      if (current.status === 'verified' && user.role === 'clerk') setMartyrStatus(ctx.db, current.id, 'submitted', null, user.id, ctx.now());
      writeMartyrSearchText(ctx.db, current.id, searchText(prepared));
      const after = load(ctx, current.id);
      const changes = diffRecords(current, after);
      if (after.status !== current.status) changes.push({ field: 'status', before: current.status, after: after.status });
      appendMartyrHistory(ctx.db, { martyrId: current.id, version: after.version, at: ctx.now(), userId: user.id, action: 'update', reason: input.reason || null, changes });
      audit({ entity: 'martyr', entityId: current.id, action: 'update', before: Object.fromEntries(changes.map((c) => [c.field, c.before])), after: { ...Object.fromEntries(changes.map((c) => [c.field, c.after])), reason: input.reason || null } });
      return after;
    });
  },

  'martyrs.submit': (input, ctx) => ({
    changed: ctx.write((audit) => {
      const changed = input.ids.filter((id) => transition(ctx, id, ['draft', 'returned'], 'submitted', 'submit', null, audit)).length;
      if (changed === 0) audit({ entity: 'martyr', entityId: input.ids[0]!, action: 'submit', after: { changed: 0 } });
      return changed;
    }),
  }),

  'martyrs.verify': (input, ctx) => ({
    changed: ctx.write((audit) => {
      const changed = input.ids.filter((id) => transition(ctx, id, ['submitted'], 'verified', 'verify', null, audit)).length;
      if (changed === 0) audit({ entity: 'martyr', entityId: input.ids[0]!, action: 'verify', after: { changed: 0 } });
      return changed;
    }),
  }),

  'martyrs.return': (input, ctx) => {
    const current = load(ctx, input.id);
    mustBeLive(current);
    if (current.status !== 'submitted' && current.status !== 'verified') {
      throw new CoreError('CONFLICT', { zh: '只有已提交或已审核的记录可以退回。', en: 'Only submitted or verified records can be returned.' });
    }
    ctx.write((audit) => transition(ctx, input.id, ['submitted', 'verified'], 'returned', 'return', input.reason, audit));
    return load(ctx, input.id);
  },

  'martyrs.delete': (input, ctx) => {
    const user = ctx.requireUser();
    const current = load(ctx, input.id);
    mustBeLive(current);
    ctx.write((audit) => {
      setMartyrDeleted(ctx.db, input.id, { at: ctx.now(), userId: user.id, reason: input.reason }, ctx.now());
      removeMartyrSearchText(ctx.db, input.id);
      appendMartyrHistory(ctx.db, { martyrId: input.id, version: current.version + 1, at: ctx.now(), userId: user.id, action: 'delete', reason: input.reason, changes: [] });
      audit({ entity: 'martyr', entityId: input.id, action: 'delete', before: fieldsOf(current), after: { reason: input.reason } });
    });
    return load(ctx, input.id);
  },

  'martyrs.restore': (input, ctx) => {
    const user = ctx.requireUser();
    const current = load(ctx, input.id);
    if (!current.deletedAt) return current;
    const prepared = prepareMartyr(ctx.db, fieldsOf(current));
    ctx.write((audit) => {
      setMartyrDeleted(ctx.db, input.id, null, ctx.now());
      writeMartyrSearchText(ctx.db, input.id, searchText(prepared));
      appendMartyrHistory(ctx.db, { martyrId: input.id, version: current.version + 1, at: ctx.now(), userId: user.id, action: 'restore', reason: null, changes: [] });
      audit({ entity: 'martyr', entityId: input.id, action: 'restore' });
    });
    return load(ctx, input.id);
  },

  'martyrs.merge': (input, ctx) => {
    const user = ctx.requireUser();
    if (input.keepId === input.mergeId) throw new CoreError('VALIDATION', { zh: '不能把记录与自己合并。', en: 'A record cannot be merged with itself.' });
    const keep = load(ctx, input.keepId);
    const other = load(ctx, input.mergeId);
    mustBeLive(keep);
    mustBeLive(other);
    if (keep.version !== input.keepVersion || other.version !== input.mergeVersion) {
      throw new CoreError('CONFLICT', { zh: '合并期间记录已被修改，请重新比对。', en: 'One of the records changed meanwhile; compare them again.' });
    }
    const merged = martyrFieldsSchema.parse({ ...fieldsOf(keep), ...input.fields });
    const prepared = prepareMartyr(ctx.db, merged);
    return ctx.write((audit) => {
      updateMartyr(ctx.db, keep.id, keep.personId, prepared, user.id, ctx.now());
      if (keep.status === 'verified' && user.role === 'clerk') setMartyrStatus(ctx.db, keep.id, 'submitted', null, user.id, ctx.now());
      writeMartyrSearchText(ctx.db, keep.id, searchText(prepared));
      markMerged(ctx.db, other.id, keep.id, user.id, ctx.now());
      removeMartyrSearchText(ctx.db, other.id);
      const after = load(ctx, keep.id);
      const changes = [...diffRecords(keep, after), { field: 'mergedFrom', before: null, after: other.id }];
      appendMartyrHistory(ctx.db, { martyrId: keep.id, version: after.version, at: ctx.now(), userId: user.id, action: 'merge', reason: input.reason, changes });
      appendMartyrHistory(ctx.db, { martyrId: other.id, version: other.version + 1, at: ctx.now(), userId: user.id, action: 'mergedInto', reason: input.reason, changes: [{ field: 'mergedInto', before: null, after: keep.id }] });
      audit({ entity: 'martyr', entityId: keep.id, action: 'merge', before: fieldsOf(keep), after: { ...fieldsOf(after), mergedFrom: other.id, reason: input.reason } });
      audit({ entity: 'martyr', entityId: other.id, action: 'delete', before: fieldsOf(other), after: { mergedInto: keep.id, reason: input.reason } });
      return after;
    });
  },

  'martyrs.history': (input, ctx) => {
    load(ctx, input.id);
    return listMartyrHistory(ctx.db, input.id);
  },

  'martyrs.search': (input, ctx) => {
    const page = listMartyrs(ctx.db, queryFromSearch(input, input.limit, decodeCursor(input.after)), COUNT_CAP);
    return { rows: page.rows, count: page.count, countCapped: page.countCapped, nextCursor: encodeCursor(page.nextCursor) };
  },

  'martyrs.seek': (input, ctx) => seekMartyrs(ctx.db, input, COUNT_CAP),

  'martyrs.export': (input, ctx) => {
    const user = ctx.requireUser();
    const job = ctx.jobs.start('martyrs.export', input, { userId: user.id, username: user.username });
    return { jobId: job.id };
  },

  'exports.file': async (input, ctx) => {
    const job = ctx.jobs.get(input.jobId);
    const result = job.result as { file?: string } | null;
    if (job.status !== 'done' || !result?.file) throw notFound({ zh: '该任务导出的文件', en: 'The file of this export' });
    const file = await readExport(ctx.dataDir, result.file, ctx.vault);
    ctx.write((audit) => audit({ entity: 'export', entityId: input.jobId, action: 'export', after: { kind: job.kind, file: result.file, bytes: file.length } }));
    return { fileName: result.file.split('/').pop()!, dataBase64: file.toString('base64') };
  },

  'martyrs.reviewQueue': (input, ctx) => {
    const page = listMartyrs(ctx.db, { match: null, status: 'submitted', deleted: false, sort: 'queue', limit: input.limit, after: decodeCursor(input.after) }, COUNT_CAP);
    return { rows: page.rows, count: page.count, countCapped: page.countCapped, nextCursor: encodeCursor(page.nextCursor) };
  },

  'martyrs.suggest': (input, ctx) => suggestValues(ctx.db, input.field, input.prefix, input.limit),

  'martyrs.duplicates': (input, ctx) => {
    const fields = martyrFieldsSchema.parse({ name: '', ...input.fields });
    if (fields.name.trim() === '') return [];
    try {
      return findDuplicates(ctx.db, prepareMartyr(ctx.db, { ...fields, sourceId: null, nativePlaceCode: null, deathPlaceCode: null }), input.excludeId ?? null);
    } catch (error) {
      if (error instanceof CoreError && error.code === 'VALIDATION') return [];
      throw error;
    }
  },
});
