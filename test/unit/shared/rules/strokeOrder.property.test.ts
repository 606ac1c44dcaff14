/**
 * Properties of name order by strokes (shared/rules/strokeOrder.ts) over random names: both
 * conventions are total orders (antisymmetric, transitive, 0 only for the same text) that agree
 * with their sort keys compared as plain strings (what SQLite's BINARY collation does), and a
 * name with fewer strokes in its first character comes first.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNames, sortKey, strokeCount, type NameOrderConvention } from '../../../../shared/rules/strokeOrder';

// Common characters (all in cnchar-order's table), a rare one, separators and noise.
const CHARS = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗一乙二丁七八九十人入力上下大小山千川门马王五明秀英建国华欧阳司马诸葛𠀀'];
const name = fc.array(fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...CHARS) }, { weight: 1, arbitrary: fc.constantFrom('·', ' ', 'a', '1') }), { minLength: 0, maxLength: 5 }).map((c) => c.join(''));
const convention = fc.constantFrom<NameOrderConvention>('surname', 'fullName');
const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

describe('stroke order (property)', () => {
  it('is a total order that agrees with its keys compared as strings', () => {
    fc.assert(
      fc.property(name, name, name, convention, (a, b, c, conv) => {
        expect(sign(compareNames(a, b, conv)) + sign(compareNames(b, a, conv))).toBe(0);
        expect(compareNames(a, b, conv) === 0).toBe(a === b);
        if (compareNames(a, b, conv) <= 0 && compareNames(b, c, conv) <= 0) expect(compareNames(a, c, conv)).toBeLessThanOrEqual(0);
        const [ka, kb] = [sortKey(a, conv), sortKey(b, conv)];
        if (ka !== kb) expect(sign(compareNames(a, b, conv))).toBe(ka < kb ? -1 : 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts a list the same however it is shuffled', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 30 }), convention, fc.integer(), (names, conv, seed) => {
        const sorted = [...names].sort((x, y) => compareNames(x, y, conv));
        const shuffled = fc.sample(fc.shuffledSubarray(names, { minLength: names.length, maxLength: names.length }), { numRuns: 1, seed })[0]!;
        expect(shuffled.sort((x, y) => compareNames(x, y, conv))).toEqual(sorted);
      }),
      { numRuns: 300 },
    );
  });

  it('puts the name whose first character has fewer strokes first (one-character names)', () => {
    const known = CHARS.filter((c) => strokeCount(c) > 0);
    fc.assert(
      fc.property(fc.constantFrom(...known), fc.constantFrom(...known), convention, (x, y, conv) => {
        fc.pre(strokeCount(x) !== strokeCount(y));
        expect(sign(compareNames(x, y, conv))).toBe(strokeCount(x) < strokeCount(y) ? -1 : 1);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.anything() as fc.Arbitrary<string>), convention, (raw, conv) => {
        expect(typeof sortKey(raw, conv)).toBe('string');
        expect(Number.isFinite(compareNames(raw, '王', conv))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
