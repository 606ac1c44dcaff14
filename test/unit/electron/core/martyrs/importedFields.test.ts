import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importedFields } from '../../../../../electron/core/martyrs/importedFields';
import { martyrFieldsSchema, periods, type MartyrFieldsInput } from '../../../../../shared/contract';

/** What zod does with the values: its result, or the fact that it throws. */
function zod(values: MartyrFieldsInput): { ok: true; value: unknown; keys: string[] } | { ok: false } {
  try {
    const value = martyrFieldsSchema.parse(values);
    return { ok: true, value, keys: Object.keys(value) };
  } catch {
    return { ok: false };
  }
}

function ours(values: MartyrFieldsInput): { ok: true; value: unknown; keys: string[] } | { ok: false } {
  try {
    const value = importedFields(values);
    return { ok: true, value, keys: Object.keys(value) };
  } catch {
    return { ok: false };
  }
}

const texts = ['ethnicity', 'birthDate', 'nativePlaceText', 'joinedDate', 'partyDate', 'unitAndPost', 'merits', 'deathDate', 'deathPlaceText', 'deathCause', 'burialPlace', 'cemetery', 'approvedBy', 'approvedDate', 'certificateNo', 'deeds', 'remarks'] as const;

/** Texts as an import row has them (and some it never has): Chinese, astral characters, lengths around every maximum. */
const text = fc.oneof(
  fc.constantFrom('', '张德胜', '1947年春', ' 前后有空格 ', '𠀀𠀁', '华东野战军第九纵队'),
  fc.string({ unit: fc.constantFrom('王', '𠀀', 'a', '1'), minLength: 15, maxLength: 70 }),
  fc.string({ unit: fc.constantFrom('王', '𠀀'), minLength: 95, maxLength: 310 }),
);

const row = fc.record(
  {
    name: text,
    unnamed: fc.boolean(),
    gender: fc.constantFrom('male', 'female', 'unknown', 'other'),
    period: fc.constantFrom(null, ...periods, 'nonsense'),
    sourceId: fc.constantFrom(null, 1, 42, 0, -3, 1.5),
    ...Object.fromEntries(texts.map((k) => [k, text])),
  },
  { requiredKeys: ['name'] },
) as fc.Arbitrary<MartyrFieldsInput>;

describe('importedFields: martyrFieldsSchema.parse without zod on every row', () => {
  it('returns what zod returns, keys in the same order, and throws when zod throws', () => {
    fc.assert(
      fc.property(row, (values) => {
        expect(ours(values)).toEqual(zod(values));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the road through zod for what an import row never has', () => {
    expect(ours({ name: '张三', nextOfKin: [{ name: '张大', relation: 'parent' }] })).toEqual(zod({ name: '张三', nextOfKin: [{ name: '张大', relation: 'parent' }] }));
    expect(ours({ name: '张三', nativePlaceCode: '370000000000' })).toEqual(zod({ name: '张三', nativePlaceCode: '370000000000' }));
    expect(ours({ name: '张三', nativePlaceCode: 'bad' } as MartyrFieldsInput)).toEqual({ ok: false });
    expect(ours({ name: '张三', surplus: 1 } as MartyrFieldsInput)).toEqual({ ok: false });
  });

  it('never hands two records the same list of kin', () => {
    const a = importedFields({ name: '张三' });
    const b = importedFields({ name: '李四' });
    expect(a.nextOfKin).toEqual([]);
    expect(a.nextOfKin).not.toBe(b.nextOfKin);
  });
});
