/**
 * Backup and restore through the real UI: the administrator backs up to a folder (a USB stick),
 * changes the data, restores the backup from the list after its preview, signs in again and finds
 * the data as it was backed up; the sign-in page says what happened (until that sign-in); the
 * replaced data is listed and removed. A damaged database at start opens the recovery screen,
 * which restores the newest automatic-folder backup with its progress in files and bytes.
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

    // The data is swapped and every session ends: sign in again. The sign-in page says what happened,
    // from the backend's record of the restore: still after a reload.
    await page.getByTestId('login-username').waitFor({ timeout: 60_000 });
    const notice = page.getByTestId('login-restore-notice');
    await expect.poll(() => notice.textContent()).toContain('数据已从备份恢复');
    expect(await notice.textContent()).toMatch(/备份时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}，由 admin 制作/);
    expect(await notice.textContent()).toContain(join(app.dataDir, 'replaced-'));
    await app.screenshot('backup-05-sign-in-after-restore');
    await page.reload();
    await page.getByTestId('login-username').waitFor();
    await expect.poll(() => notice.textContent()).toContain('数据已从备份恢复');
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

    // Told once: after this sign-in the sign-in page no longer says it.
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
    await page.getByTestId('login-submit').waitFor();
    // The notice is fetched when the page shows: give that call its time before asserting it stays away.
    await page.waitForTimeout(1500);
    expect(await page.getByTestId('login-restore-notice').count()).toBe(0);
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
    // 64 MB of padding, so the restore lasts long enough for its progress to be seen on the screen.
    t.core.db.exec('CREATE TABLE e2e_padding (b BLOB)');
    const pad = t.core.db.prepare('INSERT INTO e2e_padding (b) VALUES (randomblob(1048576))');
    for (let i = 0; i < 64; i++) pad.run();
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
    // The restore's progress in files and bytes (events: it runs before sign-in, not as a job).
    // One file (the database), about 68 MB: "0 / 1 … 已读 17 MB，共 68 MB" while it is verified.
    const shown = p.getByTestId('recovery-progress').filter({ hasText: /[01] \/ 1.*已读 [\d.]+ [KM]B，共 6\d(\.\d)? MB/ }).waitFor({ state: 'attached', timeout: 60_000 });
    await p.getByTestId('recovery-restore').click();
    await shown;
    await p.getByTestId('login-username').waitFor({ timeout: 60_000 });
    const notice = p.getByTestId('login-restore-notice');
    await expect.poll(() => notice.textContent()).toContain('损坏的数据保存在');
    expect(await notice.textContent()).toContain(join(dataDir, 'replaced-'));
    await p.getByTestId('login-username').fill(ADMIN_OF_CORE.username);
    await p.getByTestId('login-password').fill(ADMIN_OF_CORE.password);
    await p.getByTestId('login-password').press('Enter');
    await p.getByTestId('nav-admin').click();
    await p.getByTestId('admin-tab-settings').click();
    await expect.poll(() => p.getByTestId('settings-office-name').inputValue()).toBe('阳信县退役军人事务局');
    expect(readdirSync(dataDir).filter((n) => n.startsWith('damaged-') || n.startsWith('replaced-'))).toHaveLength(2);
  });
});
