/**
 * Properties of GB 11643 ID numbers (shared/rules/idNumber.ts), on numbers generated at random:
 * every well-formed number is read back exactly; the MOD 11-2 check character catches every
 * single mistyped character and every swap of two neighbours; an old 15-digit number becomes the
 * 18-digit one of the same person; nothing ever throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ID_REGION_PREFIXES, idCheckChar, maskIdNumber, parseIdNumber } from '../../../../shared/rules/idNumber';

const TODAY = '2026-11-23';
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const birthDate = fc.date({ min: new Date('1850-01-01T00:00:00Z'), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** A well-formed 18-digit number with its parts. */
const idNumber18 = fc.record({ prefix: fc.constantFrom(...ID_REGION_PREFIXES), region: digits(4), birth: birthDate, serial: digits(3) }).map(({ prefix, region, birth, serial }) => {
  const first17 = `${prefix}${region}${birth.replaceAll('-', '')}${serial}`;
  return { id: first17 + idCheckChar(first17)!, birth, sex: Number(serial[2]) % 2 === 1 ? 'male' : 'female' };
});

const CHARS = '0123456789X';

describe('ID numbers (property)', () => {
  it('reads every well-formed number back: region, birth date, sex', () => {
    fc.assert(
      fc.property(idNumber18, ({ id, birth, sex }) => {
        const r = parseIdNumber(id, { today: TODAY });
        expect(r).toMatchObject({ valid: true, normalized: id, as18: id, kind: '18', regionCode: id.slice(0, 6), birthDate: birth, sex });
        // Lower-case x, spaces and full-width digits are the same number.
        const typed = id.replace('X', 'x').replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
        expect(parseIdNumber(` ${typed} `, { today: TODAY })).toMatchObject({ valid: true, normalized: id });
      }),
      { numRuns: 500 },
    );
  });

  it('catches every single mistyped character', () => {
    fc.assert(
      fc.property(idNumber18, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), ({ id }, at, shift) => {
        const pool = at === 17 ? CHARS : CHARS.slice(0, 10);
        const replaced = pool[(pool.indexOf(id[at]!) + shift) % pool.length]!;
        fc.pre(replaced !== id[at]);
        const typo = id.slice(0, at) + replaced + id.slice(at + 1);
        expect(parseIdNumber(typo, { today: TODAY }).valid).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('catches every swap of two different neighbouring digits', () => {
    fc.assert(
      fc.property(idNumber18, fc.integer({ min: 0, max: 16 }), ({ id }, at) => {
        fc.pre(id[at] !== id[at + 1]);
        const swapped = id.slice(0, at) + id[at + 1] + id[at] + id.slice(at + 2);
        expect(parseIdNumber(swapped, { today: TODAY }).valid).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('turns a 15-digit number into the 18-digit number of the same person', () => {
    const born1900s = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('1999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.constantFrom(...ID_REGION_PREFIXES), digits(4), born1900s, digits(3), (prefix, region, birth, serial) => {
        const old = `${prefix}${region}${birth.slice(2).replaceAll('-', '')}${serial}`;
        const r = parseIdNumber(old, { today: TODAY });
        expect(r.valid).toBe(true);
        if (!r.valid) return;
        expect(r.kind).toBe('15');
        expect(r.birthDate).toBe(birth);
        expect(parseIdNumber(r.as18, { today: TODAY })).toMatchObject({ valid: true, kind: '18', birthDate: birth, sex: r.sex, regionCode: r.regionCode });
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, and answers a reason in both languages for anything that is not a number', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.anything() as fc.Arbitrary<string>), (raw) => {
        const r = parseIdNumber(raw, { today: TODAY });
        if (!r.valid) {
          expect(r.reason.zh.length).toBeGreaterThan(0);
          expect(r.reason.en.length).toBeGreaterThan(0);
        }
        expect(typeof maskIdNumber(raw)).toBe('string');
      }),
      { numRuns: 1000 },
    );
  });

  it('masks all but the first 3 and last 4 characters, and keeps the length', () => {
    fc.assert(
      fc.property(idNumber18, ({ id }) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(18);
        expect(masked).toBe(id.slice(0, 3) + '*'.repeat(11) + id.slice(-4));
      }),
    );
  });
});
