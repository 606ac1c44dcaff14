/**
 * Backup and restore through the real UI: the administrator backs up to a folder (a USB stick),
 * changes the data, restores the backup from the list after its preview, signs in again and finds
 * the data as it was backed up; the replaced data is listed and removed. A damaged database at
 * start opens the recovery screen, which restores the newest automatic-folder backup.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createAdministrator, launchApp, launchKind, type LaunchedApp } from './launch';
import { ADMIN as ADMIN_OF_CORE, makeSetUpCore } from '../support/tempCore';

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

describe.skipIf(!launchKind())('a damaged database at start', () => {
  let damagedApp: LaunchedApp | undefined;
  afterAll(async () => {
    await damagedApp?.close();
  });

  it('shows the recovery screen before sign-in and restores the newest backup from it', async () => {
    // A data folder with one record's worth of settings and an automatic-folder backup, then its database scribbled over.
    const dataDir = mkdtempSync(join(tmpdir(), 'guangrong-e2e-damaged-'));
    const t = await makeSetUpCore({ dataDir });
    await t.ok('settings.update', { officeName: '阳信县退役军人事务局' }, t.admin);
    const folder = join(dataDir, 'backups');
    mkdirSync(folder);
    const job = await t.core.jobs.wait((await t.ok('backup.create', { folder }, t.admin)).id);
    expect(job.status).toBe('done');
    await t.core.close();
    const dbFile = join(dataDir, 'guangrong.db');
    rmSync(`${dbFile}-wal`, { force: true });
    rmSync(`${dbFile}-shm`, { force: true });
    writeFileSync(dbFile, Buffer.alloc(64 * 1024, 0x41));

    damagedApp = await launchApp({ dataDir });
    const p = damagedApp.page;
    await p.getByTestId('recovery-page').waitFor();
    await expect.poll(() => p.getByTestId('recovery-backup').count()).toBe(1);
    await damagedApp.screenshot('backup-04-recovery');
    await p.getByTestId('recovery-restore').click();
    await p.getByTestId('login-username').waitFor({ timeout: 60_000 });
    await p.getByTestId('login-username').fill(ADMIN_OF_CORE.username);
    await p.getByTestId('login-password').fill(ADMIN_OF_CORE.password);
    await p.getByTestId('login-password').press('Enter');
    await p.getByTestId('nav-admin').click();
    await p.getByTestId('admin-tab-settings').click();
    await expect.poll(() => p.getByTestId('settings-office-name').inputValue()).toBe('阳信县退役军人事务局');
    expect(readdirSync(dataDir).filter((n) => n.startsWith('damaged-') || n.startsWith('replaced-'))).toHaveLength(2);
  });
});
