/**
 * Honors: the award register (awards.*), award classes with their deadline days and deliverers
 * (awardClasses.*), the office calendar of holidays and 调休 days (calendar.*), and the
 * good-news letters that follow the awards (letters.*, in ./letters.ts). Every write is one
 * transaction with its audit row.
 */
import { defineHandlers } from '../context';
import { CoreError, notFound } from '../errors';
import { findAwardClassByName, getAwardClass, insertAwardClass, listAwardClasses, listCalendarDays, setCalendarDay, updateAwardClass } from '../db/awardClasses';
import { getAward, insertAward, listAwards, touchAward, updateAward } from '../db/awards';
import { getAttachment, linkAttachment, unlinkAttachment } from '../db/attachments';
import { addDays } from '../../../shared/rules/workingDays';
import { rescheduleOpenLetters } from '../honors/deadlines';
import { awardColumns, checkAwardFields, keptIdNumber, loadAward, missingAward } from '../honors/awardView';
import { letterHandlers } from './letters';

const classHandlers = defineHandlers({
  'awardClasses.list': (_input, ctx) => listAwardClasses(ctx.db),

  'awardClasses.save': (input, ctx) => {
    const current = input.id === undefined ? undefined : getAwardClass(ctx.db, input.id);
    if (input.id !== undefined && !current) throw notFound({ zh: '该奖励类别', en: 'The award class' });
    const clash = findAwardClassByName(ctx.db, input.name);
    if (clash && clash.id !== input.id) throw new CoreError('CONFLICT', { zh: `已有奖励类别“${input.name}”。`, en: `There is already an award class “${input.name}”.` });
    const columns = { name: input.name, deadlineDays: input.deadlineDays, deliverers: input.deliverers ?? current?.deliverers ?? '', active: input.active ?? current?.active ?? true };
    const id = ctx.write((audit) => {
      if (current) {
        updateAwardClass(ctx.db, current.id, columns, ctx.now());
        const moved = current.deadlineDays !== input.deadlineDays ? rescheduleOpenLetters(ctx.db, current.id) : 0;
        audit({ entity: 'awardClass', entityId: current.id, action: 'update', before: { name: current.name, deadlineDays: current.deadlineDays, deliverers: current.deliverers, active: current.active }, after: { ...columns, lettersRescheduled: moved } });
        return current.id;
      }
      const newId = insertAwardClass(ctx.db, columns, ctx.now());
      audit({ entity: 'awardClass', entityId: newId, action: 'create', after: columns });
      return newId;
    });
    return getAwardClass(ctx.db, id)!;
  },

  'calendar.list': (input, ctx) => listCalendarDays(ctx.db, `${input.year}-01-01`, `${input.year}-12-31`),

  'calendar.set': (input, ctx) =>
    ctx.write((audit) => {
      let changed = 0;
      for (let day = input.from; day <= input.to; day = addDays(day, 1)) if (setCalendarDay(ctx.db, day, input.kind, input.name)) changed++;
      const lettersRescheduled = changed > 0 ? rescheduleOpenLetters(ctx.db) : 0;
      audit({ entity: 'calendar', entityId: `${input.from}..${input.to}`, action: input.kind === null ? 'clear' : 'set', after: { ...input, changed, lettersRescheduled } });
      return { changed, lettersRescheduled };
    }),
});

const awardHandlers = defineHandlers({
  'awards.create': (input, ctx) => {
    const user = ctx.requireUser();
    const checked = checkAwardFields(ctx, input);
    const id = ctx.write((audit) => {
      const columns = awardColumns(ctx, input, checked, null);
      const newId = insertAward(ctx.db, columns, user.id, ctx.now());
      audit({ entity: 'award', entityId: newId, action: 'create', after: { ...columns, recipientName: input.recipient.name } });
      return newId;
    });
    return loadAward(ctx, id);
  },

  'awards.get': (input, ctx) => loadAward(ctx, input.id),

  'awards.update': (input, ctx) => {
    const user = ctx.requireUser();
    const current = getAward(ctx.db, input.id);
    if (!current) throw missingAward();
    if (current.version !== input.expectedVersion) {
      throw new CoreError('CONFLICT', {
        zh: `该奖励记录已被${current.updatedBy || '他人'}于 ${current.updatedAt} 修改，请刷新后再改。`,
        en: `The award was changed by ${current.updatedBy || 'someone else'} at ${current.updatedAt}; reload it before editing.`,
      });
    }
    // A clerk's form carries the masked ID number back: the stored one is kept, not overwritten.
    const fields = keptIdNumber(ctx, current, input.fields);
    const checked = checkAwardFields(ctx, fields, current.classId);
    ctx.write((audit) => {
      const columns = awardColumns(ctx, fields, checked, current.recipientKind === 'person' ? current.personId : null);
      updateAward(ctx.db, current.id, columns, user.id, ctx.now());
      if (columns.classId !== current.classId) rescheduleOpenLetters(ctx.db, columns.classId);
      const before = Object.fromEntries(Object.entries(columns).map(([k]) => [k, current[k as keyof typeof columns]]));
      audit({ entity: 'award', entityId: current.id, action: 'update', before: { ...before, recipientName: current.personName ?? current.unitName }, after: { ...columns, recipientName: input.fields.recipient.name } });
    });
    return loadAward(ctx, current.id);
  },

  'awards.list': (input, ctx) => listAwards(ctx.db, input),

  'awards.attach': (input, ctx) => {
    const user = ctx.requireUser();
    if (!getAward(ctx.db, input.awardId)) throw missingAward();
    for (const id of input.attachmentIds) if (!getAttachment(ctx.db, id)) throw notFound({ zh: `附件 ${id}`, en: `Attachment ${id}` });
    ctx.write((audit) => {
      for (const id of input.attachmentIds) linkAttachment(ctx.db, { kind: 'award', id: input.awardId }, id, { label: input.label, at: ctx.now(), by: user.id });
      touchAward(ctx.db, input.awardId, user.id, ctx.now());
      audit({ entity: 'award', entityId: input.awardId, action: 'attach', after: { attachmentIds: input.attachmentIds, label: input.label } });
    });
    return loadAward(ctx, input.awardId);
  },

  'awards.detach': (input, ctx) => {
    const user = ctx.requireUser();
    if (!getAward(ctx.db, input.awardId)) throw missingAward();
    ctx.write((audit) => {
      const removed = unlinkAttachment(ctx.db, { kind: 'award', id: input.awardId }, input.attachmentId);
      if (removed) touchAward(ctx.db, input.awardId, user.id, ctx.now());
      audit({ entity: 'award', entityId: input.awardId, action: 'detach', before: { attachmentId: input.attachmentId }, after: { removed } });
    });
    return loadAward(ctx, input.awardId);
  },
});

export const honorHandlers = { ...classHandlers, ...awardHandlers, ...letterHandlers };
