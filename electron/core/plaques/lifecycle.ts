/**
 * The plaque lifecycle on the database: each step checks the state machine (shared/rules/plaque),
 * the expected version and the one-plaque-per-household rule, changes the plaque, appends its
 * event and the audit row. Called inside a write transaction by the handlers (api/plaques.ts)
 * and by the batch job (batchJob.ts).
 */
import type { Db } from '../db/connection';
import type { AuditRecord } from '../context';
import { CoreError, notFound } from '../errors';
import { appendPlaqueEvent, changePlaque, getPlaque, insertPlaque, listHouseholdEvents, listHouseholdPlaques, plaqueNumberTaken, maxPlaqueSequence, type PlaqueChange } from '../db/plaques';
import { getHousehold, listMembers, listQualifications, type QualificationStored } from '../db/households';
import { linkAttachment } from '../db/attachments';
import { attachmentExists } from './attachments';
import type { Household, Plaque } from '../../../shared/contract/plaques';
import type { Settings } from '../../../shared/contract';
import type { Role } from '../../../shared/contract/roles';
import { canAddPlaque, formatPlaqueNumber, householdEligibility, plaqueNumberParts, plaqueTransition, activePlaqueStatuses, type PlaqueAction } from '../../../shared/rules/plaque';
import { personalInfoFor } from '../../../shared/rules/privacy';

export type Audit = (record: AuditRecord) => void;
export interface Actor {
  userId: number | null;
  at: string;
}

export const missingHousehold = () => notFound({ zh: '该户', en: 'The household' });
export const missingPlaque = () => notFound({ zh: '该光荣牌', en: 'The plaque' });

export function loadHousehold(db: Db, id: number, role: Role | undefined): Household {
  const h = getHousehold(db, id);
  if (!h) throw missingHousehold();
  const quals = listQualifications(db, id);
  const plaques = listHouseholdPlaques(db, id);
  const eligibility = householdEligibility(quals);
  const shown = personalInfoFor({ idNumber: null, phone: h.phone, addressText: h.addressText }, role, false);
  return {
    ...h,
    addressText: shown.addressText,
    phone: shown.phone,
    masked: shown.masked,
    members: listMembers(db, id).map((m) => ({ ...m, idNumber: personalInfoFor({ idNumber: m.idNumber, phone: '', addressText: '' }, role, m.deceased).idNumber ?? '' })),
    qualifications: quals.map(({ householdId: _h, ...q }) => q),
    eligibility: eligibility.eligible
      ? { eligible: true, qualificationId: eligibility.qualification.id, personName: eligibility.qualification.personName, category: eligibility.qualification.category }
      : { eligible: false, reason: eligibility.reason },
    plaque: plaques.find((p) => activePlaqueStatuses.includes(p.status)) ?? null,
    plaques,
    events: listHouseholdEvents(db, id),
  };
}


/** The next free number for a household in `divisionCode` under the county's pattern. */
export function nextPlaqueNumber(db: Db, settings: Settings, divisionCode: string, year: number): string {
  const county = divisionCode.slice(0, 6);
  const pattern = settings.plaqueNumberPatterns[county] ?? settings.plaqueNumberPattern;
  const parts = plaqueNumberParts(pattern, { county, year });
  let seq = maxPlaqueSequence(db, parts.prefix, parts.suffix) + 1;
  let number = formatPlaqueNumber(pattern, { county, year, seq });
  while (plaqueNumberTaken(db, number)) number = formatPlaqueNumber(pattern, { county, year, seq: ++seq });
  return number;
}

function refuse(reason: { zh: string; en: string }): never {
  throw new CoreError('CONFLICT', reason);
}

function checkNumberFree(db: Db, number: string): void {
  if (plaqueNumberTaken(db, number)) refuse({ zh: `光荣牌编号 ${number} 已被使用，编号不能重复。`, en: `Plaque number ${number} is already used; numbers are unique.` });
}

/** Makes a plaque (status made) on a qualification of an eligible household without a plaque in use. */
export function makePlaque(db: Db, actor: Actor, audit: Audit, input: { householdId: number; qualification: QualificationStored; number: string }): number {
  const check = canAddPlaque(listHouseholdPlaques(db, input.householdId));
  if (!check.ok) refuse(check.reason);
  checkNumberFree(db, input.number);
  const id = insertPlaque(db, { householdId: input.householdId, qualificationId: input.qualification.id, number: input.number, status: 'made', issuedDate: null, replacesId: null, lastReason: '' }, actor.userId, actor.at);
  appendPlaqueEvent(db, { plaqueId: id, action: 'make', fromStatus: null, toStatus: 'made', date: actor.at.slice(0, 10), note: `${input.qualification.personName} ${input.qualification.category} ${input.qualification.basis}` }, actor.userId, actor.at);
  audit({ entity: 'plaque', entityId: id, action: 'make', after: { householdId: input.householdId, number: input.number, qualificationId: input.qualification.id, category: input.qualification.category, basis: input.qualification.basis } });
  return id;
}

export interface StepInput {
  plaqueId: number;
  expectedVersion: number;
  action: Exclude<PlaqueAction, 'reissue' | 'replace'>;
  date: string;
  change?: Omit<PlaqueChange, 'status'>;
  reason?: string;
  note?: string;
  documentNo?: string;
  attachmentId?: number | null;
  jobId?: number | null;
}

function loadForStep(db: Db, plaqueId: number, expectedVersion: number): Plaque {
  const plaque = getPlaque(db, plaqueId);
  if (!plaque) throw missingPlaque();
  if (plaque.version !== expectedVersion) refuse({ zh: '该光荣牌已被他人修改，请刷新后再操作。', en: 'The plaque was changed meanwhile; reload it and try again.' });
  return plaque;
}

/** One step of the state machine that keeps the plaque (issue, hang, takeBack, cancel, restore). */
export function stepPlaque(db: Db, actor: Actor, audit: Audit, s: StepInput): Plaque {
  const plaque = loadForStep(db, s.plaqueId, s.expectedVersion);
  const others = listHouseholdPlaques(db, plaque.householdId).filter((p) => p.id !== plaque.id);
  const t = plaqueTransition(plaque.status, s.action, { qualifyingPersonDeceased: plaque.qualifyingPersonDeceased, householdHasOtherActive: others.some((p) => activePlaqueStatuses.includes(p.status)) });
  if (!t.ok) refuse(t.reason);
  if (s.attachmentId != null && !attachmentExists(db, s.attachmentId)) throw notFound({ zh: `附件 #${s.attachmentId}`, en: `Attachment #${s.attachmentId}` });
  const lastReason = [s.reason, s.note].filter(Boolean).join('：');
  changePlaque(db, plaque.id, plaque.version, { status: t.to, ...s.change, ...(lastReason ? { lastReason } : {}) }, actor.userId, actor.at);
  if (s.attachmentId != null) linkAttachment(db, { kind: 'plaque', id: plaque.id }, s.attachmentId, { label: s.action, at: actor.at, by: actor.userId });
  appendPlaqueEvent(db, { plaqueId: plaque.id, action: s.action, fromStatus: plaque.status, toStatus: t.to, date: s.date, reason: s.reason ?? '', note: s.note ?? '', documentNo: s.documentNo ?? '', attachmentId: s.attachmentId ?? null, jobId: s.jobId ?? null }, actor.userId, actor.at);
  audit({ entity: 'plaque', entityId: plaque.id, action: s.action, before: { status: plaque.status }, after: { status: t.to, date: s.date, householdId: plaque.householdId, ...(s.reason ? { reason: s.reason } : {}), ...(s.note ? { note: s.note } : {}), ...(s.documentNo ? { documentNo: s.documentNo } : {}), ...(s.attachmentId ? { attachmentId: s.attachmentId } : {}), ...(s.jobId ? { jobId: s.jobId } : {}) } });
  return getPlaque(db, plaque.id)!;
}

/**
 * The family's signed confirmation filed after the hanging (补录签字确认): a plaque hung without
 * the scan (the paper was signed at the door and scanned back at the office) gets it here. The
 * status stays "hung"; the event and the audit row say who filed which scan, signed on which day.
 */
export function fileSignature(db: Db, actor: Actor, audit: Audit, s: { plaqueId: number; expectedVersion: number; date: string; attachmentId: number }): Plaque {
  const plaque = loadForStep(db, s.plaqueId, s.expectedVersion);
  if (plaque.status !== 'hung') refuse({ zh: '只有已悬挂的光荣牌才能补录家属签字确认。', en: 'Only a plaque that is hung can have the family’s signed confirmation filed.' });
  if (plaque.signatureAttachmentId !== null) refuse({ zh: '该光荣牌已有家属签字确认，不能重复补录。', en: 'This plaque already has the family’s signed confirmation on file.' });
  if (plaque.hungDate && s.date < plaque.hungDate) refuse({ zh: `签字日期不能早于悬挂日期（${plaque.hungDate}）。`, en: `The signing date cannot be before the day the plaque was hung (${plaque.hungDate}).` });
  if (!attachmentExists(db, s.attachmentId)) throw notFound({ zh: `附件 #${s.attachmentId}`, en: `Attachment #${s.attachmentId}` });
  changePlaque(db, plaque.id, plaque.version, { status: 'hung', signatureAttachmentId: s.attachmentId }, actor.userId, actor.at);
  linkAttachment(db, { kind: 'plaque', id: plaque.id }, s.attachmentId, { label: 'sign', at: actor.at, by: actor.userId });
  appendPlaqueEvent(db, { plaqueId: plaque.id, action: 'sign', fromStatus: 'hung', toStatus: 'hung', date: s.date, attachmentId: s.attachmentId }, actor.userId, actor.at);
  audit({ entity: 'plaque', entityId: plaque.id, action: 'sign', before: { signatureAttachmentId: null }, after: { signatureAttachmentId: s.attachmentId, date: s.date, householdId: plaque.householdId } });
  return getPlaque(db, plaque.id)!;
}

/** Reissue (补发) or replace (更换): the old plaque is superseded and a new one issued in its place. */
export function succeedPlaque(db: Db, actor: Actor, audit: Audit, s: { plaqueId: number; expectedVersion: number; action: 'reissue' | 'replace'; date: string; reason: string; note: string; number: string }): number {
  const plaque = loadForStep(db, s.plaqueId, s.expectedVersion);
  const t = plaqueTransition(plaque.status, s.action, { qualifyingPersonDeceased: plaque.qualifyingPersonDeceased });
  if (!t.ok) refuse(t.reason);
  checkNumberFree(db, s.number);
  const lastReason = [s.reason, s.note].filter(Boolean).join('：');
  changePlaque(db, plaque.id, plaque.version, { status: 'superseded', lastReason }, actor.userId, actor.at);
  const id = insertPlaque(db, { householdId: plaque.householdId, qualificationId: plaque.qualificationId, number: s.number, status: 'issued', issuedDate: s.date, replacesId: plaque.id, lastReason }, actor.userId, actor.at);
  appendPlaqueEvent(db, { plaqueId: plaque.id, action: s.action, fromStatus: plaque.status, toStatus: 'superseded', date: s.date, reason: s.reason, note: s.note }, actor.userId, actor.at);
  appendPlaqueEvent(db, { plaqueId: id, action: s.action, fromStatus: null, toStatus: 'issued', date: s.date, reason: s.reason, note: `${plaque.number} →` }, actor.userId, actor.at);
  audit({ entity: 'plaque', entityId: plaque.id, action: s.action, before: { status: plaque.status, number: plaque.number }, after: { status: 'superseded', successorId: id, successorNumber: s.number, reason: s.reason, note: s.note, date: s.date } });
  return id;
}
