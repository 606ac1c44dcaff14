import { describe, expect, it } from 'vitest';
import {
  canAddPlaque,
  checkPlaqueNumberPattern,
  formatPlaqueNumber,
  householdEligibility,
  plaqueActions,
  plaqueNumberParts,
  plaqueNumberSequence,
  plaqueStatuses,
  plaqueTransition,
  type PlaqueAction,
  type PlaqueStatus,
  type Qualification,
} from '../../../../shared/rules/plaque';
import { maskAddress, maskPhone, personalInfoFor } from '../../../../shared/rules/privacy';

/** Every legal step: [from, action, to]. Everything else is refused. */
const legal: [PlaqueStatus, PlaqueAction, PlaqueStatus][] = [
  ['made', 'issue', 'issued'],
  ['issued', 'hang', 'hung'],
  ['issued', 'reissue', 'superseded'],
  ['hung', 'reissue', 'superseded'],
  ['hung', 'replace', 'superseded'],
  ['issued', 'takeBack', 'taken_back'],
  ['hung', 'takeBack', 'taken_back'],
  ['made', 'cancel', 'cancelled'],
  ['issued', 'cancel', 'cancelled'],
  ['hung', 'cancel', 'cancelled'],
  ['taken_back', 'cancel', 'cancelled'],
  ['taken_back', 'restore', 'issued'],
  ['cancelled', 'restore', 'issued'],
];
const isLegal = (s: PlaqueStatus, a: PlaqueAction) => legal.some(([f, x]) => f === s && x === a);
const illegal = plaqueStatuses.flatMap((s) => plaqueActions.filter((a) => !isLegal(s, a)).map((a) => [s, a] as const));

describe('plaque state machine', () => {
  it.each(legal)('%s —%s→ %s', (from, action, to) => {
    expect(plaqueTransition(from, action, { qualifyingPersonDeceased: false })).toEqual({ ok: true, from, to, successor: action === 'reissue' || action === 'replace' });
  });

  it.each(illegal)('%s cannot take %s, with the reason in Chinese and English', (from, action) => {
    const t = plaqueTransition(from, action, { qualifyingPersonDeceased: false });
    expect(t.ok).toBe(false);
    if (!t.ok) {
      expect(t.reason.zh).toMatch(/不能/);
      expect(t.reason.en).toMatch(/cannot/);
    }
  });

  it('the table of legal moves names each (status, action) once, uses every action, and leaves a superseded plaque no move', () => {
    expect(new Set(legal.map(([f, a]) => `${f}/${a}`)).size).toBe(legal.length);
    expect(new Set(legal.map(([, a]) => a))).toEqual(new Set(plaqueActions));
    expect(plaqueActions.filter((a) => plaqueTransition('superseded', a, { qualifyingPersonDeceased: false }).ok)).toEqual([]);
  });

  it.each([
    ['hung', 'replace'],
    ['hung', 'reissue'],
    ['issued', 'reissue'],
  ] as const)('after the qualifying person dies, %s plaque is not %s (it stays)', (from, action) => {
    const t = plaqueTransition(from, action, { qualifyingPersonDeceased: true });
    expect(t).toMatchObject({ ok: false, reason: { zh: expect.stringContaining('去世') } });
    expect(plaqueTransition(from, 'takeBack', { qualifyingPersonDeceased: true }).ok).toBe(true);
  });

  it('restores only when the household has no other plaque in use', () => {
    expect(plaqueTransition('cancelled', 'restore', { qualifyingPersonDeceased: false, householdHasOtherActive: true })).toMatchObject({ ok: false, reason: { zh: expect.stringContaining('一户只能有一块') } });
  });
});

describe('one household, one plaque', () => {
  it.each([
    [[], true],
    [[{ status: 'cancelled' }], true],
    [[{ status: 'superseded' }, { status: 'cancelled' }], true],
    [[{ status: 'made' }], false],
    [[{ status: 'issued' }], false],
    [[{ status: 'hung' }, { status: 'superseded' }], false],
    [[{ status: 'taken_back' }], false],
  ] as [{ status: PlaqueStatus }[], boolean][])('%j → may add: %s', (existing, ok) => {
    expect(canAddPlaque(existing).ok).toBe(ok);
  });
});

const q = (over: Partial<Qualification>): Qualification => ({ id: 1, personId: 1, personName: '张三', category: 'veteran', basis: 'certificate', applicationDate: '', deceased: false, ...over });

describe('which person and category qualify a household', () => {
  it('none recorded', () => expect(householdEligibility([]).eligible).toBe(false));
  it('only deceased', () => expect(householdEligibility([q({ deceased: true })])).toMatchObject({ eligible: false, reason: { zh: expect.stringContaining('去世') } }));
  it('application without its date', () => expect(householdEligibility([q({ basis: 'application' })])).toMatchObject({ eligible: false, reason: { zh: expect.stringContaining('申请') } }));
  it('certificate holder first, then the categories in order', () => {
    const e = householdEligibility([q({ id: 1, category: 'martyr_family', basis: 'application', applicationDate: '2026-01-02' }), q({ id: 2, category: 'veteran' }), q({ id: 3, category: 'active_service' })]);
    expect(e).toMatchObject({ eligible: true, qualification: { id: 3 } });
  });
  it('one household with several qualifying people still gets one choice', () => {
    const e = householdEligibility([q({ id: 5, personId: 7, category: 'veteran' }), q({ id: 6, personId: 8, category: 'martyr_family' })]);
    expect(e).toMatchObject({ eligible: true, qualification: { id: 6, category: 'martyr_family' } });
  });
});

describe('plaque numbers', () => {
  it.each([
    ['{county}-{year}-{seq:5}', { county: '371621', year: 2026, seq: 7 }, '371621-2026-00007'],
    ['GR{year}{seq:4}', { county: '371621', year: 2027, seq: 12 }, 'GR20270012'],
    ['{seq}号-{county}', { county: '110101', year: 2026, seq: 3 }, '3号-110101'],
  ])('%s → %s', (pattern, values, expected) => {
    expect(checkPlaqueNumberPattern(pattern)).toEqual({ ok: true });
    expect(formatPlaqueNumber(pattern, values)).toBe(expected);
    expect(plaqueNumberSequence(expected, plaqueNumberParts(pattern, values))).toBe(values.seq);
  });
  it.each(['', '{county}-{year}', '{seq}-{seq}', '{county}-{seq:0}', '{nope}-{seq}', '{seq:5'])('refuses %j', (pattern) => {
    expect(checkPlaqueNumberPattern(pattern).ok).toBe(false);
  });
  it('does not read a foreign number as a sequence', () => {
    expect(plaqueNumberSequence('371621-2025-00001', plaqueNumberParts('{county}-{year}-{seq:5}', { county: '371621', year: 2026 }))).toBeNull();
  });
});

describe('privacy masking', () => {
  it('masks phone and address for clerks, not for reviewers nor the dead', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskAddress('胜利街12号')).toBe('胜利****');
    const p = { idNumber: '11010519491231002X', phone: '13812345678', addressText: '胜利街12号' };
    expect(personalInfoFor(p, 'clerk', false)).toMatchObject({ idNumber: '110***********002X', masked: true });
    expect(personalInfoFor(p, 'reviewer', false)).toMatchObject({ idNumber: p.idNumber, masked: false });
    expect(personalInfoFor(p, 'readonly', true)).toMatchObject({ idNumber: p.idNumber, masked: false });
  });
});
