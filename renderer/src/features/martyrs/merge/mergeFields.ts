/**
 * Merging two records of the same person (JOURNEYS.md §1): the fields compared side by side, which
 * value each differing field keeps by default (the non-empty one, else the kept record's), and the
 * patch sent with `martyrs.merge` (only the values taken from the other record). The provenance
 * (source, page, item, scan) is not merged: each record keeps its own. Pure.
 */
import type { Martyr, MartyrFieldsInput } from '../../../../../shared/contract';

export type Side = 'keep' | 'merge';

export const mergeKeys = [
  'name', 'unnamed', 'gender', 'ethnicity', 'birthDate', 'nativePlaceText', 'joinedDate', 'partyDate', 'unitAndPost', 'merits',
  'deathDate', 'deathPlaceText', 'deathCause', 'period', 'burialPlace', 'cemetery', 'approvedBy', 'approvedDate', 'certificateNo',
  'deeds', 'remarks', 'nextOfKin',
] as const;
export type MergeKey = (typeof mergeKeys)[number];

const dateKeys = new Set<MergeKey>(['birthDate', 'joinedDate', 'partyDate', 'deathDate', 'approvedDate']);

/** The value as sent back to the backend (dates as written, places with their division code). */
export function valueOf(m: Martyr, key: MergeKey): MartyrFieldsInput[keyof MartyrFieldsInput] {
  if (key === 'nextOfKin') return m.nextOfKin.map((k) => ({ name: k.name, relation: k.relation, note: k.note }));
  const value = m[key];
  if (dateKeys.has(key) && typeof value === 'object' && value !== null) return value.verbatim;
  return value as Exclude<typeof value, object> | null;
}

/** The fields one choice sets (a place text goes with its division code). */
function patchOf(m: Martyr, key: MergeKey): Partial<MartyrFieldsInput> {
  const patch: Record<string, unknown> = { [key]: valueOf(m, key) };
  if (key === 'nativePlaceText') patch.nativePlaceCode = m.nativePlaceCode;
  if (key === 'deathPlaceText') patch.deathPlaceCode = m.deathPlaceCode;
  return patch as Partial<MartyrFieldsInput>;
}

function comparable(m: Martyr, key: MergeKey): string {
  const extra = key === 'nativePlaceText' ? m.nativePlaceCode : key === 'deathPlaceText' ? m.deathPlaceCode : null;
  return JSON.stringify([valueOf(m, key), extra]);
}

export function isEmpty(m: Martyr, key: MergeKey): boolean {
  const v = valueOf(m, key);
  if (key === 'gender') return v === 'unknown';
  if (key === 'unnamed') return v === false;
  return v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

export function differs(keep: Martyr, merge: Martyr, key: MergeKey): boolean {
  return comparable(keep, key) !== comparable(merge, key);
}

/** The non-empty value, else the kept record's. */
export function defaultSide(keep: Martyr, merge: Martyr, key: MergeKey): Side {
  return isEmpty(keep, key) && !isEmpty(merge, key) ? 'merge' : 'keep';
}

export function defaultChoices(keep: Martyr, merge: Martyr): Partial<Record<MergeKey, Side>> {
  const choices: Partial<Record<MergeKey, Side>> = {};
  for (const key of mergeKeys) if (differs(keep, merge, key)) choices[key] = defaultSide(keep, merge, key);
  return choices;
}

/** The `fields` of martyrs.merge: what the kept record takes from the other one. */
export function mergePatch(keep: Martyr, merge: Martyr, choices: Partial<Record<MergeKey, Side>>): Partial<MartyrFieldsInput> {
  let patch: Partial<MartyrFieldsInput> = {};
  for (const key of mergeKeys) {
    if (choices[key] === 'merge' && differs(keep, merge, key)) patch = { ...patch, ...patchOf(merge, key) };
  }
  return patch;
}
