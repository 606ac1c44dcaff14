import { describe, expect, it } from 'vitest';
import type { Martyr } from '../../../../../shared/contract';
import { emptyForm, errorsFromIssues, fieldsOf, formForNext, formFromMartyr, localErrors, newKin, nextItem, sameFields } from '../../../../../renderer/src/features/martyrs/record/formState';

const stored = {
  id: 7, personId: 9, version: 3, status: 'verified', returnReason: null,
  name: '无名烈士', unnamed: true, gender: 'male', ethnicity: '汉',
  birthDate: { verbatim: '民国九年', edtf: '1920', earliest: '1920-01-01', latest: '1920-12-31' },
  nativePlaceText: '惠民县', nativePlaceCode: '371621000000', nativePlaceFullName: '山东省 滨州市 惠民县',
  joinedDate: { verbatim: '', edtf: null, earliest: null, latest: null },
  partyDate: { verbatim: '', edtf: null, earliest: null, latest: null },
  unitAndPost: '三连战士', merits: '', deathDate: { verbatim: '1947年春', edtf: '1947-21', earliest: '1947-03-01', latest: '1947-05-31' },
  deathPlaceText: '', deathPlaceCode: null, deathCause: '', period: 'liberation', burialPlace: '', cemetery: '',
  approvedBy: '', approvedDate: { verbatim: '', edtf: null, earliest: null, latest: null }, certificateNo: '', deeds: '', remarks: '',
  sourceId: 2, sourceTitle: '油印本', sourcePage: '12', sourceItem: '3', scanAttachmentId: null, scanPage: null, scanRegion: null,
  nextOfKin: [{ personId: 11, name: '王大柱', relation: 'parent', note: '' }],
  pinyin: '', initials: '', createdAt: '', createdBy: '', updatedAt: '', updatedBy: '', deletedAt: null, deleteReason: null,
  mergedInto: null, mergedFrom: [],
} as Martyr;

describe('the entry form state', () => {
  it('reads a stored record back as the text keyed in (dates verbatim, an unnamed martyr’s default name left out)', () => {
    const form = formFromMartyr(stored);
    expect(form.name).toBe('');
    expect(form.unnamed).toBe(true);
    expect(form.birthDate).toBe('民国九年');
    expect(form.nativePlace?.code).toBe('371621000000');
    expect(form.nativePlace?.fullName).toBe('山东省 滨州市 惠民县');
    expect(form.nativePlace?.level).toBe(3);
    expect(form.nextOfKin.map((k) => k.name)).toEqual(['王大柱']);
  });

  it('sends every field, trimmed, dropping relatives left empty', () => {
    const form = { ...emptyForm(), name: ' 张德胜 ', deathDate: '1940年 ', nextOfKin: [{ ...newKin(), name: '张大娘', relation: 'parent' as const }, newKin()] };
    const fields = fieldsOf(form);
    expect(fields.name).toBe('张德胜');
    expect(fields.deathDate).toBe('1940年');
    expect(fields.nextOfKin).toEqual([{ name: '张大娘', relation: 'parent', note: '' }]);
    expect(fields.nativePlaceCode).toBeNull();
    expect(Object.keys(fields)).toHaveLength(30);
  });

  it('tells whether anything changed, ignoring kin row keys and surrounding spaces', () => {
    const a = formFromMartyr(stored);
    const b = formFromMartyr(stored);
    expect(sameFields(a, b)).toBe(true);
    expect(sameFields(a, { ...b, remarks: ' ' })).toBe(true);
    expect(sameFields(a, { ...b, remarks: '补充' })).toBe(false);
  });

  it('"save and next" keeps the source, page and scan, moves the item on and clears the rest, the region too', () => {
    const saved = { ...formFromMartyr(stored), scanAttachmentId: 4, scanPage: 12, scanRegion: { x: 0.1, y: 0.2, w: 0.8, h: 0.05 } };
    const next = formForNext(saved);
    expect(next).toMatchObject({ sourceId: 2, sourcePage: '12', sourceItem: '4', scanAttachmentId: 4, scanPage: 12, scanRegion: null, name: '', birthDate: '', unnamed: false, nextOfKin: [] });
    expect(nextItem('09')).toBe('10');
    expect(nextItem('007')).toBe('008');
    expect(nextItem('12a')).toBe('12a');
    expect(nextItem('')).toBe('');
  });

  it('checks as you type: the name, the dates, death before birth, relatives’ names', () => {
    expect(localErrors({ ...emptyForm(), name: '张德胜' })).toEqual({});
    expect(Object.keys(localErrors(emptyForm()))).toEqual(['name']);
    expect(Object.keys(localErrors({ ...emptyForm(), unnamed: true }))).toEqual([]);
    const errors = localErrors({ ...emptyForm(), name: '张3', birthDate: '1947年13月', nextOfKin: [{ ...newKin(), name: 'x' }] });
    expect(Object.keys(errors).sort()).toEqual(['birthDate', 'name', 'nextOfKin.0.name']);
    expect(localErrors({ ...emptyForm(), name: '李四', birthDate: '1930年', deathDate: '1920年' }).deathDate?.zh).toMatch(/早于/);
  });

  it('puts the backend’s VALIDATION issues on their fields', () => {
    const errors = errorsFromIssues([
      { path: 'name', message: { zh: '姓名：不行', en: 'Name: no' } },
      { path: 'fields.deathDate', message: { zh: '牺牲时间：不行', en: 'no' } },
      { path: 'name', message: { zh: '第二条', en: 'second' } },
    ]);
    expect(Object.keys(errors)).toEqual(['name', 'deathDate']);
    expect(errors.name?.zh).toBe('姓名：不行');
  });
});
