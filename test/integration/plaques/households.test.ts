import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../support/tempCore';
import { upload, userSession } from '../attachments/client';
import { makePng } from '../attachments/files';
import { household, loadVillages, TOWNSHIP, VILLAGE, VILLAGE2 } from './fixtures';
import type { Session } from '../../../electron/core';

let t: Awaited<ReturnType<typeof makeSetUpCore>>;
let clerk: Session;
beforeAll(async () => {
  t = await makeSetUpCore();
  loadVillages(t);
  clerk = await userSession(t, t.admin, 'clerk');
});
afterAll(() => t.dispose());

describe('people', () => {
  it('checks ID numbers and masks living people for clerks, not for administrators', async () => {
    const bad = await t.core.call('people.create', { name: '李四', idNumber: '110105194912310021' }, t.admin);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: { zh: expect.stringContaining('校验位') } } });
    const p = await t.ok('people.create', { name: '李四', idNumber: '11010519491231002x', phone: '13900001111', addressText: '胜利街8号', addressCode: VILLAGE }, t.admin);
    expect(p).toMatchObject({ idNumber: '11010519491231002X', masked: false, addressDivision: '幸福村' });
    expect(await t.ok('people.get', { id: p.id }, clerk)).toMatchObject({ idNumber: '110***********002X', phone: '139****1111', addressText: '胜利****', masked: true });
    const dup = await t.core.call('people.create', { name: '李四二', idNumber: '11010519491231002X' }, t.admin);
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // A clerk's edit that leaves the ID number out keeps it.
    await t.ok('people.update', { id: p.id, fields: { name: '李 四' } }, clerk);
    expect(await t.ok('people.get', { id: p.id }, t.admin)).toMatchObject({ name: '李 四', idNumber: '11010519491231002X' });
    expect((await t.ok('people.search', { query: '李' }, clerk)).rows[0]).toMatchObject({ id: p.id, idNumber: '110***********002X' });
  });

  it('relates people both ways', async () => {
    const a = await t.ok('people.create', { name: '王父' }, t.admin);
    const b = await t.ok('people.create', { name: '王子' }, t.admin);
    const related = await t.ok('people.relate', { personId: b.id, relatedPersonId: a.id, relation: 'parent' }, clerk);
    expect(related.relations).toEqual([{ personId: a.id, name: '王父', relation: 'parent', note: '', direction: 'to' }]);
    expect((await t.ok('people.get', { id: a.id }, t.admin)).relations[0]).toMatchObject({ personId: b.id, direction: 'from' });
  });
});

describe('households', () => {
  it('registers members, says which person and category qualify it, and keeps one person in one household', async () => {
    const h = await household(t, clerk, '赵大');
    expect(h).toMatchObject({ divisionName: '幸福村', headName: '赵大', eligibility: { eligible: true, personName: '赵大', category: 'veteran' }, plaque: null });
    const wife = await t.ok('people.create', { name: '钱二' }, clerk);
    const withWife = await t.ok('households.addMember', { householdId: h.id, personId: wife.id, relationToHead: 'spouse' }, clerk);
    expect(withWife.members.map((m) => [m.name, m.relationToHead])).toEqual([['赵大', 'head'], ['钱二', 'spouse']]);
    const other = await household(t, clerk, '孙三');
    expect(await t.core.call('households.addMember', { householdId: other.id, personId: wife.id, relationToHead: 'other' }, clerk)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // An application needs its date; a martyr's family member comes first.
    expect(await t.core.call('households.addQualification', { householdId: h.id, personId: wife.id, category: 'martyr_family', basis: 'application' }, clerk)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const both = await t.ok('households.addQualification', { householdId: h.id, personId: wife.id, category: 'martyr_family', basis: 'application', applicationDate: '2026-03-01', applicationNote: '本人书面申请' }, clerk);
    expect(both.eligibility).toMatchObject({ eligible: true, personName: '赵大' });
    expect(both.qualifications).toHaveLength(2);
  });

  it('refuses a household address above the township', async () => {
    const p = await t.ok('people.create', { name: '周五' }, clerk);
    expect(await t.core.call('households.create', { headPersonId: p.id, divisionCode: '371621000000' }, clerk)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('plaques', () => {
  it('goes through the whole lifecycle, one plaque per household, numbers from the county pattern', async () => {
    const h = await household(t, clerk, '吴六', VILLAGE2, 'martyr_family');
    let now = await t.ok('plaques.make', { householdId: h.id }, clerk);
    const first = now.plaque!;
    expect(first).toMatchObject({ status: 'made', number: '371621-2026-00001', category: 'martyr_family', basis: 'certificate' });
    expect(await t.core.call('plaques.make', { householdId: h.id }, clerk)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: { zh: expect.stringContaining('一户只能有一块') } } });
    // Illegal: hang before it is issued.
    const early = await t.core.call('plaques.hang', { id: first.id, expectedVersion: first.version, date: '2026-07-20', place: '大门上方' }, clerk);
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: { zh: expect.stringContaining('不能悬挂'), en: expect.stringContaining('cannot') } } });
    now = await t.ok('plaques.issue', { id: first.id, expectedVersion: first.version, date: '2026-07-15' }, clerk);
    const uploadId = await upload(t, clerk, '签字确认.png', await makePng());
    const scan = await t.ok('attachments.store', { uploadId }, clerk);
    now = await t.ok('plaques.hang', { id: first.id, expectedVersion: now.plaque!.version, date: '2026-07-20', place: '大门上方', signatureAttachmentId: scan.attachment.id }, clerk);
    expect(now.plaque).toMatchObject({ status: 'hung', hungDate: '2026-07-20', hungPlace: '大门上方', signatureAttachmentId: scan.attachment.id });
    // Replace after a move: a new number, the old one superseded.
    now = await t.ok('plaques.replace', { id: first.id, expectedVersion: now.plaque!.version, date: '2026-09-01', reason: 'moved', note: '搬迁新居' }, clerk);
    expect(now.plaque).toMatchObject({ status: 'issued', number: '371621-2026-00002', replacesId: first.id });
    expect(now.plaques.find((p) => p.id === first.id)).toMatchObject({ status: 'superseded', replacedById: now.plaque!.id });
    // Take back, cancel; restoring needs a reviewer.
    const second = now.plaque!;
    now = await t.ok('plaques.takeBack', { id: second.id, expectedVersion: second.version, date: '2026-10-01', reason: 'criminal_sentence', documentNo: '（2026）鲁1621刑初12号' }, clerk);
    expect(now.plaque).toMatchObject({ status: 'taken_back' });
    now = await t.ok('plaques.cancel', { id: second.id, expectedVersion: now.plaque!.version, date: '2026-10-02', note: '判处刑罚，取消悬挂' }, clerk);
    expect(now.plaque).toBeNull();
    const cancelled = now.plaques.find((p) => p.id === second.id)!;
    expect(await t.core.call('plaques.restore', { id: second.id, expectedVersion: cancelled.version, date: '2026-11-01', approval: '局务会批准' }, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    now = await t.ok('plaques.restore', { id: second.id, expectedVersion: cancelled.version, date: '2026-11-01', approval: '局务会批准' }, t.admin);
    expect(now.plaque).toMatchObject({ id: second.id, status: 'issued' });
    expect(now.events.map((e) => e.action)).toEqual(['restore', 'cancel', 'takeBack', 'replace', 'replace', 'hang', 'issue', 'make']);
    // A stale version is refused.
    expect(await t.core.call('plaques.hang', { id: second.id, expectedVersion: cancelled.version, date: '2026-11-02', place: '门楣' }, clerk)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('keeps the plaque after the qualifying person dies, but no longer replaces it', async () => {
    const h = await household(t, clerk, '郑七');
    let now = await t.ok('plaques.make', { householdId: h.id, number: 'X-1' }, clerk);
    now = await t.ok('plaques.issue', { id: now.plaque!.id, expectedVersion: now.plaque!.version, date: '2026-07-15' }, clerk);
    now = await t.ok('plaques.hang', { id: now.plaque!.id, expectedVersion: now.plaque!.version, date: '2026-07-16', place: '大门上方' }, clerk);
    await t.ok('people.update', { id: h.headPersonId, fields: { deathDate: '2026-08-01' } }, clerk);
    now = await t.ok('households.get', { id: h.id }, clerk);
    expect(now.plaque).toMatchObject({ status: 'hung', qualifyingPersonDeceased: true });
    const refused = await t.core.call('plaques.replace', { id: now.plaque!.id, expectedVersion: now.plaque!.version, date: '2026-09-01', reason: 'worn' }, clerk);
    expect(refused).toMatchObject({ ok: false, error: { message: { zh: expect.stringContaining('不再更换') } } });
    expect(await t.core.call('plaques.make', { householdId: h.id, number: 'X-1' }, clerk)).toMatchObject({ ok: false });
  });

  it('lists the ledger by township and village and counts by category, status and division', async () => {
    const all = await t.ok('plaques.ledger', { divisionCode: TOWNSHIP }, clerk);
    expect(all.count).toBeGreaterThanOrEqual(4);
    expect(all.rows.every((r) => r.divisionCode.startsWith('371621101'))).toBe(true);
    const hung = await t.ok('plaques.ledger', { divisionCode: VILLAGE, view: 'hung' }, clerk);
    expect(hung.rows.map((r) => r.headName)).toEqual(['郑七']);
    expect(hung.rows[0]).toMatchObject({ plaqueNumber: 'X-1', category: 'veteran', hungDate: '2026-07-16', addressText: '胜利****' });
    const counts = await t.ok('plaques.counts', { divisionCode: '371621000000' }, clerk);
    // Households, each once by its ledger line's plaque: 吴六's superseded plaque is not counted.
    expect(counts.byDivision).toEqual([{ divisionCode: TOWNSHIP, divisionName: '测试新镇', level: 4, households: 4, hung: 1, inUse: 2, cancelled: 0, withoutPlaque: 2 }]);
    expect(counts.byCategory.filter((c) => c.count > 0)).toEqual([{ category: 'martyr_family', count: 1 }, { category: 'veteran', count: 1 }]);
    expect(counts.byStatus.filter((s) => s.count > 0)).toEqual([{ status: 'issued', count: 1 }, { status: 'hung', count: 1 }]);
    expect([counts.households, counts.withoutPlaque]).toEqual([4, 2]);
  });

  it('audits every write', async () => {
    const audit = await t.ok('audit.list', { entity: 'plaque' }, t.admin);
    expect(audit.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['make', 'issue', 'hang', 'replace', 'takeBack', 'cancel', 'restore']));
  });
});
