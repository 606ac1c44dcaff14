/**
 * The person form's state and rules, pure: the ID number checked as it is typed (with the reason),
 * and the patch of changed fields for `people.update` (a masked ID number left as shown is not sent).
 */
import type { LocalizedText } from '../../../../shared/contract';
import type { Person, PersonFieldsInput } from '../../../../shared/contract/people';
import { parseIdNumber } from '../../../../shared/rules/idNumber';

export interface PersonForm {
  name: string;
  gender: 'male' | 'female' | 'unknown';
  ethnicity: string;
  idNumber: string;
  birthDate: string;
  phone: string;
  addressText: string;
  addressCode: string | null;
  deceased: boolean;
  deathDate: string;
  remarks: string;
}

export const emptyPersonForm: PersonForm = { name: '', gender: 'unknown', ethnicity: '', idNumber: '', birthDate: '', phone: '', addressText: '', addressCode: null, deceased: false, deathDate: '', remarks: '' };

export function formOf(p: Person): PersonForm {
  return { name: p.name, gender: p.gender, ethnicity: p.ethnicity, idNumber: p.idNumber, birthDate: p.birthDate, phone: p.phone, addressText: p.addressText, addressCode: p.addressCode, deceased: p.deceased, deathDate: p.deathDate, remarks: p.remarks };
}

export type IdFeedback = { state: 'empty' } | { state: 'masked' } | { state: 'valid'; birthDate: string; sex: 'male' | 'female' } | { state: 'invalid'; reason: LocalizedText };

/** What to say under the ID field: nothing, "masked, kept", valid with birth and sex, or why not. */
export function idFeedback(typed: string, original: Person | null, today?: string): IdFeedback {
  const t = typed.trim();
  if (t === '') return { state: 'empty' };
  if (original?.masked && t === original.idNumber) return { state: 'masked' };
  const r = parseIdNumber(t, today ? { today } : {});
  return r.valid ? { state: 'valid', birthDate: r.birthDate, sex: r.sex } : { state: 'invalid', reason: r.reason };
}

/** The fields to send: everything for a new person; for an existing one only what changed. */
export function personPatch(form: PersonForm, original: Person | null): Partial<PersonFieldsInput> {
  const cleaned: PersonForm = { ...form, name: form.name.trim(), idNumber: form.idNumber.trim(), deathDate: form.deceased ? form.deathDate : '' };
  if (!original) return cleaned;
  const before = formOf(original);
  const patch: Partial<PersonFieldsInput> = {};
  for (const key of Object.keys(cleaned) as (keyof PersonForm)[]) {
    if (cleaned[key] !== before[key]) (patch as Record<string, unknown>)[key] = cleaned[key];
  }
  return patch;
}

/** The form may be saved: a name, and an ID number that is empty, kept masked or valid. */
export function canSave(form: PersonForm, id: IdFeedback): boolean {
  return form.name.trim() !== '' && id.state !== 'invalid';
}
