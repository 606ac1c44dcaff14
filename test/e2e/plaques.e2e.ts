/**
 * The plaque round (JOURNEYS.md §4): a clerk loads the county's villages, registers a veteran's
 * household, makes and issues its plaque, records it hung with the family's signed confirmation
 * (a scan), takes it back after a criminal sentence, and sees the ledger follow; then marks a whole
 * village hung in one step with the signed village ledger, watching the progress bar.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { createAdministrator, launchForSuite, launchKind, type LaunchedApp } from './launch';
import { gotoHash, pickDivisionIn, loadVillagesOf } from './ui';

const ADMIN = { username: 'admin', displayName: '王建国', password: 'Guangrong#2026' };
const CLERK = { username: 'lixia', displayName: '李霞', initial: 'Initial#2026', own: 'Lixia#Own2026' };
const VILLAGE = '御史联村';

let app: LaunchedApp;
let page: Page;
const scratch = mkdtempSync(join(tmpdir(), 'guangrong-plaque-'));

const goto = (hash: string) => gotoHash(page, hash);

/** A small scan of a signed page (PNG made here). */
async function signedScan(name: string, title: string): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="560"><rect width="100%" height="100%" fill="#fbf8ef"/><text x="60" y="100" font-size="44" fill="#333">${title}</text><path d="M120 380 C 200 300, 260 460, 360 360 S 520 300, 600 380" stroke="#1a3a8a" stroke-width="6" fill="none"/></svg>`;
  const file = join(scratch, name);
  writeFileSync(file, await sharp(Buffer.from(svg)).png().toBuffer());
  return file;
}

/** Types into a division picker and takes the option whose full name ends with `name`. */
const pickDivision = (testId: string, name: string) => pickDivisionIn(page, testId, name);

/** MUI select fields: open by label, take the option. */
async function choose(label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const status = () => page.getByTestId('plaque-status').textContent();
const ledgerRow = (head: string) => page.getByTestId('ledger').getByRole('row').filter({ hasText: head });

/** N opens the form; the village is the page's; Ctrl+Enter saves. */
async function newHousehold(head: string, registrationNo: string, category?: string) {
  await page.getByTestId('ledger').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('n');
  await page.getByTestId('household-head-name').fill(head);
  await page.getByTestId('household-address').fill(`${head}家 御史村东街${registrationNo.slice(-2)}号`);
  await page.getByTestId('household-registration').fill(registrationNo);
  if (category) await choose('享受类别', category);
  await page.getByTestId('household-certificate').fill(`鲁退证${registrationNo}`);
  await page.getByTestId('household-head-name').press('Control+Enter');
  await page.getByTestId('household-panel').filter({ hasText: head }).waitFor();
}

/**
 * A backend call made from inside the page, as another screen or desk of the app would make it
 * (the preload's bridge in Electron, the web host's API in Chromium): a change the open panel has not seen.
 */
function api(method: string, input: unknown): Promise<{ ok: boolean }> {
  return page.evaluate(
    async ([m, i]) => {
      const bridge = (window as unknown as { guangrong?: { call(method: string, input: unknown): Promise<{ ok: boolean }> } }).guangrong;
      if (bridge) return bridge.call(m, i);
      const token = sessionStorage.getItem('guangrong.webHostToken') ?? '';
      const response = await fetch(`/api/${encodeURIComponent(m)}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-guangrong-token': token }, body: JSON.stringify(i), credentials: 'same-origin' });
      return (await response.json()) as { ok: boolean };
    },
    [method, input] as const,
  );
}

/** Opens a household of the village's ledger by its head's name. */
async function openHousehold(head: string) {
  await ledgerRow(head).click();
  await page.getByTestId('household-panel').filter({ hasText: head }).waitFor();
}

async function step(testId: string) {
  await page.getByTestId(testId).click();
  await page.getByTestId('plaque-step-save').waitFor();
}

describe.skipIf(!launchKind())('the plaque round', () => {
  launchForSuite(scratch, (launched) => {
    app = launched;
    page = launched.page;
  });

  it('loads the villages of 惠民县 and opens the empty ledger of one', async () => {
    await createAdministrator(page, ADMIN);
    await loadVillagesOf(page, '惠民县');
    await goto('#/plaques');
    await pickDivision('plaques-division', VILLAGE);
    await expect.poll(() => page.getByTestId('ledger-count').textContent()).toMatch(/共 0 户/);
  });

  it('registers a household, makes, issues and hangs its plaque with the signed confirmation', async () => {
    await newHousehold('张光明', 'HK3716210001', '退役军人家庭');
    await expect.poll(() => page.getByTestId('household-eligibility').textContent()).toMatch(/张光明.*退役军人家庭/);
    await page.getByTestId('plaque-make').click();
    await expect.poll(status).toBe('已制作');
    await expect.poll(() => page.getByTestId('plaque-number').textContent()).toMatch(/^371621-\d{4}-00001$/);

    await step('plaque-issue');
    await page.getByTestId('plaque-step-save').click();
    await expect.poll(status).toBe('已发放');

    await step('plaque-hang');
    await page.getByTestId('plaque-step-file').setInputFiles(await signedScan('zhang-signed.png', 'Signed: Zhang Guangming'));
    await expect.poll(() => page.getByTestId('plaque-step-file-name').textContent()).toBe('zhang-signed.png');
    await app.screenshot('plaques-01-hang-dialog');
    await page.getByTestId('plaque-step-save').click();
    await expect.poll(status).toBe('已悬挂');
    // The line the office signs: the qualifying person, the category, where and when it was hung, the signature on file.
    await expect.poll(() => ledgerRow('张光明').textContent()).toMatch(/张光明.*已悬挂.*大门上方.*已签/);
    await app.screenshot('plaques-02-hung');
  });

  it('takes the plaque back with a reason and a document; the ledger follows', async () => {
    await step('plaque-takeBack');
    await choose('原因', '被判处刑罚');
    await page.getByTestId('plaque-step-document').fill('惠民县人民法院（2026）鲁1621刑初88号');
    await page.getByTestId('plaque-step-note').fill('判决生效，依规收回');
    await page.getByTestId('plaque-step-note').press('Control+Enter');
    await expect.poll(status).toBe('已收回');
    await expect.poll(() => page.getByTestId('plaque-history').textContent()).toMatch(/收回 → 已收回.*被判处刑罚 · 惠民县人民法院（2026）鲁1621刑初88号 · 判决生效/);
    await expect.poll(() => ledgerRow('张光明').textContent()).toMatch(/已收回/);
    await page.getByTestId('ledger-view-taken_back').click();
    await expect.poll(() => page.getByTestId('ledger-count').textContent()).toMatch(/共 1 户/);
    await page.getByTestId('ledger-view-hung').click();
    await expect.poll(() => page.getByTestId('ledger-count').textContent()).toMatch(/共 0 户/);
    await page.getByTestId('ledger-view-all').click();
  });

  it('marks the whole village hung in one step, with the signed village ledger and a progress bar', async () => {
    const heads = ['李卫国', '王秀英', '赵志刚'];
    for (const [i, head] of heads.entries()) {
      await newHousehold(head, `HK371621000${i + 2}`, i === 1 ? '现役军人家庭' : undefined);
      await page.getByTestId('plaque-make').click();
      await expect.poll(status).toBe('已制作');
    }
    await page.getByTestId('household-close').click();

    // First the delivery: B opens the batch for the village.
    await page.keyboard.press('b');
    await choose('操作', '标记为已发放（送达）');
    await expect.poll(() => page.getByTestId('batch-chosen').textContent()).toMatch(/3 \/ 3/);
    await page.getByTestId('batch-start').click();
    await page.getByTestId('job-done').waitFor();

    await page.getByTestId('batch-open').click();
    await expect.poll(() => page.getByTestId('batch-chosen').textContent()).toMatch(/3 \/ 3/);
    // 赵志刚's family was not at home: untick it.
    await page.getByTestId('batch-households').getByRole('button', { name: /赵志刚/ }).click();
    await expect.poll(() => page.getByTestId('batch-chosen').textContent()).toMatch(/2 \/ 3/);
    await page.getByTestId('batch-file').setInputFiles(await signedScan('yushi-ledger.png', 'Yushi village ledger, signed'));
    await app.screenshot('plaques-03-batch-dialog');
    await page.getByTestId('batch-start').click();
    await page.getByTestId('job-progress').waitFor();
    await page.getByTestId('job-done').waitFor();
    await expect.poll(() => page.getByTestId('job-counts').textContent()).toMatch(/2/);
    await expect.poll(() => ledgerRow('李卫国').textContent()).toMatch(/已悬挂.*已签/);
    await expect.poll(() => ledgerRow('王秀英').textContent()).toMatch(/已悬挂.*已签/);
    await expect.poll(() => ledgerRow('赵志刚').textContent()).toMatch(/已发放/);
    await expect.poll(() => page.getByTestId('count-hung').textContent()).toMatch(/已悬挂 2/);
    await app.screenshot('plaques-04-village-hung');
    expect(app.foreignRequests).toEqual([]);
  });

  it('after the qualifying person dies: a stale 补发 is refused with the reason, then the panel says the plaque is kept but no longer replaced', async () => {
    await openHousehold('李卫国');
    await expect.poll(status).toBe('已悬挂');
    expect(await page.getByTestId('plaque-deceased-note').count()).toBe(0);
    const chip = await page.getByTestId('household-panel').locator('[data-testid^="household-member-"]').first().getAttribute('data-testid');
    // Meanwhile, at another desk, 李卫国's death is recorded; this panel still shows him living.
    expect(await api('people.update', { id: Number(chip!.split('-').pop()), fields: { deceased: true, deathDate: '2025-12-01' } })).toMatchObject({ ok: true });

    await step('plaque-reissue');
    await page.getByTestId('plaque-step-note').fill('原牌遗失');
    await page.getByTestId('plaque-step-save').click();
    const refusal = page.getByRole('dialog').getByRole('alert');
    await expect.poll(() => refusal.textContent()).toMatch(/享受悬挂光荣牌的人员已去世：家庭保留现有光荣牌，但不再补发/);
    await app.screenshot('plaques-05-reissue-refused');
    await page.getByRole('dialog').getByRole('button', { name: '取消', exact: true }).click();

    // Closing the dialog reloads the household: the reason stands where 补发 and 更换 were.
    await expect.poll(() => page.getByTestId('plaque-deceased-note').textContent()).toMatch(/资格人已去世，光荣牌保留但不再更换\/补发/);
    expect(await page.getByTestId('plaque-reissue').count()).toBe(0);
    expect(await page.getByTestId('plaque-replace').count()).toBe(0);
    await page.getByTestId('plaque-takeBack').waitFor();
    expect(await status()).toBe('已悬挂');
    await app.screenshot('plaques-06-deceased');
    await page.getByTestId('household-close').click();
  });

  it('the administrator sets the plaque number pattern: a bad one is explained, a good one shows its example', async () => {
    await goto('#/admin/settings');
    await page.getByTestId('pattern-default').fill('{county}-{year}');
    await expect.poll(() => page.getByTestId('plaque-patterns').textContent()).toMatch(/须包含且只包含一个 \{seq\}/);
    expect(await page.getByTestId('patterns-save').isDisabled()).toBe(true);
    await page.getByTestId('pattern-default').fill('HM{year}-{seq:4}');
    await expect.poll(() => page.getByTestId('plaque-patterns').textContent()).toMatch(/示例：HM\d{4}-0001/);
    await page.getByTestId('patterns-save').click();
    await expect.poll(() => page.getByTestId('plaque-patterns').textContent()).toMatch(/编号格式已保存/);

    // 惠民县 keeps its own numbering: a row for the county, with its own example.
    await pickDivisionIn(page, 'pattern-county', '惠民县');
    await page.getByTestId('pattern-add').click();
    await page.getByTestId('pattern-371621').fill('惠{year}{seq:3}');
    await expect.poll(() => page.getByTestId('plaque-patterns').textContent()).toMatch(/示例：惠\d{4}001/);
    await page.getByTestId('patterns-save').click();
    await expect.poll(() => page.getByTestId('plaque-patterns').textContent()).toMatch(/编号格式已保存/);
    await app.screenshot('plaques-08-number-patterns');
    // Saved, not just shown: the page reopened has the county's row.
    await goto('#/home');
    await goto('#/admin/settings');
    await expect.poll(() => page.getByTestId('pattern-371621').inputValue()).toBe('惠{year}{seq:3}');
  });

  it('a plaque made afterwards takes the county’s pattern; hung unsigned, its signature is filed later; then replaced and cancelled', async () => {
    const year = new Date().getFullYear();
    await goto('#/plaques');
    await pickDivision('plaques-division', VILLAGE);
    await newHousehold('孙立新', 'HK3716210009');
    await page.getByTestId('plaque-make').click();
    await expect.poll(status).toBe('已制作');
    expect(await page.getByTestId('plaque-number').textContent()).toBe(`惠${year}001`);
    await step('plaque-issue');
    await page.getByTestId('plaque-step-save').click();
    await expect.poll(status).toBe('已发放');

    // Hung at the door; the signed paper comes back to the office later.
    await step('plaque-hang');
    await page.getByTestId('plaque-step-save').click();
    await expect.poll(status).toBe('已悬挂');
    await expect.poll(() => page.getByTestId('plaque-unsigned').textContent()).toMatch(/未签字/);
    await expect.poll(() => ledgerRow('孙立新').textContent()).toMatch(/已悬挂.*未签/);
    await page.getByTestId('plaque-sign').click();
    expect(await page.getByTestId('plaque-step-save').isDisabled()).toBe(true);
    await page.getByTestId('plaque-step-file').setInputFiles(await signedScan('sun-signed.png', 'Signed: Sun Lixin'));
    await page.getByTestId('plaque-step-save').click();
    await expect.poll(() => page.getByTestId('plaque-unsigned').count()).toBe(0);
    await expect.poll(() => page.getByTestId('household-plaque').textContent()).toMatch(/已签（扫描件）/);
    await expect.poll(() => ledgerRow('孙立新').textContent()).toMatch(/已悬挂.*已签/);
    await expect.poll(() => page.getByTestId('plaque-history').textContent()).toMatch(/补录签字确认 → 已悬挂/);

    // The family moves house: 更换, a new plaque with the next number of the county's series.
    await step('plaque-replace');
    await choose('原因', '搬迁');
    await page.getByTestId('plaque-step-note').fill('迁入新居 御史村西街9号');
    await page.getByTestId('plaque-step-save').click();
    await expect.poll(status).toBe('已发放');
    expect(await page.getByTestId('plaque-number').textContent()).toBe(`惠${year}002`);
    await expect.poll(() => page.getByTestId('plaque-history').textContent()).toMatch(new RegExp(`更换 → 已发放 · 惠${year}002.*更换 → 已更替 · 惠${year}001`));

    // Then cancelled (取消) with the reason; the ledger's cancelled view lists it.
    await step('plaque-cancel');
    await page.getByTestId('plaque-step-note').fill('户籍迁出本县');
    await page.getByTestId('plaque-step-save').click();
    await expect.poll(status).toBe('已取消');
    await expect.poll(() => page.getByTestId('household-plaque').textContent()).toMatch(/户籍迁出本县/);
    await page.getByTestId('ledger-view-cancelled').click();
    await expect.poll(() => ledgerRow('孙立新').textContent()).toMatch(/已取消/);
    await app.screenshot('plaques-09-cancelled');
    await page.getByTestId('ledger-view-all').click();
    await page.getByTestId('household-close').click();
  });

  it('恢复 is offered to the administrator; a clerk, whom the backend would refuse, is told who may instead', async () => {
    await goto('#/plaques');
    await pickDivision('plaques-division', VILLAGE);
    await openHousehold('张光明');
    await expect.poll(status).toBe('已收回');
    await page.getByTestId('plaque-restore').waitFor();

    expect(await api('users.create', { username: CLERK.username, displayName: CLERK.displayName, role: 'clerk', password: CLERK.initial })).toMatchObject({ ok: true });
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').fill(CLERK.username);
    await page.getByTestId('login-password').fill(CLERK.initial);
    await page.getByTestId('login-password').press('Enter');
    await page.getByTestId('change-password-current').fill(CLERK.initial);
    await page.getByTestId('change-password-new').fill(CLERK.own);
    await page.getByTestId('change-password-confirm').fill(CLERK.own);
    await page.getByTestId('change-password-submit').click();
    await page.getByTestId('nav-martyrs').waitFor();

    await goto('#/plaques');
    await pickDivision('plaques-division', VILLAGE);
    await openHousehold('张光明');
    await page.getByTestId('plaque-cancel').waitFor();
    expect(await page.getByTestId('plaque-restore').count()).toBe(0);
    expect(await page.getByTestId('plaque-why-role-restore').textContent()).toBe('恢复须由系统管理员、审核员办理（您的角色：档案员/业务员）。');
    await app.screenshot('plaques-07-clerk-restore');
    expect(app.foreignRequests).toEqual([]);
  });
});
