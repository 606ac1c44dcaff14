/**
 * Who must deliver (送达人) per award class, the table of the honours settings
 * (awardClasses.save, administrators only): a new letter takes its class's deliverers unless it
 * names its own, and the delivery dialog pre-fills "delivered by" from the letter's `deliverers`
 * (renderer/src/features/honors/letters/LetterActionDialog.tsx). A letter keeps the deliverers it
 * was registered with; other roles may not edit the table.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { classId, honorsCore, LI, type Honors } from './support';

let h: Honors | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

const SEEDED = '乡镇（街道）负责人会同县（区）人武部人员';
const EDITED = '乡镇（街道）武装部长会同村（社区）党支部书记';
const family = { familyName: '李建国', familyRelation: '父亲', familyAddress: '山东省惠民县胡集镇李家村 12 号' };

async function awardOf(h: Honors, className: string, name: string) {
  return h.ok('awards.create', { recipient: { ...LI, name, idNumber: '' }, classId: await classId(h, className) }, h.clerk);
}

describe('the deliverers of an award class', () => {
  it('an administrator edits them; the next letter of that class suggests the new deliverers, an earlier letter keeps its own', async () => {
    h = await honorsCore();
    const third = await classId(h, '三等功');
    const earlier = await h.ok('letters.create', { awardId: (await awardOf(h, '三等功', '甲一')).id, receivedOn: '2026-11-20', ...family }, h.clerk);
    expect(earlier.deliverers).toBe(SEEDED);

    const saved = await h.ok('awardClasses.save', { id: third, name: '三等功', deadlineDays: 10, deliverers: `  ${EDITED} `, active: true }, h.admin);
    expect(saved).toMatchObject({ id: third, code: 'third_class', name: '三等功', deadlineDays: 10, deliverers: EDITED, active: true });
    const classes = await h.ok('awardClasses.list', {}, h.clerk);
    expect(classes.find((c) => c.id === third)?.deliverers).toBe(EDITED);
    // Only that class changed.
    expect(classes.find((c) => c.name === '二等功')?.deliverers).toBe('县（区）退役军人事务局局长会同县（区）人武部领导');
    const audit = await h.ok('audit.list', { entity: 'awardClass', entityId: String(third) }, h.admin);
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({ action: 'update', username: 'admin', before: { deliverers: SEEDED, deadlineDays: 10 }, after: { deliverers: EDITED, deadlineDays: 10, lettersRescheduled: 0 } });

    // The next letter for an award of the class: its suggested deliverers are the new ones, kept with the letter.
    const next = await h.ok('letters.create', { awardId: (await awardOf(h, '三等功', '乙二')).id, receivedOn: '2026-11-23', ...family }, h.clerk);
    expect(next.deliverers).toBe(EDITED);
    expect((await h.ok('letters.get', { id: next.id }, h.readonly)).deliverers).toBe(EDITED);
    expect(h.core.db.prepare('SELECT deliverers FROM good_news_letters WHERE id = ?').get(next.id)).toEqual({ deliverers: EDITED });
    // The letter registered before the edit keeps what it was registered with.
    expect((await h.ok('letters.get', { id: earlier.id }, h.clerk)).deliverers).toBe(SEEDED);
    // A letter of another class is not affected.
    const other = await h.ok('letters.create', { awardId: (await awardOf(h, '嘉奖', '丙三')).id, receivedOn: '2026-11-23', ...family }, h.clerk);
    expect(other.deliverers).toBe('乡镇（街道）退役军人服务站人员');

    // The delivery dialog pre-fills "delivered by" with the letter's deliverers; saving it as is records them.
    await h.ok('letters.register', { id: next.id }, h.clerk);
    await h.ok('letters.verify', { id: next.id }, h.reviewer);
    const delivered = await h.ok('letters.deliver', { id: next.id, deliveredOn: '2026-11-23', deliveredBy: next.deliverers }, h.clerk);
    expect(delivered).toMatchObject({ status: 'delivered', deliveredBy: EDITED, deliverers: EDITED });
  });

  it('a letter that names its own deliverers keeps them over the class’s', async () => {
    h = await honorsCore();
    const third = await classId(h, '三等功');
    await h.ok('awardClasses.save', { id: third, name: '三等功', deadlineDays: 10, deliverers: EDITED }, h.admin);
    const own = await h.ok('letters.create', { awardId: (await awardOf(h, '三等功', '丁四')).id, receivedOn: '2026-11-23', ...family, deliverers: '县人武部 张部长' }, h.clerk);
    expect(own.deliverers).toBe('县人武部 张部长');
  });

  it.each(['clerk', 'reviewer', 'readonly'] as const)('a %s may not edit the table: refused, the class unchanged, the refusal audited', async (role) => {
    h = await honorsCore();
    const third = await classId(h, '三等功');
    const before = await h.ok('awardClasses.list', {}, h.admin);
    const result = await h.core.call('awardClasses.save', { id: third, name: '三等功', deadlineDays: 10, deliverers: EDITED, active: true }, h[role]);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.ok('awardClasses.list', {}, h.admin)).toEqual(before);
    expect((await h.ok('audit.list', { entity: 'awardClass' }, h.admin)).total).toBe(0);
    const denied = await h.ok('audit.list', { entity: 'access', action: 'denied' }, h.admin);
    expect(denied.entries.map((e) => [e.username, e.after])).toContainEqual([role, { method: 'awardClasses.save', role }]);
    // And the next letter of the class still takes the deliverers as they were.
    const letter = await h.ok('letters.create', { awardId: (await awardOf(h, '三等功', '戊五')).id, receivedOn: '2026-11-23', ...family }, h.clerk);
    expect(letter.deliverers).toBe(SEEDED);
  });

  it('a save that leaves out deliverers or active keeps the stored ones; a new class without them has none and is offered', async () => {
    h = await honorsCore();
    const third = await classId(h, '三等功');
    await h.ok('awardClasses.save', { id: third, name: '三等功', deadlineDays: 10, deliverers: EDITED, active: false }, h.admin);
    // Only the deadline changes: the deliverers and the withdrawal stay.
    const saved = await h.ok('awardClasses.save', { id: third, name: '三等功', deadlineDays: 12 }, h.admin);
    expect(saved).toMatchObject({ id: third, deadlineDays: 12, deliverers: EDITED, active: false });
    const audit = await h.ok('audit.list', { entity: 'awardClass', entityId: String(third) }, h.admin);
    expect(audit.entries[0]).toMatchObject({ action: 'update', before: { deliverers: EDITED, active: false, deadlineDays: 10 }, after: { deliverers: EDITED, active: false, deadlineDays: 12 } });
    const added = await h.ok('awardClasses.save', { name: '见义勇为', deadlineDays: 15 }, h.admin);
    expect(added).toMatchObject({ name: '见义勇为', deadlineDays: 15, deliverers: '', active: true });
  });

  it('the audit row of a new letter records the deliverers it was given, the class’s when it named none', async () => {
    h = await honorsCore();
    const letter = await h.ok('letters.create', { awardId: (await awardOf(h, '三等功', '丁四')).id, receivedOn: '2026-11-20', ...family }, h.clerk);
    const audit = await h.ok('audit.list', { entity: 'letter', entityId: String(letter.id), action: 'create' }, h.admin);
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]!.after).toMatchObject({ deliverers: SEEDED });
  });
});
