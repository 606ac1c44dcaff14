import { describe, expect, it } from 'vitest';
import { martyrImportSpec } from '../../../../../electron/core/martyrs/importSpec';

/** A row's gender and period cells are looked up in the spec's own tables only. */
describe('martyrs import: words in the gender and period columns', () => {
  const parse = (cells: Record<string, string>) => martyrImportSpec({ sourceId: null }).parseRow({ name: '张德胜', ...cells }, 5, { date1904: false });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('“%s” is a row problem, not a crash', (word) => {
    const gender = parse({ gender: word });
    expect(gender.ok).toBe(false);
    const period = parse({ period: word });
    expect(period.ok).toBe(false);
  });

  it('known words still read', () => {
    const r = parse({ gender: '男', period: '抗日战争' });
    expect(r.ok).toBe(true);
  });
});
