import { describe, expect, it } from 'vitest';
import { filtersFromHash, hasFilters, isRollAddress, noFilters, rangeDay, searchInput, sourceFromHash } from '../../../../../renderer/src/features/martyrs/list/rollSearch';

describe('the roll search input', () => {
  it('sends only the filters that are set, and the order', () => {
    expect(searchInput({ query: ' 德胜 ', filters: noFilters, sort: 'pinyin' })).toEqual({ query: '德胜', sort: 'pinyin', deleted: false });
    const division = { code: '371621000000', name: '惠民县', level: 3 as const, parentCode: null, fullName: '山东省 滨州市 惠民县', pinyin: '', initials: '' };
    expect(
      searchInput({ query: '', filters: { status: 'draft', period: 'liberation', sourceId: 3, division, deathFrom: '1945年8月', deathTo: '民国三十八年' }, sort: 'deathDate' }, true),
    ).toEqual({ query: '', sort: 'deathDate', deleted: true, status: 'draft', period: 'liberation', sourceId: 3, divisionCode: '371621000000', deathFrom: '1945-08-01', deathTo: '1949-12-31' });
  });

  it('reads a death date range as archivists write dates, ignoring what it cannot read', () => {
    expect(rangeDay('1937', 'from')).toEqual({ ok: true, day: '1937-01-01' });
    expect(rangeDay('1945年8月', 'to')).toEqual({ ok: true, day: '1945-08-31' });
    expect(rangeDay('', 'to')).toEqual({ ok: true, day: undefined });
    expect(rangeDay('明天', 'to')).toEqual({ ok: false });
    expect(searchInput({ query: '', filters: { ...noFilters, deathFrom: '明天' }, sort: 'entered' })).toEqual({ query: '', sort: 'entered', deleted: false });
    expect(hasFilters(noFilters)).toBe(false);
    expect(hasFilters({ ...noFilters, deathTo: '1949' })).toBe(true);
  });

  it('opens the roll filtered by a source from the address', () => {
    expect(sourceFromHash('#/martyrs?source=3')).toBe(3);
    expect(sourceFromHash('#/martyrs')).toBeNull();
    expect(sourceFromHash('#/martyrs?source=x')).toBeNull();
  });

  it('reads the filters an address carries: a source, a status and period (period=none: not stated), or none', () => {
    expect(filtersFromHash('#/martyrs?status=verified&period=none')).toEqual({ ...noFilters, status: 'verified', period: 'none' });
    expect(searchInput({ query: '', filters: filtersFromHash('#/martyrs?period=none')!, sort: 'strokeSurname' })).toEqual({ query: '', sort: 'strokeSurname', deleted: false, period: 'none' });
    expect(filtersFromHash('#/martyrs?source=3&status=draft')).toEqual({ ...noFilters, sourceId: 3, status: 'draft' });
    expect(filtersFromHash('#/martyrs')).toBeNull();
    expect(filtersFromHash('#/martyrs?period=nope')).toBeNull();
  });

  it('tells the roll’s own address from a record’s or another tab’s', () => {
    expect(['#/martyrs', '#/martyrs?period=none', '#/martyrs/'].map(isRollAddress)).toEqual([true, true, true]);
    expect(['#/martyrs/12', '#/martyrs/review', '#/home', ''].map(isRollAddress)).toEqual([false, false, false, false]);
  });
});
