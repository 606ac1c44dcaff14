import { describe, expect, it } from 'vitest';
import { recordPath } from '../../../../../../renderer/src/features/admin/integrity/format';
import { formatBytes } from '../../../../../../renderer/src/lib/format';

describe('the integrity panel helpers', () => {
  it('opens each kind of record where the application has a page for it', () => {
    expect(recordPath('martyr', 12)).toBe('/martyrs/12');
    expect(recordPath('award', 3)).toBe('/honors/awards/3');
    expect(recordPath('letter', 7)).toBe('/honors/letters/7');
    expect(recordPath('source', 2)).toBe('/martyrs/sources');
    expect(recordPath('plaque', 5)).toBeNull();
    expect(recordPath('household', 5)).toBeNull();
  });

  it('writes sizes in decimal units, one decimal below 10', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1_500)).toBe('1.5 KB');
    expect(formatBytes(2_345_678)).toBe('2.3 MB');
    expect(formatBytes(512_000_000)).toBe('512 MB');
    expect(formatBytes(3_210_000_000_000_000)).toBe('3210 TB');
  });
});
