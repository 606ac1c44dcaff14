/**
 * Encryption at rest through the real UI: the administrator sets it up under 系统管理 → 数据加密
 * (the recovery key shown once with the warning, its last group typed back), watches the files
 * being sealed, and after a restart of the application on the same data folder finds the unlock
 * screen: a wrong password is refused with the message, the right one opens the app signed in;
 * after another restart the recovery key (typed in lower case with spaces) leads to sign-in.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, launchKind, type LaunchedApp } from './launch';
import { gotoHash } from './ui';
import { ADMIN, makeSetUpCore } from '../support/tempCore';
import { fileIsSealed } from '../../electron/core/crypto/sealed';
import { databaseIsPlain } from '../../electron/core/db/connection';

const FILES = 40;
let app: LaunchedApp;
let recoveryKey = '';

describe.skipIf(!launchKind())('encryption at rest', () => {
  beforeAll(async () => {
    // A set-up installation with scans under attachments/, so the sealing has files to count.
    const dataDir = mkdtempSync(join(tmpdir(), 'guangrong-e2e-enc-'));
    const t = await makeSetUpCore({ dataDir, integritySchedule: false });
    await t.core.close();
    for (let i = 0; i < FILES; i++) {
      const dir = join(dataDir, 'attachments', (i % 8).toString(16).padStart(2, '0'), 'e2');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `scan${i}`), Buffer.alloc(256 * 1024, i));
    }
    app = await launchApp({ dataDir, portable: true });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is set up from 系统管理 → 数据加密: the recovery key once, typed back, then the files sealed with progress', async () => {
    const page = app.page;
    await page.getByTestId('login-username').fill(ADMIN.username);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-password').press('Enter');
    // Portable and not encrypted: the administrator's home page suggests it.
    if (app.kind === 'chromium') await page.getByTestId('encryption-portable-suggestion').waitFor();
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-tab-encryption').click();
    await expect.poll(() => page.getByTestId('encryption-state').getAttribute('data-state')).toBe('plain');

    await page.getByTestId('encryption-password').fill('not my password');
    await page.getByTestId('encryption-prepare').click();
    await expect.poll(() => page.getByTestId('encryption-step1').textContent()).toContain('用户名或密码错误');
    await page.getByTestId('encryption-password').fill(ADMIN.password);
    await page.getByTestId('encryption-prepare').click();
    const shown = page.getByTestId('encryption-recovery-key');
    await shown.waitFor();
    recoveryKey = (await shown.locator('span').allTextContents()).join('-');
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(await page.getByTestId('encryption-warning').textContent()).toContain('任何人（包括软件开发者）都无法恢复');
    await app.screenshot('encryption-01-recovery-key');

    // The last group must be typed back, after ticking that it was written down.
    expect(await page.getByTestId('encryption-enable').isDisabled()).toBe(true);
    await page.getByTestId('encryption-copied').check();
    await page.getByTestId('encryption-last-group').fill(recoveryKey.slice(-4) === 'ZZZZ' ? 'YYYY' : 'ZZZZ');
    await page.getByTestId('encryption-enable').click();
    await expect.poll(() => page.getByTestId('encryption-step2').textContent()).toContain('与恢复密钥不符');
    await page.getByTestId('encryption-last-group').fill(recoveryKey.slice(-4).toLowerCase());
    await page.getByTestId('encryption-enable').click();
    await page.getByTestId('job-done').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('job-counts').textContent()).toContain(`${FILES} / ${FILES}`);
    await expect.poll(() => page.getByTestId('encryption-state').getAttribute('data-state')).toBe('encrypted');
    expect(await page.getByTestId('encryption-unlockers').textContent()).toContain(ADMIN.username);
    expect(databaseIsPlain(join(app.dataDir, 'guangrong.db'))).toBe(false);
    expect(fileIsSealed(join(app.dataDir, 'attachments', '00', 'e2', 'scan0'))).toBe(true);
  });

  it('starts locked after a restart: a wrong password is refused, the right one opens the app signed in', async () => {
    await app.restart();
    const page = app.page;
    await page.getByTestId('unlock-page').waitFor();
    // Keyboard first: the focus is in the user name.
    await page.keyboard.type(ADMIN.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type('wrong password');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('unlock-page').textContent()).toContain('用户名或密码错误');
    await expect.poll(() => page.getByTestId('unlock-submit').isEnabled()).toBe(true);
    await page.waitForTimeout(400); // the button's colour transition back from busy
    await app.screenshot('encryption-02-unlock');
    await page.getByTestId('unlock-password').fill(ADMIN.password);
    await page.getByTestId('unlock-password').press('Enter');
    await page.getByTestId('nav-martyrs').waitFor();
    // A reload of the page while the process runs: still unlocked and signed in (the key lives in the process).
    await page.reload();
    await page.getByTestId('nav-martyrs').waitFor();
    expect(await page.getByTestId('unlock-page').count()).toBe(0);
    await gotoHash(page, '#/admin/encryption');
    await expect.poll(() => page.getByTestId('encryption-state').getAttribute('data-state')).toBe('encrypted');
    // Encrypted now: the portable installation's suggestion is gone from the home page (given a second to answer).
    await page.getByTestId('nav-home').click();
    await page.getByTestId('page-home').waitFor();
    await page.waitForTimeout(1000);
    expect(await page.getByTestId('encryption-portable-suggestion').count()).toBe(0);
  });

  it('unlocks with the recovery key (lower case, spaces) after another restart, then asks to sign in', async () => {
    await app.restart();
    const page = app.page;
    await page.getByTestId('unlock-page').waitFor();
    await page.getByTestId('unlock-use-recovery').check();
    await page.getByTestId('unlock-recovery-key').fill(recoveryKey.toLowerCase().replace(/-/g, ' '));
    await page.getByTestId('unlock-recovery-key').press('Enter');
    await page.getByTestId('login-username').waitFor();
    await page.getByTestId('login-username').fill(ADMIN.username);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-password').press('Enter');
    await page.getByTestId('nav-martyrs').waitFor();
  });
});
