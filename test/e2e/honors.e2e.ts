/**
 * The merit-award journey (JOURNEYS.md §3): the clerk registers a second-class merit with the
 * keyboard, registers the good-news letter received from the army (the home page lists it as due
 * soon), the letter is registered and verified, the delivery is recorded before the deadline with
 * a photo, and the letter leaves the home page's due list.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { addDays, isWorkingDay, plainWeek } from '../../shared/rules/workingDays';
import { createAdministrator, launchForSuite, launchKind, type LaunchedApp } from './launch';
import { minimalPdf } from '../integration/attachments/files';

const ADMIN = { username: 'admin', displayName: '王建国', password: 'Guangrong#2026' };

let app: LaunchedApp;
let page: Page;
let letterId = 0;
let awardHash = '';
const scratch = mkdtempSync(join(tmpdir(), 'guangrong-honors-'));

const goto = (hash: string) => page.evaluate((h) => (window.location.hash = h), hash);
const hash = () => page.evaluate(() => window.location.hash);
const focusedTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** A backend call made from inside the page, as another desk of the app would make it. */
async function api<T = unknown>(method: string, input: unknown): Promise<T> {
  const r = await page.evaluate(
    async ([m, i]) => {
      const bridge = (window as unknown as { guangrong?: { call(method: string, input: unknown): Promise<unknown> } }).guangrong;
      if (bridge) return bridge.call(m, i);
      const token = sessionStorage.getItem('guangrong.webHostToken') ?? '';
      const response = await fetch(`/api/${encodeURIComponent(m)}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-guangrong-token': token }, body: JSON.stringify(i), credentials: 'same-origin' });
      return response.json();
    },
    [method, input] as const,
  );
  const result = r as { ok: boolean; value?: T; error?: unknown };
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The working day `n` working days before today (a fresh office calendar: Monday to Friday). */
function workingDaysAgo(n: number): string {
  let day = today();
  for (let counted = 0; counted < n; ) {
    day = addDays(day, -1);
    if (isWorkingDay(day, plainWeek)) counted++;
  }
  return day;
}

async function deliveryPhoto(): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="100%" height="100%" fill="#b22"/><text x="60" y="320" font-size="64" fill="#fd0">DELIVERY PHOTO</text></svg>`;
  const file = join(scratch, 'delivery.png');
  writeFileSync(file, await sharp(Buffer.from(svg)).png().toBuffer());
  return file;
}

describe.skipIf(!launchKind())('merit awards and good-news letters', () => {
  launchForSuite(scratch, (launched) => {
    app = launched;
    page = launched.page;
  });

  it('first start lands on the home page, with no letter due', async () => {
    await createAdministrator(page, ADMIN);
    await page.getByTestId('home-due-letters').waitFor();
    await page.getByTestId('home-due-none').waitFor();
  });

  it('the clerk registers a second-class merit with the keyboard', async () => {
    await goto('#/honors');
    await page.getByTestId('award-search').waitFor();
    await expect.poll(focusedTestId).toBe('award-search');
    await page.keyboard.press('Control+n');
    await page.getByTestId('award-form').waitFor();
    await expect.poll(focusedTestId).toBe('award-kind');
    await page.keyboard.press('Enter');
    expect(await focusedTestId()).toBe('award-class');
    await page.getByTestId('award-class').selectOption({ label: '二等功' });
    await page.keyboard.press('Enter');
    expect(await focusedTestId()).toBe('award-name');
    await page.keyboard.type('李明');
    await page.keyboard.press('Enter');
    expect(await focusedTestId()).toBe('award-gender');
    await page.keyboard.press('Enter');
    await page.keyboard.type('11010519491231002X');
    await page.keyboard.press('Enter');
    expect(await focusedTestId()).toBe('award-soldierUnit');
    await page.keyboard.type('东部战区某旅某连');
    await page.getByTestId('award-enlistedOn').fill('2021-09-10');
    await page.getByTestId('award-authority').fill('东部战区');
    await page.getByTestId('award-orderNo').fill('东战政〔2026〕12号');
    await page.getByTestId('award-awardDate').fill('2026-10-08');
    await page.getByTestId('award-citation').fill('在跨区演习中圆满完成任务，表现突出，荣立二等功。');
    await app.screenshot('honors-01-award-form');
    await page.getByTestId('award-orderNo').focus();
    await page.keyboard.press('Control+s');
    await expect.poll(hash).toMatch(/^#\/honors\/awards\/\d+$/);
    await expect.poll(() => page.getByTestId('award-notice').textContent()).toMatch(/已保存：李明/);
    awardHash = await hash();
  });

  it('registers the letter received five working days ago: the home page lists it as due soon', async () => {
    await page.getByTestId('award-new-letter').click();
    await page.getByTestId('letter-receivedOn').fill(workingDaysAgo(5));
    await page.getByTestId('letter-familyName').fill('李建国');
    await page.getByTestId('letter-familyRelation').fill('父亲');
    await page.getByTestId('letter-familyDivision').fill('huiminxian');
    await page.getByRole('option', { name: /惠民县/ }).first().click();
    await page.getByTestId('letter-familyAddress').fill('山东省惠民县胡集镇李家村12号');
    await page.getByTestId('letter-create').click();
    await expect.poll(hash).toMatch(/^#\/honors\/letters\/\d+$/);
    letterId = Number((await hash()).split('/').pop());
    await expect.poll(() => page.getByTestId('letter-status').getAttribute('data-status')).toBe('received');
    expect(await page.getByTestId('letter-deadline').getAttribute('data-deadline')).toBe('dueSoon');
    expect(await page.getByTestId('letter-due').textContent()).toMatch(/7 个工作日内送达/);
    expect(await page.getByTestId('letter-familyDivision').textContent()).toMatch(/山东省 滨州市 惠民县$/);

    await goto('#/home');
    await page.getByTestId(`home-letter-${letterId}`).waitFor();
    expect(await page.getByTestId('home-due-soon').textContent()).toMatch(/李明.*二等功/);
    await app.screenshot('honors-02-home-due');

    // The register shows the award with its letter's status; its page offers no second letter.
    await goto('#/honors');
    await expect.poll(() => page.getByTestId('award-count').textContent()).toMatch(/共 1 条/);
    await app.screenshot('honors-02b-register');
  });

  it('the letter is registered, verified and delivered before the deadline with a photo', async () => {
    await goto(`#/honors/letters/${letterId}`);
    await page.getByTestId('letter-action-register').click();
    await expect.poll(() => page.getByTestId('letter-status').getAttribute('data-status')).toBe('registered');
    await page.getByTestId('letter-action-verify').click();
    await expect.poll(() => page.getByTestId('letter-status').getAttribute('data-status')).toBe('verified');
    await page.getByTestId('letter-action-deliver').click();
    expect(await page.getByTestId('letter-deliveredBy').inputValue()).toMatch(/县（区）退役军人事务局局长会同县（区）人武部/);
    await page.getByTestId('letter-deliveredBy').fill('县退役军人事务局 赵局长');
    await page.getByTestId('letter-deliveredWith').fill('县人武部 张部长，胡集镇 刘镇长');
    await page.getByTestId('letter-action-text').fill('敲锣打鼓送喜报上门，佩戴绶带，合影留念。');
    await page.getByTestId('letter-photo-file').setInputFiles(await deliveryPhoto());
    await expect.poll(() => page.getByTestId('letter-new-photos').locator('li').count()).toBe(1);
    await app.screenshot('honors-03-deliver');
    await page.getByTestId('letter-action-confirm').click();
    await expect.poll(() => page.getByTestId('letter-status').getAttribute('data-status')).toBe('delivered');
    expect(await page.getByTestId('letter-deliveredOn').textContent()).toBe(today());
    expect(await page.getByTestId('letter-deadline').getAttribute('data-deadline')).toBe('deliveredOnTime');
    await expect.poll(() => page.getByTestId('letter-photos').locator('li').count()).toBe(1);
    await expect.poll(() => page.getByTestId('letter-events').locator('li').count()).toBe(4);
    await page.waitForTimeout(400); // the chips' colour transition
    await app.screenshot('honors-04-delivered');
  });

  it('the family’s feedback is recorded after the delivery, and closes the letter', async () => {
    await page.getByTestId('letter-action-feedback').click();
    await page.getByTestId('letter-action-text').fill('家属表示感谢，将喜报装框挂在堂屋。');
    await page.getByTestId('letter-action-confirm').click();
    await expect.poll(() => page.getByTestId('letter-status').getAttribute('data-status')).toBe('feedback');
    await expect.poll(() => page.getByTestId('letter-page').textContent()).toMatch(/家属表示感谢，将喜报装框挂在堂屋。/);
    await expect.poll(() => page.getByTestId('letter-events').locator('li').count()).toBe(5);
    expect(await page.getByTestId('letter-events').locator('li').last().textContent()).toMatch(/王建国/);
    // Nothing more to do on it.
    expect(await page.locator('[data-testid^="letter-action-"]').count()).toBe(0);
  });

  it('the award page offers no second letter, and keeps the order and a photo as attachments', async () => {
    await goto(awardHash);
    await page.getByTestId('award-open-letter').waitFor();
    expect(await page.getByTestId('award-letter-status').getAttribute('data-status')).toBe('feedback');
    expect(await page.getByTestId('award-new-letter').count()).toBe(0);

    const order = join(scratch, '东战政〔2026〕12号.pdf');
    writeFileSync(order, minimalPdf(1));
    const photo = join(scratch, '立功合影.png');
    writeFileSync(photo, await sharp({ create: { width: 640, height: 480, channels: 3, background: '#c33' } }).png().toBuffer());
    await page.getByTestId('award-file').setInputFiles([order, photo]);
    await expect.poll(() => page.getByTestId('award-files').locator('li').count()).toBe(2);
    await app.screenshot('honors-08-award-files');

    // Reopened: both are there; the photo attached by mistake is removed, the order stays.
    await goto('#/honors');
    await page.getByTestId('award-search').waitFor();
    await goto(awardHash);
    await expect.poll(() => page.getByTestId('award-files').textContent()).toMatch(/东战政〔2026〕12号\.pdf.*立功合影\.png/);
    await page.getByTestId('award-files').getByRole('button', { name: '移除附件：立功合影.png' }).click();
    await expect.poll(() => page.getByTestId('award-files').locator('li').count()).toBe(1);
    await goto('#/honors');
    await page.getByTestId('award-search').waitFor();
    await goto(awardHash);
    await expect.poll(() => page.getByTestId('award-files').textContent()).toMatch(/^东战政〔2026〕12号\.pdf×$/);
  });

  it('the delivered letter has left the home page’s due list', async () => {
    await goto('#/home');
    await page.getByTestId('home-due-none').waitFor();
    expect(await page.getByTestId(`home-letter-${letterId}`).count()).toBe(0);
    await goto('#/honors/letters');
    await page.getByTestId(`letter-row-${letterId}`).waitFor();
    await app.screenshot('honors-05-letters');
  });

  it('registers an honorary title to a unit with its division, saved and shown again when reopened', async () => {
    await goto('#/honors/awards/new');
    await page.getByTestId('award-form').waitFor();
    await page.getByTestId('award-kind').selectOption('unit');
    await page.getByTestId('award-class').selectOption({ label: '荣誉称号' });
    await page.getByTestId('award-name').fill('惠民县人民武装部');
    await page.getByTestId('award-unitType').fill('双拥模范单位');
    await page.getByTestId('award-division').fill('惠民');
    await page.getByRole('option', { name: /惠民县/ }).first().click();
    await expect.poll(() => page.getByTestId('award-division').inputValue()).toMatch(/滨州市 惠民县$/);
    await page.getByTestId('award-authority').fill('山东省双拥工作领导小组');
    await page.getByTestId('award-awardDate').fill('2025-07-01');
    await app.screenshot('honors-07-unit-award');
    await page.getByTestId('award-save').click();
    await expect.poll(hash).toMatch(/^#\/honors\/awards\/\d+$/);
    await expect.poll(() => page.getByTestId('award-notice').textContent()).toMatch(/已保存：惠民县人民武装部/);
    const unitAward = await hash();

    // Reopened from the register: the unit, its type and its division as saved.
    await goto('#/honors');
    await page.getByTestId('award-search').waitFor();
    await goto(unitAward);
    await expect.poll(() => page.getByTestId('award-division').inputValue()).toMatch(/滨州市 惠民县$/);
    expect(await page.getByTestId('award-kind').inputValue()).toBe('unit');
    expect(await page.getByTestId('award-unitType').inputValue()).toBe('双拥模范单位');
  });

  it('the administrator changes who must deliver a third-class merit; the next such letter suggests it', async () => {
    await goto('#/honors/settings');
    await page.getByTestId('holiday-calendar').waitFor();
    // The class table loads after the page: the row whose name field says 三等功.
    const classRow = () =>
      page.evaluate(() => {
        const inputs = Array.from(document.querySelectorAll<HTMLInputElement>('input[data-testid^="class-name-"]'));
        return inputs.find((i) => i.value === '三等功')?.dataset.testid?.replace('class-name-', '') ?? null;
      });
    await expect.poll(classRow).not.toBeNull();
    const rowKey = (await classRow())!;
    const deliverers = '乡镇（街道）武装部部长会同村（社区）党支部书记';
    await page.getByTestId(`class-deliverers-${rowKey}`).fill(deliverers);
    await page.getByTestId(`class-save-${rowKey}`).click();
    await expect.poll(() => page.getByTestId(`class-save-${rowKey}`).count()).toBe(0);

    // Meanwhile a third-class merit arrives, with its letter registered and verified at another desk.
    const award = await api<{ id: number }>('awards.create', { recipient: { kind: 'person', name: '周强', gender: 'male' }, classId: Number(rowKey), authority: '北部战区', orderNo: '北战政〔2026〕30号', awardDate: '2026-11-02' });
    const letter = await api<{ id: number }>('letters.create', { awardId: award.id, receivedOn: today(), familyName: '周大海', familyRelation: '父亲', familyAddress: '山东省惠民县何坊街道周家村3号' });
    await api('letters.register', { id: letter.id });
    await api('letters.verify', { id: letter.id });
    await goto(`#/honors/letters/${letter.id}`);
    await page.getByTestId('letter-action-deliver').click();
    await expect.poll(() => page.getByTestId('letter-deliveredBy').inputValue()).toBe(deliverers);
    await page.keyboard.press('Escape');
  });

  it('the administrator marks a holiday in the office calendar beside the class settings', async () => {
    await goto('#/honors/settings');
    await page.getByTestId('holiday-calendar').waitFor();
    expect(await page.getByTestId('class-days-4').inputValue()).toBe('7');
    await page.getByTestId('calendar-from').fill('2026-12-31');
    await page.getByTestId('calendar-to').fill('2027-01-01');
    await page.getByTestId('calendar-apply').click();
    await expect.poll(() => page.getByText(/已更新 2 天/).count()).toBe(1);
    await app.screenshot('honors-06-settings');
    expect(app.foreignRequests).toEqual([]);
  });
});
