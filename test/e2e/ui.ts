/** Steps the e2e specs share: moving between pages, MUI pickers, loading the county's villages. */
import type { Page } from 'playwright-core';

export const gotoHash = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

/** A division picker (autocomplete): type part of the name, take the first option that has it. */
export async function pickDivisionIn(page: Page, testId: string, name: string): Promise<void> {
  await page.getByTestId(testId).fill(name);
  await page.getByRole('option', { name: new RegExp(name) }).first().click();
}

/** 系统管理 → 行政区划: load the townships and villages of a county, as a job, and wait for it. */
export async function loadVillagesOf(page: Page, county: string): Promise<void> {
  await gotoHash(page, '#/admin/divisions');
  await pickDivisionIn(page, 'division-picker', county);
  await page.getByTestId('division-load-start').click();
  await page.getByTestId('job-done').waitFor({ timeout: 60_000 });
}
