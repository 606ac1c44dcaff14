import { afterEach, describe, expect, it } from 'vitest';
import { classId, honorsCore, LI, type Honors } from './support';

let h: Honors | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

describe('the award register', () => {
  it('registers an award to a person with an audit row, and finds the person again by ID number', async () => {
    h = await honorsCore();
    const second = await classId(h, '二等功');
    const award = await h.ok(
      'awards.create',
      { recipient: LI, classId: second, authority: '东部战区', orderNo: '东战政〔2026〕12号', awardDate: '2026-10-08', citation: '在演习中表现突出', soldierUnit: '某旅某连', enlistedOn: '2021-09-10' },
      h.clerk,
    );
    expect(award).toMatchObject({ className: '二等功', orderNo: '东战政〔2026〕12号', soldierUnit: '某旅某连', enlistedOn: '2021-09-10', letter: null, otherAwards: 0, createdBy: 'clerk员' });
    // The clerk sees the ID number masked (DESIGN.md §2.4); an administrator sees it whole.
    expect(award.recipient).toMatchObject({ kind: 'person', name: '李明', idNumber: '110***********002X' });
    expect((await h.ok('awards.get', { id: award.id }, h.admin)).recipient.idNumber).toBe('11010519491231002X');
    const audit = await h.ok('audit.list', { entity: 'award', entityId: String(award.id) }, h.admin);
    expect(audit.entries[0]).toMatchObject({ action: 'create', username: 'clerk' });

    // The same number, written in lower case with full-width digits: the same person.
    const again = await h.ok('awards.create', { recipient: { ...LI, idNumber: '１１０１０５１９４９１２３１００２x' }, classId: await classId(h, '嘉奖') }, h.clerk);
    expect(again.recipient.personId).toBe(award.recipient.personId);
    expect(again.otherAwards).toBe(1);
    const persons = h.core.db.prepare("SELECT count(*) AS n FROM persons WHERE id_number = '11010519491231002X'").get() as { n: number };
    expect(persons.n).toBe(1);

    // The read-only user sees the number masked.
    const seen = await h.ok('awards.get', { id: award.id }, h.readonly);
    expect(seen.recipient.idNumber).toBe('110***********002X');
  });

  it('refuses an invalid ID number, and a known number under another name, in Chinese and English', async () => {
    h = await honorsCore();
    const third = await classId(h, '三等功');
    const bad = await h.core.call('awards.create', { recipient: { ...LI, idNumber: '110105194912310021' }, classId: third }, h.clerk);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: { zh: expect.stringContaining('身份证号码有误') } } });
    await h.ok('awards.create', { recipient: LI, classId: third }, h.clerk);
    const other = await h.core.call('awards.create', { recipient: { ...LI, name: '王刚' }, classId: third }, h.clerk);
    expect(other).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: { zh: expect.stringContaining('已登记为“李明”'), en: expect.stringContaining('already registered') } } });
  });

  it('registers a unit award, lists and searches the register, and corrects an award with a version check', async () => {
    h = await honorsCore();
    const hon = await classId(h, '荣誉称号');
    const unit = await h.ok('awards.create', { recipient: { kind: 'unit', name: '惠民县人民武装部', unitType: '双拥模范单位' }, classId: hon, awardDate: '2025-07-01' }, h.clerk);
    expect(unit.recipient).toMatchObject({ kind: 'unit', personId: null, name: '惠民县人民武装部', unitType: '双拥模范单位' });
    const person = await h.ok('awards.create', { recipient: LI, classId: await classId(h, '三等功'), awardDate: '2026-08-01', orderNo: '第88号' }, h.clerk);
    const all = await h.ok('awards.list', {}, h.readonly);
    expect(all.count).toBe(2);
    expect(all.rows.map((r) => r.recipientName)).toEqual(['李明', '惠民县人民武装部']);
    expect((await h.ok('awards.list', { query: '88' }, h.readonly)).rows.map((r) => r.id)).toEqual([person.id]);
    expect((await h.ok('awards.list', { year: 2025 }, h.readonly)).rows.map((r) => r.id)).toEqual([unit.id]);

    const fields = { recipient: LI, classId: person.classId, orderNo: '第89号', awardDate: '2026-08-01' };
    const fixed = await h.ok('awards.update', { id: person.id, expectedVersion: person.version, fields }, h.clerk);
    expect(fixed).toMatchObject({ orderNo: '第89号', version: 2 });
    // A misspelt name is corrected on the award's own person, ID number and all.
    const renamed = await h.ok('awards.update', { id: person.id, expectedVersion: fixed.version, fields: { ...fields, recipient: { ...LI, name: '李铭' } } }, h.clerk);
    expect(renamed.recipient).toMatchObject({ name: '李铭', personId: person.recipient.personId });
    const stale = await h.core.call('awards.update', { id: person.id, expectedVersion: 1, fields }, h.clerk);
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const forbidden = await h.core.call('awards.create', { recipient: LI, classId: person.classId }, h.readonly);
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a unit award keeps its division: saved, shown back with its full name, changed and cleared; an unknown code is refused', async () => {
    h = await honorsCore();
    const hon = await classId(h, '荣誉称号');
    const unit = { kind: 'unit' as const, name: '惠民县人民武装部', unitType: '双拥模范单位', divisionCode: '371621000000' };
    const created = await h.ok('awards.create', { recipient: unit, classId: hon }, h.clerk);
    expect(created.recipient).toMatchObject({ kind: 'unit', divisionCode: '371621000000', divisionName: expect.stringMatching(/惠民县$/) });
    const read = await h.ok('awards.get', { id: created.id }, h.readonly);
    expect(read.recipient).toMatchObject({ name: '惠民县人民武装部', unitType: '双拥模范单位', divisionCode: '371621000000' });
    const audit = await h.ok('audit.list', { entity: 'award', entityId: String(created.id) }, h.admin);
    expect(audit.entries[0]?.after).toMatchObject({ unitDivisionCode: '371621000000' });

    const moved = await h.ok('awards.update', { id: created.id, expectedVersion: created.version, fields: { recipient: { ...unit, divisionCode: '371602000000' }, classId: hon } }, h.clerk);
    expect(moved.recipient).toMatchObject({ divisionCode: '371602000000', divisionName: expect.stringMatching(/滨城区$/) });
    const cleared = await h.ok('awards.update', { id: created.id, expectedVersion: moved.version, fields: { recipient: { ...unit, divisionCode: null }, classId: hon } }, h.clerk);
    expect(cleared.recipient).toMatchObject({ divisionCode: null, divisionName: null });

    const awards = () => (h!.core.db.prepare('SELECT count(*) AS n FROM awards').get() as { n: number }).n;
    const before = awards();
    const unknown = await h.core.call('awards.create', { recipient: { ...unit, divisionCode: '371699999999' }, classId: hon }, h.clerk);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: { zh: '没有这个行政区划。', en: 'There is no such division.' }, issues: [{ path: 'recipient.divisionCode' }] } });
    const malformed = await h.core.call('awards.create', { recipient: { ...unit, divisionCode: '3716' }, classId: hon }, h.clerk);
    expect(malformed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unknownOnUpdate = await h.core.call('awards.update', { id: created.id, expectedVersion: cleared.version, fields: { recipient: { ...unit, divisionCode: '371699999999' }, classId: hon } }, h.clerk);
    expect(unknownOnUpdate).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(awards()).toBe(before);
    expect((await h.ok('awards.get', { id: created.id }, h.clerk)).recipient.divisionCode).toBeNull();
  });

  it('the administrator adds a class and changes a class’s deadline days; clerks may not', async () => {
    h = await honorsCore();
    const added = await h.ok('awardClasses.save', { name: '四有优秀士兵', deadlineDays: 10, deliverers: '乡镇武装部长' }, h.admin);
    expect(added).toMatchObject({ code: null, name: '四有优秀士兵', active: true });
    const dup = await h.core.call('awardClasses.save', { name: '二等功', deadlineDays: 3 }, h.admin);
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const denied = await h.core.call('awardClasses.save', { name: '新类别', deadlineDays: 3 }, h.clerk);
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const audit = await h.ok('audit.list', { entity: 'awardClass' }, h.admin);
    expect(audit.entries).toHaveLength(1);
  });
});
