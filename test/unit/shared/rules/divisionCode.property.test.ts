/**
 * Properties of division codes (shared/rules/divisionCode.ts) over random well-formed codes:
 * normalization is idempotent and width-blind, the level is the last non-zero segment, and
 * climbing parentDivisionCode reaches the province one level at a time, each prefix inside the
 * one above. Nothing ever throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divisionLevel, divisionPrefix, isValidDivisionCode, normalizeDivisionCode, parentDivisionCode, PROVINCES } from '../../../../shared/rules/divisionCode';

const LENGTHS = [2, 4, 6, 9, 12] as const;
const nonZero = (n: number) => fc.integer({ min: 1, max: 10 ** n - 1 }).map((v) => String(v).padStart(n, '0'));

/** A valid code of a given level: province, then non-zero segments down to that level. */
const divisionCode = fc.integer({ min: 1, max: 5 }).chain((level) =>
  fc.tuple(fc.constantFrom(...Object.keys(PROVINCES)), nonZero(2), nonZero(2), nonZero(3), nonZero(3)).map(([p, c, k, t, v]) => {
    const segments = [p, c, k, t, v].slice(0, level).join('');
    return { short: segments, code12: segments.padEnd(12, '0'), level };
  }),
);

describe('division codes (property)', () => {
  it('reads every valid code at its level, whether given short, long or full-width', () => {
    fc.assert(
      fc.property(divisionCode, ({ short, code12, level }) => {
        expect(short).toHaveLength(LENGTHS[level - 1]!);
        expect(normalizeDivisionCode(short)).toEqual({ ok: true, code12, level });
        expect(normalizeDivisionCode(code12)).toEqual({ ok: true, code12, level });
        const wide = ` ${short.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}　`;
        expect(normalizeDivisionCode(wide)).toEqual({ ok: true, code12, level });
        expect(isValidDivisionCode(code12)).toBe(true);
        expect(divisionLevel(code12)).toBe(level);
        expect(divisionPrefix(code12)).toBe(short);
      }),
      { numRuns: 500 },
    );
  });

  it('climbs to the province one level at a time, each prefix inside the one above', () => {
    fc.assert(
      fc.property(divisionCode, ({ code12, level }) => {
        let code: string | null = code12;
        let steps = 0;
        while (code !== null && divisionLevel(code) !== 1) {
          const parent = parentDivisionCode(code);
          expect(parent).not.toBeNull();
          expect(divisionLevel(parent!)).toBe(divisionLevel(code)! - 1);
          expect(code.startsWith(divisionPrefix(parent!)!)).toBe(true);
          code = parent;
          steps++;
        }
        expect(steps).toBe(level - 1);
        expect(parentDivisionCode(code!)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a zero segment above a non-zero one, and never throws on anything', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(PROVINCES)), nonZero(2), (p, k) => {
        expect(normalizeDivisionCode(`${p}00${k}`)).toMatchObject({ ok: false, code: 'structure' });
      }),
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 20 }), fc.stringMatching(/^[0-9]{0,14}$/), fc.anything() as fc.Arbitrary<string>), (raw) => {
        const r = normalizeDivisionCode(raw);
        if (r.ok) {
          expect(isValidDivisionCode(r.code12)).toBe(true);
          expect(normalizeDivisionCode(r.code12)).toEqual(r);
        } else {
          expect(r.reason.zh.length).toBeGreaterThan(0);
          expect(r.reason.en.length).toBeGreaterThan(0);
        }
        expect(() => [divisionLevel(raw), divisionPrefix(raw), parentDivisionCode(raw), isValidDivisionCode(raw)]).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });
});
