import { describe, expect, it } from 'vitest';
import type { Martyr } from '../../../../../shared/contract';
import { defaultChoices, differs, mergePatch } from '../../../../../renderer/src/features/martyrs/merge/mergeFields';

const date = (verbatim: string) => ({ verbatim, edtf: null, earliest: null, latest: null });

function martyr(over: Partial<Martyr>): Martyr {
  return {
    id: 1, personId: 1, version: 1, status: 'draft', returnReason: null, name: '张德胜', unnamed: false, gender: 'unknown', ethnicity: '',
    birthDate: date(''), nativePlaceText: '', nativePlaceCode: null, nativePlaceFullName: null, joinedDate: date(''), partyDate: date(''),
    unitAndPost: '', merits: '', deathDate: date(''), deathPlaceText: '', deathPlaceCode: null, deathCause: '', period: null, burialPlace: '',
    cemetery: '', approvedBy: '', approvedDate: date(''), certificateNo: '', deeds: '', remarks: '', sourceId: null, sourceTitle: null,
    sourcePage: '', sourceItem: '', scanAttachmentId: null, scanPage: null, scanRegion: null, nextOfKin: [], pinyin: '', initials: '',
    createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'a', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'a', deletedAt: null,
    deleteReason: null, mergedInto: null, mergedFrom: [],
    ...over,
  } as Martyr;
}

describe('merging two records of the same person', () => {
  const keep = martyr({ id: 1, gender: 'male', deathDate: date('1940年5月'), unitAndPost: '八路军一一五师', sourceId: 1, sourcePage: '12' });
  const other = martyr({
    id: 2, gender: 'unknown', deathDate: date('1940年'), nativePlaceText: '惠民县', nativePlaceCode: '371621', unitAndPost: '',
    nextOfKin: [{ personId: 9, name: '张大娘', relation: 'parent', note: '' }], sourceId: 2, sourcePage: '3',
  });

  it('compares the fields, not the provenance', () => {
    expect(differs(keep, other, 'name')).toBe(false);
    expect(differs(keep, other, 'deathDate')).toBe(true);
    expect(differs(keep, other, 'nativePlaceText')).toBe(true);
  });

  it('keeps the non-empty value by default, else the kept record’s', () => {
    expect(defaultChoices(keep, other)).toEqual({ gender: 'keep', deathDate: 'keep', nativePlaceText: 'merge', unitAndPost: 'keep', nextOfKin: 'merge' });
  });

  it('sends only what comes from the other record (a place with its division code)', () => {
    const choices = { ...defaultChoices(keep, other), deathDate: 'merge' as const };
    expect(mergePatch(keep, other, choices)).toEqual({
      deathDate: '1940年',
      nativePlaceText: '惠民县',
      nativePlaceCode: '371621',
      nextOfKin: [{ name: '张大娘', relation: 'parent', note: '' }],
    });
    expect(mergePatch(keep, other, {})).toEqual({});
  });
});
