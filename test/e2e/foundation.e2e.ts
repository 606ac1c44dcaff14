/**
 * The Foundation journey: first start → create the administrator → log in → create a clerk →
 * the clerk is refused an administrator page → the audit log shows both; language switch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchApp, launchKind, type LaunchedApp } from './launch';

const ADMIN = { username: 'admin', displayName: '王建国', password: 'Guangrong#2026' };
const CLERK = { username: 'lixia', displayName: '李霞', initial: 'Initial#2026', own: 'Lixia#Own2026' };

let app: LaunchedApp;
let page: Page;

async function login(username: string, password: string) {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-password').press('Enter');
}

async function logout() {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-username').waitFor();
}

describe.skipIf(!launchKind())('foundation journey', () => {
  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('first start asks for the administrator account and signs it in', async () => {
    await page.getByTestId('setup-username').waitFor();
    await app.screenshot('01-setup');
    await page.getByTestId('setup-username').fill(ADMIN.username);
    await page.getByTestId('setup-display-name').fill(ADMIN.displayName);
    await page.getByTestId('setup-password').fill('short');
    await page.getByTestId('setup-password-confirm').fill('short');
    await page.getByTestId('setup-submit').click();
    await expect.poll(() => page.getByText(/8/).count()).toBeGreaterThan(0);
    await page.getByTestId('setup-password').fill(ADMIN.password);
    await page.getByTestId('setup-password-confirm').fill(ADMIN.password);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('nav-martyrs').waitFor();
    await expect.poll(() => page.getByText(ADMIN.displayName).count()).toBeGreaterThan(0);
    await app.screenshot('02-home');
  });

  it('logs out and in again, refusing a wrong password', async () => {
    await logout();
    await login(ADMIN.username, 'wrong password');
    await expect.poll(() => page.getByText('用户名或密码错误').count()).toBeGreaterThan(0);
    await app.screenshot('03-login-error');
    await login(ADMIN.username, ADMIN.password);
    await page.getByTestId('nav-admin').waitFor();
  });

  it('the administrator creates a clerk', async () => {
    await page.getByTestId('nav-admin').click();
    await page.evaluate(() => (window.location.hash = '#/admin/users'));
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-form-username').fill(CLERK.username);
    await page.getByTestId('user-form-display-name').fill(CLERK.displayName);
    await page.getByTestId('user-form-role').selectOption('clerk');
    await page.getByTestId('user-form-password').fill(CLERK.initial);
    await page.getByTestId('user-form-submit').click();
    await expect.poll(() => page.getByRole('gridcell', { name: CLERK.username }).count()).toBeGreaterThan(0);
    await app.screenshot('04-users');
  });

  it('the clerk changes the initial password and is refused the administrator pages', async () => {
    await logout();
    await login(CLERK.username, CLERK.initial);
    await page.getByTestId('change-password-current').fill(CLERK.initial);
    await page.getByTestId('change-password-new').fill(CLERK.own);
    await page.getByTestId('change-password-confirm').fill(CLERK.own);
    await page.getByTestId('change-password-submit').click();
    await page.getByTestId('nav-martyrs').waitFor();
    expect(await page.getByTestId('nav-admin').count()).toBe(0);
    await page.evaluate(() => (window.location.hash = '#/admin/users'));
    await page.getByTestId('forbidden').waitFor();
    await expect.poll(() => page.getByTestId('forbidden').textContent()).toMatch(/权限/);
    await app.screenshot('05-clerk-forbidden');
  });

  it('the audit log shows the clerk’s creation and the refused attempt', async () => {
    await logout();
    await login(ADMIN.username, ADMIN.password);
    await page.evaluate(() => (window.location.hash = '#/admin/audit'));
    const grid = page.getByTestId('audit-grid');
    await grid.waitFor();
    await expect.poll(() => grid.getByText(CLERK.username).count()).toBeGreaterThan(0);
    const text = (await grid.textContent()) ?? '';
    expect(text).toMatch(/创建|create/);
    expect(text).toMatch(/拒绝|denied/);
    await page.getByTestId('audit-verify').click();
    await expect.poll(() => page.getByTestId('audit-verify-result').getAttribute('data-ok')).toBe('true');
    await app.screenshot('06-audit');
  });

  it('switches the language to English and back', async () => {
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('nav-martyrs').textContent()).toMatch(/Martyrs/);
    await app.screenshot('07-english');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('nav-martyrs').textContent()).toMatch(/烈士英名录/);
  });

  it('made no network request outside the loopback address', () => {
    expect(app.foreignRequests).toEqual([]);
  });
});
