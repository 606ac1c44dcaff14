import { describe, expect, it } from 'vitest';
import { idCheckChar, maskIdNumber, parseIdNumber } from '../../../../shared/rules/idNumber';

const today = '2026-11-23';

/** Independent oracle: ISO 7064 MOD 11-2, weights 2^(17-i) mod 11, check = (12 - sum mod 11) mod 11. */
function iso7064(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const value = (12 - (sum % 11)) % 11;
  return value === 10 ? 'X' : String(value);
}

type Valid = [string, { normalized: string; as18: string; kind: '18' | '15'; regionCode: string; birthDate: string; sex: 'male' | 'female' }];

describe('parseIdNumber — valid numbers', () => {
  const cases: Valid[] = [
    ['11010519491231002X', { normalized: '11010519491231002X', as18: '11010519491231002X', kind: '18', regionCode: '110105', birthDate: '1949-12-31', sex: 'female' }],
    ['11010519491231002x', { normalized: '11010519491231002X', as18: '11010519491231002X', kind: '18', regionCode: '110105', birthDate: '1949-12-31', sex: 'female' }],
    ['  11010519491231002X  ', { normalized: '11010519491231002X', as18: '11010519491231002X', kind: '18', regionCode: '110105', birthDate: '1949-12-31', sex: 'female' }],
    ['\u300011010519491231002X\u3000', { normalized: '11010519491231002X', as18: '11010519491231002X', kind: '18', regionCode: '110105', birthDate: '1949-12-31', sex: 'female' }],
    ['１１０１０５１９４９１２３１００２Ｘ', { normalized: '11010519491231002X', as18: '11010519491231002X', kind: '18', regionCode: '110105', birthDate: '1949-12-31', sex: 'female' }],
    ['１１０１０５１９４９１２３１００２ｘ', { normalized: '11010519491231002X', as18: '11010519491231002X', kind: '18', regionCode: '110105', birthDate: '1949-12-31', sex: 'female' }],
    ['440301199001011234', { normalized: '440301199001011234', as18: '440301199001011234', kind: '18', regionCode: '440301', birthDate: '1990-01-01', sex: 'male' }],
    ['650102193608150078', { normalized: '650102193608150078', as18: '650102193608150078', kind: '18', regionCode: '650102', birthDate: '1936-08-15', sex: 'male' }],
    ['110105200002290013', { normalized: '110105200002290013', as18: '110105200002290013', kind: '18', regionCode: '110105', birthDate: '2000-02-29', sex: 'male' }],
    ['830000199201300022', { normalized: '830000199201300022', as18: '830000199201300022', kind: '18', regionCode: '830000', birthDate: '1992-01-30', sex: 'female' }],
    ['810000198507070030', { normalized: '810000198507070030', as18: '810000198507070030', kind: '18', regionCode: '810000', birthDate: '1985-07-07', sex: 'male' }],
    ['110105490101002', { normalized: '110105490101002', as18: '110105194901010021', kind: '15', regionCode: '110105', birthDate: '1949-01-01', sex: 'female' }],
    ['130503670401001', { normalized: '130503670401001', as18: '130503196704010016', kind: '15', regionCode: '130503', birthDate: '1967-04-01', sex: 'male' }],
    ['１３０５０３６７０４０１００１', { normalized: '130503670401001', as18: '130503196704010016', kind: '15', regionCode: '130503', birthDate: '1967-04-01', sex: 'male' }],
  ];
  it.each(cases)('%s', (raw, expected) => {
    expect(parseIdNumber(raw, { today })).toEqual({ valid: true, ...expected });
  });
});

describe('parseIdNumber — invalid numbers', () => {
  const cases: [string, string, 'length' | 'chars' | 'checksum' | 'birthDate' | 'region'][] = [
    ['wrong check digit', '110105194912310021', 'checksum'],
    ['two digits swapped', '11010519491213002X', 'checksum'],
    ['Feb 29 in a non-leap year', '110105194902290010', 'birthDate'],
    ['15-digit 1900-02-29 (1900 is not leap)', '110105000229001', 'birthDate'],
    ['month 13', '110105194913010010', 'birthDate'],
    ['day 00', '110105194901000010', 'birthDate'],
    ['born after today', '110105203001010010', 'birthDate'],
    ['born before 1850', '110105184901010010', 'birthDate'],
    ['province 99', '990105194912310020', 'region'],
    ['province 00', '000105194912310020', 'region'],
    ['province 19 (not a province)', '190105194912310020', 'region'],
    ['16 digits', '1101051949123100', 'length'],
    ['17 digits', '11010519491231002', 'length'],
    ['19 digits', '1101051949123100210', 'length'],
    ['19 characters ending in X', '110105194912310021X', 'length'],
    ['empty', '', 'length'],
    ['spaces only', '   ', 'length'],
    ['a letter', '11010519491231002A', 'chars'],
    ['X in the middle', '1101051949X231002X', 'chars'],
    ['X at the end of a 15-digit number', '11010549010100X', 'chars'],
    ['inner space', '110105 19491231002X', 'chars'],
    ['Chinese digits', '一一〇一〇五一九四九一二三一〇〇二X', 'chars'],
  ];
  it.each(cases)('%s: %s → %s', (_label, raw, code) => {
    const result = parseIdNumber(raw, { today });
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.code).toBe(code);
    expect(result.reason.zh.length).toBeGreaterThan(0);
    expect(result.reason.en.length).toBeGreaterThan(0);
  });
});

describe('parseIdNumber — today', () => {
  it.each([
    ['born today is fine', '2026-11-23', true],
    ['born tomorrow is refused', '2026-11-22', false],
    ['an invalid today falls back to the clock', 'soon', true],
  ] as const)('%s', (_label, todayValue, valid) => {
    const first17 = '11010520261123001';
    expect(parseIdNumber(first17 + iso7064(first17), { today: todayValue }).valid).toBe(valid);
  });
});

describe('idCheckChar agrees with ISO 7064 MOD 11-2', () => {
  it.each(['11010519491231002', '44030119900101123', '13050319670401001', '00000000000000000', '99999999999999999', '12345678901234567', '32010619800101001'])(
    '%s',
    (first17) => {
      expect(idCheckChar(first17)).toBe(iso7064(first17));
    },
  );
  it.each(['', '1234', '1101051949123100X', '１１０１０５１９４９１２３１００２'])('not 17 ASCII digits: %j → null', (input) => {
    expect(idCheckChar(input)).toBeNull();
  });
});

describe('maskIdNumber', () => {
  it.each([
    ['11010519491231002X', '110***********002X'],
    ['11010519491231002x', '110***********002X'],
    ['110105490101002', '110********1002'],
    [' １１０１０５１９４９１２３１００２Ｘ ', '110***********002X'],
    ['12345678', '123*5678'],
    ['1234567', '*******'],
    ['', ''],
  ])('%j → %s', (input, masked) => {
    expect(maskIdNumber(input)).toBe(masked);
  });
});

describe('never throws', () => {
  it.each(['\uD800', '\uDC00\uD800', '\u0000', '😀'.repeat(9), 'x'.repeat(100_000), '1'.repeat(18), 'X'.repeat(18), '\n\t', '０'.repeat(15)])(
    '%#',
    (input) => {
      expect(() => parseIdNumber(input)).not.toThrow();
      expect(() => maskIdNumber(input)).not.toThrow();
      expect(parseIdNumber(input).valid).toBe(false);
    },
  );
  it('non-string input from untyped callers', () => {
    expect(parseIdNumber(undefined as unknown as string).valid).toBe(false);
    expect(maskIdNumber(null as unknown as string)).toBe('');
  });
});
