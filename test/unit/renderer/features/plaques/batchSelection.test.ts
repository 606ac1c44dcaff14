import { describe, expect, it } from 'vitest';
import { batchChosenCount, batchHouseholdIds } from '../../../../../renderer/src/features/plaques/batchSelection';
import { localToday } from '../../../../../renderer/src/features/plaques/dates';

describe('which households a batch takes', () => {
  it('names none when nothing is unticked: the whole division, also beyond the listed page', () => {
    expect(batchHouseholdIds([1, 2, 3], new Set())).toBeUndefined();
    expect(batchChosenCount([1, 2, 3], 900, new Set())).toBe(900);
    // an unticked id that is not listed (left from the other action) changes nothing
    expect(batchHouseholdIds([1, 2, 3], new Set([7]))).toBeUndefined();
  });
  it('names exactly the ticked ones once one is unticked', () => {
    expect(batchHouseholdIds([1, 2, 3], new Set([2]))).toEqual([1, 3]);
    expect(batchChosenCount([1, 2, 3], 900, new Set([2]))).toBe(2);
    expect(batchHouseholdIds([1, 2], new Set([1, 2]))).toEqual([]);
  });
});

describe('the office day', () => {
  it('is the local calendar day, not the UTC one', () => {
    expect(localToday(new Date(2026, 0, 5, 0, 30))).toBe('2026-01-05');
    expect(localToday(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
  });
});
