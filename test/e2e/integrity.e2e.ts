/**
 * Data integrity (issue 6 "Safekeeping"): an administrator opens 系统管理 → 数据完整性 on data
 * whose register scan was lost from disk, runs the full check, watches it finish, and sees the
 * missing file with the record keyed from it; the record's link opens it. The home page then
 * warns the administrator that the last check found problems.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { electronBinary, launchApp, launchKind, type LaunchedApp } from './launch';
import { gotoHash } from './ui';

const root = resolve(import.meta.dirname, '../..');
const ADMIN = { username: 'admin', displayName: '王建国', password: 'Guangrong#2026' };

let app: LaunchedApp;
let page: Page;
let seeded: { martyrId: number; attachmentId: number; file: string };

function seed(dataDir: string): typeof seeded {
  const electron = launchKind() === 'electron';
  const runtime = electron ? electronBinary()! : process.execPath;
  const out = execFileSync(runtime, ['--import', 'tsx', join(root, 'test/e2e/seedIntegrity.ts'), dataDir, ADMIN.username, ADMIN.password], {
    cwd: root,
    env: { ...process.env, ...(electron ? { ELECTRON_RUN_AS_NODE: '1' } : {}) },
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as typeof seeded;
}

describe.skipIf(!launchKind())('data integrity', () => {
  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'guangrong-e2e-integrity-'));
    seeded = seed(dataDir);
    app = await launchApp({ dataDir });
    page = app.page;
    await page.getByTestId('login-username').fill(ADMIN.username);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-password').press('Enter');
    await page.getByTestId('page-home').waitFor();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('an administrator runs the check and sees the missing scan with the record that uses it', async () => {
    await gotoHash(page, '#/admin/integrity');
    await page.getByTestId('integrity-panel').waitFor();
    await expect.poll(() => page.getByTestId('integrity-last').getAttribute('data-outcome')).toBe('none');
    await page.getByTestId('integrity-check-now').click();
    await page.getByTestId('job-progress').waitFor();
    await page.locator('[data-testid="job-progress"][data-status="done"]').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('integrity-last').getAttribute('data-outcome')).toBe('problems');
    expect(await page.getByTestId('integrity-outcome').textContent()).toBe('发现问题');
    const problem = page.getByTestId('integrity-problem');
    await expect.poll(() => problem.count()).toBe(1);
    expect(await problem.getAttribute('data-kind')).toBe('missing');
    const text = (await problem.textContent()) ?? '';
    expect(text).toContain('文件缺失');
    expect(text).toContain('登记册-第1页.jpg');
    expect(text).toContain(seeded.file);
    const records = problem.getByTestId('integrity-record');
    expect(await records.allTextContents()).toEqual(['烈士 张德胜', '来源 县烈士登记册（1956）']);
    await app.screenshot('integrity-01-missing-scan');

    await records.first().click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/martyrs/${seeded.martyrId}`);
    await page.getByTestId('martyr-form').waitFor();
  });

  it('the home page warns the administrator that the last check found problems', async () => {
    await gotoHash(page, '#/home');
    const warning = page.getByTestId('home-integrity-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('数据完整性检查');
    await page.getByTestId('home-integrity-open').click();
    await page.getByTestId('integrity-panel').waitFor();
  });
});
