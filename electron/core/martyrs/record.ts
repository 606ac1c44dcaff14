/**
 * A stored record back to the fields a person edits, and the field-by-field difference two
 * versions make (what history shows).
 */
import type { Martyr, MartyrFields } from '../../../shared/contract';
import { historyFields } from './fields';

export function fieldsOf(m: Martyr): MartyrFields {
  return {
    name: m.unnamed && m.name === '无名烈士' ? '' : m.name,
    unnamed: m.unnamed,
    gender: m.gender,
    ethnicity: m.ethnicity,
    birthDate: m.birthDate.verbatim,
    nativePlaceText: m.nativePlaceText,
    nativePlaceCode: m.nativePlaceCode,
    joinedDate: m.joinedDate.verbatim,
    partyDate: m.partyDate.verbatim,
    unitAndPost: m.unitAndPost,
    merits: m.merits,
    deathDate: m.deathDate.verbatim,
    deathPlaceText: m.deathPlaceText,
    deathPlaceCode: m.deathPlaceCode,
    deathCause: m.deathCause,
    period: m.period,
    burialPlace: m.burialPlace,
    cemetery: m.cemetery,
    approvedBy: m.approvedBy,
    approvedDate: m.approvedDate.verbatim,
    certificateNo: m.certificateNo,
    deeds: m.deeds,
    remarks: m.remarks,
    sourceId: m.sourceId,
    sourcePage: m.sourcePage,
    sourceItem: m.sourceItem,
    scanAttachmentId: m.scanAttachmentId,
    scanPage: m.scanPage,
    scanRegion: m.scanRegion,
    nextOfKin: m.nextOfKin.map((k) => ({ name: k.name, relation: k.relation, note: k.note })),
  };
}

function view(m: Martyr | null): Record<string, unknown> {
  if (!m) return {};
  const f = fieldsOf(m) as unknown as Record<string, unknown>;
  f.name = m.name;
  return f;
}

function empty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0);
}

/** The fields that differ between two versions (null before = a new record). */
export function diffRecords(before: Martyr | null, after: Martyr): { field: string; before: unknown; after: unknown }[] {
  const a = view(before);
  const b = view(after);
  return historyFields
    .filter((field) => JSON.stringify(a[field] ?? null) !== JSON.stringify(b[field] ?? null))
    .filter((field) => before !== null || !empty(b[field]))
    .map((field) => ({ field, before: a[field] ?? null, after: b[field] ?? null }));
}
