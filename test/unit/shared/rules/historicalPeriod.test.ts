import { describe, expect, it } from 'vitest';
import { suggestPeriod } from '../../../../shared/rules/historicalPeriod';

describe('the historical period a date of death suggests', () => {
  it.each([
    ['1943-09-01', '1943-11-30', 'anti_japanese'],
    ['1937-07-07', '1937-07-07', 'anti_japanese'],
    ['1937-07-06', '1937-07-06', 'agrarian_revolution'],
    ['1947-03-01', '1947-03-10', 'liberation'],
    ['1934-01-01', '1934-12-31', 'agrarian_revolution'],
    ['1926-01-01', '1926-12-31', 'first_civil_war'],
    ['1962-01-01', '1962-12-31', 'construction'],
    ['1979-02-17', '1979-03-16', 'new_era'],
    // 1937 and 1949 each span two periods; 1951 may be Korea or home.
    ['1937-01-01', '1937-12-31', null],
    ['1949-01-01', '1949-12-31', null],
    ['1951-01-01', '1951-12-31', null],
    ['1900-01-01', '1900-12-31', null],
    ['1950-01-01', '1950-12-31', null],
    ['', '', null],
    ['1950-01-01', '1940-01-01', null],
  ] as const)('%s … %s → %s', (earliest, latest, period) => {
    expect(suggestPeriod(earliest, latest)).toBe(period);
  });
});
