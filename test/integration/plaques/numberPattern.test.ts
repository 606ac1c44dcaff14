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
});
