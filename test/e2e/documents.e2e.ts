/**
 * Printing good-news letters (issue 5): the clerk ticks two awards in the register and prints
 * their letters; the job's progress shows, the preview opens on the real PDF (pdf.js draws it),
 * pages turn and zoom, and the document is in the issued-documents register.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createAdministrator, launchForSuite, launchKind, type LaunchedApp } from './launch';

const ADMIN = { username: 'admin', displayName: '王建国', password: 'Guangrong#2026' };

let app: LaunchedApp;
let page: Page;
const scratch = mkdtempSync(join(tmpdir(), 'guangrong-documents-'));
const goto = (hash: string) => page.evaluate((h) => (window.location.hash = h), hash);
const hash = () => page.evaluate(() => window.location.hash);

/** A backend call from inside the page (the preload's bridge in Electron, the web host in Chromium). */
function api<T>(method: string, input: unknown): Promise<{ ok: boolean; value: T }> {
  return page.evaluate(
    async ([m, i]) => {
      const bridge = (window as unknown as { guangrong?: { call(method: string, input: unknown): Promise<{ ok: boolean; value: T }> } }).guangrong;
      if (bridge) return bridge.call(m, i);
      const token = sessionStorage.getItem('guangrong.webHostToken') ?? '';
      const response = await fetch(`/api/${encodeURIComponent(m)}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-guangrong-token': token }, body: JSON.stringify(i), credentials: 'same-origin' });
      return (await response.json()) as { ok: boolean; value: T };
    },
    [method, input] as const,
  );
}

describe.skipIf(!launchKind())('printing good-news letters', () => {
  launchForSuite(scratch, (launched) => {
    app = launched;
    page = launched.page;
  });

  const awardIds: number[] = [];

  it('sets the issuing authority in the settings and registers two awards with their letters', async () => {
    await createAdministrator(page, ADMIN);
    // The administrator sets who signs the letters, in the settings page.
    await goto('#/admin/settings');
    await page.getByTestId('settings-issuing-authority').fill('惠民县退役军人事务局');
    await page.getByTestId('document-settings-save').click();
    await page.getByTestId('document-settings-saved').waitFor();
    const classes = await api<{ id: number; name: string }[]>('awardClasses.list', {});
    const second = classes.value.find((c) => c.name === '二等功')!.id;
    for (const [name, family] of [['李明', '李建国'], ['王秀英', '王大山']] as const) {
      const award = await api<{ id: number }>('awards.create', { recipient: { kind: 'person', name, gender: 'male' }, classId: second, authority: '东部战区', orderNo: '东战政〔2026〕12号', awardDate: '2026-10-08', citation: '在演习中表现突出', soldierUnit: '某旅某连' });
      expect(award.ok).toBe(true);
      awardIds.push(award.value.id);
      expect((await api('letters.create', { awardId: award.value.id, receivedOn: '2026-11-23', familyName: family, familyRelation: '父亲', familyAddress: '惠民县胡集镇李家村12号' })).ok).toBe(true);
    }
  });

  it('ticks both awards, prints their letters, and lands on the preview of the real PDF', async () => {
    await goto('#/honors');
    for (const id of awardIds) await page.getByTestId(`award-choose-${id}`).check();
    expect(await page.getByTestId('print-letters').textContent()).toMatch(/打印喜报（2）/);
    await page.getByTestId('print-letters').click();
    await page.getByTestId('print-dialog').waitFor();
    await page.getByTestId('print-start').click();
    await expect.poll(hash, { timeout: 30_000 }).toMatch(/^#\/documents\/\d+$/);
    await page.locator('[data-testid="document-canvas"][data-ready="yes"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('document-serial').textContent()).toMatch(/喜报 XB\d{4}-000001/);
    expect(await page.getByTestId('document-page').textContent()).toBe('第 1 页 共 2 页');
    // pdf.js drew something on the page: not a blank canvas.
    const inked = await page.getByTestId('document-canvas').evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200) dark++;
      return dark;
    });
    expect(inked).toBeGreaterThan(1000);
    expect(await page.getByTestId('document-save').isEnabled()).toBe(true);
    await app.screenshot('documents-01-letter-preview');
  });

  it('turns the page and zooms', async () => {
    await page.getByTestId('document-next').click();
    await expect.poll(() => page.getByTestId('document-page').textContent()).toBe('第 2 页 共 2 页');
    const before = await page.getByTestId('document-canvas').evaluate((c: HTMLCanvasElement) => c.clientWidth);
    await page.getByTestId('document-zoom-in').click();
    await expect.poll(() => page.getByTestId('document-canvas').evaluate((c: HTMLCanvasElement) => c.clientWidth)).toBeGreaterThan(before);
    expect(await page.getByTestId('document-zoom').textContent()).toBe('125%');
  });

  it('prints from the preview: every page at its own paper size to the print dialog', async () => {
    await page.getByTestId('document-print').click();
    const frame = page.locator('iframe[data-testid="document-print-frame"][data-printed="yes"]');
    await frame.waitFor({ state: 'attached', timeout: 30_000 });
    expect(await frame.getAttribute('data-pages')).toBe('2');
    const inside = await frame.evaluate((f: HTMLIFrameElement) => {
      const d = f.contentDocument!;
      return { images: [...d.images].map((i) => ({ loaded: i.complete && i.naturalWidth > 2000, width: i.style.width })), page: d.querySelector('style')!.textContent };
    });
    // Two A4 pages drawn at 300 dpi (2480 px wide), laid out 210 mm wide on a 210 × 297 mm page without margins.
    expect(inside.images).toEqual([{ loaded: true, width: '210mm' }, { loaded: true, width: '210mm' }]);
    expect(inside.page).toMatch(/@page \{ size: 210\.0\dmm 297\.0\dmm; margin: 0 \}/);
    expect(await page.getByTestId('document-print-progress').count()).toBe(0);
  });

  it('lists the document in the issued-documents register', async () => {
    await page.getByTestId('document-back').click();
    await expect.poll(() => page.getByTestId('document-count').textContent()).toMatch(/共 1 份/);
    const row = page.locator('[data-testid^="document-row-"]').first();
    expect(await row.textContent()).toMatch(/XB\d{4}-000001.*李明、王秀英.*2/);
    await app.screenshot('documents-02-register');
  });

  it('prints them again one file per record, and saves the ZIP of one PDF per letter from the preview', async () => {
    await goto('#/honors');
    for (const id of awardIds) await page.getByTestId(`award-choose-${id}`).check();
    await page.getByTestId('print-letters').click();
    await page.getByTestId('print-per-record').check();
    await page.getByTestId('print-start').click();
    await expect.poll(hash, { timeout: 30_000 }).toMatch(/^#\/documents\/\d+$/);
    await page.locator('[data-testid="document-canvas"][data-ready="yes"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('document-save-per-record').textContent()).toMatch(/2 个 PDF/);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('document-save-per-record').click()]);
    expect(dl.suggestedFilename()).toMatch(/^XB\d{4}-000002-单份\.zip$/);
    const saved = join(scratch, 'letters.zip');
    await dl.saveAs(saved);
    const names = Object.keys(unzipSync(new Uint8Array(readFileSync(saved)))).sort();
    expect(names).toEqual([expect.stringMatching(/^XB\d{4}-000002-001 李明\.pdf$/), expect.stringMatching(/^XB\d{4}-000002-002 王秀英\.pdf$/)]);
  });

  it('prints the letters list on screen as a table with the columns chosen, and the preview opens on it', async () => {
    await goto('#/honors/letters?due=open');
    await expect.poll(() => page.getByTestId('letter-count').textContent()).toMatch(/2/);
    await page.getByTestId('print-list').click();
    await page.getByTestId('print-dialog').waitFor();
    // The defaults, less the deliverers, plus the relation.
    await page.getByTestId('print-list-column-deliverers').locator('input').uncheck();
    await page.getByTestId('print-list-column-relation').locator('input').check();
    await app.screenshot('documents-04-list-columns');
    await page.getByTestId('print-start').click();
    await expect.poll(hash, { timeout: 30_000 }).toMatch(/^#\/documents\/\d+$/);
    await page.locator('[data-testid="document-canvas"][data-ready="yes"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('document-serial').textContent()).toMatch(/LB\d{4}-000001/);
    const documents = await api<{ rows: { kind: string; names: string; records: number }[] }>('documents.list', { kind: 'list' });
    expect(documents.value.rows[0]).toMatchObject({ kind: 'list', records: 2, names: expect.stringMatching(/^(李明、王秀英|王秀英、李明)$/) });
    // The choice is remembered for this list.
    expect(await page.evaluate(() => localStorage.getItem('guangrong.printList.letters'))).toBe(JSON.stringify(['recipient', 'family', 'relation', 'address', 'receivedOn', 'dueOn', 'status']));
  });
});
