/**
 * Households and their plaques: register a household, its members and who qualifies it; make a
 * plaque (one household, one plaque) and take it through its lifecycle; the ledger and counts by
 * township and village; the yearly round as a batch job. The rules are in shared/rules/plaque,
 * their database side in ../plaques/lifecycle.ts.
 */
import { defineHandlers, type HandlerContext } from '../context';
import { CoreError, notFound } from '../errors';
import { getDivision } from '../db/divisions';
import { getPerson } from '../db/people';
import { addMember, deleteQualification, getHousehold, householdOfPerson, insertHousehold, insertQualification, listQualifications, qualificationUsedByPlaque, removeMember, setMemberRelation, touchHousehold, updateHousehold, type HouseholdWrite } from '../db/households';
import { getPlaque, ledgerPage } from '../db/plaques';
import { householdCounts } from '../db/statistics';
import { loadHousehold, makePlaque, missingHousehold, missingPlaque, fileSignature, nextPlaqueNumber, stepPlaque, succeedPlaque, type Audit } from '../plaques/lifecycle';
import { divisionLevel, divisionPrefix } from '../../../shared/rules/divisionCode';
import { householdEligibility, ledgerPlaqueStatuses, qualificationUsable, plaqueCategories } from '../../../shared/rules/plaque';
import { personalInfoFor } from '../../../shared/rules/privacy';
import type { Household } from '../../../shared/contract/plaques';

const load = (ctx: HandlerContext, id: number): Household => loadHousehold(ctx.db, id, ctx.user?.role);

function checkDivision(ctx: HandlerContext, code: string): void {
  const level = divisionLevel(code);
  if (!getDivision(ctx.db, code) || level === null || level < 4) {
    throw new CoreError('VALIDATION', { zh: '户籍地址须选到乡镇或村（社区）一级。', en: 'Choose the household’s township or village.' }, [{ path: 'divisionCode', message: { zh: '请选到乡镇或村', en: 'Choose a township or village' } }]);
  }
}

function mustHavePerson(ctx: HandlerContext, id: number) {
  const p = getPerson(ctx.db, id);
  if (!p) throw notFound({ zh: '该人员', en: 'The person' });
  return p;
}

function actor(ctx: HandlerContext) {
  return { userId: ctx.requireUser().id, at: ctx.now() };
}

function householdOf(ctx: HandlerContext, plaqueId: number): number {
  const p = getPlaque(ctx.db, plaqueId);
  if (!p) throw missingPlaque();
  return p.householdId;
}

/** Runs a lifecycle step in one transaction and answers the household. */
function step(ctx: HandlerContext, plaqueId: number, fn: (audit: Audit) => void): Household {
  const householdId = householdOf(ctx, plaqueId);
  ctx.write((audit) => {
    fn(audit);
    touchHousehold(ctx.db, householdId, ctx.requireUser().id, ctx.now());
  });
  return load(ctx, householdId);
}

const year = (date: string) => Number(date.slice(0, 4));

export const plaqueHandlers = defineHandlers({
  'households.create': (input, ctx) => {
    const user = ctx.requireUser();
    checkDivision(ctx, input.divisionCode);
    mustHavePerson(ctx, input.headPersonId);
    if (householdOfPerson(ctx.db, input.headPersonId) !== undefined) throw new CoreError('CONFLICT', { zh: '该人员已属于另一户。', en: 'This person already belongs to another household.' });
    const id = ctx.write((audit) => {
      const newId = insertHousehold(ctx.db, input, user.id, ctx.now());
      addMember(ctx.db, newId, input.headPersonId, 'head');
      audit({ entity: 'household', entityId: newId, action: 'create', after: { registrationNo: input.registrationNo, headPersonId: input.headPersonId, divisionCode: input.divisionCode } });
      return newId;
    });
    return load(ctx, id);
  },

  'households.get': (input, ctx) => load(ctx, input.id),

  'households.update': (input, ctx) => {
    const user = ctx.requireUser();
    const current = getHousehold(ctx.db, input.id);
    if (!current) throw missingHousehold();
    const next: HouseholdWrite = { registrationNo: current.registrationNo, headPersonId: current.headPersonId, addressText: current.addressText, divisionCode: current.divisionCode, phone: current.phone, remarks: current.remarks, ...input.fields };
    if (input.fields.divisionCode) checkDivision(ctx, input.fields.divisionCode);
    if (next.headPersonId !== current.headPersonId) {
      mustHavePerson(ctx, next.headPersonId);
      const other = householdOfPerson(ctx.db, next.headPersonId);
      if (other !== undefined && other !== current.id) throw new CoreError('CONFLICT', { zh: '该人员已属于另一户。', en: 'This person already belongs to another household.' });
    }
    ctx.write((audit) => {
      updateHousehold(ctx.db, current.id, next, user.id, ctx.now());
      if (next.headPersonId !== current.headPersonId) {
        setMemberRelation(ctx.db, current.id, current.headPersonId, 'other');
        if (householdOfPerson(ctx.db, next.headPersonId) === undefined) addMember(ctx.db, current.id, next.headPersonId, 'head');
        else setMemberRelation(ctx.db, current.id, next.headPersonId, 'head');
      }
      audit({ entity: 'household', entityId: current.id, action: 'update', after: { fields: Object.keys(input.fields) } });
    });
    return load(ctx, current.id);
  },

  'households.addMember': (input, ctx) => {
    const user = ctx.requireUser();
    if (!getHousehold(ctx.db, input.householdId)) throw missingHousehold();
    mustHavePerson(ctx, input.personId);
    if (input.relationToHead === 'head') throw new CoreError('VALIDATION', { zh: '户主请在户信息中更换。', en: 'Change the head of household in the household’s details.' });
    if (householdOfPerson(ctx.db, input.personId) !== undefined) throw new CoreError('CONFLICT', { zh: '该人员已属于一户（一人只能在一户）。', en: 'This person already belongs to a household (one person, one household).' });
    ctx.write((audit) => {
      addMember(ctx.db, input.householdId, input.personId, input.relationToHead);
      touchHousehold(ctx.db, input.householdId, user.id, ctx.now());
      audit({ entity: 'household', entityId: input.householdId, action: 'addMember', after: { personId: input.personId, relationToHead: input.relationToHead } });
    });
    return load(ctx, input.householdId);
  },

  'households.removeMember': (input, ctx) => {
    const user = ctx.requireUser();
    const h = getHousehold(ctx.db, input.householdId);
    if (!h) throw missingHousehold();
    if (h.headPersonId === input.personId) throw new CoreError('CONFLICT', { zh: '不能移除户主。', en: 'The head of household cannot be removed.' });
    if (listQualifications(ctx.db, input.householdId).some((q) => q.personId === input.personId)) {
      throw new CoreError('CONFLICT', { zh: '该成员是享受悬挂光荣牌的人员，请先处理其资格。', en: 'This member qualifies the household for a plaque; deal with the qualification first.' });
    }
    ctx.write((audit) => {
      const removed = removeMember(ctx.db, input.householdId, input.personId);
      touchHousehold(ctx.db, input.householdId, user.id, ctx.now());
      audit({ entity: 'household', entityId: input.householdId, action: 'removeMember', after: { personId: input.personId, removed } });
    });
    return load(ctx, input.householdId);
  },

  'households.addQualification': (input, ctx) => {
    const user = ctx.requireUser();
    if (!getHousehold(ctx.db, input.householdId)) throw missingHousehold();
    if (householdOfPerson(ctx.db, input.personId) !== input.householdId) throw new CoreError('VALIDATION', { zh: '享受人员须是本户成员。', en: 'The qualifying person must be a member of the household.' });
    if (listQualifications(ctx.db, input.householdId).some((q) => q.personId === input.personId && q.category === input.category)) {
      throw new CoreError('CONFLICT', { zh: '该人员的这一类别已登记。', en: 'This person is already recorded in this category.' });
    }
    ctx.write((audit) => {
      const id = insertQualification(ctx.db, input, user.id, ctx.now());
      touchHousehold(ctx.db, input.householdId, user.id, ctx.now());
      audit({ entity: 'household', entityId: input.householdId, action: 'addQualification', after: { qualificationId: id, personId: input.personId, category: input.category, basis: input.basis, applicationDate: input.applicationDate || null } });
    });
    return load(ctx, input.householdId);
  },

  'households.removeQualification': (input, ctx) => {
    const user = ctx.requireUser();
    if (!getHousehold(ctx.db, input.householdId)) throw missingHousehold();
    if (qualificationUsedByPlaque(ctx.db, input.qualificationId)) throw new CoreError('CONFLICT', { zh: '已据此制作光荣牌，不能删除该资格。', en: 'A plaque was made on this qualification; it cannot be removed.' });
    ctx.write((audit) => {
      const removed = deleteQualification(ctx.db, input.householdId, input.qualificationId);
      touchHousehold(ctx.db, input.householdId, user.id, ctx.now());
      audit({ entity: 'household', entityId: input.householdId, action: 'removeQualification', after: { qualificationId: input.qualificationId, removed } });
    });
    return load(ctx, input.householdId);
  },

  'plaques.make': (input, ctx) => {
    const h = getHousehold(ctx.db, input.householdId);
    if (!h) throw missingHousehold();
    const quals = listQualifications(ctx.db, h.id);
    let chosen;
    if (input.qualificationId !== undefined) {
      chosen = quals.find((q) => q.id === input.qualificationId);
      if (!chosen) throw notFound({ zh: '该享受资格', en: 'The qualification' });
      const usable = qualificationUsable(chosen);
      if (!usable.ok) throw new CoreError('CONFLICT', usable.reason);
    } else {
      const e = householdEligibility(quals);
      if (!e.eligible) throw new CoreError('CONFLICT', e.reason);
      chosen = quals.find((q) => q.id === e.qualification.id)!;
    }
    const a = actor(ctx);
    ctx.write((audit) => {
      const number = input.number || nextPlaqueNumber(ctx.db, ctx.settings.get(), h.divisionCode, year(a.at));
      makePlaque(ctx.db, a, audit, { householdId: h.id, qualification: chosen, number });
      touchHousehold(ctx.db, h.id, a.userId, a.at);
    });
    return load(ctx, h.id);
  },

  'plaques.issue': (input, ctx) =>
    step(ctx, input.id, (audit) => stepPlaque(ctx.db, actor(ctx), audit, { plaqueId: input.id, expectedVersion: input.expectedVersion, action: 'issue', date: input.date, change: { issuedDate: input.date } })),

  'plaques.hang': (input, ctx) =>
    step(ctx, input.id, (audit) =>
      stepPlaque(ctx.db, actor(ctx), audit, {
        plaqueId: input.id,
        expectedVersion: input.expectedVersion,
        action: 'hang',
        date: input.date,
        change: { hungDate: input.date, hungPlace: input.place, signatureAttachmentId: input.signatureAttachmentId },
        note: input.place,
        attachmentId: input.signatureAttachmentId,
      }),
    ),

  'plaques.fileSignature': (input, ctx) =>
    step(ctx, input.id, (audit) => fileSignature(ctx.db, actor(ctx), audit, { plaqueId: input.id, expectedVersion: input.expectedVersion, date: input.date, attachmentId: input.signatureAttachmentId })),

  'plaques.reissue': (input, ctx) => {
    const householdId = householdOf(ctx, input.id);
    const h = getHousehold(ctx.db, householdId)!;
    return step(ctx, input.id, (audit) => {
      const number = input.number || nextPlaqueNumber(ctx.db, ctx.settings.get(), h.divisionCode, year(input.date));
      succeedPlaque(ctx.db, actor(ctx), audit, { plaqueId: input.id, expectedVersion: input.expectedVersion, action: 'reissue', date: input.date, reason: 'reissue', note: input.note, number });
    });
  },

  'plaques.replace': (input, ctx) => {
    const householdId = householdOf(ctx, input.id);
    const h = getHousehold(ctx.db, householdId)!;
    return step(ctx, input.id, (audit) => {
      const number = input.number || nextPlaqueNumber(ctx.db, ctx.settings.get(), h.divisionCode, year(input.date));
      succeedPlaque(ctx.db, actor(ctx), audit, { plaqueId: input.id, expectedVersion: input.expectedVersion, action: 'replace', date: input.date, reason: input.reason, note: input.note, number });
    });
  },

  'plaques.takeBack': (input, ctx) =>
    step(ctx, input.id, (audit) =>
      stepPlaque(ctx.db, actor(ctx), audit, { plaqueId: input.id, expectedVersion: input.expectedVersion, action: 'takeBack', date: input.date, reason: input.reason, note: input.note, documentNo: input.documentNo, attachmentId: input.documentAttachmentId }),
    ),

  'plaques.cancel': (input, ctx) =>
    step(ctx, input.id, (audit) => stepPlaque(ctx.db, actor(ctx), audit, { plaqueId: input.id, expectedVersion: input.expectedVersion, action: 'cancel', date: input.date, note: input.note })),

  'plaques.restore': (input, ctx) =>
    step(ctx, input.id, (audit) =>
      stepPlaque(ctx.db, actor(ctx), audit, { plaqueId: input.id, expectedVersion: input.expectedVersion, action: 'restore', date: input.date, documentNo: input.approval, note: input.note, change: { hungDate: null, hungPlace: '', signatureAttachmentId: null } }),
    ),

  'plaques.ledger': (input, ctx) => {
    const prefix = input.divisionCode ? divisionPrefix(input.divisionCode) : null;
    const page = ledgerPage(ctx.db, { prefix, view: input.view, category: input.category, query: input.query, limit: input.limit + 1, after: input.after ?? null });
    const rows = page.rows.slice(0, input.limit).map((r) => ({ ...r, addressText: personalInfoFor({ idNumber: null, phone: '', addressText: r.addressText }, ctx.user?.role, false).addressText }));
    const last = rows[rows.length - 1];
    return { rows, count: page.count, next: page.rows.length > input.limit && last ? { divisionCode: last.divisionCode, householdId: last.householdId } : null };
  },

  // The same counts as the dashboard's (statistics.plaques): households by their ledger line's plaque.
  'plaques.counts': (input, ctx) => {
    const { byCategoryStatus, byDivision } = householdCounts(ctx.db, input.divisionCode ?? null);
    const sum = (rows: readonly { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
    return {
      households: byDivision.reduce((n, d) => n + d.households, 0),
      byCategory: plaqueCategories.map((category) => ({ category, count: sum(byCategoryStatus.filter((r) => r.category === category)) })),
      byStatus: ledgerPlaqueStatuses.map((status) => ({ status, count: sum(byCategoryStatus.filter((r) => r.status === status)) })),
      withoutPlaque: byDivision.reduce((n, d) => n + d.withoutPlaque, 0),
      byDivision,
    };
  },

  'plaques.batch': (input, ctx) => {
    const user = ctx.requireUser();
    if (divisionLevel(input.divisionCode) === null || (divisionLevel(input.divisionCode) ?? 0) < 4) {
      throw new CoreError('VALIDATION', { zh: '请按乡镇或村选择要批量处理的户。', en: 'Choose the households by township or village.' });
    }
    const job = ctx.jobs.start('plaques.batch', input, { userId: user.id, username: user.username });
    return { jobId: job.id };
  },
});
