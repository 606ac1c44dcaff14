/**
 * Backup and restore through the real UI: the administrator backs up to a folder (a USB stick),
 * changes the data, restores the backup from the list after its preview, signs in again and finds
 * the data as it was backed up; the replaced data is listed and removed.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createAdministrator, launchApp, launchKind, type LaunchedApp } from './launch';

const ADMIN = { username: 'admin', displayName: '王建国', password: 'Guangrong#2026' };

let app: LaunchedApp;
let page: Page;
let usb: string;

async function setOfficeName(name: string) {
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('admin-tab-settings').click();
  await page.getByTestId('settings-office-name').fill(name);
  await page.getByTestId('settings-save').click();
  await page.getByTestId('settings-saved').waitFor();
}

describe.skipIf(!launchKind())('backup and restore', () => {
  beforeAll(async () => {
    usb = mkdtempSync(join(tmpdir(), 'guangrong-usb-'));
    app = await launchApp();
    page = app.page;
    await createAdministrator(page, ADMIN);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(usb, { recursive: true, force: true });
  });

  it('backs up to the chosen folder with progress, and lists the backup with what it holds', async () => {
    await setOfficeName('惠民县退役军人事务局');
    await page.getByTestId('admin-tab-backup').click();
    await page.getByTestId('backup-folder').fill(usb);
    await page.getByTestId('backup-start').click();
    await page.getByTestId('backup-done').waitFor();
    expect(readdirSync(usb).filter((n) => n.endsWith('.grbak'))).toHaveLength(1);
    await expect.poll(() => page.getByTestId('backup-row').count()).toBe(1);
    await expect.poll(() => page.getByTestId('backup-row').first().textContent()).toContain('用户 1 个');
    await app.screenshot('backup-01-done');
  });

  it('restores it after the preview: the data is as backed up, the replaced data kept aside', async () => {
    await setOfficeName('改动后的名称');
    await page.getByTestId('admin-tab-backup').click();
    await page.getByTestId('backup-folder').fill(usb);
    await page.getByTestId('backup-refresh').click();
    await page.getByTestId('backup-restore').first().click();
    await page.getByTestId('restore-preview').waitFor();
    await expect.poll(() => page.getByTestId('restore-counts').textContent()).toContain('用户 1 个');
    await page.getByTestId('restore-confirm').check();
    await app.screenshot('backup-02-restore-preview');
    await page.getByTestId('restore-start').click();

    // The data is swapped and every session ends: sign in again.
    await page.getByTestId('login-username').waitFor({ timeout: 60_000 });
    await page.getByTestId('login-username').fill(ADMIN.username);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-password').press('Enter');
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-tab-settings').click();
    await expect.poll(() => page.getByTestId('settings-office-name').inputValue()).toBe('惠民县退役军人事务局');

    await page.getByTestId('admin-tab-backup').click();
    await expect.poll(() => page.getByTestId('aside-row').count()).toBe(1);
    await expect.poll(() => page.getByTestId('auto-backup-last').textContent()).toContain('before-restore');
    await app.screenshot('backup-03-restored');
    await page.getByTestId('aside-remove').click();
    await page.getByTestId('aside-remove-confirm').click();
    await expect.poll(() => page.getByTestId('aside-row').count()).toBe(0);
    expect(readdirSync(app.dataDir).filter((n) => n.startsWith('replaced-'))).toEqual([]);
  });
});
