/**
 * Good-news letters (喜报): one per award and family, received → registered → verified →
 * delivered → feedback (shared/rules/letterState.ts says which moves are legal and why not),
 * due a number of working days after receipt. Each move writes the letter, a lifecycle event
 * and an audit row in one transaction.
 */
import { defineHandlers, type AuditRecord, type HandlerContext } from '../context';
import { CoreError, notFound } from '../errors';
import { getAward } from '../db/awards';
import { getAwardClass } from '../db/awardClasses';
import { getAttachment, linkAttachment, listLinkedAttachments } from '../db/attachments';
import { getDivision } from '../db/divisions';
import { appendLetterEvent, getLetter, insertLetter, isDuplicateLetterError, listLetterEvents, listLetters, liveLetterOfAward, setLetterStatus, touchLetter, type LetterChange, type LetterRecord } from '../db/goodNewsLetters';
import { checkDelivery, letterActionsFrom, letterMove, type LetterAction } from '../../../shared/rules/letterState';
import { DUE_SOON_WORKING_DAYS } from '../../../shared/contract/honors';
import type { Letter } from '../../../shared/contract';
import { dueDate, familyContactFor, letterRows, officeDay } from '../honors/deadlines';
import { dueSoonTo, letterListQuery, yesterday } from '../honors/letterList';

const missingLetter = () => notFound({ zh: '该喜报', en: 'The good-news letter' });

function record(ctx: HandlerContext, id: number): LetterRecord {
  const l = getLetter(ctx.db, id);
  if (!l) throw missingLetter();
  return l;
}

function loadLetter(ctx: HandlerContext, id: number): Letter {
  const l = record(ctx, id);
  const award = getAward(ctx.db, l.awardId)!;
  const row = letterRows(ctx.db, [l], officeDay(ctx.nowMs()), ctx.user?.role)[0]!;
  return {
    ...row,
    version: l.version,
    familyRelation: l.familyRelation,
    familyDivisionCode: l.familyDivisionCode,
    familyDivisionName: l.familyDivisionCode ? (getDivision(ctx.db, l.familyDivisionCode)?.fullName ?? null) : null,
    familyPhone: familyContactFor(l, ctx.user?.role).familyPhone,
    deliverers: l.deliverers,
    deliveredBy: l.deliveredBy,
    deliveredWith: l.deliveredWith,
    deliveryNote: l.deliveryNote,
    feedbackOn: l.feedbackOn,
    feedback: l.feedback,
    returnReason: l.returnReason,
    cancelReason: l.cancelReason,
    deadlineDays: l.deadlineDays,
    award: {
      id: award.id,
      recipientKind: award.recipientKind,
      recipientName: award.personName ?? award.unitName,
      className: award.className,
      authority: award.authority,
      orderNo: award.orderNo,
      awardDate: award.awardDate,
      soldierUnit: award.soldierUnit,
      letterId: l.status === 'cancelled' ? null : l.id,
      letterStatus: l.status === 'cancelled' ? null : l.status,
    },
    photos: listLinkedAttachments(ctx.db, { kind: 'letter', id }).map((p) => ({ position: p.position, label: p.label, attachment: p.attachment })),
    events: listLetterEvents(ctx.db, id),
    actions: letterActionsFrom(l.status),
  };
}

function duplicate(ctx: HandlerContext, existing: LetterRecord | undefined): CoreError {
  const address = existing ? familyContactFor(existing, ctx.user?.role).familyAddress : '';
  const where = existing ? `（第 ${existing.id} 号，送往${address}）` : '';
  const whereEn = existing ? ` (no. ${existing.id}, to ${address})` : '';
  return new CoreError('CONFLICT', {
    zh: `该奖励已有一份喜报${where}，一项奖励只送一份喜报，不能再登记第二份。如原喜报登记有误（如地址写错），请先将其作废再重新登记。`,
    en: `This award already has a good-news letter${whereEn}; an award gets one letter, so a second is refused. If the first one was keyed in wrongly (a wrong address, say), cancel it first and register it again.`,
  });
}

function mustExistAttachments(ctx: HandlerContext, ids: number[]): void {
  for (const id of ids) if (!getAttachment(ctx.db, id)) throw notFound({ zh: `附件 ${id}`, en: `Attachment ${id}` });
}

/** One lifecycle move: the rule decides, then the letter, its event and the audit row are written together. */
function move(ctx: HandlerContext, id: number, action: LetterAction, change: LetterChange, reason: string | null, extra?: (audit: (r: AuditRecord) => void) => void): Letter {
  const user = ctx.requireUser();
  const current = record(ctx, id);
  const allowed = letterMove(current.status, action);
  if (!allowed.ok) throw new CoreError('CONFLICT', allowed.reason);
  ctx.write((audit) => {
    if (!setLetterStatus(ctx.db, id, current.status, allowed.to, change, user.id, ctx.now())) {
      throw new CoreError('CONFLICT', { zh: '该喜报刚被他人办理，请刷新后再试。', en: 'Someone else just changed this letter; reload it and try again.' });
    }
    appendLetterEvent(ctx.db, { letterId: id, at: ctx.now(), userId: user.id, action, fromStatus: current.status, toStatus: allowed.to, reason, details: change });
    audit({ entity: 'letter', entityId: id, action, before: { status: current.status }, after: { status: allowed.to, ...change, reason } });
    extra?.(audit);
  });
  return loadLetter(ctx, id);
}

export const letterHandlers = defineHandlers({
  'letters.create': (input, ctx) => {
    const user = ctx.requireUser();
    const award = getAward(ctx.db, input.awardId);
    if (!award) throw notFound({ zh: '该奖励记录', en: 'The award' });
    const today = officeDay(ctx.nowMs());
    if (input.receivedOn > today) throw new CoreError('VALIDATION', { zh: `收到日期 ${input.receivedOn} 晚于今天。`, en: `The date of receipt ${input.receivedOn} is in the future.` }, [{ path: 'receivedOn', message: { zh: '不能晚于今天', en: 'Not after today' } }]);
    if (input.familyDivisionCode && !getDivision(ctx.db, input.familyDivisionCode)) throw new CoreError('VALIDATION', { zh: '没有这个行政区划。', en: 'There is no such division.' });
    const existing = liveLetterOfAward(ctx.db, award.id);
    if (existing) throw duplicate(ctx, existing);
    const cls = getAwardClass(ctx.db, award.classId)!;
    let id: number;
    try {
      id = ctx.write((audit) => {
        const dueOn = dueDate(ctx.db, input.receivedOn, cls.deadlineDays);
        const deliverers = input.deliverers || cls.deliverers;
        const newId = insertLetter(ctx.db, { ...input, deliverers, dueOn }, user.id, ctx.now());
        appendLetterEvent(ctx.db, { letterId: newId, at: ctx.now(), userId: user.id, action: 'receive', fromStatus: null, toStatus: 'received', reason: null });
        audit({ entity: 'letter', entityId: newId, action: 'create', after: { ...input, deliverers, dueOn, deadlineDays: cls.deadlineDays } });
        return newId;
      });
    } catch (error) {
      // Two clerks registering the same letter at once: the unique index has the last word.
      if (isDuplicateLetterError(error)) throw duplicate(ctx, liveLetterOfAward(ctx.db, award.id));
      throw error;
    }
    return loadLetter(ctx, id);
  },

  'letters.get': (input, ctx) => loadLetter(ctx, input.id),
  'letters.register': (input, ctx) => move(ctx, input.id, 'register', { returnReason: null }, null),
  'letters.verify': (input, ctx) => move(ctx, input.id, 'verify', {}, null),
  'letters.return': (input, ctx) => move(ctx, input.id, 'return', { returnReason: input.reason }, input.reason),

  'letters.deliver': (input, ctx) => {
    const user = ctx.requireUser();
    const current = record(ctx, input.id);
    const allowed = letterMove(current.status, 'deliver');
    if (!allowed.ok) throw new CoreError('CONFLICT', allowed.reason);
    const problem = checkDelivery({ deliveredOn: input.deliveredOn, receivedOn: current.receivedOn, today: officeDay(ctx.nowMs()), deliveredBy: input.deliveredBy });
    if (problem) throw new CoreError('VALIDATION', problem, [{ path: 'deliveredOn', message: problem }]);
    mustExistAttachments(ctx, input.photoAttachmentIds);
    const change = { deliveredOn: input.deliveredOn, deliveredBy: input.deliveredBy, deliveredWith: input.deliveredWith, deliveryNote: input.note };
    return move(ctx, input.id, 'deliver', change, null, () => {
      for (const a of input.photoAttachmentIds) linkAttachment(ctx.db, { kind: 'letter', id: input.id }, a, { label: 'delivery', at: ctx.now(), by: user.id });
    });
  },

  'letters.feedback': (input, ctx) => {
    const current = record(ctx, input.id);
    // The state machine first: feedback on a letter not delivered is refused for that, not for its date.
    const allowed = letterMove(current.status, 'feedback');
    if (!allowed.ok) throw new CoreError('CONFLICT', allowed.reason);
    if (current.deliveredOn && input.feedbackOn < current.deliveredOn) {
      throw new CoreError('VALIDATION', { zh: `反馈日期 ${input.feedbackOn} 早于送达日期 ${current.deliveredOn}。`, en: `The feedback date ${input.feedbackOn} is before the delivery (${current.deliveredOn}).` });
    }
    if (input.feedbackOn > officeDay(ctx.nowMs())) throw new CoreError('VALIDATION', { zh: `反馈日期 ${input.feedbackOn} 晚于今天。`, en: `The feedback date ${input.feedbackOn} is in the future.` });
    return move(ctx, input.id, 'feedback', { feedbackOn: input.feedbackOn, feedback: input.feedback }, null);
  },

  'letters.cancel': (input, ctx) => move(ctx, input.id, 'cancel', { cancelReason: input.reason }, input.reason),

  'letters.attachPhotos': (input, ctx) => {
    const user = ctx.requireUser();
    const current = record(ctx, input.id);
    if (current.status === 'cancelled') throw new CoreError('CONFLICT', { zh: '该喜报已作废。', en: 'This letter was cancelled.' });
    mustExistAttachments(ctx, input.attachmentIds);
    ctx.write((audit) => {
      for (const a of input.attachmentIds) linkAttachment(ctx.db, { kind: 'letter', id: input.id }, a, { label: 'delivery', at: ctx.now(), by: user.id });
      touchLetter(ctx.db, input.id, user.id, ctx.now());
      audit({ entity: 'letter', entityId: input.id, action: 'attach', after: { attachmentIds: input.attachmentIds } });
    });
    return loadLetter(ctx, input.id);
  },

  'letters.list': (input, ctx) => {
    const today = officeDay(ctx.nowMs());
    const page = listLetters(ctx.db, { ...letterListQuery(ctx.db, input, today), limit: input.limit, after: input.after });
    return { rows: letterRows(ctx.db, page.rows, today, ctx.user?.role), count: page.count, next: page.next, today };
  },

  'letters.due': (input, ctx) => {
    const today = officeDay(ctx.nowMs());
    const soon = dueSoonTo(ctx.db, today);
    const overdue = listLetters(ctx.db, { openDueTo: yesterday(today), query: '', limit: input.limit });
    const dueSoon = listLetters(ctx.db, { openDueFrom: today, openDueTo: soon, query: '', limit: input.limit });
    return { today, soonDays: DUE_SOON_WORKING_DAYS, overdue: letterRows(ctx.db, overdue.rows, today, ctx.user?.role), overdueCount: overdue.count, dueSoon: letterRows(ctx.db, dueSoon.rows, today, ctx.user?.role), dueSoonCount: dueSoon.count };
  },
});
