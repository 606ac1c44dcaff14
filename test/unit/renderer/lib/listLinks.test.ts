import { describe, expect, it } from 'vitest';
import {
  awardFilterFromHash,
  awardsInput,
  awardsPath,
  awardYearOf,
  ledgerFilterFromHash,
  ledgerInput,
  ledgerPath,
  ledgerViewOf,
  letterFilterFromHash,
  lettersInput,
  lettersPath,
  rollFilterFromHash,
  rollPath,
} from '../../../../renderer/src/lib/listLinks';

describe('the lists’ filters as addresses', () => {
  it('round-trips the ledger’s division, view and category, ignoring what is not one', () => {
    expect(ledgerPath({ divisionCode: '371621101001', view: 'hung' })).toBe('/plaques?division=371621101001&view=hung');
    expect(ledgerPath({ divisionCode: '371621000000', view: 'cancelled', category: 'martyr_family' })).toBe('/plaques?division=371621000000&view=cancelled&category=martyr_family');
    expect(ledgerFilterFromHash('#/plaques?division=371621101001&view=in_use_not_hung&category=veteran')).toEqual({ divisionCode: '371621101001', view: 'in_use_not_hung', category: 'veteran' });
    expect(ledgerFilterFromHash('#/plaques?division=12&view=drop&category=cousin')).toEqual({ divisionCode: null, view: 'all', category: null });
    expect(ledgerPath({ view: 'all', category: null })).toBe('/plaques');
    expect(ledgerViewOf('superseded')).toBe('all');
    expect(ledgerInput({ divisionCode: null, view: 'all', category: null })).toEqual({ view: 'all' });
    expect(ledgerInput({ divisionCode: '371621101001', view: 'hung', category: 'veteran' })).toEqual({ divisionCode: '371621101001', view: 'hung', category: 'veteran' });
  });

  it('round-trips the register’s class and year; “none” is the undated awards', () => {
    expect(awardsPath({ classId: 4, year: 2026 })).toBe('/honors?class=4&year=2026');
    expect(awardsPath({ classId: 4, year: 'none' })).toBe('/honors?class=4&year=none');
    expect(awardsPath({ classId: null, year: null })).toBe('/honors');
    expect(awardFilterFromHash('#/honors?class=4&year=none')).toEqual({ classId: 4, year: 'none' });
    expect(awardFilterFromHash('#/honors?class=0&year=1800')).toEqual({ classId: null, year: null });
    expect(awardsInput({ classId: 4, year: 'none' })).toEqual({ classId: 4, year: null });
    expect(awardsInput({ classId: null, year: 2025 })).toEqual({ year: 2025 });
    expect(awardsInput({ classId: null, year: null })).toEqual({});
    expect([awardYearOf('2026'), awardYearOf('202'), awardYearOf('1900')]).toEqual([2026, null, null]);
  });

  it('round-trips the letters’ status and due filter, and the roll’s status and period', () => {
    expect(lettersPath({ status: 'verified' })).toBe('/honors/letters?status=verified');
    expect(lettersPath({ status: null, due: 'overdue' })).toBe('/honors/letters?due=overdue');
    expect(letterFilterFromHash('#/honors/letters?status=verified&due=open')).toEqual({ status: 'verified', due: 'open' });
    expect(letterFilterFromHash('#/honors/letters?status=x&due=y')).toEqual({ status: null, due: 'all' });
    expect(rollPath({ status: 'draft', period: 'liberation' })).toBe('/martyrs?status=draft&period=liberation');
    expect(rollFilterFromHash('#/martyrs?status=draft&period=liberation')).toEqual({ status: 'draft', period: 'liberation' });
    expect(rollFilterFromHash('#/martyrs?period=nope')).toEqual({ status: null, period: null });
  });

  it('the letters’ filter as the list sends it: a status only when one is chosen', () => {
    expect(lettersInput({ status: null, due: 'all' })).toEqual({ due: 'all' });
    expect(lettersInput(letterFilterFromHash('#/honors/letters?status=received&due=overdue'))).toEqual({ status: 'received', due: 'overdue' });
  });

  it('the roll’s “period not stated” (the dashboard’s 未注明时期 bar) is period=none', () => {
    expect(rollPath({ status: 'verified', period: 'none' })).toBe('/martyrs?status=verified&period=none');
    expect(rollFilterFromHash('#/martyrs?status=verified&period=none')).toEqual({ status: 'verified', period: 'none' });
    expect(rollFilterFromHash('#/martyrs?period=none')).toEqual({ status: null, period: 'none' });
  });
});
