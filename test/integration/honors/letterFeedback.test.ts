/**
 * The feedback step (反馈) of a good-news letter, after delivery only (shared/rules/letterState),
 * and one live letter per award whatever the family. Refusals say why and leave the letter, its
 * events and the audit log as they were.
 *
 * (A second letter for the same award and the same family, and the unique index behind it, are in
 * letters.test.ts; so is the whole life of a letter through feedback. Here: the refusals around
 * feedback, and a second letter to another family.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { classId, honorsCore, LI, type Honors } from './support';

let h: Honors | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

const family = { familyName: '李建国', familyRelation: '父亲', familyAddress: '山东省惠民县胡集镇李家村 12 号', familyPhone: '13800000000' };
const NOT_DELIVERED = { code: 'CONFLICT', message: { zh: '喜报送达后才能记录反馈。', en: 'Feedback can be recorded only after delivery.' } };

/** A letter received Friday 2026-11-20 for a 二等功 (today is Monday 2026-11-23). */
async function letterFor(h: Honors) {
  const award = await h.ok('awards.create', { recipient: LI, classId: await classId(h, '二等功'), orderNo: '东战政〔2026〕12号', awardDate: '2026-11-01' }, h.clerk);
  return h.ok('letters.create', { awardId: award.id, receivedOn: '2026-11-20', ...family }, h.clerk);
}

function snapshot(h: Honors) {
  const db = h.core.db;
  return {
    letters: db.prepare('SELECT * FROM good_news_letters ORDER BY id').all(),
    events: db.prepare('SELECT * FROM letter_events ORDER BY id').all(),
    audit: (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
  };
}

const feedbackAudit = async (h: Honors, id: number) => (await h.ok('audit.list', { entity: 'letter', entityId: String(id), action: 'feedback' }, h.admin)).entries;

describe('feedback (反馈) on a good-news letter', () => {
  it('is refused before delivery — received, registered or verified — and changes nothing', async () => {
    h = await honorsCore();
    const letter = await letterFor(h);
    const input = { id: letter.id, feedbackOn: '2026-11-23', feedback: '家属表示感谢' };
    const steps: [string, () => Promise<unknown>][] = [
      ['received', async () => {}],
      ['registered', () => h!.ok('letters.register', { id: letter.id }, h!.clerk)],
      ['verified', () => h!.ok('letters.verify', { id: letter.id }, h!.reviewer)],
    ];
    for (const [status, reach] of steps) {
      await reach();
      const before = snapshot(h);
      const now = await h.ok('letters.get', { id: letter.id }, h.clerk);
      expect(now).toMatchObject({ status, feedbackOn: null, feedback: '' });
      expect(now.actions).not.toContain('feedback');
      expect(await h.core.call('letters.feedback', input, h.clerk)).toMatchObject({ ok: false, error: NOT_DELIVERED });
      expect(snapshot(h)).toEqual(before);
      expect(await h.ok('letters.get', { id: letter.id }, h.clerk)).toEqual(now);
    }
    expect(await feedbackAudit(h, letter.id)).toEqual([]);
  });

  it('before delivery the refusal names the missing delivery, whatever the date given', async () => {
    h = await honorsCore();
    const letter = await letterFor(h);
    const before = snapshot(h);
    // A future date and a date before receipt: the letter is not delivered, and that is what it says.
    for (const feedbackOn of ['2026-12-31', '2026-01-01']) {
      expect(await h.core.call('letters.feedback', { id: letter.id, feedbackOn, feedback: '家属表示感谢' }, h.clerk)).toMatchObject({ ok: false, error: NOT_DELIVERED });
    }
    expect(snapshot(h)).toEqual(before);
  });

  it('after delivery: the status becomes feedback, the event is in the history, an audit row is written; then no second feedback', async () => {
    h = await honorsCore();
    const letter = await letterFor(h);
    await h.ok('letters.register', { id: letter.id }, h.clerk);
    await h.ok('letters.verify', { id: letter.id }, h.reviewer);
    const delivered = await h.ok('letters.deliver', { id: letter.id, deliveredOn: '2026-11-22', deliveredBy: '县退役军人事务局 王局长' }, h.clerk);
    expect(delivered).toMatchObject({ status: 'delivered', actions: ['feedback'] });

    // Refused, each with its reason, and nothing written: dated before the delivery, dated in the future, by a read-only user.
    let before = snapshot(h);
    const early = await h.core.call('letters.feedback', { id: letter.id, feedbackOn: '2026-11-21', feedback: '家属表示感谢' }, h.clerk);
    expect(early).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: { zh: '反馈日期 2026-11-21 早于送达日期 2026-11-22。', en: expect.stringContaining('before the delivery') } } });
    const future = await h.core.call('letters.feedback', { id: letter.id, feedbackOn: '2026-11-24', feedback: '家属表示感谢' }, h.clerk);
    expect(future).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: { zh: '反馈日期 2026-11-24 晚于今天。' } } });
    const blank = await h.core.call('letters.feedback', { id: letter.id, feedbackOn: '2026-11-23', feedback: '   ' }, h.clerk);
    expect(blank).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'feedback' }] } });
    expect(snapshot(h)).toEqual(before);
    const readOnly = await h.core.call('letters.feedback', { id: letter.id, feedbackOn: '2026-11-23', feedback: '家属表示感谢' }, h.readonly);
    expect(readOnly).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(snapshot(h).letters).toEqual(before.letters);
    expect(snapshot(h).events).toEqual(before.events);

    const done = await h.ok('letters.feedback', { id: letter.id, feedbackOn: '2026-11-23', feedback: '  家属表示感谢，将鼓励孩子继续努力 ' }, h.clerk);
    expect(done).toMatchObject({ status: 'feedback', feedbackOn: '2026-11-23', feedback: '家属表示感谢，将鼓励孩子继续努力', deliveredOn: '2026-11-22', deadline: 'done', actions: [], version: delivered.version + 1 });
    expect(done.events.slice(-2).map((e) => [e.action, e.fromStatus, e.toStatus, e.username])).toEqual([
      ['deliver', 'verified', 'delivered', 'clerk'],
      ['feedback', 'delivered', 'feedback', 'clerk'],
    ]);
    const stored = h.core.db.prepare("SELECT details_json AS details FROM letter_events WHERE letter_id = ? AND action = 'feedback'").get(letter.id) as { details: string };
    expect(JSON.parse(stored.details)).toEqual({ feedbackOn: '2026-11-23', feedback: '家属表示感谢，将鼓励孩子继续努力' });
    const audit = await feedbackAudit(h, letter.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ username: 'clerk', before: { status: 'delivered' }, after: { status: 'feedback', feedbackOn: '2026-11-23', feedback: '家属表示感谢，将鼓励孩子继续努力' } });
    expect((await h.ok('letters.list', { status: 'feedback' }, h.readonly)).rows.map((r) => r.id)).toEqual([letter.id]);
    expect((await h.ok('awards.get', { id: letter.awardId }, h.readonly)).letter).toMatchObject({ id: letter.id, status: 'feedback' });

    // Recorded once: a second feedback, or cancelling the letter now, is refused.
    before = snapshot(h);
    const again = await h.core.call('letters.feedback', { id: letter.id, feedbackOn: '2026-11-23', feedback: '再次反馈' }, h.clerk);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: { zh: '该喜报已记录反馈。', en: 'Feedback on this letter is already recorded.' } } });
    expect(await h.core.call('letters.cancel', { id: letter.id, reason: '录错' }, h.clerk)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(snapshot(h)).toEqual(before);
    expect(await feedbackAudit(h, letter.id)).toHaveLength(1);
  });
});

describe('one live letter per award', () => {
  it('a second letter for the same award is refused even to another family, with nothing written', async () => {
    h = await honorsCore();
    const first = await letterFor(h);
    const before = snapshot(h);
    const other = { familyName: '王秀英', familyRelation: '母亲', familyAddress: '山东省惠民县孙武街道王家村 3 号', familyPhone: '13900000000' };
    const second = await h.core.call('letters.create', { awardId: first.awardId, receivedOn: '2026-11-23', ...other }, h.clerk);
    expect(second).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: { zh: expect.stringMatching(new RegExp(`^该奖励已有一份喜报（第 ${first.id} 号.*不能再登记第二份`)), en: expect.stringContaining('already has a good-news letter') } },
    });
    expect(snapshot(h)).toEqual(before);
    expect((await h.ok('audit.list', { entity: 'letter', action: 'create' }, h.admin)).total).toBe(1);
  });
});
