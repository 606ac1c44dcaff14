/**
 * The dashboard's bars open exactly the rows they count: two awards of different classes in one
 * year, and households of two categories whose plaques stand at different steps. A click on the
 * 二等功 part of the awards' bar opens the register filtered by that class and year; a click on the
 * issued part of the 烈士遗属 bar opens the ledger filtered by that category and status. The
 * filters show on the lists, clear there, and back / forward step through them. A bar of more
 * than a page (205 awards imported) opens a register that shows 200 and loads the rest; the roll's
 * 未注明时期 band opens the records without a period, and the roll follows back and forward.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { createAdministrator, launchForSuite, launchKind, type LaunchedApp } from './launch';
import { gotoHash, pickDivisionIn, loadVillagesOf } from './ui';

const ADMIN = { username: 'admin', displayName: '王建国', password: 'Guangrong#2026' };
const VILLAGE = '御史联村';

let app: LaunchedApp;
let page: Page;
/** The class ids of 二等功 and 三等功 (the award chart's series ids). */
const classIds: Record<string, string> = {};
const scratch = mkdtempSync(join(tmpdir(), 'guangrong-dashboard-lists-'));

const goto = (hash: string) => gotoHash(page, hash);
const hash = () => page.evaluate(() => window.location.hash);

const pickDivision = (testId: string, name: string) => pickDivisionIn(page, testId, name);

/** MUI select fields: open by label, take the option. */
async function choose(label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function registerAward(className: string, name: string, awardDate: string) {
  await goto('#/honors/awards/new');
  await page.getByTestId('award-form').waitFor();
  await page.getByTestId('award-class').selectOption({ label: className });
  classIds[className] = await page.getByTestId('award-class').inputValue();
  await page.getByTestId('award-name').fill(name);
  await page.getByTestId('award-awardDate').fill(awardDate);
  await page.getByTestId('award-name').press('Control+s');
  await expect.poll(hash).toMatch(/^#\/honors\/awards\/\d+$/);
}

async function newHousehold(head: string, registrationNo: string, category: string) {
  await page.getByTestId('household-new').click();
  await page.getByTestId('household-head-name').fill(head);
  await page.getByTestId('household-registration').fill(registrationNo);
  await choose('享受类别', category);
  await page.getByTestId('household-head-name').press('Control+Enter');
  await page.getByTestId('household-panel').filter({ hasText: head }).waitFor();
}

/** The drawn (non-empty) bar among `bars`: a zero count draws a bar of no size, and bars grow in. */
async function drawnBar(bars: Locator): Promise<Locator> {
  for (let tries = 0; tries < 50; tries++) {
    for (const bar of await bars.all()) {
      const box = await bar.boundingBox();
      if (box && box.width > 1 && box.height > 1) return bar;
    }
    await page.waitForTimeout(100);
  }
  throw new Error('no drawn bar');
}

const awardNames = () => page.locator('[data-testid^="award-row-"] [data-testid="award-recipient"]').allTextContents();
const ledgerHeads = async () => (await page.getByTestId('ledger').locator('[data-field="headName"][role="gridcell"]').allTextContents()).sort();

describe.skipIf(!launchKind())('the dashboard’s bars open exactly what they count', () => {
  launchForSuite(scratch, (launched) => {
    app = launched;
    page = launched.page;
  });

  it('registers two awards of different classes, the same year', async () => {
    await createAdministrator(page, ADMIN);
    await registerAward('二等功', '李明', '2026-03-08');
    await registerAward('三等功', '王强', '2026-07-01');
    await goto('#/honors');
    await expect.poll(() => page.getByTestId('award-count').textContent()).toMatch(/共 2 条/);
  });

  it('registers three households: 烈士遗属 issued, 退役军人家庭 made, 退役军人家庭 without a plaque', async () => {
    await loadVillagesOf(page, '惠民县');
    await goto('#/plaques');
    await pickDivision('plaques-division', VILLAGE);
    await newHousehold('赵英', 'HK3716210101', '烈士遗属');
    await page.getByTestId('plaque-make').click();
    await expect.poll(() => page.getByTestId('plaque-status').textContent()).toBe('已制作');
    await page.getByTestId('plaque-issue').click();
    await page.getByTestId('plaque-step-save').click();
    await expect.poll(() => page.getByTestId('plaque-status').textContent()).toBe('已发放');
    await newHousehold('钱军', 'HK3716210102', '退役军人家庭');
    await page.getByTestId('plaque-make').click();
    await expect.poll(() => page.getByTestId('plaque-status').textContent()).toBe('已制作');
    await newHousehold('孙武', 'HK3716210103', '退役军人家庭');
    await expect.poll(() => page.getByTestId('ledger-count').textContent()).toMatch(/共 3 户/);
  });

  it('the 二等功 part of the 2026 bar opens the register of 二等功 in 2026: 李明 only; the class clears and back restores it', async () => {
    await goto('#/home');
    const chart = page.getByTestId('chart-awards');
    await chart.waitFor();
    await (await drawnBar(chart.locator(`g[data-series="${classIds['二等功']}"] .MuiBarChart-element`))).click();
    await expect.poll(hash).toBe(`#/honors?class=${classIds['二等功']}&year=2026`);
    await expect.poll(awardNames).toEqual(['李明']);
    expect(await page.getByTestId('award-count').textContent()).toMatch(/共 1 条/);
    expect(await page.getByRole('combobox', { name: '奖励类别', exact: true }).textContent()).toBe('二等功');
    expect(await page.getByTestId('award-filter-year').inputValue()).toBe('2026');
    await app.screenshot('dashboard-lists-01-awards');

    await choose('奖励类别', '全部类别');
    await expect.poll(hash).toBe('#/honors?year=2026');
    await expect.poll(async () => (await awardNames()).sort()).toEqual(['李明', '王强'].sort());
    await page.goBack();
    await expect.poll(hash).toBe(`#/honors?class=${classIds['二等功']}&year=2026`);
    await expect.poll(awardNames).toEqual(['李明']);
    await page.goForward();
    await expect.poll(async () => (await awardNames()).length).toBe(2);
  });

  it('the issued part of the 烈士遗属 bar opens the ledger of 烈士遗属 issued: 赵英 only; the category clears and back restores it', async () => {
    await goto('#/home');
    const chart = page.getByTestId('chart-plaques-category');
    await chart.waitFor();
    await (await drawnBar(chart.locator('g[data-series="issued"] .MuiBarChart-element'))).click();
    await expect.poll(hash).toMatch(/^#\/plaques\?division=\d{12}&view=issued&category=martyr_family$/);
    await expect.poll(() => page.getByTestId('ledger-count').textContent()).toMatch(/共 1 户/);
    await expect.poll(ledgerHeads).toEqual(['赵英']);
    expect(await page.getByTestId('ledger-category').inputValue()).toBe('martyr_family');
    expect(await page.getByTestId('ledger-view-issued').getAttribute('aria-selected')).toBe('true');
    await app.screenshot('dashboard-lists-02-ledger');

    // The made part of the 退役军人家庭 bar: 钱军, not 孙武 (no plaque) nor 赵英 (another category).
    await page.goBack();
    await chart.waitFor();
    await (await drawnBar(chart.locator('g[data-series="made"] .MuiBarChart-element'))).click();
    await expect.poll(hash).toMatch(/view=made&category=veteran$/);
    await expect.poll(ledgerHeads).toEqual(['钱军']);

    await choose('类别', '全部类别');
    await page.getByTestId('ledger-view-all').click();
    await expect.poll(hash).toMatch(/^#\/plaques\?division=\d{12}$/);
    await expect.poll(ledgerHeads).toEqual(['孙武', '赵英', '钱军'].sort());
    await page.goBack();
    await page.goBack();
    await expect.poll(hash).toMatch(/view=made&category=veteran$/);
    await expect.poll(ledgerHeads).toEqual(['钱军']);
    expect(app.foreignRequests).toEqual([]);
  });

  it('a bar of more than a page: the register shows 200 of the bar’s 206 awards and loads the rest', async () => {
    const list = join(scratch, '三等功名单.csv');
    // 205 different names (names are Han characters only), dated through 2026.
    const surnames = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许';
    const given = '一二三四五六七八九十明';
    const rows = Array.from({ length: 205 }, (_, i) => `${surnames[i % 20]}立功${given[Math.floor(i / 20)]},三等功,2026-0${1 + (i % 9)}-15`);
    writeFileSync(list, `\uFEFF${['姓名,奖励类别,批准时间', ...rows].join('\r\n')}\r\n`);
    await goto('#/honors/import');
    await page.getByTestId('import-file').setInputFiles(list);
    await page.getByTestId('import-header-row').waitFor();
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-done').getAttribute('data-count')).toBe('205');

    await goto('#/home');
    const chart = page.getByTestId('chart-awards');
    await chart.waitFor();
    await (await drawnBar(chart.locator(`g[data-series="${classIds['三等功']}"] .MuiBarChart-element`))).click();
    await expect.poll(hash).toBe(`#/honors?class=${classIds['三等功']}&year=2026`);
    await expect.poll(() => page.getByTestId('award-count').textContent()).toMatch(/共 206 条/);
    await expect.poll(async () => (await awardNames()).length).toBe(200);
    expect(await page.getByTestId('award-list-shown').textContent()).toBe('已显示 200 / 206');
    await page.getByTestId('award-list-more').click();
    await expect.poll(async () => (await awardNames()).length).toBe(206);
    expect(new Set(await awardNames()).size).toBe(206);
    expect(await page.getByTestId('award-list-shown').textContent()).toBe('已显示 206 / 206');
    expect(await page.getByTestId('award-list-more').count()).toBe(0);
  });

  it('the roll’s 未注明时期 band opens the records without a period; the roll follows the address back and forward', async () => {
    await goto('#/martyrs/new');
    await page.getByTestId('field-name').fill('王无期');
    await page.getByTestId('field-name').press('Control+s');
    await expect.poll(hash).toMatch(/^#\/martyrs\/\d+$/);

    await goto('#/home');
    const chart = page.getByTestId('chart-roll');
    await chart.waitFor();
    await (await drawnBar(chart.locator('g[data-series="draft"] .MuiBarChart-element'))).click();
    await expect.poll(hash).toBe('#/martyrs?status=draft&period=none');
    const count = () => page.getByTestId('martyr-count').getAttribute('data-count');
    await expect.poll(count).toBe('1');
    expect(await page.getByTestId('martyr-filter-period').inputValue()).toBe('none');
    expect(await page.getByTestId('martyr-filter-status').inputValue()).toBe('draft');

    // Another address while the roll is open, then back and forward: the filters follow.
    await goto('#/martyrs?period=korea');
    await expect.poll(() => page.getByTestId('martyr-filter-period').inputValue()).toBe('korea');
    await expect.poll(count).toBe('0');
    await page.goBack();
    await expect.poll(hash).toBe('#/martyrs?status=draft&period=none');
    await expect.poll(() => page.getByTestId('martyr-filter-period').inputValue()).toBe('none');
    await expect.poll(count).toBe('1');
    await page.goForward();
    await expect.poll(() => page.getByTestId('martyr-filter-period').inputValue()).toBe('korea');
    expect(app.foreignRequests).toEqual([]);
  });
});
