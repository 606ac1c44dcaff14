/**
 * Properties of the office's workflow rules, on inputs generated at random: working-day
 * deadlines (shared/rules/workingDays.ts) over calendars with holidays and swapped workdays, the
 * plaque state machine (plaque.ts) and the good-news letter's (letterState.ts) over random
 * sequences of actions, and masking of the living's personal information by role (privacy.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addWorkingDays, calendarOf, deadlineState, isWorkingDay, workingDaysBetween, type CalendarDayKind } from '../../../../shared/rules/workingDays';
import { activePlaqueStatuses, plaqueActions, plaqueStatuses, plaqueTransition, successorActions } from '../../../../shared/rules/plaque';
import { letterActions, letterActionsFrom, letterMove, letterStatuses, openLetterStatuses } from '../../../../shared/rules/letterState';
import { maskAddress, maskPhone, personalInfoFor, roleSeesPersonalInfo } from '../../../../shared/rules/privacy';
import { roles } from '../../../../shared/contract';

const day = fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2024-01-01', n));
const calendar = fc.array(fc.record({ day: fc.integer({ min: 0, max: 3700 }).map((n) => addDays('2024-01-01', n)), kind: fc.constantFrom<CalendarDayKind>('holiday', 'workday') }), { maxLength: 60 }).map((days) => {
  // One kind per day, as the settings table keeps it.
  const seen = new Map(days.map((d) => [d.day, d.kind]));
  return calendarOf([...seen].map(([d, kind]) => ({ day: d, kind })));
});

describe('working days', () => {
  it('the n-th working day after a day is a working day, n working days away, and later for larger n', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 40 }), calendar, (from, n, cal) => {
        const due = addWorkingDays(from, n, cal);
        expect(isWorkingDay(due, cal)).toBe(true);
        expect(workingDaysBetween(from, due, cal)).toBe(n);
        expect(addWorkingDays(from, n + 1, cal) > due).toBe(true);
      }),
    );
  });

  it('counts between two days the same both ways, with the sign of the direction, and adds up over a middle day', () => {
    fc.assert(
      fc.property(day, day, day, calendar, (a, b, c, cal) => {
        expect(workingDaysBetween(a, b, cal) + workingDaysBetween(b, a, cal)).toBe(0);
        // Never -0 (which Object.is, and so a test, tells from 0).
        expect(Object.is(workingDaysBetween(a, b, cal), -0)).toBe(false);
        const [x, y, z] = [a, b, c].sort();
        expect(workingDaysBetween(x!, z!, cal)).toBe(workingDaysBetween(x!, y!, cal) + workingDaysBetween(y!, z!, cal));
      }),
    );
  });

  it('a deadline is overdue only after its day, due today on it, and never both', () => {
    fc.assert(
      fc.property(day, day, calendar, fc.integer({ min: 0, max: 10 }), (due, today, cal, soon) => {
        const state = deadlineState(due, today, cal, soon);
        expect(state === 'overdue').toBe(today > due);
        expect(state === 'dueToday').toBe(today === due);
        if (state === 'dueSoon') expect(workingDaysBetween(today, due, cal)).toBeLessThanOrEqual(soon);
        expect(deadlineState(due, today, cal, soon, true)).toBe('done');
      }),
    );
  });
});

describe('the plaque state machine', () => {
  const action = fc.constantFrom(...plaqueActions);
  const facts = fc.record({ qualifyingPersonDeceased: fc.boolean(), householdHasOtherActive: fc.boolean() });

  it('every move lands on a known status, and every refusal says why in Chinese and English', () => {
    fc.assert(
      fc.property(fc.constantFrom(...plaqueStatuses), action, facts, (status, a, f) => {
        const t = plaqueTransition(status, a, f);
        if (t.ok) {
          expect(plaqueStatuses).toContain(t.to);
          expect(t.successor).toBe(successorActions.includes(a));
        } else {
          expect(t.reason.zh.length).toBeGreaterThan(0);
          expect(t.reason.en.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('over any sequence of actions: a superseded plaque never moves again, a dead qualifying person’s plaque is never reissued or replaced, a restore never makes a second active plaque', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(action, facts), { maxLength: 30 }), (sequence) => {
        let status: (typeof plaqueStatuses)[number] = 'made';
        for (const [a, f] of sequence) {
          const t = plaqueTransition(status, a, f);
          if (status === 'superseded') expect(t.ok).toBe(false);
          if (t.ok && successorActions.includes(a)) expect(f.qualifyingPersonDeceased).toBe(false);
          if (t.ok && a === 'restore') expect(f.householdHasOtherActive).toBe(false);
          if (t.ok) status = t.to;
        }
        expect(plaqueStatuses).toContain(status);
      }),
    );
  });

  it('only active plaques can be cancelled, and cancelling is never a dead end (restore brings it back)', () => {
    for (const s of plaqueStatuses) {
      const cancel = plaqueTransition(s, 'cancel', { qualifyingPersonDeceased: false });
      expect(cancel.ok).toBe(activePlaqueStatuses.includes(s));
    }
    expect(plaqueTransition('cancelled', 'restore', { qualifyingPersonDeceased: true, householdHasOtherActive: false })).toMatchObject({ ok: true, to: 'issued' });
  });
});

describe('the good-news letter’s states', () => {
  it('the actions offered from a status are exactly the moves allowed from it, and each refusal says why', () => {
    fc.assert(
      fc.property(fc.constantFrom(...letterStatuses), fc.constantFrom(...letterActions), (from, action) => {
        const move = letterMove(from, action);
        expect(move.ok).toBe(letterActionsFrom(from).includes(action));
        if (!move.ok) expect(move.reason.zh && move.reason.en).toBeTruthy();
      }),
    );
  });

  it('over any sequence of actions: nothing leaves 作废, a delivered letter is never open again nor cancelled', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letterActions), { maxLength: 30 }), (actions) => {
        let status: (typeof letterStatuses)[number] = 'received';
        let delivered = false;
        for (const a of actions) {
          const move = letterMove(status, a);
          if (status === 'cancelled') expect(move.ok).toBe(false);
          if (move.ok) {
            status = move.to;
            if (status === 'delivered') delivered = true;
          }
          if (delivered) {
            expect(openLetterStatuses).not.toContain(status);
            expect(status).not.toBe('cancelled');
          }
        }
      }),
    );
  });
});

describe('masking of the living’s personal information', () => {
  const text = fc.string({ unit: fc.constantFrom(...'0123456789一二三四五六七八九十村镇路号栋单元室ab -'), maxLength: 40 });

  it('a role that may not see them gets the phone’s middle and the address’s detail masked, never longer hidden text than shown, and the dead are never masked', () => {
    fc.assert(
      fc.property(text, text, fc.constantFrom(...roles), fc.boolean(), (phone, address, role, deceased) => {
        const p = personalInfoFor({ idNumber: null, phone, addressText: address }, role, deceased);
        const sees = deceased || roleSeesPersonalInfo(role);
        expect(p.masked).toBe(!sees);
        if (sees) {
          expect(p).toMatchObject({ phone, addressText: address });
          return;
        }
        expect(p.phone).toBe(phone ? maskPhone(phone) : '');
        const digitsShown = [...p.phone].filter((c) => c !== '*').length;
        expect(digitsShown).toBeLessThanOrEqual(7);
        expect(p.addressText).toBe(maskAddress(address));
        if (address.trim()) expect(p.addressText.endsWith('****')).toBe(true);
        // The masked address shows at most 2 characters of the original, and never the whole of it.
        expect([...p.addressText.replace(/\*+$/, '')].length).toBeLessThanOrEqual(Math.max(0, [...address.trim()].length - 1));
      }),
    );
  });
});
