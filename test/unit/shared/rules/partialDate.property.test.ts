/**
 * Properties of partial dates (shared/rules/partialDate.ts) over dates generated from the way
 * archivists write them (year, month, day, season, 上中下旬, 约, （?）, 以前/以后, ranges, 民国,
 * Chinese numerals): each is read, earliest ≤ latest are real days that bound it, the EDTF reads
 * back from its own Chinese display text, and no text at all makes it throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPartialDate, MAX_YEAR, MIN_YEAR, OPEN_END, OPEN_START, parsePartialDate } from '../../../../shared/rules/partialDate';
import { daysInMonth } from '../../../../shared/rules/helpers';

const pad = (n: number) => String(n).padStart(2, '0');
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A point in time as written, with the first and last day it can mean. */
type Point = { text: string; earliest: string; latest: string };
const point: fc.Arbitrary<Point> = fc.integer({ min: 1850, max: 2100 }).chain((year) =>
  fc.oneof(
    fc.constant({ text: `${year}年`, earliest: `${year}-01-01`, latest: `${year}-12-31` }),
    fc.integer({ min: 1, max: 12 }).map((m) => ({ text: `${year}年${m}月`, earliest: `${year}-${pad(m)}-01`, latest: `${year}-${pad(m)}-${pad(daysInMonth(year, m))}` })),
    fc.integer({ min: 1, max: 12 }).chain((m) => fc.integer({ min: 1, max: daysInMonth(year, m) }).map((d) => ({ text: `${year}年${m}月${d}日`, earliest: `${year}-${pad(m)}-${pad(d)}`, latest: `${year}-${pad(m)}-${pad(d)}` }))),
    fc.integer({ min: 1, max: 12 }).chain((m) =>
      fc.constantFrom(['上旬', 1, 10], ['中旬', 11, 20], ['下旬', 21, daysInMonth(year, m)] as const).map(([xun, a, b]) => ({ text: `${year}年${m}月${xun}`, earliest: `${year}-${pad(m)}-${pad(a as number)}`, latest: `${year}-${pad(m)}-${pad(b as number)}` })),
    ),
    fc.constantFrom(['春', `${year}-03-01`, `${year}-05-31`], ['夏', `${year}-06-01`, `${year}-08-31`], ['秋', `${year}-09-01`, `${year}-11-30`], ['冬', `${year}-12-01`, `${year + 1}-02-${pad(daysInMonth(year + 1, 2))}`]).map(([s, earliest, latest]) => ({ text: `${year}年${s}`, earliest: earliest!, latest: latest! })),
  ),
);

function readsBack(edtf: string) {
  const again = parsePartialDate(formatPartialDate(edtf));
  expect(again.ok, `${edtf} → ${formatPartialDate(edtf)}`).toBe(true);
  if (again.ok) expect(again.edtf).toBe(edtf);
}

describe('partial dates (property)', () => {
  it('reads every point as written, bounded by its first and last day, and back from its display text', () => {
    fc.assert(
      fc.property(point, fc.boolean(), fc.boolean(), ({ text, earliest, latest }, about, doubt) => {
        const written = `${about ? '约' : ''}${text}${doubt ? '（?）' : ''}`;
        const r = parsePartialDate(written);
        expect(r.ok, written).toBe(true);
        if (!r.ok) return;
        expect([r.earliest, r.latest]).toEqual([earliest, latest]);
        expect([r.approximate, r.uncertain]).toEqual([about, doubt]);
        readsBack(r.edtf);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads ranges, 以前 and 以后 with the right ends', () => {
    fc.assert(
      fc.property(point, point, fc.constantFrom('range', 'before', 'after'), (a, b, form) => {
        if (form === 'range') {
          fc.pre(a.latest < b.earliest);
          const r = parsePartialDate(`${a.text}至${b.text}`);
          expect(r.ok, `${a.text}至${b.text}`).toBe(true);
          if (r.ok) {
            expect([r.earliest, r.latest]).toEqual([a.earliest, b.latest]);
            readsBack(r.edtf);
          }
          return;
        }
        const r = parsePartialDate(form === 'before' ? `${a.text}以前` : `${a.text}以后`);
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect([r.earliest, r.latest]).toEqual(form === 'before' ? [OPEN_START, a.latest] : [a.earliest, OPEN_END]);
          readsBack(r.edtf);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads 民国 years and Chinese numerals as the same years', () => {
    const numerals = '〇一二三四五六七八九';
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 88 }), fc.integer({ min: 1850, max: 2100 }), (minguo, year) => {
        const r = parsePartialDate(`民国${minguo === 1 ? '元' : minguo}年`);
        expect(r).toMatchObject({ ok: true, edtf: String(1911 + minguo) });
        const chinese = [...String(year)].map((d) => numerals[Number(d)]).join('');
        expect(parsePartialDate(`${chinese}年`)).toMatchObject({ ok: true, edtf: String(year) });
      }),
      { numRuns: 300 },
    );
  });

  it('never throws: any text is a date within the years it allows, or a reason in both languages', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.stringMatching(/^[约?（）至年月日春夏秋冬上中下旬以前后0-9〇一二三四五六七八九十廿卅民国元间.\-/]{0,30}$/), fc.string({ minLength: 190, maxLength: 400 })), (raw) => {
        const r = parsePartialDate(raw);
        if (r.ok) {
          expect(r.earliest).toMatch(ISO_DAY);
          expect(r.latest).toMatch(ISO_DAY);
          expect(r.earliest <= r.latest).toBe(true);
          expect(Number(r.earliest.slice(0, 4))).toBeGreaterThanOrEqual(Math.min(MIN_YEAR, Number(OPEN_START.slice(0, 4))));
          expect(Number(r.latest.slice(0, 4)) <= MAX_YEAR + 1 || r.latest === OPEN_END).toBe(true);
        } else {
          expect(r.reason.zh.length).toBeGreaterThan(0);
          expect(r.reason.en.length).toBeGreaterThan(0);
        }
        expect(typeof formatPartialDate(raw)).toBe('string');
      }),
      { numRuns: 1500 },
    );
  });
});
