import { afterEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { insertLetter } from '../../../electron/core/db/goodNewsLetters';
import { uploadAndStore } from '../attachments/client';
import { classId, honorsCore, LI, type Honors } from './support';

let h: Honors | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

const family = { familyName: '李建国', familyRelation: '父亲', familyAddress: '山东省惠民县胡集镇李家村 12 号', familyPhone: '13800000000' };

async function awardOf(h: Honors, className = '二等功', name = LI.name, idNumber = LI.idNumber) {
  return h.ok('awards.create', { recipient: { ...LI, name, idNumber }, classId: await classId(h, className), orderNo: '东战政〔2026〕12号', awardDate: '2026-11-01' }, h.clerk);
}

describe('a good-news letter through its life', () => {
  it('received → registered → verified → delivered (with a photo) → feedback, each with its event and audit row', async () => {
    h = await honorsCore();
    const award = await awardOf(h);
    // Monday 2026-11-23; 二等功 gives 7 working days: Wednesday 2 December.
    const letter = await h.ok('letters.create', { awardId: award.id, receivedOn: '2026-11-23', ...family }, h.clerk);
    expect(letter).toMatchObject({ status: 'received', dueOn: '2026-12-02', deadlineDays: 7, deadline: 'onTime', workingDaysLeft: 7, actions: ['register', 'cancel'] });
    expect(letter.deliverers).toMatch(/县（区）退役军人事务局局长会同县（区）人武部/);

    const forbidden = await h.core.call('letters.verify', { id: letter.id }, h.clerk);
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const early = await h.core.call('letters.deliver', { id: letter.id, deliveredOn: '2026-11-23', deliveredBy: '王局长' }, h.clerk);
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: { zh: expect.stringContaining('尚未登记和审核') } } });

    await h.ok('letters.register', { id: letter.id }, h.clerk);
    const returned = await h.ok('letters.return', { id: letter.id, reason: '地址与通知不符' }, h.reviewer);
    expect(returned).toMatchObject({ status: 'received', returnReason: '地址与通知不符' });
    await h.ok('letters.register', { id: letter.id }, h.clerk);
    await h.ok('letters.verify', { id: letter.id }, h.reviewer);

    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } }).png().toBuffer();
    const photo = await uploadAndStore(h, h.clerk, 'delivery.png', png);
    if (!photo.ok) throw new Error(photo.error.message.en);
    const future = await h.core.call('letters.deliver', { id: letter.id, deliveredOn: '2026-11-24', deliveredBy: '王局长' }, h.clerk);
    expect(future).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: { zh: expect.stringContaining('晚于今天') } } });
    const delivered = await h.ok(
      'letters.deliver',
      { id: letter.id, deliveredOn: '2026-11-23', deliveredBy: '县退役军人事务局 王局长', deliveredWith: '县人武部 张部长', note: '敲锣打鼓送喜报', photoAttachmentIds: [photo.value.attachment.id] },
      h.clerk,
    );
    expect(delivered).toMatchObject({ status: 'delivered', deliveredOn: '2026-11-23', deliveredWith: '县人武部 张部长', deadline: 'done', actions: ['feedback'] });
    expect(delivered.photos.map((p) => p.attachment.id)).toEqual([photo.value.attachment.id]);
    const twice = await h.core.call('letters.deliver', { id: letter.id, deliveredOn: '2026-11-23', deliveredBy: '王局长' }, h.clerk);
    expect(twice).toMatchObject({ ok: false, error: { message: { zh: expect.stringContaining('不能重复送达') } } });

    const done = await h.ok('letters.feedback', { id: letter.id, feedbackOn: '2026-11-23', feedback: '家属表示感谢，将鼓励孩子继续努力' }, h.clerk);
    expect(done).toMatchObject({ status: 'feedback', actions: [] });
    expect(done.events.map((e) => [e.action, e.fromStatus, e.toStatus, e.username])).toEqual([
      ['receive', null, 'received', 'clerk'],
      ['register', 'received', 'registered', 'clerk'],
      ['return', 'registered', 'received', 'reviewer'],
      ['register', 'received', 'registered', 'clerk'],
      ['verify', 'registered', 'verified', 'reviewer'],
      ['deliver', 'verified', 'delivered', 'clerk'],
      ['feedback', 'delivered', 'feedback', 'clerk'],
    ]);
    const audit = await h.ok('audit.list', { entity: 'letter', entityId: String(letter.id) }, h.admin);
    expect(audit.entries.map((e) => e.action).reverse()).toEqual(['create', 'register', 'return', 'register', 'verify', 'deliver', 'feedback']);
    expect((await h.ok('awards.get', { id: award.id }, h.readonly)).letter).toMatchObject({ id: letter.id, status: 'feedback' });
  });

  it('a second letter for the same award and family is refused by the API, and by the unique index', async () => {
    h = await honorsCore();
    const award = await awardOf(h);
    const first = await h.ok('letters.create', { awardId: award.id, receivedOn: '2026-11-23', ...family }, h.clerk);
    const second = await h.core.call('letters.create', { awardId: award.id, receivedOn: '2026-11-23', ...family }, h.clerk);
    expect(second).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: { zh: expect.stringContaining('一项奖励只送一份喜报，不能再登记第二份'), en: expect.stringContaining('an award gets one letter, so a second is refused') } },
    });
    // Past the code's check, straight into the table: the index refuses it.
    const row = { awardId: award.id, ...family, familyDivisionCode: null, receivedOn: '2026-11-23', dueOn: '2026-12-02', deliverers: '' };
    expect(() => insertLetter(h!.core.db, row, 1, '2026-11-23T09:00:00.000Z')).toThrowError(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_UNIQUE' }));
    // A cancelled letter (keyed in by mistake) leaves room for the corrected one.
    await h.ok('letters.cancel', { id: first.id, reason: '地址录错' }, h.clerk);
    const fixed = await h.ok('letters.create', { awardId: award.id, receivedOn: '2026-11-23', ...family, familyAddress: '山东省惠民县胡集镇李家村 21 号' }, h.clerk);
    expect(fixed.status).toBe('received');
    expect(() => insertLetter(h!.core.db, row, 1, '2026-11-23T09:00:00.000Z')).toThrowError(/UNIQUE/);
    const cancelled = await h.core.call('letters.register', { id: first.id }, h.clerk);
    expect(cancelled).toMatchObject({ ok: false, error: { message: { zh: expect.stringContaining('已作废') } } });
  });

  it('keeps the family’s division with the letter and shows it back by its full name; an unknown division is refused', async () => {
    h = await honorsCore();
    const award = await awardOf(h);
    const unknown = await h.core.call('letters.create', { awardId: award.id, receivedOn: '2026-11-23', ...family, familyDivisionCode: '371699999999' }, h.clerk);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: { zh: '没有这个行政区划。', en: 'There is no such division.' } } });
    expect(await h.core.call('letters.create', { awardId: award.id, receivedOn: '2026-11-23', ...family, familyDivisionCode: '3716' }, h.clerk)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((h.core.db.prepare('SELECT count(*) AS n FROM good_news_letters').get() as { n: number }).n).toBe(0);

    const letter = await h.ok('letters.create', { awardId: award.id, receivedOn: '2026-11-23', ...family, familyDivisionCode: '371621000000' }, h.clerk);
    expect(letter).toMatchObject({ familyDivisionCode: '371621000000', familyDivisionName: expect.stringMatching(/惠民县$/) });
    // The clerk sees the street address masked, the place (division) whole (shared/rules/privacy).
    expect(letter.familyAddress).toBe('山东****');
    expect(await h.ok('letters.get', { id: letter.id }, h.reviewer)).toMatchObject({ familyDivisionCode: '371621000000', familyAddress: family.familyAddress });
    const audit = await h.ok('audit.list', { entity: 'letter', entityId: String(letter.id) }, h.admin);
    expect(audit.entries[0]?.after).toMatchObject({ familyDivisionCode: '371621000000' });
  });

  it('overdue and due-soon letters for the home page, in the office’s working days', async () => {
    h = await honorsCore();
    // Today is Monday 2026-11-23. 嘉奖: 15 working days; 三等功: 10; 二等功: 7.
    const late = await h.ok('letters.create', { awardId: (await awardOf(h, '二等功', '甲一', '')).id, receivedOn: '2026-11-10', ...family }, h.clerk); // due 11-19: overdue
    const soon = await h.ok('letters.create', { awardId: (await awardOf(h, '二等功', '乙二', '')).id, receivedOn: '2026-11-17', ...family }, h.clerk); // due 11-26: 3 days left
    const later = await h.ok('letters.create', { awardId: (await awardOf(h, '嘉奖', '丙三', '')).id, receivedOn: '2026-11-20', ...family }, h.clerk); // due 12-11
    expect([late.dueOn, soon.dueOn, later.dueOn]).toEqual(['2026-11-19', '2026-11-26', '2026-12-11']);
    expect([late.deadline, soon.deadline, later.deadline]).toEqual(['overdue', 'dueSoon', 'onTime']);
    expect(late.workingDaysLeft).toBe(-2);

    let due = await h.ok('letters.due', {}, h.readonly);
    expect(due).toMatchObject({ today: '2026-11-23', soonDays: 3, overdueCount: 1, dueSoonCount: 1 });
    expect(due.overdue.map((l) => l.id)).toEqual([late.id]);
    expect(due.dueSoon.map((l) => l.id)).toEqual([soon.id]);
    expect((await h.ok('letters.list', { due: 'open' }, h.readonly)).rows.map((l) => l.id)).toEqual([late.id, soon.id, later.id]);
    expect((await h.ok('letters.list', { due: 'overdue' }, h.readonly)).count).toBe(1);
    expect((await h.ok('letters.list', { status: 'received', due: 'dueSoon' }, h.readonly)).rows.map((l) => l.id)).toEqual([soon.id]);

    // The office declares 24–26 November holidays: the due-soon letter moves to 1 December and leaves the list…
    const set = await h.ok('calendar.set', { from: '2026-11-24', to: '2026-11-26', kind: 'holiday', name: '临时休假' }, h.admin);
    expect(set).toEqual({ changed: 3, lettersRescheduled: 2 }); // the overdue one was due before them
    expect((await h.ok('letters.get', { id: soon.id }, h.clerk)).dueOn).toBe('2026-12-01');
    due = await h.ok('letters.due', {}, h.readonly);
    expect(due.dueSoon.map((l) => l.id)).toEqual([soon.id]);
    // … and a make-up Saturday (调休) brings it back a day.
    await h.ok('calendar.set', { from: '2026-11-28', to: '2026-11-28', kind: 'workday', name: '调休' }, h.admin);
    expect((await h.ok('letters.get', { id: soon.id }, h.clerk)).dueOn).toBe('2026-11-30');
    expect((await h.ok('calendar.list', { year: 2026 }, h.readonly)).map((d) => d.kind)).toEqual(['holiday', 'holiday', 'holiday', 'workday']);

    // Delivering the overdue one takes it off the home page.
    await h.ok('letters.register', { id: late.id }, h.clerk);
    await h.ok('letters.verify', { id: late.id }, h.reviewer);
    await h.ok('letters.deliver', { id: late.id, deliveredOn: '2026-11-23', deliveredBy: '王局长' }, h.clerk);
    expect((await h.ok('letters.due', {}, h.readonly)).overdueCount).toBe(0);

    // A class given more days: its open letters' deadlines follow.
    const jiajiang = await classId(h, '嘉奖');
    await h.ok('awardClasses.save', { id: jiajiang, name: '嘉奖', deadlineDays: 20, deliverers: '' }, h.admin);
    expect((await h.ok('letters.get', { id: later.id }, h.clerk)).dueOn > later.dueOn).toBe(true);
    const denied = await h.core.call('calendar.set', { from: '2026-12-01', to: '2026-12-01', kind: 'holiday' }, h.clerk);
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
