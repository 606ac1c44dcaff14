/**
 * The whole roll in the list (issue “The martyrs' roll”): 230,000 records, more than fit one to one
 * in the list's scroll space (8 M px = 222,222 rows of 36 px), so the space is scaled. With the
 * keyboard only: End shows the last record in stroke order (sought, not paged to), Enter opens it
 * and Esc comes back to the same place, Home shows the first; the scrollbar dragged to the middle
 * shows the middle; the wheel moves the rows one to one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { electronBinary, launchApp, launchKind, type LaunchedApp } from './launch';

const ADMIN = { username: 'admin', password: 'Guangrong#2026' };
const ROLL = 230_000;
const root = resolve(import.meta.dirname, '../..');

let app: LaunchedApp;
let page: Page;
let seeded: { total: number; first: number; last: number };

/** The roll written by test/e2e/seedRoll.ts, run by the runtime the app's better-sqlite3 is built for. */
function seedRoll(dataDir: string): { total: number; first: number; last: number } {
  const electron = launchKind() === 'electron';
  const runtime = electron ? electronBinary()! : process.execPath;
  const out = execFileSync(runtime, ['--import', 'tsx', join(root, 'test/e2e/seedRoll.ts'), dataDir, String(ROLL), ADMIN.username, ADMIN.password], {
    cwd: root,
    env: { ...process.env, ...(electron ? { ELECTRON_RUN_AS_NODE: '1' } : {}) },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as { total: number; first: number; last: number };
}

const grid = () => page.getByTestId('martyr-list');
const row = (id: number) => page.getByTestId(`martyr-row-${id}`);
/** The data-index of the rows on screen (under the header). */
const shownIndexes = () =>
  page.evaluate(() => {
    const el = document.querySelector('[data-testid="martyr-list"]')!;
    const box = el.getBoundingClientRect();
    return [...el.querySelectorAll('[role="row"][data-index]')]
      .filter((r) => {
        const b = r.getBoundingClientRect();
        return b.top >= box.top + 36 - 1 && b.bottom <= box.bottom + 1;
      })
      .map((r) => Number(r.getAttribute('data-index')));
  });

describe.skipIf(!launchKind())('the martyrs’ roll list holds the whole roll', () => {
  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'guangrong-e2e-roll-'));
    seeded = seedRoll(dataDir);
    app = await launchApp({ dataDir });
    page = app.page;
    await page.getByTestId('login-username').fill(ADMIN.username);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-password').press('Enter');
    await page.getByTestId('nav-martyrs').waitFor();
    await page.evaluate(() => (window.location.hash = '#/martyrs'));
  }, 600_000);
  afterAll(async () => {
    await app?.close();
  });

  it('the count says 10,000+ and the list spans every record, in a scaled scroll space', async () => {
    await expect.poll(() => page.getByTestId('martyr-count').textContent()).toMatch(/10,000\+ 条/);
    await expect.poll(() => grid().getAttribute('aria-rowcount')).toBe(String(seeded.total));
    expect(await grid().getAttribute('data-scaled')).toBe('true');
    const height = await grid().evaluate((el) => el.scrollHeight);
    expect(height).toBeLessThanOrEqual(8_000_000 + 36);
  });

  it('End shows the last record in stroke order, Enter opens it, Esc comes back to it', async () => {
    await grid().focus();
    await page.keyboard.press('End');
    await expect.poll(() => row(seeded.last).getAttribute('aria-selected'), { timeout: 20_000 }).toBe('true');
    expect(await row(seeded.last).getAttribute('data-index')).toBe(String(seeded.total - 1));
    expect(await row(seeded.last).locator('[role="gridcell"]').first().textContent()).toBe('爨宝山');
    expect(await shownIndexes()).toContain(seeded.total - 1);
    await app.screenshot('martyrs-list-01-end');

    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/martyrs/${seeded.last}`);
    await expect.poll(() => page.getByTestId('field-name').inputValue()).toBe('爨宝山');
    await page.keyboard.press('Escape');
    await expect.poll(() => row(seeded.last).getAttribute('aria-selected'), { timeout: 20_000 }).toBe('true');
    expect(await shownIndexes()).toContain(seeded.total - 1);
  });

  it('PageUp and the arrows move from there; Home shows the first record', async () => {
    await grid().focus();
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowUp');
    const selected = page.locator('[data-testid="martyr-list"] [aria-selected="true"]');
    await expect.poll(async () => Number(await selected.getAttribute('data-index'))).toBeLessThan(seeded.total - 5);
    await page.keyboard.press('Home');
    await expect.poll(() => row(seeded.first).getAttribute('aria-selected'), { timeout: 20_000 }).toBe('true');
    expect(await row(seeded.first).getAttribute('data-index')).toBe('0');
    expect(await row(seeded.first).locator('[role="gridcell"]').first().textContent()).toBe('乙德明');
    await app.screenshot('martyrs-list-02-home');
  });

  it('the scrollbar dragged to the middle shows the middle; the wheel then moves the rows one to one', async () => {
    await grid().evaluate((el) => (el.scrollTop = (el.scrollHeight - el.clientHeight) / 2));
    await expect.poll(async () => (await shownIndexes()).length, { timeout: 20_000 }).toBeGreaterThan(5);
    const middle = (await shownIndexes())[0]!;
    expect(Math.abs(middle - seeded.total / 2)).toBeLessThan(50);
    const box = (await grid().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 36 * 10);
    await expect.poll(async () => (await shownIndexes())[0]).toBe(middle + 10);
  });
});
