import { describe, expect, it } from 'vitest';
import type { Person } from '../../../../../shared/contract/people';
import { canSave, emptyPersonForm, formOf, idFeedback, personPatch } from '../../../../../renderer/src/features/people/personForm';

const person: Person = {
  id: 7, name: '李四', gender: 'male', ethnicity: '汉族', idNumber: '110***********002X', birthDate: '1949-12-31', phone: '139****1111', addressText: '胜利****',
  addressCode: '371621101001', addressDivision: '幸福村', deceased: false, deathDate: '', remarks: '', martyrId: null, masked: true, householdId: null, relations: [], updatedAt: '2026-11-23T00:00:00.000Z',
};

describe('the ID number as it is typed', () => {
  it('says why a wrong one is wrong, and what a right one tells', () => {
    expect(idFeedback('110105194912310021', null)).toMatchObject({ state: 'invalid', reason: { zh: expect.stringContaining('校验位') } });
    expect(idFeedback('11010519491231002x', null, '2026-11-23')).toEqual({ state: 'valid', birthDate: '1949-12-31', sex: 'female' });
    expect(idFeedback('1101', null)).toMatchObject({ state: 'invalid' });
    expect(idFeedback('  ', null)).toEqual({ state: 'empty' });
  });
  it('keeps a masked number left as shown', () => {
    expect(idFeedback(person.idNumber, person)).toEqual({ state: 'masked' });
    expect(canSave(formOf(person), idFeedback(person.idNumber, person))).toBe(true);
    expect(canSave({ ...emptyPersonForm, name: '王' }, idFeedback('110105194912310021', null))).toBe(false);
  });
});

describe('the patch sent to people.update', () => {
  it('sends only what changed, never the masked number left alone', () => {
    expect(personPatch({ ...formOf(person), phone: '13800000000' }, person)).toEqual({ phone: '13800000000' });
    expect(personPatch({ ...formOf(person), deceased: true, deathDate: '2020-05-01' }, person)).toEqual({ deceased: true, deathDate: '2020-05-01' });
  });
  it('drops a death date when the person is not marked deceased, and sends everything for a new person', () => {
    expect(personPatch({ ...emptyPersonForm, name: ' 王五 ', deathDate: '2020-01-01' }, null)).toMatchObject({ name: '王五', deathDate: '', deceased: false });
  });
});
