/**
 * Printing the plaque ledger (issue 5): on the ledger page with a village chosen and the view
 * "已悬挂", 打印登记表 prints that village's ledger as a job; the preview opens on the real PDF,
 * and the document is in the issued-documents register.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createAdministrator, launchForSuite, launchKind } from './launch';
import { gotoHash, loadVillagesOf, pickDivisionIn } from './ui';

const ADMIN = { username: 'admin', displayName: '王建国', password: 'Guangrong#2026' };
const VILLAGE = '御史联村';

let page: Page;
const scratch = mkdtempSync(join(tmpdir(), 'guangrong-documents-ledger-'));
const hash = () => page.evaluate(() => window.location.hash);

/** A backend call from inside the page (the preload's bridge in Electron, the web host in Chromium). */
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

type HouseholdView = { id: number; plaque: { id: number; version: number } | null };

describe.skipIf(!launchKind())('printing the plaque ledger', () => {
  launchForSuite(scratch, (launched) => {
    page = launched.page;
  });

  it('registers two households of a village, one plaque hung', async () => {
    await createAdministrator(page, ADMIN);
    await loadVillagesOf(page, '惠民县');
    await api('settings.update', { issuingAuthority: '惠民县退役军人事务局' });
    const found = await api<{ code: string; name: string; level: number }[]>('divisions.search', { query: VILLAGE });
    const village = found.find((d) => d.level === 5 && d.name.includes(VILLAGE));
    if (!village) throw new Error(`no village ${VILLAGE}: ${JSON.stringify(found)}`);
    for (const [i, name] of ['张光明', '李秀兰'].entries()) {
      const head = await api<{ id: number }>('people.create', { name, gender: 'male' });
      const h = await api<{ id: number }>('households.create', { headPersonId: head.id, divisionCode: village.code, addressText: `东街${i + 1}号`, registrationNo: `HK${i}` });
      await api('households.addQualification', { householdId: h.id, personId: head.id, category: 'veteran', basis: 'certificate', certificateNo: `证${i}` });
      let now = await api<HouseholdView>('plaques.make', { householdId: h.id });
      now = await api<HouseholdView>('plaques.issue', { id: now.plaque!.id, expectedVersion: now.plaque!.version, date: '2026-07-15' });
      if (i === 0) await api('plaques.hang', { id: now.plaque!.id, expectedVersion: now.plaque!.version, date: '2026-07-20', place: '大门上方' });
    }
  });

  it('prints the village ledger of the view 已悬挂 from the ledger page and lands on its preview', async () => {
    await gotoHash(page, '#/plaques');
    expect(await page.getByTestId('print-ledger').isDisabled()).toBe(true);
    await pickDivisionIn(page, 'plaques-division', VILLAGE);
    await expect.poll(() => page.getByTestId('ledger-count').textContent()).toMatch(/共 2 户/);
    await page.getByTestId('ledger-view-hung').click();
    await expect.poll(() => page.getByTestId('ledger-count').textContent()).toMatch(/共 1 户/);
    await page.getByTestId('print-ledger').click();
    await page.getByTestId('print-dialog').waitFor();
    await expect.poll(hash, { timeout: 30_000 }).toMatch(/^#\/documents\/\d+$/);
    await page.locator('[data-testid="document-canvas"][data-ready="yes"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('document-serial').textContent()).toMatch(/^光荣牌悬挂登记表（御史联村.*，已悬挂） DJ\d{4}-000001$/);
    expect(await page.getByTestId('document-page').textContent()).toBe('第 1 页 共 1 页');
    const inked = await page.getByTestId('document-canvas').evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200) dark++;
      return dark;
    });
    expect(inked).toBeGreaterThan(1000);
    // A landscape page: wider than high.
    const [w, h] = await page.getByTestId('document-canvas').evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
    expect(w!).toBeGreaterThan(h!);
    await page.getByTestId('document-back').click();
    await expect.poll(() => page.locator('[data-testid^="document-row-"]').first().textContent()).toMatch(/DJ\d{4}-000001.*张光明/);
  });

  it('prints 张光明’s issuance slip on a pre-printed slip through the slip’s printer profile', async () => {
    await api('settings.update', { printerProfiles: { letter: {}, slip: { 回执针式: { x: 3, y: -2, scale: 1 } } } });
    await gotoHash(page, '#/plaques');
    await pickDivisionIn(page, 'plaques-division', VILLAGE);
    await page.getByTestId('ledger').getByRole('row').filter({ hasText: '张光明' }).click();
    await page.getByTestId('household-panel').filter({ hasText: '张光明' }).waitFor();
    await page.getByTestId('print-slip').click();
    await page.getByTestId('print-dialog').waitFor();
    expect(await page.getByTestId('print-dialog').textContent()).toContain('预印的回执');
    await page.getByTestId('print-fields-only').click();
    await page.getByRole('combobox', { name: '打印机校准' }).click();
    await page.getByRole('option', { name: '回执针式' }).click();
    await page.getByTestId('print-start').click();
    await expect.poll(hash, { timeout: 30_000 }).toMatch(/^#\/documents\/\d+$/);
    await page.locator('[data-testid="document-canvas"][data-ready="yes"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('document-serial').textContent()).toMatch(/^光荣牌发放回执（张光明，.*） HZ\d{4}-000001$/);
    const id = Number((await hash()).split('/').pop());
    const doc = await api<{ pages: number; serial: string }>('documents.get', { id });
    expect(doc.pages).toBe(1);

    // The family lost it: 补印 from the preview, a new serial naming the original, same profile.
    await page.getByTestId('document-reprint').click();
    await expect.poll(hash, { timeout: 30_000 }).not.toBe(`#/documents/${id}`);
    await page.locator('[data-testid="document-canvas"][data-ready="yes"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('document-serial').textContent()).toMatch(/HZ\d{4}-000002$/);
    await page.getByText(`补印（原 ${doc.serial}）`).waitFor();
    const again = await api<{ reprintOf: { serial: string } | null }>('documents.get', { id: Number((await hash()).split('/').pop()) });
    expect(again.reprintOf?.serial).toBe(doc.serial);
  });
});

