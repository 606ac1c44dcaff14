/**
 * A plaque number typed in by hand (the `number` override of plaques.make, reissue and replace)
 * must be free: numbers are unique across all plaques, in use or not (plaques.number UNIQUE), so a
 * number already given — to another household, to a superseded or cancelled plaque, or to the
 * plaque being replaced — is refused with the number in the reason, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../electron/core';
import { makeSetUpCore } from '../../support/tempCore';
import { userSession } from '../attachments/client';
import { household, loadVillages, VILLAGE, VILLAGE2 } from './fixtures';

let t: Awaited<ReturnType<typeof makeSetUpCore>>;
let clerk: Session;
/** Numbers already given: one in use (hung) in another household, one superseded, one cancelled. */
const taken = { inUse: '', superseded: '', cancelled: '' };
beforeAll(async () => {
  t = await makeSetUpCore();
  loadVillages(t);
  clerk = await userSession(t, t.admin, 'clerk');
  const a = await household(t, clerk, '蒋甲', VILLAGE2);
  let now = await t.ok('plaques.make', { householdId: a.id, number: '惠民-手写-001' }, clerk);
  now = await t.ok('plaques.issue', { id: now.plaque!.id, expectedVersion: now.plaque!.version, date: '2026-07-15' }, clerk);
  taken.superseded = now.plaque!.number;
  now = await t.ok('plaques.reissue', { id: now.plaque!.id, expectedVersion: now.plaque!.version, date: '2026-07-20', note: '遗失补发', number: '惠民-手写-002' }, clerk);
  now = await t.ok('plaques.hang', { id: now.plaque!.id, expectedVersion: now.plaque!.version, date: '2026-07-21', place: '大门上方' }, clerk);
  taken.inUse = now.plaque!.number;
  const b = await household(t, clerk, '蒋乙', VILLAGE2);
  now = await t.ok('plaques.make', { householdId: b.id }, clerk);
  taken.cancelled = now.plaque!.number;
  await t.ok('plaques.cancel', { id: now.plaque!.id, expectedVersion: now.plaque!.version, date: '2026-07-22', note: '制作有误' }, clerk);
  expect(taken).toEqual({ inUse: '惠民-手写-002', superseded: '惠民-手写-001', cancelled: '371621-2026-00001' });
});
afterAll(() => t.dispose());

function snapshot() {
  const db = t.core.db;
  return {
    plaques: db.prepare('SELECT * FROM plaques ORDER BY id').all(),
    events: (db.prepare('SELECT count(*) AS n FROM plaque_events').get() as { n: number }).n,
    households: db.prepare('SELECT * FROM households ORDER BY id').all(),
    audit: (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
  };
}

const numberTaken = (number: string) => ({
  ok: false,
  error: { code: 'CONFLICT', message: { zh: `光荣牌编号 ${number} 已被使用，编号不能重复。`, en: `Plaque number ${number} is already used; numbers are unique.` } },
});

describe('a manual plaque number that is already used', () => {
  it.each([
    ['in use in another household', 'inUse'],
    ['of a superseded plaque', 'superseded'],
    ['of a cancelled plaque', 'cancelled'],
  ] as const)('plaques.make refuses the number %s, and writes nothing', async (_what, which) => {
    const h = await household(t, clerk, `韩${which}`, VILLAGE);
    const before = snapshot();
    const result = await t.core.call('plaques.make', { householdId: h.id, number: taken[which] }, clerk);
    expect(result).toEqual(numberTaken(taken[which]));
    expect(snapshot()).toEqual(before);
    const now = await t.ok('households.get', { id: h.id }, clerk);
    expect([now.plaque, now.plaques, now.events]).toEqual([null, [], []]);
  });

  it('plaques.make trims the number before checking it: the same number with spaces around is refused', async () => {
    const h = await household(t, clerk, '韩空格', VILLAGE);
    const before = snapshot();
    expect(await t.core.call('plaques.make', { householdId: h.id, number: `  ${taken.inUse} ` }, clerk)).toEqual(numberTaken(taken.inUse));
    expect(snapshot()).toEqual(before);
  });

  it.each([
    ['in lower case', 'HM-A1', (n: string) => n.toLowerCase()],
    ['in full-width forms (an input method’s)', 'HM-A3', (n: string) => n.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))],
  ])('plaques.make refuses a used number written %s, and writes nothing', async (_how, number, write) => {
    const used = await household(t, clerk, `韩大写${number}`, VILLAGE);
    const first = await t.ok('plaques.make', { householdId: used.id, number }, clerk);
    expect(first.plaque!.number).toBe(number);
    const h = await household(t, clerk, `韩小写${number}`, VILLAGE);
    const before = snapshot();
    const typed = write(number);
    expect(typed).not.toBe(number);
    expect(await t.core.call('plaques.make', { householdId: h.id, number: typed }, clerk)).toEqual(numberTaken(typed.normalize('NFKC')));
    expect(snapshot()).toEqual(before);
    await t.ok('plaques.cancel', { id: first.plaque!.id, expectedVersion: first.plaque!.version, date: '2026-08-01', note: '测试' }, clerk);
  });

  it('a full-width number is stored as its ordinary form', async () => {
    const h = await household(t, clerk, '韩全角', VILLAGE);
    const now = await t.ok('plaques.make', { householdId: h.id, number: 'ＨＭ－Ｂ２' }, clerk);
    expect(now.plaque!.number).toBe('HM-B2');
  });

  it('plaques.reissue refuses a used number: the old plaque stays issued, at its version, with no successor', async () => {
    const h = await household(t, clerk, '杨补', VILLAGE);
    let now = await t.ok('plaques.make', { householdId: h.id }, clerk);
    now = await t.ok('plaques.issue', { id: now.plaque!.id, expectedVersion: now.plaque!.version, date: '2026-08-01' }, clerk);
    const plaque = now.plaque!;
    const before = snapshot();
    const reissuesBefore = (await t.ok('audit.list', { entity: 'plaque', action: 'reissue' }, t.admin)).total;
    for (const number of [taken.inUse, taken.cancelled, plaque.number]) {
      const result = await t.core.call('plaques.reissue', { id: plaque.id, expectedVersion: plaque.version, date: '2026-08-10', note: '遗失补发', number }, clerk);
      expect(result).toEqual(numberTaken(number));
    }
    expect(snapshot()).toEqual(before);
    expect((await t.ok('audit.list', { entity: 'plaque', action: 'reissue' }, t.admin)).total).toBe(reissuesBefore);
    now = await t.ok('households.get', { id: h.id }, clerk);
    expect(now.plaques).toEqual([plaque]);
    expect(now.plaque).toMatchObject({ id: plaque.id, status: 'issued', replacedById: null });
    // A free number is taken.
    now = await t.ok('plaques.reissue', { id: plaque.id, expectedVersion: plaque.version, date: '2026-08-10', note: '遗失补发', number: '杨补-新' }, clerk);
    expect(now.plaque).toMatchObject({ number: '杨补-新', replacesId: plaque.id });
  });

  it('plaques.replace refuses a used number (including the plaque’s own): the hung plaque stays hung', async () => {
    const h = await household(t, clerk, '杨换', VILLAGE);
    let now = await t.ok('plaques.make', { householdId: h.id }, clerk);
    now = await t.ok('plaques.issue', { id: now.plaque!.id, expectedVersion: now.plaque!.version, date: '2026-08-01' }, clerk);
    now = await t.ok('plaques.hang', { id: now.plaque!.id, expectedVersion: now.plaque!.version, date: '2026-08-02', place: '门楣' }, clerk);
    const plaque = now.plaque!;
    const before = snapshot();
    for (const number of [plaque.number, taken.superseded, taken.inUse]) {
      const result = await t.core.call('plaques.replace', { id: plaque.id, expectedVersion: plaque.version, date: '2026-09-01', reason: 'worn', number }, clerk);
      expect(result).toEqual(numberTaken(number));
    }
    expect(snapshot()).toEqual(before);
    now = await t.ok('households.get', { id: h.id }, clerk);
    expect(now.plaques).toEqual([plaque]);
    expect(now.events.map((e) => e.action)).toEqual(['hang', 'issue', 'make']);
  });
});
