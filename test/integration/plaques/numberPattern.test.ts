/** Plaque number patterns are validated when saved (shared/rules/plaque), and used per county. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../support/tempCore';
import { household, loadVillages } from './fixtures';

let t: Awaited<ReturnType<typeof makeSetUpCore>>;
beforeAll(async () => {
  t = await makeSetUpCore();
  loadVillages(t);
});
afterAll(() => t.dispose());

describe('plaque number patterns in the settings', () => {
  it.each([['no sequence', '{county}-{year}'], ['two sequences', '{seq}-{seq:3}'], ['an unknown token', '{county}-{month}-{seq}'], ['a stray brace', 'HM{seq:4']])('refuses %s, and keeps the pattern it had', async (_what, pattern) => {
    const before = await t.ok('settings.get', {}, t.admin);
    const result = await t.core.call('settings.update', { plaqueNumberPattern: pattern }, t.admin);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'plaqueNumberPattern' }] } });
    expect(!result.ok && result.error.message.zh).toMatch(/\{seq\}/);
    expect(await t.ok('settings.get', {}, t.admin)).toEqual(before);
  });

  it('refuses a bad county pattern by its county, and saves a good one that numbers that county’s plaques', async () => {
    const bad = await t.core.call('settings.update', { plaqueNumberPatterns: { '371621': 'HM-{year}' } }, t.admin);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'plaqueNumberPatterns.371621' }] } });
    await t.ok('settings.update', { plaqueNumberPattern: 'GR{county}{seq:6}', plaqueNumberPatterns: { '371621': '惠民{year}-{seq:3}号' } }, t.admin);
    const h = await household(t, t.admin, '张光明');
    const made = await t.ok('plaques.make', { householdId: h.id }, t.admin);
    expect(made.plaque?.number).toMatch(/^惠民\d{4}-001号$/);
  });

  it('the next number follows the highest sequence of the pattern, past a gap, past the padding, ignoring hand-typed look-alikes', async () => {
    await t.ok('settings.update', { plaqueNumberPatterns: { '371621': '惠{year}-{seq:2}号' } }, t.admin);
    const year = (await t.ok('plaques.make', { householdId: (await household(t, t.admin, '甲序')).id }, t.admin)).plaque!.number.slice(1, 5);
    // Typed by hand: a gap (sequence 7), one past the two-digit padding (sequence 100), and
    // numbers that share the prefix and suffix but are not the pattern's (letters, no digits).
    for (const [name, number] of [['乙序', `惠${year}-07号`], ['丙序', `惠${year}-100号`], ['丁序', `惠${year}-1a号`], ['戊序', `惠${year}-号`], ['己序', `惠${year}-999999999999号x`]]) {
      await t.ok('plaques.make', { householdId: (await household(t, t.admin, name!)).id, number: number! }, t.admin);
    }
    const next = await t.ok('plaques.make', { householdId: (await household(t, t.admin, '庚序')).id }, t.admin);
    expect(next.plaque!.number).toBe(`惠${year}-101号`);
  });
});
