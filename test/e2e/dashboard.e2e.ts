/**
 * The dashboard and people editing: a clerk's county has households with plaques; the home page's
 * chart of a township's villages opens the ledger of the village clicked, filtered; a person's ID
 * number with a wrong checksum says why, is corrected, and the person gets a relation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createAdministrator, launchApp, launchKind, type LaunchedApp } from './launch';
import { gotoHash, pickDivisionIn, loadVillagesOf } from './ui';

const ADMIN = { username: 'admin', displayName: '王建国', password: 'Guangrong#2026' };
const VILLAGE = '御史联村';

let app: LaunchedApp;
let page: Page;

const goto = (hash: string) => gotoHash(page, hash);

const pickDivision = (testId: string, name: string) => pickDivisionIn(page, testId, name);

async function newHousehold(head: string, registrationNo: string) {
  await page.getByTestId('household-new').click();
  await page.getByTestId('household-head-name').fill(head);
  await page.getByTestId('household-address').fill(`${head}家 御史村东街${registrationNo.slice(-2)}号`);
  await page.getByTestId('household-registration').fill(registrationNo);
  await page.getByTestId('household-certificate').fill(`鲁退证${registrationNo}`);
  await page.getByTestId('household-head-name').press('Control+Enter');
  await page.getByTestId('household-panel').filter({ hasText: head }).waitFor();
}

describe.skipIf(!launchKind())('the dashboard and people editing', () => {
  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('counts households by village and opens the filtered ledger from a bar', async () => {
    await createAdministrator(page, ADMIN);
    await loadVillagesOf(page, '惠民县');
    await goto('#/plaques');
    await pickDivision('plaques-division', VILLAGE);
    await newHousehold('张光明', 'HK3716210001');
    await page.getByTestId('plaque-make').click();
    await expect.poll(() => page.getByTestId('plaque-status').textContent()).toBe('已制作');
    await newHousehold('李卫国', 'HK3716210002');

    await goto('#/home');
    const chart = page.getByTestId('chart-plaques-division');
    await chart.waitFor();
    // Down from the county's townships to the villages of the township holding 御史联村.
    await page.getByRole('combobox', { name: '村（社区）' }).click();
    await page.getByRole('option').first().click();
    await expect.poll(() => chart.textContent()).toContain(VILLAGE);
    await page.getByTestId('chart-plaques-category').waitFor();
    await app.screenshot('dashboard-01-home');
    // The bar of households without a plaque (the last series) in the village.
    const bars = chart.locator('.MuiBarChart-element');
    await bars.last().click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/#\/plaques\?division=\d{12}&view=none/);
    await expect.poll(() => page.getByTestId('ledger-count').textContent()).toMatch(/共 1 户/);
    await expect.poll(() => page.getByTestId('ledger').textContent()).toContain('李卫国');
  });

  it('edits a person’s ID number (a wrong checksum says why), then adds a relation', async () => {
    await goto('#/people');
    await page.getByTestId('people-search').fill('张光明');
    const row = page.getByTestId('people-table').getByRole('row').filter({ hasText: '张光明' });
    await row.click();
    await page.getByTestId('person-dialog').waitFor();
    const id = page.getByTestId('person-id-number');
    await id.fill('110105194912310021');
    await expect.poll(() => page.getByTestId('person-id-help').textContent()).toMatch(/校验位/);
    expect(await page.getByTestId('person-save').isDisabled()).toBe(true);
    await id.fill('11010519491231002X');
    await expect.poll(() => page.getByTestId('person-id-help').textContent()).toMatch(/有效.*1949-12-31/);
    await page.getByTestId('person-save').click();
    await page.getByTestId('relation-person').fill('李卫国');
    await page.getByRole('option', { name: /李卫国/ }).first().click();
    await page.getByRole('combobox', { name: '该亲属是本人的' }).click();
    await page.getByRole('option', { name: '兄弟姐妹', exact: true }).click();
    await page.getByTestId('relation-add').click();
    await expect.poll(() => page.getByTestId('person-relations').textContent()).toContain('李卫国 是本人的兄弟姐妹');
    await app.screenshot('dashboard-02-person');
    await page.getByTestId('person-close').click();
    await expect.poll(() => page.getByTestId('people-table').textContent()).toContain('110***********002X'.slice(0, 3));
  });
});
