import { describe, expect, it } from 'vitest';
import {
  divisionLevel,
  divisionPrefix,
  isValidDivisionCode,
  normalizeDivisionCode,
  parentDivisionCode,
  PROVINCES,
} from '../../../../shared/rules/divisionCode';

describe('normalizeDivisionCode — accepted', () => {
  it.each([
    ['11', '110000000000', 1],
    ['1101', '110100000000', 2],
    ['110101', '110101000000', 3],
    ['110101001', '110101001000', 4],
    ['110101001001', '110101001001', 5],
    ['110000', '110000000000', 1],
    ['110100', '110100000000', 2],
    ['371621', '371621000000', 3],
    ['429004', '429004000000', 3],
    ['650000000000', '650000000000', 1],
    ['  320106  ', '320106000000', 3],
    ['３２０１０６', '320106000000', 3],
    ['710000', '710000000000', 1],
    ['820000', '820000000000', 1],
  ] as const)('%j → %s (level %i)', (raw, code12, level) => {
    expect(normalizeDivisionCode(raw)).toEqual({ ok: true, code12, level });
  });
});

describe('normalizeDivisionCode — refused', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['11a1', 'chars'],
    ['11-01', 'chars'],
    ['1', 'length'],
    ['110', 'length'],
    ['11010', 'length'],
    ['1101010', 'length'],
    ['1101010010', 'length'],
    ['1101010010010', 'length'],
    ['99', 'province'],
    ['000000000000', 'province'],
    ['830000', 'province'],
    ['110001', 'structure'],
    ['110100001000', 'structure'],
    ['110101000001', 'structure'],
  ] as const)('%j → %s', (raw, code) => {
    const result = normalizeDivisionCode(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.reason.zh).not.toBe('');
    expect(result.reason.en).not.toBe('');
  });
});

describe('level, parent, prefix', () => {
  it.each([
    ['110000000000', 1, null, '11'],
    ['110100000000', 2, '110000000000', '1101'],
    ['110101000000', 3, '110100000000', '110101'],
    ['110101001000', 4, '110101000000', '110101001'],
    ['110101001001', 5, '110101001000', '110101001001'],
    ['371621100000', 4, '371621000000', '371621100'],
    ['371621100201', 5, '371621100000', '371621100201'],
    ['500000000000', 1, null, '50'],
    ['500101000000', 3, '500100000000', '500101'],
  ] as const)('%s: level %i, parent %s, prefix %s', (code12, level, parent, prefix) => {
    expect(isValidDivisionCode(code12)).toBe(true);
    expect(divisionLevel(code12)).toBe(level);
    expect(parentDivisionCode(code12)).toBe(parent);
    expect(divisionPrefix(code12)).toBe(prefix);
  });

  it.each(['', '11', '110101', '11010100100', '1101010010010', '９９０１０１００１００１', '990000000000', '110001000000', 'abcdefghijkl', '１１００００００００００'])(
    'invalid %j: level/parent/prefix are null, isValid false',
    (code) => {
      expect(isValidDivisionCode(code)).toBe(false);
      expect(divisionLevel(code)).toBeNull();
      expect(parentDivisionCode(code)).toBeNull();
      expect(divisionPrefix(code)).toBeNull();
    },
  );

  it('walking up from a village reaches the province in four steps', () => {
    const chain: string[] = [];
    for (let code: string | null = '110101001001'; code; code = parentDivisionCode(code)) chain.push(code);
    expect(chain).toEqual(['110101001001', '110101001000', '110101000000', '110100000000', '110000000000']);
  });

  it('has the 34 province-level divisions', () => {
    expect(Object.keys(PROVINCES)).toHaveLength(34);
  });
});

describe('never throws', () => {
  it.each(['\uD800', '😀', '1'.repeat(100_000), '\u0000', undefined as unknown as string])('%#', (input) => {
    expect(() => normalizeDivisionCode(input)).not.toThrow();
    expect(() => divisionLevel(input)).not.toThrow();
    expect(() => parentDivisionCode(input)).not.toThrow();
    expect(() => divisionPrefix(input)).not.toThrow();
    expect(() => isValidDivisionCode(input)).not.toThrow();
  });
});
