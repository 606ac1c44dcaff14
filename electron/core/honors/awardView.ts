/**
 * Awards as the contract shows them, and the recipient as keyed in turned into a person row
 * (found again by resident ID number, never duplicated) or unit columns.
 */
import type { HandlerContext } from '../context';
import { CoreError, notFound } from '../errors';
import { countPersonAwards, getAward, type AwardColumns } from '../db/awards';
import { findPersonByIdNumber, insertPerson, updatePersonIdentity } from '../db/persons';
import { getDivision } from '../db/divisions';
import { listLinkedAttachments } from '../db/attachments';
import { liveLetterOfAward } from '../db/goodNewsLetters';
import { getAwardClass } from '../db/awardClasses';
import { maskIdNumber, parseIdNumber } from '../../../shared/rules/idNumber';
import type { Award } from '../../../shared/contract';
import { personalInfoFor } from '../../../shared/rules/privacy';
import type { AwardRecord } from '../db/awards';
import type { awardFieldsSchema } from '../../../shared/contract/honors';
import type { z } from 'zod';
import { letterRows, officeDay } from './deadlines';

export type AwardFields = z.output<typeof awardFieldsSchema>;

export const missingAward = () => notFound({ zh: '该奖励记录', en: 'The award' });

export function loadAward(ctx: HandlerContext, id: number): Award {
  const a = getAward(ctx.db, id);
  if (!a) throw missingAward();
  const live = liveLetterOfAward(ctx.db, id);
  return {
    id: a.id,
    version: a.version,
    recipient: {
      kind: a.recipientKind,
      personId: a.personId,
      name: a.recipientKind === 'person' ? (a.personName ?? '') : a.unitName,
      gender: a.personGender ?? 'unknown',
      idNumber: shownIdNumber(ctx, a),
      unitType: a.unitType,
      divisionCode: a.unitDivisionCode,
      divisionName: a.unitDivisionCode ? (getDivision(ctx.db, a.unitDivisionCode)?.fullName ?? null) : null,
    },
    classId: a.classId,
    className: a.className,
    authority: a.authority,
    orderNo: a.orderNo,
    awardDate: a.awardDate,
    citation: a.citation,
    soldierUnit: a.soldierUnit,
    enlistedOn: a.enlistedOn,
    remarks: a.remarks,
    createdAt: a.createdAt,
    createdBy: a.createdBy,
    updatedAt: a.updatedAt,
    updatedBy: a.updatedBy,
    attachments: listLinkedAttachments(ctx.db, { kind: 'award', id }).map((l) => ({ position: l.position, label: l.label, attachment: l.attachment })),
    letter: live ? letterRows(ctx.db, [live], officeDay(ctx.nowMs()), ctx.user?.role)[0]! : null,
    otherAwards: a.personId === null ? 0 : countPersonAwards(ctx.db, a.personId) - 1,
  };
}

/** The recipient's ID number as the caller's role may see it (shared/rules/privacy; the dead never masked). */
export function shownIdNumber(ctx: HandlerContext, a: AwardRecord): string {
  return personalInfoFor({ idNumber: a.personIdNumber, phone: '', addressText: '' }, ctx.user?.role, Boolean(a.personDeceased)).idNumber ?? '';
}

/**
 * On a correction the form sends back the ID number as it was shown; when that is the masked
 * form, unchanged, the number stored is kept (never the masked text, never a validation error).
 */
export function keptIdNumber(ctx: HandlerContext, current: AwardRecord, f: AwardFields): AwardFields {
  if (f.recipient.kind !== 'person' || current.recipientKind !== 'person' || !current.personIdNumber) return f;
  const shown = shownIdNumber(ctx, current);
  if (shown === current.personIdNumber || f.recipient.idNumber !== shown) return f;
  return { ...f, recipient: { ...f.recipient, idNumber: current.personIdNumber } };
}

/** Checks what does not depend on the database's state at write time (class, ID number, division). */
export function checkAwardFields(ctx: HandlerContext, f: AwardFields, currentClassId?: number): { idForms: string[]; idNumber: string | null } {
  const cls = getAwardClass(ctx.db, f.classId);
  if (!cls) throw new CoreError('VALIDATION', { zh: '没有这个奖励类别。', en: 'There is no such award class.' }, [{ path: 'classId', message: { zh: '请选择奖励类别', en: 'Choose a class' } }]);
  if (!cls.active && cls.id !== currentClassId) {
    throw new CoreError('VALIDATION', { zh: `奖励类别“${cls.name}”已停用。`, en: `The award class “${cls.name}” is no longer offered.` }, [{ path: 'classId', message: { zh: '该类别已停用', en: 'Class not offered' } }]);
  }
  if (f.recipient.kind === 'unit') {
    if (f.recipient.divisionCode && !getDivision(ctx.db, f.recipient.divisionCode)) {
      throw new CoreError('VALIDATION', { zh: '没有这个行政区划。', en: 'There is no such division.' }, [{ path: 'recipient.divisionCode', message: { zh: '区划不存在', en: 'Unknown division' } }]);
    }
    return { idForms: [], idNumber: null };
  }
  if (f.recipient.idNumber === '') return { idForms: [], idNumber: null };
  const parsed = parseIdNumber(f.recipient.idNumber, { today: officeDay(ctx.nowMs()) });
  if (!parsed.valid) throw new CoreError('VALIDATION', { zh: `身份证号码有误：${parsed.reason.zh}`, en: `The ID number is wrong: ${parsed.reason.en}` }, [{ path: 'recipient.idNumber', message: parsed.reason }]);
  return { idForms: [...new Set([parsed.as18, parsed.normalized])], idNumber: parsed.as18 };
}

/**
 * Inside the write: the award's columns, with the recipient's person row found by ID number
 * (updated with the name and gender keyed in), reused when the award already had one, or new.
 */
export function awardColumns(ctx: HandlerContext, f: AwardFields, checked: { idForms: string[]; idNumber: string | null }, currentPersonId: number | null): AwardColumns {
  const common = {
    classId: f.classId,
    authority: f.authority,
    orderNo: f.orderNo,
    awardDate: f.awardDate,
    citation: f.citation,
    soldierUnit: f.soldierUnit,
    enlistedOn: f.enlistedOn,
    remarks: f.remarks,
  };
  const r = f.recipient;
  if (r.kind === 'unit') return { ...common, recipientKind: 'unit', personId: null, unitName: r.name, unitType: r.unitType, unitDivisionCode: r.divisionCode };
  const at = ctx.now();
  const known = findPersonByIdNumber(ctx.db, checked.idForms);
  if (known && known.name !== r.name && known.id !== currentPersonId) {
    throw new CoreError('CONFLICT', {
      zh: `身份证号码 ${maskIdNumber(checked.idNumber ?? '')} 已登记为“${known.name}”，与输入的姓名“${r.name}”不一致。请核对号码或姓名。`,
      en: `ID number ${maskIdNumber(checked.idNumber ?? '')} is already registered to “${known.name}”, not “${r.name}”. Check the number or the name.`,
    });
  }
  let personId: number;
  if (known) personId = known.id;
  else if (currentPersonId !== null) personId = currentPersonId;
  else {
    personId = insertPerson(ctx.db, { name: r.name, gender: r.gender, ethnicity: '', idNumber: checked.idNumber, birth: { verbatim: '', edtf: null, earliest: null, latest: null }, nativePlaceText: '', nativePlaceCode: null }, at);
  }
  updatePersonIdentity(ctx.db, personId, { name: r.name, gender: r.gender, idNumber: checked.idNumber ?? (known ? known.idNumber : null) }, at);
  return { ...common, recipientKind: 'person', personId, unitName: '', unitType: '', unitDivisionCode: null };
}
