import { afterEach, describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../support/tempCore';
import type { Session } from '../../../electron/core';

let t: Awaited<ReturnType<typeof makeSetUpCore>> | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

async function withRoles() {
  const s = await makeSetUpCore();
  t = s;
  const sessions: Record<'clerk' | 'reviewer' | 'readonly', Session> = {} as never;
  for (const role of ['clerk', 'reviewer', 'readonly'] as const) {
    await s.ok('users.create', { username: role, displayName: `${role}员`, role, password: 'initial-pass-1' }, s.admin);
    const session = s.core.openSession();
    await s.ok('auth.login', { username: role, password: 'initial-pass-1' }, session);
    await s.ok('auth.changePassword', { currentPassword: 'initial-pass-1', newPassword: 'my own pass 2' }, session);
    sessions[role] = session;
  }
  return { s, ...sessions };
}

const zhang = {
  name: '张德胜',
  gender: 'male' as const,
  birthDate: '民国九年',
  nativePlaceText: '山东省惠民县',
  nativePlaceCode: '371621000000',
  unitAndPost: '华东野战军第九纵队 排长',
  deathDate: '1947年春',
  deathPlaceText: '山东孟良崮',
  period: 'liberation' as const,
  certificateNo: '鲁民烈字第0012号',
  deeds: '在孟良崮战役中率全排坚守阵地，英勇牺牲。',
  nextOfKin: [{ name: '张王氏', relation: 'parent' as const, note: '母亲' }],
};

describe('keying in a record', () => {
  it('stores every field with dates parsed, native place mapped, provenance and next of kin', async () => {
    const { s, clerk } = await withRoles();
    const source = await s.ok('sources.create', { kind: 'printed_roll', title: '1982年油印本英名录' }, clerk);
    const m = await s.ok('martyrs.create', { ...zhang, sourceId: source.id, sourcePage: '12', sourceItem: '3' }, clerk);
    expect(m).toMatchObject({
      status: 'draft',
      version: 1,
      name: '张德胜',
      birthDate: { verbatim: '民国九年', edtf: '1920', earliest: '1920-01-01', latest: '1920-12-31' },
      deathDate: { verbatim: '1947年春', edtf: '1947-21', earliest: '1947-03-01', latest: '1947-05-31' },
      nativePlaceFullName: '山东省 滨州市 惠民县',
      sourceTitle: '1982年油印本英名录',
      sourcePage: '12',
      initials: 'zds',
      createdBy: 'clerk员',
    });
    expect(m.nextOfKin).toEqual([expect.objectContaining({ name: '张王氏', relation: 'parent', note: '母亲' })]);
    expect((await s.ok('sources.list', {}, clerk))[0]).toMatchObject({ recordCount: 1 });
    const audit = await s.ok('audit.list', { entity: 'martyr', entityId: String(m.id) }, s.admin);
    expect(audit.entries[0]).toMatchObject({ action: 'create', username: 'clerk' });
  });

  it('reports every invalid field at once, by field, in Chinese and English, and stores nothing', async () => {
    const { s, clerk } = await withRoles();
    const r = await s.core.call('martyrs.create', { name: 'Zhang3', birthDate: '1947年13月', deathDate: '1940年', nativePlaceCode: '379999000000' }, clerk);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.issues?.map((i) => i.path).sort()).toEqual(['birthDate', 'name', 'nativePlaceCode']);
      expect(r.error.message.zh).toMatch(/姓名/);
    }
    expect((await s.ok('martyrs.search', {}, clerk)).count).toBe(0);
  });

  it('keeps unnamed martyrs as records', async () => {
    const { s, clerk } = await withRoles();
    const m = await s.ok('martyrs.create', { name: '', unnamed: true, deathDate: '1948年', deathPlaceText: '淮海战役' }, clerk);
    expect(m).toMatchObject({ name: '无名烈士', unnamed: true });
  });

  it('a read-only user may search but not key in', async () => {
    const { s, readonly } = await withRoles();
    expect(await s.core.call('martyrs.create', zhang, readonly)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await s.core.call('martyrs.search', { query: '张' }, readonly)).toMatchObject({ ok: true });
  });
});

describe('workflow and history', () => {
  it('draft → submitted → returned with a reason → submitted → verified', async () => {
    const { s, clerk, reviewer } = await withRoles();
    const m = await s.ok('martyrs.create', zhang, clerk);
    expect(await s.core.call('martyrs.verify', { ids: [m.id] }, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await s.ok('martyrs.submit', { ids: [m.id] }, clerk)).toEqual({ changed: 1 });
    const queue = await s.ok('martyrs.reviewQueue', {}, reviewer);
    expect(queue.rows.map((r) => r.id)).toEqual([m.id]);
    const returned = await s.ok('martyrs.return', { id: m.id, reason: '籍贯与原件不符' }, reviewer);
    expect(returned).toMatchObject({ status: 'returned', returnReason: '籍贯与原件不符' });
    await s.ok('martyrs.update', { id: m.id, expectedVersion: returned.version, fields: { nativePlaceText: '山东省惠民县何坊乡' } }, clerk);
    await s.ok('martyrs.submit', { ids: [m.id] }, clerk);
    expect(await s.ok('martyrs.verify', { ids: [m.id] }, reviewer)).toEqual({ changed: 1 });
    expect(await s.ok('martyrs.verify', { ids: [m.id] }, reviewer)).toEqual({ changed: 0 });
    const history = await s.ok('martyrs.history', { id: m.id }, clerk);
    expect(history.map((h) => h.action)).toEqual(['verify', 'submit', 'update', 'return', 'submit', 'create']);
    expect(history.find((h) => h.action === 'return')).toMatchObject({ reason: '籍贯与原件不符', username: 'reviewer' });
  });

  it('a verified record changes only with a reason, keeps the earlier values, and a clerk’s change goes back to review', async () => {
    const { s, clerk, reviewer } = await withRoles();
    const m = await s.ok('martyrs.create', zhang, clerk);
    await s.ok('martyrs.submit', { ids: [m.id] }, clerk);
    await s.ok('martyrs.verify', { ids: [m.id] }, reviewer);
    const verified = await s.ok('martyrs.get', { id: m.id }, clerk);
    const noReason = await s.core.call('martyrs.update', { id: m.id, expectedVersion: verified.version, fields: { deathDate: '1947年5月16日' } }, clerk);
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'reason' }] } });
    const changed = await s.ok('martyrs.update', { id: m.id, expectedVersion: verified.version, fields: { deathDate: '1947年5月16日' }, reason: '据烈士证明书更正' }, clerk);
    expect(changed).toMatchObject({ status: 'submitted', deathDate: { edtf: '1947-05-16' } });
    const [last] = await s.ok('martyrs.history', { id: m.id }, reviewer);
    expect(last).toMatchObject({ action: 'update', reason: '据烈士证明书更正', username: 'clerk' });
    expect(last!.changes).toEqual(expect.arrayContaining([{ field: 'deathDate', before: '1947年春', after: '1947年5月16日' }, { field: 'status', before: 'verified', after: 'submitted' }]));
  });

  it('a change touches only the fields it names', async () => {
    const { s, clerk } = await withRoles();
    const m = await s.ok('martyrs.create', zhang, clerk);
    const changed = await s.ok('martyrs.update', { id: m.id, expectedVersion: m.version, fields: { ethnicity: '汉族' } }, clerk);
    expect(changed).toMatchObject({ ethnicity: '汉族', name: zhang.name, unitAndPost: zhang.unitAndPost, deathDate: { verbatim: '1947年春' }, nextOfKin: [expect.objectContaining({ name: '张王氏' })] });
    const [entry] = await s.ok('martyrs.history', { id: m.id }, clerk);
    expect(entry!.changes).toEqual([{ field: 'ethnicity', before: '', after: '汉族' }]);
  });

  it('refuses a change based on a stale version', async () => {
    const { s, clerk, reviewer } = await withRoles();
    const m = await s.ok('martyrs.create', zhang, clerk);
    await s.ok('martyrs.update', { id: m.id, expectedVersion: 1, fields: { ethnicity: '汉族' } }, reviewer);
    expect(await s.core.call('martyrs.update', { id: m.id, expectedVersion: 1, fields: { ethnicity: '回族' } }, clerk)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await s.ok('martyrs.get', { id: m.id }, clerk)).ethnicity).toBe('汉族');
  });

  it('the recycle bin: deleted with a reason, out of the list, restorable', async () => {
    const { s, clerk } = await withRoles();
    const m = await s.ok('martyrs.create', zhang, clerk);
    expect(await s.core.call('martyrs.delete', { id: m.id, reason: '' }, clerk)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await s.ok('martyrs.delete', { id: m.id, reason: '重复录入' }, clerk);
    expect((await s.ok('martyrs.search', { query: '张德胜' }, clerk)).count).toBe(0);
    const bin = await s.ok('martyrs.search', { deleted: true }, clerk);
    expect(bin.rows.map((r) => r.id)).toEqual([m.id]);
    expect(await s.core.call('martyrs.update', { id: m.id, expectedVersion: 2, fields: {} }, clerk)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await s.ok('martyrs.restore', { id: m.id }, clerk);
    expect((await s.ok('martyrs.search', { query: '张德胜' }, clerk)).count).toBe(1);
  });
});

describe('duplicate warning and autocomplete', () => {
  it('finds the same person keyed again, by name or pinyin, with dates and place', async () => {
    const { s, clerk } = await withRoles();
    const first = await s.ok('martyrs.create', { ...zhang, birthDate: '1920年', deathDate: '1940年' }, clerk);
    await s.ok('martyrs.create', { name: '张德明', birthDate: '1950年', deathDate: '1979年' }, clerk);
    const same = await s.ok('martyrs.duplicates', { fields: { name: '张德胜', birthDate: '1920', deathDate: '约1940年', nativePlaceText: '山东省惠民县' } }, clerk);
    expect(same[0]).toMatchObject({ row: { id: first.id }, reasons: expect.arrayContaining(['sameName', 'closeDeath', 'closeBirth', 'samePlace']) });
    expect(same.map((c) => c.row.name)).not.toContain('张德明');
    const homophone = await s.ok('martyrs.duplicates', { fields: { name: '章德胜', deathDate: '1940年' } }, clerk);
    expect(homophone[0]).toMatchObject({ row: { id: first.id }, reasons: expect.arrayContaining(['samePinyin']) });
    expect(await s.ok('martyrs.duplicates', { fields: { name: '张德胜' }, excludeId: first.id }, clerk)).toEqual([]);
  });

  it('suggests stored units, most used first', async () => {
    const { s, clerk } = await withRoles();
    for (const name of ['李一', '李二', '王三']) await s.ok('martyrs.create', { name, unitAndPost: name === '王三' ? '华东野战军第十纵队' : '华东野战军第九纵队 排长' }, clerk);
    expect(await s.ok('martyrs.suggest', { field: 'unitAndPost', prefix: '华东' }, clerk)).toEqual([
      { value: '华东野战军第九纵队 排长', count: 2 },
      { value: '华东野战军第十纵队', count: 1 },
    ]);
  });
});

describe('merging two records of one person', () => {
  it('keeps the chosen values, both sources and both histories; the other goes to the recycle bin', async () => {
    const { s, clerk } = await withRoles();
    const roll = await s.ok('sources.create', { kind: 'printed_roll', title: '1982年油印本英名录' }, clerk);
    const sheet = await s.ok('sources.create', { kind: 'register', title: '去年导入的 Excel 台账' }, clerk);
    const a = await s.ok('martyrs.create', { name: '张德胜', birthDate: '1920年', deathDate: '1940年', nativePlaceText: '惠民县', sourceId: sheet.id, sourcePage: '3' }, clerk);
    const b = await s.ok('martyrs.create', { name: '张德胜', birthDate: '1920年', deathDate: '1940年5月', unitAndPost: '八路军一一五师', sourceId: roll.id, sourcePage: '12', sourceItem: '4' }, clerk);
    expect(await s.core.call('martyrs.merge', { keepId: b.id, mergeId: a.id, keepVersion: b.version, mergeVersion: a.version, fields: {}, reason: '' }, clerk)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const kept = await s.ok('martyrs.merge', { keepId: b.id, mergeId: a.id, keepVersion: b.version, mergeVersion: a.version, fields: { nativePlaceText: '惠民县' }, reason: '同一人，两个来源' }, clerk);
    expect(kept).toMatchObject({ nativePlaceText: '惠民县', unitAndPost: '八路军一一五师', sourceTitle: '1982年油印本英名录', deathDate: { verbatim: '1940年5月' } });
    expect(kept.mergedFrom).toEqual([expect.objectContaining({ id: a.id, sourceTitle: '去年导入的 Excel 台账', sourcePage: '3' })]);
    const gone = await s.ok('martyrs.get', { id: a.id }, clerk);
    expect(gone).toMatchObject({ mergedInto: b.id, deletedAt: expect.any(String) });
    const found = await s.ok('martyrs.search', { query: '张德胜' }, clerk);
    expect(found.rows.map((r) => r.id)).toEqual([b.id]);
    const history = await s.ok('martyrs.history', { id: b.id }, clerk);
    expect(history.map((h) => `${h.recordId === b.id ? 'kept' : 'merged'}:${h.action}`)).toEqual(['merged:mergedInto', 'kept:merge', 'kept:create', 'merged:create']);
    // Stale versions are refused.
    const c = await s.ok('martyrs.create', { name: '张德胜', deathDate: '1940年' }, clerk);
    expect(await s.core.call('martyrs.merge', { keepId: b.id, mergeId: c.id, keepVersion: b.version, mergeVersion: c.version, fields: {}, reason: 'x' }, clerk)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
