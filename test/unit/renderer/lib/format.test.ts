import { describe, expect, it } from 'vitest';
import { formatCount, formatDateTime } from '../../../../renderer/src/lib/format';

describe('formatDateTime', () => {
  it('shows local time as yyyy-MM-dd HH:mm:ss', () => {
    const iso = new Date(2026, 0, 2, 3, 4, 5).toISOString();
    expect(formatDateTime(iso)).toBe('2026-01-02 03:04:05');
  });
  it('leaves nothing and nonsense alone', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('')).toBe('');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
  it('groups counts by thousands', () => {
    expect(formatCount(2975)).toBe('2,975');
    expect(formatCount(0)).toBe('0');
  });
});
