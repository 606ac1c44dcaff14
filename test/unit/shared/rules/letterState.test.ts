import { describe, expect, it } from 'vitest';
import { checkDelivery, letterActions, letterActionsFrom, letterMove, letterStatuses, type LetterAction, type LetterStatus } from '../../../../shared/rules/letterState';

/** Every legal move; any (status, action) pair not listed here must be refused with a reason. */
const legal: [LetterStatus, LetterAction, LetterStatus][] = [
  ['received', 'register', 'registered'],
  ['registered', 'verify', 'verified'],
  ['registered', 'return', 'received'],
  ['verified', 'deliver', 'delivered'],
  ['delivered', 'feedback', 'feedback'],
  ['received', 'cancel', 'cancelled'],
  ['registered', 'cancel', 'cancelled'],
  ['verified', 'cancel', 'cancelled'],
];

const illegal = letterStatuses.flatMap((from) => letterActions.filter((action) => !legal.some(([f, a]) => f === from && a === action)).map((action) => [from, action] as const));

/** Words the refusal must contain, for the refusals an office meets most. */
const reasons: Partial<Record<`${LetterStatus}:${LetterAction}`, RegExp>> = {
  'received:deliver': /尚未登记和审核/,
  'registered:deliver': /尚未审核/,
  'delivered:deliver': /不能重复送达/,
  'feedback:deliver': /不能重复送达/,
  'received:verify': /尚未登记/,
  'delivered:cancel': /已送达的喜报不能作废/,
  'cancelled:register': /已作废/,
  'received:feedback': /送达后才能记录反馈/,
};

describe('letter state machine', () => {
  it.each(legal)('%s —%s→ %s', (from, action, to) => {
    expect(letterMove(from, action)).toEqual({ ok: true, to });
  });

  it('the table of illegal moves is the rest of all 36 pairs', () => {
    expect(legal.length + illegal.length).toBe(letterStatuses.length * letterActions.length);
    expect(illegal.length).toBe(28);
  });

  it.each(illegal)('%s —%s→ refused with a reason in Chinese and English', (from, action) => {
    const move = letterMove(from, action);
    expect(move.ok).toBe(false);
    if (move.ok) return;
    expect(move.reason.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(move.reason.en).toMatch(/[a-z]/);
    const expected = reasons[`${from}:${action}`];
    if (expected) expect(move.reason.zh).toMatch(expected);
  });

  it.each([
    ['received', ['register', 'cancel']],
    ['registered', ['verify', 'return', 'cancel']],
    ['verified', ['deliver', 'cancel']],
    ['delivered', ['feedback']],
    ['feedback', []],
    ['cancelled', []],
  ] as const)('from %s the page offers %j', (from, actions) => expect(letterActionsFrom(from)).toEqual(actions));
});

describe('checkDelivery', () => {
  const base = { receivedOn: '2026-11-20', today: '2026-11-23', deliveredBy: '县退役军人事务局 王局长' };
  it.each([
    ['2026-11-23', base.deliveredBy, null],
    ['2026-11-20', base.deliveredBy, null],
    ['2026-11-19', base.deliveredBy, /早于收到日期/],
    ['2026-11-24', base.deliveredBy, /晚于今天/],
    ['2026-11-23', '  ', /送达人/],
  ] as const)('delivered %s by %j', (deliveredOn, deliveredBy, error) => {
    const result = checkDelivery({ ...base, deliveredOn, deliveredBy });
    if (error === null) expect(result).toBeNull();
    else expect(result?.zh).toMatch(error);
  });
});
