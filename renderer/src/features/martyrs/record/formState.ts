/**
 * The entry form's state and its conversions: from a stored record, to the fields sent to the
 * backend, "save and next" (keeps the source and page, the next item number), whether anything
 * changed, and the checks made as you type (the same rules the backend applies). Pure.
 */
import type { Division, Martyr, MartyrFieldsInput, Period } from '../../../../../shared/contract';
import { checkPersonName } from '../../../../../shared/rules/personName';
import { parsePartialDate } from '../../../../../shared/rules/partialDate';
import type { LocalizedText } from '../../../../../shared/contract';

export type Gender = 'male' | 'female' | 'unknown';
export type Relation = 'parent' | 'spouse' | 'child' | 'sibling' | 'guardian' | 'other';

export interface KinRow {
  /** A stable key for React (not sent). */
  key: number;
  name: string;
  relation: Relation;
  note: string;
}

export const dateFields = ['birthDate', 'joinedDate', 'partyDate', 'deathDate', 'approvedDate'] as const;
export type DateField = (typeof dateFields)[number];

export const textFields = [
  'name', 'ethnicity', 'birthDate', 'nativePlaceText', 'joinedDate', 'partyDate', 'unitAndPost', 'merits', 'deathDate',
  'deathPlaceText', 'deathCause', 'burialPlace', 'cemetery', 'approvedBy', 'approvedDate', 'certificateNo', 'deeds', 'remarks',
  'sourcePage', 'sourceItem',
] as const;
export type TextField = (typeof textFields)[number];

export interface FormState extends Record<TextField, string> {
  unnamed: boolean;
  gender: Gender;
  period: Period | null;
  nativePlace: Division | null;
  deathPlace: Division | null;
  sourceId: number | null;
  scanAttachmentId: number | null;
  scanPage: number | null;
  scanRegion: Martyr['scanRegion'];
  nextOfKin: KinRow[];
}

let kinKeys = 0;
export function newKin(): KinRow {
  kinKeys += 1;
  return { key: kinKeys, name: '', relation: 'parent', note: '' };
}

export function emptyForm(): FormState {
  return {
    name: '', ethnicity: '', birthDate: '', nativePlaceText: '', joinedDate: '', partyDate: '', unitAndPost: '', merits: '',
    deathDate: '', deathPlaceText: '', deathCause: '', burialPlace: '', cemetery: '', approvedBy: '', approvedDate: '',
    certificateNo: '', deeds: '', remarks: '', sourcePage: '', sourceItem: '',
    unnamed: false, gender: 'unknown', period: null, nativePlace: null, deathPlace: null, sourceId: null,
    scanAttachmentId: null, scanPage: null, scanRegion: null, nextOfKin: [],
  };
}

/** A division as far as the record knows it (the full name when the backend gave it, else the code). */
function divisionStub(code: string | null, fullName: string | null): Division | null {
  if (!code) return null;
  return { code, name: fullName ?? code, fullName: fullName ?? code, level: levelOf(code), parentCode: null, pinyin: '', initials: '' };
}

function levelOf(code: string): Division['level'] {
  if (/^\d{2}0{10}$/.test(code)) return 1;
  if (/^\d{4}0{8}$/.test(code)) return 2;
  if (/^\d{6}0{6}$/.test(code)) return 3;
  if (/^\d{9}000$/.test(code)) return 4;
  return 5;
}

export function formFromMartyr(m: Martyr, divisions: { native?: Division | null; death?: Division | null } = {}): FormState {
  return {
    name: m.unnamed && m.name === '无名烈士' ? '' : m.name,
    ethnicity: m.ethnicity,
    birthDate: m.birthDate.verbatim,
    nativePlaceText: m.nativePlaceText,
    joinedDate: m.joinedDate.verbatim,
    partyDate: m.partyDate.verbatim,
    unitAndPost: m.unitAndPost,
    merits: m.merits,
    deathDate: m.deathDate.verbatim,
    deathPlaceText: m.deathPlaceText,
    deathCause: m.deathCause,
    burialPlace: m.burialPlace,
    cemetery: m.cemetery,
    approvedBy: m.approvedBy,
    approvedDate: m.approvedDate.verbatim,
    certificateNo: m.certificateNo,
    deeds: m.deeds,
    remarks: m.remarks,
    sourcePage: m.sourcePage,
    sourceItem: m.sourceItem,
    unnamed: m.unnamed,
    gender: m.gender,
    period: m.period,
    nativePlace: divisions.native ?? divisionStub(m.nativePlaceCode, m.nativePlaceFullName),
    deathPlace: divisions.death ?? divisionStub(m.deathPlaceCode, null),
    sourceId: m.sourceId,
    scanAttachmentId: m.scanAttachmentId,
    scanPage: m.scanPage,
    scanRegion: m.scanRegion,
    nextOfKin: m.nextOfKin.map((k) => ({ ...newKin(), name: k.name, relation: k.relation, note: k.note })),
  };
}

/** What is sent to martyrs.create / update / duplicates. Kin rows left entirely empty are dropped. */
export function fieldsOf(f: FormState): MartyrFieldsInput {
  const fields: MartyrFieldsInput = {
    unnamed: f.unnamed,
    gender: f.gender,
    period: f.period,
    nativePlaceCode: f.nativePlace?.code ?? null,
    deathPlaceCode: f.deathPlace?.code ?? null,
    sourceId: f.sourceId,
    scanAttachmentId: f.scanAttachmentId,
    scanPage: f.scanPage,
    scanRegion: f.scanRegion,
    nextOfKin: f.nextOfKin
      .filter((k) => k.name.trim() !== '' || k.note.trim() !== '')
      .map((k) => ({ name: k.name.trim(), relation: k.relation, note: k.note.trim() })),
    name: f.name.trim(),
  };
  for (const key of textFields) (fields as Record<string, unknown>)[key] = f[key].trim();
  return fields;
}

/** Whether two forms would save the same record. */
export function sameFields(a: FormState, b: FormState): boolean {
  return JSON.stringify(fieldsOf(a)) === JSON.stringify(fieldsOf(b));
}

/** 12 → 13, 12a → 12a, '' → ''. */
export function nextItem(item: string): string {
  const t = item.trim();
  if (!/^\d{1,9}$/.test(t)) return t === '' ? '' : t;
  return String(Number(t) + 1).padStart(t.length, '0');
}

/**
 * "Save and next": the next record comes from the same place — same source, page and scan; the
 * item number moves on by one when it is a number. Everything else is cleared — the region too: the
 * next record sits elsewhere on the page.
 */
export function formForNext(saved: FormState): FormState {
  return {
    ...emptyForm(),
    sourceId: saved.sourceId,
    sourcePage: saved.sourcePage,
    sourceItem: nextItem(saved.sourceItem),
    scanAttachmentId: saved.scanAttachmentId,
    scanPage: saved.scanPage,
  };
}

export type FieldErrors = Record<string, LocalizedText>;

/** The checks made as you type: the name (unless unnamed), the dates, the names of relatives. */
export function localErrors(f: FormState): FieldErrors {
  const errors: FieldErrors = {};
  if (!f.unnamed) {
    const name = checkPersonName(f.name);
    if (!name.ok) errors.name = name.reason;
  }
  for (const key of dateFields) {
    const value = f[key].trim();
    if (value === '') continue;
    const parsed = parsePartialDate(value);
    if (!parsed.ok) errors[key] = parsed.reason;
  }
  const birth = f.birthDate.trim() ? parsePartialDate(f.birthDate.trim()) : null;
  const death = f.deathDate.trim() ? parsePartialDate(f.deathDate.trim()) : null;
  if (birth?.ok && death?.ok && death.latest < birth.earliest && !errors.deathDate) {
    errors.deathDate = { zh: '牺牲时间早于出生日期，请核对。', en: 'The date of death is before the birth date; please check.' };
  }
  f.nextOfKin.forEach((k, i) => {
    if (k.name.trim() === '' && k.note.trim() === '') return;
    const name = checkPersonName(k.name);
    if (!name.ok) errors[`nextOfKin.${i}.name`] = name.reason;
  });
  return errors;
}

/** Backend VALIDATION issues by field path (`name`, `deathDate`, `nextOfKin.0.name` …). */
export function errorsFromIssues(issues: { path: string; message: LocalizedText }[] | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues ?? []) {
    const path = issue.path.replace(/^fields\./, '');
    if (!errors[path]) errors[path] = issue.message;
  }
  return errors;
}
