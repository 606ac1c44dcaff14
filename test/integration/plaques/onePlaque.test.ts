/**
 * One household, one plaque at a time (shared/rules/plaque: canAddPlaque and restore's
 * householdHasOtherActive), whatever the number of people who qualify it: making a plaque on a
 * second qualifying person, and restoring an old plaque while a newer one is in use, are refused
 * with the reason, and leave the plaques, their events, the household and the audit log as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPlaque } from '../../../electron/core/db/plaques';
import type { Session } from '../../../electron/core';
import { makeSetUpCore } from '../../support/tempCore';
import { userSession } from '../attachments/client';
import { household, loadVillages, VILLAGE } from './fixtures';

let t: Awaited<ReturnType<typeof makeSetUpCore>>;
let clerk: Session;
let reviewer: Session;
beforeAll(async () => {
  t = await makeSetUpCore();
  loadVillages(t);
  clerk = await userSession(t, t.admin, 'clerk');
  reviewer = await userSession(t, t.admin, 'reviewer');
});
afterAll(() => t.dispose());

const ONE_PLAQUE = { code: 'CONFLICT', message: { zh: expect.stringContaining('一户只能有一块光荣牌'), en: expect.stringContaining('One household, one plaque') } };

/** Everything a refused plaque write must leave as it was. */
function snapshot() {
  const db = t.core.db;
  return {
    plaques: db.prepare('SELECT * FROM plaques ORDER BY id').all(),
    events: db.prepare('SELECT * FROM plaque_events ORDER BY id').all(),
    households: db.prepare('SELECT * FROM households ORDER BY id').all(),
    audit: (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
  };
}

/** A household whose head is a veteran (certificate) and whose wife is a martyr's family member (certificate, or on application). */
async function twoQualified(name: string, wifeBasis: 'certificate' | 'application' = 'certificate') {
  const h = await household(t, clerk, name, VILLAGE);
  const wife = await t.ok('people.create', { name: `${name}妻` }, clerk);
  await t.ok('households.addMember', { householdId: h.id, personId: wife.id, relationToHead: 'spouse' }, clerk);
  const both = await t.ok(
    'households.addQualification',
    wifeBasis === 'certificate'
      ? { householdId: h.id, personId: wife.id, category: 'martyr_family', basis: 'certificate', certificateNo: `烈证-${name}` }
      : { householdId: h.id, personId: wife.id, category: 'martyr_family', basis: 'application', applicationDate: '2026-03-01' },
    clerk,
  );
  const head = both.qualifications.find((q) => q.personId === h.headPersonId)!;
  const second = both.qualifications.find((q) => q.personId === wife.id)!;
  return { household: both, head, wife: second };
}

describe('one household, one plaque, whatever the number of qualifying people', () => {
  it('refuses a plaque on the second qualifying person while the first one’s plaque is in use', async () => {
    const { household: h, head, wife } = await twoQualified('冯一');
    // Certificate holders first, then the categories in order: the wife's martyr_family qualification is the one chosen.
    expect(h.eligibility).toMatchObject({ eligible: true, qualificationId: wife.id, category: 'martyr_family' });
    const made = await t.ok('plaques.make', { householdId: h.id }, clerk);
    const first = made.plaque!;
    expect(first).toMatchObject({ status: 'made', qualificationId: wife.id, category: 'martyr_family' });

    const before = snapshot();
    const auditBefore = (await t.ok('audit.list', { entity: 'plaque', action: 'make' }, t.admin)).total;
    const refused = await t.core.call('plaques.make', { householdId: h.id, qualificationId: head.id }, clerk);
    expect(refused).toMatchObject({ ok: false, error: ONE_PLAQUE });
    // The same, by an administrator, and with a number of its own: the rule is the household's, not the role's.
    expect(await t.core.call('plaques.make', { householdId: h.id, qualificationId: head.id, number: 'FENG-2' }, t.admin)).toMatchObject({ ok: false, error: ONE_PLAQUE });
    expect(snapshot()).toEqual(before);
    expect((await t.ok('audit.list', { entity: 'plaque', action: 'make' }, t.admin)).total).toBe(auditBefore);

    const now = await t.ok('households.get', { id: h.id }, clerk);
    expect(now.plaques.map((p) => [p.id, p.qualificationId, p.status])).toEqual([[first.id, wife.id, 'made']]);
    expect(now.events.map((e) => e.action)).toEqual(['make']);
    expect((t.core.db.prepare('SELECT count(*) AS n FROM plaques WHERE number = ?').get('FENG-2') as { n: number }).n).toBe(0);
  });

  it('refuses it the other way round too: first plaque on the head’s qualification, then on the wife’s (by application)', async () => {
    const { household: h, head, wife } = await twoQualified('冯二', 'application');
    let now = await t.ok('plaques.make', { householdId: h.id, qualificationId: head.id }, clerk);
    const first = now.plaque!;
    expect(first).toMatchObject({ qualificationId: head.id, category: 'veteran' });
    now = await t.ok('plaques.issue', { id: first.id, expectedVersion: first.version, date: '2026-07-15' }, clerk);
    now = await t.ok('plaques.hang', { id: first.id, expectedVersion: now.plaque!.version, date: '2026-07-16', place: '大门上方' }, clerk);

    const before = snapshot();
    expect(await t.core.call('plaques.make', { householdId: h.id, qualificationId: wife.id }, clerk)).toMatchObject({ ok: false, error: ONE_PLAQUE });
    // Without a qualification named, the household's own choice (the wife's) is refused just the same.
    expect(await t.core.call('plaques.make', { householdId: h.id }, clerk)).toMatchObject({ ok: false, error: ONE_PLAQUE });
    expect(snapshot()).toEqual(before);
    expect((await t.ok('households.get', { id: h.id }, clerk)).plaque).toMatchObject({ id: first.id, status: 'hung', version: now.plaque!.version });
  });

  it('counts a taken-back plaque as in use: no plaque on the other qualification until it is cancelled', async () => {
    const { household: h, wife, head } = await twoQualified('冯三');
    let now = await t.ok('plaques.make', { householdId: h.id, qualificationId: wife.id }, clerk);
    now = await t.ok('plaques.issue', { id: now.plaque!.id, expectedVersion: now.plaque!.version, date: '2026-07-15' }, clerk);
    now = await t.ok('plaques.takeBack', { id: now.plaque!.id, expectedVersion: now.plaque!.version, date: '2026-08-01', reason: 'criminal_sentence', documentNo: '（2026）鲁1621刑初7号' }, clerk);
    expect(now.plaque).toMatchObject({ status: 'taken_back' });
    const before = snapshot();
    expect(await t.core.call('plaques.make', { householdId: h.id, qualificationId: head.id }, clerk)).toMatchObject({ ok: false, error: ONE_PLAQUE });
    expect(snapshot()).toEqual(before);
  });

  it('the database refuses a second plaque in use for a household even past the code’s check', async () => {
    const { household: h, head, wife } = await twoQualified('冯四');
    const made = (await t.ok('plaques.make', { householdId: h.id, qualificationId: wife.id }, clerk)).plaque!;
    const row = { householdId: h.id, qualificationId: head.id, number: 'FENG-4-B', status: 'made' as const, issuedDate: null, replacesId: null, lastReason: '' };
    expect(() => insertPlaque(t.core.db, row, null, '2026-11-23T09:00:00.000Z')).toThrowError(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_UNIQUE' }));
    expect((await t.ok('households.get', { id: h.id }, clerk)).plaques.map((p) => p.id)).toEqual([made.id]);
  });
});

describe('restoring an old plaque while the household has a newer one', () => {
  it('a new plaque after a take-back is refused until the old one is cancelled; then restoring the old one is refused, and nothing changes', async () => {
    const h = await household(t, clerk, '陈五', VILLAGE);
    let now = await t.ok('plaques.make', { householdId: h.id }, clerk);
    const old = now.plaque!;
    now = await t.ok('plaques.issue', { id: old.id, expectedVersion: old.version, date: '2026-07-15' }, clerk);
    now = await t.ok('plaques.takeBack', { id: old.id, expectedVersion: now.plaque!.version, date: '2026-08-01', reason: 'criminal_sentence', documentNo: '（2026）鲁1621刑初9号' }, clerk);
    // Taken back is still "in use" (pending a decision): no new plaque yet.
    expect(await t.core.call('plaques.make', { householdId: h.id }, clerk)).toMatchObject({ ok: false, error: ONE_PLAQUE });
    now = await t.ok('plaques.cancel', { id: old.id, expectedVersion: now.plaque!.version, date: '2026-08-02', note: '取消悬挂' }, clerk);
    expect(now.plaque).toBeNull();

    // The household qualifies again (the sentence was quashed, say): a new plaque is made and issued.
    now = await t.ok('plaques.make', { householdId: h.id }, clerk);
    const fresh = now.plaque!;
    expect(fresh.id).not.toBe(old.id);
    now = await t.ok('plaques.issue', { id: fresh.id, expectedVersion: fresh.version, date: '2026-09-01' }, clerk);
    const cancelled = now.plaques.find((p) => p.id === old.id)!;
    expect(cancelled).toMatchObject({ status: 'cancelled' });

    const before = snapshot();
    const restoresBefore = (await t.ok('audit.list', { entity: 'plaque', action: 'restore' }, t.admin)).total;
    for (const who of [reviewer, t.admin]) {
      const refused = await t.core.call('plaques.restore', { id: old.id, expectedVersion: cancelled.version, date: '2026-11-01', approval: '局务会批准' }, who);
      expect(refused).toMatchObject({ ok: false, error: ONE_PLAQUE });
    }
    expect(snapshot()).toEqual(before);
    expect((await t.ok('audit.list', { entity: 'plaque', action: 'restore' }, t.admin)).total).toBe(restoresBefore);
    now = await t.ok('households.get', { id: h.id }, clerk);
    expect(now.plaque).toMatchObject({ id: fresh.id, status: 'issued' });
    expect(now.plaques.find((p) => p.id === old.id)).toEqual(cancelled);
    expect(now.events.some((e) => e.action === 'restore')).toBe(false);

    // Once the new plaque is cancelled in its turn, the old one may be restored.
    now = await t.ok('plaques.cancel', { id: fresh.id, expectedVersion: now.plaque!.version, date: '2026-11-02', note: '误制，作废' }, clerk);
    now = await t.ok('plaques.restore', { id: old.id, expectedVersion: cancelled.version, date: '2026-11-03', approval: '局务会批准' }, reviewer);
    expect(now.plaque).toMatchObject({ id: old.id, status: 'issued' });
  });

  it('the newer plaque’s successor (after a replacement) keeps the old one from being restored as well', async () => {
    const h = await household(t, clerk, '陈六', VILLAGE);
    let now = await t.ok('plaques.make', { householdId: h.id }, clerk);
    const old = now.plaque!;
    now = await t.ok('plaques.cancel', { id: old.id, expectedVersion: old.version, date: '2026-07-01', note: '制作有误' }, clerk);
    const cancelled = now.plaques.find((p) => p.id === old.id)!;
    now = await t.ok('plaques.make', { householdId: h.id }, clerk);
    now = await t.ok('plaques.issue', { id: now.plaque!.id, expectedVersion: now.plaque!.version, date: '2026-07-15' }, clerk);
    now = await t.ok('plaques.reissue', { id: now.plaque!.id, expectedVersion: now.plaque!.version, date: '2026-08-15', note: '遗失补发' }, clerk);
    const successor = now.plaque!;
    expect(successor).toMatchObject({ status: 'issued', replacesId: expect.any(Number) });

    const before = snapshot();
    expect(await t.core.call('plaques.restore', { id: old.id, expectedVersion: cancelled.version, date: '2026-11-01', approval: '局务会批准' }, reviewer)).toMatchObject({ ok: false, error: ONE_PLAQUE });
    expect(snapshot()).toEqual(before);
  });
});
