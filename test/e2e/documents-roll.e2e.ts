/**
 * The roll of honour and the printer profiles from the UI (issue 5): the roll dialog on the
 * documents page offers only verified records unless told otherwise, keeps the office's edited
 * preface for the next print, and lands on the preview of the book; the administrator adds a
 * printer profile of the letter template and prints its calibration page.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createAdministrator, launchForSuite, launchKind, type LaunchedApp } from './launch';
import { gotoHash } from './ui';

const ADMIN = { username: 'admin', displayName: '王建国', password: 'Guangrong#2026' };
const PREFACE = '谨以此书，纪念为民族独立和人民解放献出生命的惠民英烈。';

let page: Page;
let app: LaunchedApp;
const scratch = mkdtempSync(join(tmpdir(), 'guangrong-documents-roll-'));
const hash = () => page.evaluate(() => window.location.hash);

async function api<T>(method: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([m, i]) => {
      const bridge = (window as unknown as { guangrong?: { call(method: string, input: unknown): Promise<unknown> } }).guangrong;
      if (bridge) return bridge.call(m, i);
      const token = sessionStorage.getItem('guangrong.webHostToken') ?? '';
      const response = await fetch(`/api/${encodeURIComponent(m)}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-guangrong-token': token }, body: JSON.stringify(i), credentials: 'same-origin' });
      return response.json();
    },
    [method, input] as const,
  );
  const r = result as { ok: boolean; value: T; error?: unknown };
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value;
}

async function previewReady(): Promise<void> {
  await expect.poll(hash, { timeout: 60_000 }).toMatch(/^#\/documents\/\d+$/);
  await page.locator('[data-testid="document-canvas"][data-ready="yes"]').waitFor({ timeout: 60_000 });
}

describe.skipIf(!launchKind())('the roll of honour and the printer profiles', () => {
  launchForSuite(scratch, (launched) => {
    page = launched.page;
    app = launched;
  });

  it('keys three records in, two of them verified', async () => {
    await createAdministrator(page, ADMIN);
    await api('settings.update', { issuingAuthority: '惠民县退役军人事务局', officeName: '惠民县退役军人事务局' });
    const records = [
      { name: '张德胜', birthDate: '1920年', deathDate: '1940年5月', nativePlaceText: '山东省惠民县', unitAndPost: '八路军山东纵队战士', deathPlaceText: '山东省阳信县' },
      { name: '李青山', birthDate: '1925年', deathDate: '1947年3月', nativePlaceText: '山东省惠民县', unitAndPost: '华东野战军某部排长', deathPlaceText: '山东省莱芜县' },
      { name: '王小二', birthDate: '1930年', deathDate: '1951年春', nativePlaceText: '山东省惠民县', unitAndPost: '中国人民志愿军战士', deathPlaceText: '朝鲜' },
    ];
    const ids: number[] = [];
    for (const r of records) ids.push((await api<{ id: number }>('martyrs.create', r)).id);
    await api('martyrs.submit', { ids: ids.slice(0, 2) });
    await api('martyrs.verify', { ids: ids.slice(0, 2) });
  });

  it('the dialog counts verified records only, until told otherwise; the edited preface is printed and kept', async () => {
    await gotoHash(page, '#/documents');
    await page.getByTestId('print-roll').click();
    await page.getByTestId('roll-dialog').waitFor();
    const counted = () => page.getByTestId('roll-sections').textContent();
    await expect.poll(counted).toMatch(/\d/);
    const verifiedOnly = (await counted()) ?? '';
    const total = (text: string) => [...text.matchAll(/(\d+)\s*名/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(total(verifiedOnly)).toBe(2);
    await page.getByTestId('roll-include-unverified').check();
    await expect.poll(async () => total((await counted()) ?? '')).toBe(3);
    await page.getByTestId('roll-include-unverified').uncheck();
    await expect.poll(async () => total((await counted()) ?? '')).toBe(2);
    await page.getByTestId('roll-preface').fill(PREFACE);
    await app.screenshot('documents-03-roll-dialog');
    await page.getByTestId('roll-print').click();
    await previewReady();
    expect(await page.getByTestId('document-serial').textContent()).toMatch(/英名录/);
    const pages = Number(/共 (\d+) 页/.exec((await page.getByTestId('document-page').textContent()) ?? '')?.[1]);
    expect(pages).toBeGreaterThanOrEqual(4); // cover, preface, contents, a section
    const settings = await api<{ rollPreface: string }>('settings.get', {});
    expect(settings.rollPreface).toBe(PREFACE);
    // The next print opens with the office's preface.
    await gotoHash(page, '#/documents');
    await page.getByTestId('print-roll').click();
    await expect.poll(() => page.getByTestId('roll-preface').inputValue()).toBe(PREFACE);
    await page.getByRole('button', { name: '取消' }).click();
  });

  it('the administrator adds a printer profile of the letter and prints its calibration page', async () => {
    await gotoHash(page, '#/admin/settings');
    await page.getByTestId('printer-profiles').waitFor();
    await page.getByTestId('profile-letter-add').click();
    await page.getByTestId('profile-letter-0-name').fill('办公室激光');
    await page.getByTestId('profile-letter-0-x').fill('1.5');
    await page.getByTestId('profile-letter-0-y').fill('-0.5');
    await page.getByTestId('printer-profiles-save').click();
    await expect.poll(async () => (await api<{ printerProfiles: { letter: Record<string, unknown> } }>('settings.get', {})).printerProfiles.letter).toEqual({ 办公室激光: { x: 1.5, y: -0.5, scale: 1 } });
    // A bad offset is explained and cannot be saved.
    await page.getByTestId('profile-letter-0-x').fill('45');
    expect(await page.getByTestId('printer-profiles').textContent()).toContain('±30 毫米');
    expect(await page.getByTestId('printer-profiles-save').isDisabled()).toBe(true);
    await page.getByTestId('profile-letter-0-x').fill('1.5');
    await page.getByTestId('printer-profiles').getByRole('button', { name: '打印校准页', exact: true }).click();
    await previewReady();
    expect(await page.getByTestId('document-serial').textContent()).toMatch(/校准/);
  });
});
