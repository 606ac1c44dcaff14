/**
 * Restoring a backup made under another data key through the real UI: the backup list marks it
 * (另一把密钥), the restore dialog asks for its key (the start button waits for it), the recovery
 * key is typed, the data is swapped in and the installation now runs encrypted under that key — so
 * the plain safety backup of the data it replaced is listed as 未加密 and deleted in two clicks.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createAdministrator, launchApp, launchKind, type LaunchedApp } from './launch';
import { ADMIN as ADMIN_OF_BACKUP, makeSetUpCore } from '../support/tempCore';
import { newDataKey } from '../support/encryptedFolder';
import { wrapWithPassword, writeKeyFile } from '../../electron/core/crypto/keyFile';

const ADMIN = { username: 'admin', displayName: '王建国', password: 'Guangrong#2026' };
const MARKER = '覃鑫淼';

let app: LaunchedApp;
let page: Page;
let root: string;
let usb: string;
const { key, recoveryKey } = newDataKey();

/** A backup made by another office's encrypted installation (its own key and administrator). */
async function foreignEncryptedBackup(): Promise<void> {
  const dataDir = join(root, 'other');
  mkdirSync(dataDir);
  const at = new Date().toISOString();
  writeKeyFile(dataDir, { format: 'guangrong-encryption', version: 1, keyId: key.id, cipher: 'sqlcipher-4', state: 'encrypted', createdAt: at, createdBy: 'admin', passwords: [await wrapWithPassword(key, { id: 1, username: ADMIN_OF_BACKUP.username }, ADMIN_OF_BACKUP.password, at)] });
  const other = await makeSetUpCore({ dataDir, dataKey: key });
  try {
    await other.ok('martyrs.create', { name: MARKER, deathDate: '1947年春' }, other.admin);
    const job = await other.core.jobs.wait((await other.ok('backup.create', { folder: usb }, other.admin)).id);
    if (job.status !== 'done') throw new Error(`backup failed: ${JSON.stringify(job.error)}`);
  } finally {
    await other.core.close();
  }
}

describe.skipIf(!launchKind())('restoring a backup under another key', () => {
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'guangrong-e2e-enc-'));
    usb = join(root, 'usb');
    mkdirSync(usb);
    await foreignEncryptedBackup();
    app = await launchApp();
    page = app.page;
    await createAdministrator(page, ADMIN);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('asks for the key, restores with the recovery key, then lists the plain safety backup as 未加密 and deletes it', async () => {
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-tab-backup').click();
    await page.getByTestId('backup-folder').fill(usb);
    await page.getByTestId('backup-refresh').click();
    await expect.poll(() => page.getByTestId('backup-row').first().textContent()).toContain('另一把密钥');
    await page.getByTestId('backup-restore').first().click();
    await page.getByTestId('restore-key').waitFor();
    expect(await page.getByTestId('restore-key').textContent()).toContain(key.id);
    await page.getByTestId('restore-confirm').check();
    expect(await page.getByTestId('restore-start').isDisabled()).toBe(true);
    await page.getByTestId('restore-key-recovery-mode').click();
    await page.getByTestId('restore-key-recovery').fill(recoveryKey);
    await expect.poll(() => page.getByTestId('restore-start').isDisabled()).toBe(false);
    await app.screenshot('backup-enc-01-restore-key');
    await page.getByTestId('restore-start').click();

    // The backup's users now: its administrator signs in, and finds its record.
    await page.getByTestId('login-username').waitFor({ timeout: 90_000 });
    await page.getByTestId('login-username').fill(ADMIN_OF_BACKUP.username);
    await page.getByTestId('login-password').fill(ADMIN_OF_BACKUP.password);
    await page.getByTestId('login-password').press('Enter');
    await page.getByTestId('nav-martyrs').click();
    await expect.poll(() => page.locator('[data-testid^="martyr-row-"]').first().textContent(), { timeout: 20_000 }).toContain(MARKER);

    // The data it replaced was backed up first, plain: in the now encrypted installation it is 未加密.
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-tab-backup').click();
    const plainRow = page.getByTestId('backup-row').filter({ has: page.getByTestId('backup-unencrypted') });
    await expect.poll(() => plainRow.count(), { timeout: 20_000 }).toBe(1);
    await app.screenshot('backup-enc-02-unencrypted');
    await plainRow.getByTestId('backup-remove-plain').click();
    await plainRow.getByTestId('backup-remove-plain-confirm').click();
    await expect.poll(() => page.getByTestId('backup-unencrypted').count()).toBe(0);
    expect(readdirSync(join(app.dataDir, 'backups')).filter((n) => n.endsWith('.grbak'))).toEqual([]);
  });
});
