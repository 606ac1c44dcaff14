/**
 * The martyrs' roll journey (JOURNEYS.md §1 and §5): an archivist keys records in from a printed
 * roll with the keyboard only (save and next keeps the source and page), is warned of a duplicate,
 * submits; a reviewer verifies one and returns one from the queue with the keyboard; a visitor's
 * great-uncle is found by his pinyin initials, and the record's history shows who did what.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { createAdministrator, launchForSuite, launchKind, type LaunchedApp } from './launch';

const ADMIN = { username: 'admin', displayName: '王建国', password: 'Guangrong#2026' };
const CLERK = { username: 'lixia', displayName: '李霞', initial: 'Initial#2026', own: 'Lixia#Own2026' };
const REVIEWER = { username: 'zhaomin', displayName: '赵敏', initial: 'Initial#2026', own: 'Zhaomin#Own2026' };

let app: LaunchedApp;
let page: Page;
const scratch = mkdtempSync(join(tmpdir(), 'guangrong-scan-'));

const key = (k: string) => page.keyboard.press(k);
const typeIn = (text: string) => page.keyboard.type(text);
/** Type into the focused field, then Enter to the next one. */
async function field(text: string) {
  if (text) await typeIn(text);
  await key('Enter');
}
const focusedTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** A scanned page of the printed roll (a PNG made here, 1200 × 1700). */
async function scanOfPage12(): Promise<string> {
  const lines = Array.from({ length: 12 }, (_, i) => `<text x="100" y="${300 + i * 110}" font-size="48" fill="#444">${i + 1}. ZHANG DESHENG 1920-1940 HUIMIN</text>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="1700"><rect width="100%" height="100%" fill="#f3ecd9"/><text x="100" y="160" font-size="70" fill="#333">1982 roll, page 12</text>${lines}</svg>`;
  const file = join(scratch, 'roll-page-12.png');
  writeFileSync(file, await sharp(Buffer.from(svg)).png().toBuffer());
  return file;
}

const goto = (hash: string) => page.evaluate((h) => (window.location.hash = h), hash);
const hash = () => page.evaluate(() => window.location.hash);

async function login(username: string, password: string) {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-password').press('Enter');
}

async function logout() {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-username').waitFor();
}

async function firstLogin(user: { username: string; initial: string; own: string }) {
  await login(user.username, user.initial);
  await page.getByTestId('change-password-current').fill(user.initial);
  await page.getByTestId('change-password-new').fill(user.own);
  await page.getByTestId('change-password-confirm').fill(user.own);
  await page.getByTestId('change-password-submit').click();
  await page.getByTestId('nav-martyrs').waitFor();
  await goto('#/martyrs');
  await page.getByTestId('martyr-search').waitFor();
}

async function createUser(user: { username: string; displayName: string; initial: string }, role: string) {
  await page.getByTestId('user-create').click();
  await page.getByTestId('user-form-username').fill(user.username);
  await page.getByTestId('user-form-display-name').fill(user.displayName);
  await page.getByTestId('user-form-role').selectOption(role);
  await page.getByTestId('user-form-password').fill(user.initial);
  await page.getByTestId('user-form-submit').click();
  await expect.poll(() => page.getByRole('gridcell', { name: user.username }).count()).toBeGreaterThan(0);
}


describe.skipIf(!launchKind())('martyrs’ roll journey', () => {
  launchForSuite(scratch, (launched) => {
    app = launched;
    page = launched.page;
  });

  it('first start: the administrator creates an archivist and a reviewer', async () => {
    await createAdministrator(page, ADMIN);
    await goto('#/martyrs'); // the landing page is the home page
    await page.getByTestId('martyr-search').waitFor();
    await expect.poll(() => page.getByTestId('martyr-count').textContent()).toMatch(/共 0 条/);
    await app.screenshot('martyrs-01-empty-roll');
    await goto('#/admin/users');
    await createUser(CLERK, 'clerk');
    await createUser(REVIEWER, 'reviewer');
    await logout();
    await firstLogin(CLERK);
  });

  it('the archivist keys a record in with the keyboard only, then saves and starts the next', async () => {
    // The roll opens with the cursor in the search box; Ctrl+N starts a new record.
    await expect.poll(focusedTestId).toBe('martyr-search');
    await key('Control+n');
    await page.getByTestId('martyr-form').waitFor();
    await expect.poll(focusedTestId).toBe('field-name');
    // The scanned page of the roll goes beside the form (chosen once; save and next keeps it).
    await page.getByTestId('scan-file').setInputFiles(await scanOfPage12());
    await page.getByTestId('scan-image').waitFor();
    expect(await focusedTestId()).toBe('field-name');

    await field('张德胜');
    expect(await focusedTestId()).toBe('field-gender');
    await field('1'); // 1 = 男
    await field('汉');
    await field('民国九年');
    await expect.poll(() => page.getByTestId('field-birthDate-reading').textContent()).toMatch(/1920年.*1920-01-01 至 1920-12-31/);
    expect(await focusedTestId()).toBe('field-nativePlaceText');
    await field('山东省惠民县胡集乡');
    await field(''); // the native place's division: optional
    await field('1938年春');
    await field('');
    await field('八路军山东纵队第三支队战士');
    await field('1940年秋');
    // The period followed the date of death.
    expect(await focusedTestId()).toBe('field-period');
    expect(await page.getByTestId('field-period').inputValue()).toBe('anti_japanese');
    await field('');
    await field('山东省阳信县');
    await field('');
    await field('战斗牺牲');
    await field('');
    await field('阳信县烈士陵园');
    await field('阳信县烈士陵园');
    await field('山东省人民政府');
    await field('1983年5月');
    await field('鲁烈字第0012号');
    expect(await focusedTestId()).toBe('field-deeds');
    await typeIn('1940年秋在阳信县反“扫荡”战斗中掩护群众转移，英勇牺牲。');
    await key('Tab');
    await field('');
    // A relative: Alt+K adds a row with the cursor in it.
    await key('Alt+k');
    await expect.poll(focusedTestId).toBe('field-nextOfKin-0-name');
    await field('张大娘');
    await field('');
    await field('母亲');
    // The source: typed, not found, registered right here.
    expect(await focusedTestId()).toBe('field-sourceId');
    await typeIn('1982年油印本英名录');
    await key('ArrowDown');
    await key('Enter');
    await page.getByTestId('source-create-inline').waitFor();
    await expect.poll(focusedTestId).toBe('source-create-title');
    await key('Enter');
    await expect.poll(focusedTestId).toBe('field-sourcePage');
    await field('12');
    await typeIn('1');
    await expect.poll(() => page.getByTestId('scan-provenance').textContent()).toMatch(/1982年油印本英名录.*第 12 页.*第 1 条/);
    await app.screenshot('martyrs-02-keyed-in');

    await key('Control+Enter');
    await expect.poll(() => page.getByTestId('martyr-notice').textContent()).toMatch(/已保存：张德胜/);
    // Save and next: same source and page, the next item, the rest cleared, the cursor on the name.
    expect(await hash()).toBe('#/martyrs/new');
    await expect.poll(focusedTestId).toBe('field-name');
    expect(await page.getByTestId('field-name').inputValue()).toBe('');
    expect(await page.getByTestId('field-birthDate').inputValue()).toBe('');
    expect(await page.getByTestId('field-sourcePage').inputValue()).toBe('12');
    expect(await page.getByTestId('field-sourceItem').inputValue()).toBe('2');
    expect(await page.getByTestId('field-sourceId').inputValue()).toBe('1982年油印本英名录');
    await page.getByTestId('scan-image').waitFor();
    expect(await page.getByTestId('scan-page').textContent()).toBe('1 / 1');

    // The next one: units complete from what is stored (↓ then Enter takes the offer).
    await field('李大山');
    await field('1');
    await field('');
    await field('1922年');
    await field('山东省惠民县');
    await field('');
    await field('');
    await field('');
    await typeIn('八路军');
    await page.getByRole('option', { name: '八路军山东纵队第三支队战士' }).waitFor();
    await key('ArrowDown');
    await key('Enter');
    await expect.poll(focusedTestId).toBe('field-deathDate');
    expect(await page.getByTestId('field-unitAndPost').inputValue()).toBe('八路军山东纵队第三支队战士');
    await field('1947年3月上旬');
    await key('Control+Enter');
    await expect.poll(() => page.getByTestId('martyr-notice').textContent()).toMatch(/已保存：李大山/);
    expect(await page.getByTestId('field-sourceItem').inputValue()).toBe('3');
  });

  it('warns before saving a record that may already be on the roll, side by side', async () => {
    await field('张德胜');
    await field('1');
    await field('');
    await field('1920年');
    await field('山东惠民');
    await key('Control+s');
    const dialog = page.getByTestId('duplicate-dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toMatch(/同名/);
    expect(await dialog.textContent()).toMatch(/山东省惠民县胡集乡/);
    await app.screenshot('martyrs-03-duplicate');
    // Esc goes back to the form with everything kept; S in the dialog saves anyway.
    await key('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.getByTestId('field-nativePlaceText').inputValue()).toBe('山东惠民');
    await key('Control+s');
    await dialog.waitFor();
    await page.getByTestId('duplicate-save-anyway').click();
    await page.getByTestId('martyr-status').waitFor();
    expect(await hash()).toMatch(/^#\/martyrs\/\d+$/);
    expect(await page.getByTestId('martyr-status').getAttribute('data-status')).toBe('draft');
  });

  it('the archivist submits a record, and the rest of her drafts at once', async () => {
    await page.getByTestId('martyr-submit').click();
    await expect.poll(() => page.getByTestId('martyr-status').getAttribute('data-status')).toBe('submitted');
    await key('Escape');
    await page.getByTestId('martyr-list').waitFor();
    await expect.poll(() => page.getByTestId('martyr-count').textContent()).toMatch(/共 3 条/);
    await page.getByTestId('martyr-filter-status').selectOption('draft');
    await expect.poll(() => page.getByTestId('martyr-count').textContent()).toMatch(/共 2 条/);
    await page.getByTestId('martyr-submit-drafts').click();
    const confirm = page.getByTestId('martyr-submit-drafts-confirm');
    await expect.poll(() => confirm.isEnabled()).toBe(true);
    await confirm.click();
    await expect.poll(() => page.getByTestId('martyr-count').textContent()).toMatch(/共 0 条/);
    await page.getByTestId('martyr-filter-status').selectOption('');
    await app.screenshot('martyrs-04-roll');
  });

  it('the reviewer verifies and returns from the queue with the keyboard, each next one opening by itself', async () => {
    await logout();
    await firstLogin(REVIEWER);
    await page.getByTestId('martyrs-tab-review').click();
    await page.getByTestId('review-queue').waitFor();
    await expect.poll(() => page.getByTestId('review-count').textContent()).toMatch(/共 3 条/);
    await key('Enter');
    await page.getByTestId('martyr-verify').waitFor();
    expect(await hash()).toMatch(/^#\/martyrs\/review\/\d+$/);
    await expect.poll(() => page.getByTestId('review-position').textContent()).toMatch(/第 1 条，共 3 条/);
    await app.screenshot('martyrs-05-review');
    // 李大山 goes back with a reason (Alt+R), the others pass (Alt+V); each time the next one opens.
    for (let n = 0; n < 3; n++) {
      const current = await hash();
      await page.getByTestId('martyr-verify').waitFor();
      if ((await page.getByTestId('martyr-title').textContent()) === '李大山') {
        await key('Alt+r');
        await page.getByTestId('return-reason').waitFor();
        await typeIn('出生年份与原件第12页不符，请核对。');
        await key('Enter');
      } else {
        await key('Alt+v');
      }
      if (n < 2) await expect.poll(hash).not.toBe(current);
    }
    await page.getByTestId('review-done').waitFor();
    expect(await hash()).toBe('#/martyrs/review');
  });

  it('a visitor’s great-uncle is found by two characters or by his initials; his history shows who did what', async () => {
    await page.getByTestId('martyrs-tab-roll').click();
    const search = page.getByTestId('martyr-search');
    await search.waitFor();
    await typeIn('德胜');
    await expect.poll(() => page.getByTestId('martyr-count').textContent()).toMatch(/共 2 条/);
    await key('Escape');
    await typeIn('lds');
    await expect.poll(() => page.getByTestId('martyr-count').textContent()).toMatch(/共 1 条/);
    await key('Escape');
    await typeIn('zds');
    await expect.poll(() => page.getByTestId('martyr-count').textContent()).toMatch(/共 2 条/);
    await app.screenshot('martyrs-06-initials');
    // The first one keyed in (born 民国九年), verified first in the queue.
    const row = page.locator('[data-testid^="martyr-row-"]', { hasText: '民国九年' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('[data-status]').getAttribute('data-status')).toBe('verified');
    await row.click();
    await page.getByTestId('martyr-status').waitFor();
    expect(await page.getByTestId('martyr-status').getAttribute('data-status')).toBe('verified');
    await page.getByTestId('martyr-history').click();
    const history = page.getByTestId('history-list');
    await expect.poll(() => history.locator('[data-action]').count()).toBe(3);
    const text = (await history.textContent()) ?? '';
    expect(text).toMatch(/审核通过/);
    expect(text).toMatch(/提交审核/);
    expect(text).toMatch(/录入/);
    expect(text).toMatch(/赵敏/);
    expect(text).toMatch(/李霞/);
    expect(text).toMatch(/出生日期/);
    expect(text).toMatch(/民国九年/);
    await app.screenshot('martyrs-07-history');
    await key('Escape');
  });

  it('a returned record shows its reason to the archivist', async () => {
    await logout();
    await login(CLERK.username, CLERK.own);
    await page.getByTestId('nav-martyrs').waitFor();
    await goto('#/martyrs');
    await page.getByTestId('martyr-search').waitFor();
    await page.getByTestId('martyr-filter-status').selectOption('returned');
    await expect.poll(() => page.getByTestId('martyr-count').textContent()).toMatch(/共 1 条/);
    await page.getByTestId('martyr-list').focus();
    await key('Enter');
    await page.getByTestId('martyr-return-reason').waitFor();
    expect(await page.getByTestId('martyr-return-reason').textContent()).toMatch(/第12页不符/);
  });

  it('prints a record’s sheet from its page and lands on the preview of the registered PDF', async () => {
    // Documents need the issuing authority, set by the administrator.
    await logout();
    await login(ADMIN.username, ADMIN.password);
    await page.getByTestId('nav-martyrs').waitFor();
    await goto('#/admin/settings');
    await page.getByTestId('settings-issuing-authority').fill('惠民县退役军人事务局');
    await page.getByTestId('document-settings-save').click();
    await page.getByTestId('document-settings-saved').waitFor();
    await goto('#/martyrs');
    await page.getByTestId('martyr-search').waitFor();
    await expect.poll(() => page.getByTestId('print-roll-sheets').textContent()).toMatch(/打印登记表（\d+）/);
    await page.getByTestId('martyr-list').focus();
    await key('Enter');
    await page.getByTestId('print-record-sheet').click();
    await page.getByTestId('print-dialog').waitFor();
    await expect.poll(hash, { timeout: 30_000 }).toMatch(/^#\/documents\/\d+$/);
    await page.locator('[data-testid="document-canvas"][data-ready="yes"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('document-serial').textContent()).toMatch(/烈士登记表.*DB\d{4}-000001/);
    expect(await page.getByTestId('document-page').textContent()).toBe('第 1 页 共 1 页');
    await app.screenshot('martyrs-08-record-sheet');

    // The roll's filtered records, one file per record as well: from the button's menu.
    await goto('#/martyrs');
    await expect.poll(() => page.getByTestId('print-roll-sheets').textContent()).toMatch(/打印登记表（(\d+)）/);
    const count = Number(/（(\d+)）/.exec((await page.getByTestId('print-roll-sheets').textContent()) ?? '')![1]);
    await page.getByTestId('print-roll-sheets-more').click();
    await page.getByTestId('print-roll-sheets-per-record').click();
    await expect.poll(hash, { timeout: 60_000 }).toMatch(/^#\/documents\/\d+$/);
    await page.locator('[data-testid="document-canvas"][data-ready="yes"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('document-serial').textContent()).toMatch(/DB\d{4}-000002$/);
    expect(await page.getByTestId('document-save-per-record').textContent()).toContain(String(count));
  });

  it('made no network request outside the loopback address', () => {
    expect(app.foreignRequests).toEqual([]);
  });
});
