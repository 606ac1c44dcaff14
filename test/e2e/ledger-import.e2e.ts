/**
 * The plaque ledger everyone already has (JOURNEYS.md §2 and §4): a clerk loads the county's
 * villages, imports the 光荣牌悬挂登记表 with one bad row — nothing is written, the rows with
 * their reasons download as an xlsx — fixes the row in that file, imports it with the good ones,
 * and sees the households in the village's ledger.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { createAdministrator, launchForSuite, launchKind, type LaunchedApp } from './launch';
import { gotoHash, loadVillagesOf } from './ui';
import { readBook } from './workbooks';

const ADMIN = { username: 'admin', displayName: '王建国', password: 'Guangrong#2026' };

let app: LaunchedApp;
let page: Page;
const scratch = mkdtempSync(join(tmpdir(), 'guangrong-ledger-'));
const goto = (hash: string) => gotoHash(page, hash);

const HEADER = ['序号', '户主姓名', '身份证号', '住址', '乡镇', '村', '优待对象类别', '光荣牌编号', '悬挂时间', '状态', '备注'];
const good = [
  ['刘振华', '', '御史联村12号', '石庙镇', '御史联村', '烈士遗属', 'SM-0001', '2024-01-20', '已悬挂', ''],
  ['高秀兰', '', '御史联村30号', '石庙镇', '御史联村', '现役军人家庭', 'SM-0002', '', '已发放', ''],
];
const badRow = ['马长青', '', '御史联村41号', '石庙镇', '御史村', '退役军人家庭', 'SM-0003', '2024-01-21', '已悬挂', ''];

async function writeBook(name: string, header: string[], rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('登记表');
  ws.addRow(['石庙镇光荣牌悬挂登记表']);
  ws.mergeCells(1, 1, 1, header.length);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  const file = join(scratch, name);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

async function importFile(file: string) {
  await goto('#/plaques');
  await page.getByTestId('plaques-import').click();
  await page.getByTestId('plaque-import').waitFor();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-header-row').waitFor();
}

describe.skipIf(!launchKind())('importing the plaque ledger', () => {
  launchForSuite(scratch, (launched) => {
    app = launched;
    page = launched.page;
  });

  it('loads the villages of 惠民县', async () => {
    await createAdministrator(page, ADMIN);
    await loadVillagesOf(page, '惠民县');
  });

  it('one bad row: nothing written, the rows with their reasons download as xlsx', async () => {
    await importFile(await writeBook('登记表.xlsx', HEADER, [...good.map((r, i) => [String(i + 1), ...r]), ['3', ...badRow]]));
    expect(await page.getByTestId('import-header-row').getAttribute('data-row')).toBe('2');
    expect(await page.getByTestId('import-map-1').inputValue()).toBe('headName');
    await app.screenshot('ledger-import-01-preview');
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-rejected').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('import-problems').textContent()).toMatch(/第 5 行.*御史村/);
    await app.screenshot('ledger-import-02-rejected');

    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-download-errors').click()]);
    const errors = join(scratch, dl.suggestedFilename());
    await dl.saveAs(errors);
    const rows = await readBook(errors);
    expect(rows[0]).toContain('错误原因');
    const bad = rows.find((r) => r.includes('马长青'))!;
    expect(bad.join(' ')).toMatch(/没有村（社区）“御史村”/);
    expect(rows.some((r) => r.includes('刘振华'))).toBe(false);

    await goto('#/plaques');
    await page.getByTestId('plaques-division').fill('御史联村');
    await page.getByRole('option', { name: /御史联村/ }).first().click();
    await expect.poll(() => page.getByTestId('ledger-count').textContent()).toMatch(/共 0 户/);

    // The clerk fixes the village in the error file and adds it to the good rows.
    const reasonAt = rows[0]!.indexOf('错误原因');
    const fixed = bad.map((c) => (c === '御史村' ? '御史联村' : c)).filter((_c, i) => i !== reasonAt);
    await importFile(await writeBook('登记表-改.xlsx', HEADER, [...good.map((r, i) => [String(i + 1), ...r]), fixed]));
    // The rejected import saved no mapping (only a successful one is remembered): detected again.
    expect(await page.getByTestId('import-mapping-source').getAttribute('data-source')).toBe('detected');
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-done').textContent()).toMatch(/已导入 3 条/);
    await app.screenshot('ledger-import-03-done');
  });

  it('the households are in the village’s ledger with their plaques', async () => {
    await page.getByTestId('import-show').click();
    await page.getByTestId('plaques-division').fill('御史联村');
    await page.getByRole('option', { name: /御史联村/ }).first().click();
    await expect.poll(() => page.getByTestId('ledger-count').textContent()).toMatch(/共 3 户/);
    const ledger = page.getByTestId('ledger');
    await expect.poll(() => ledger.textContent()).toMatch(/刘振华/);
    expect(await ledger.textContent()).toMatch(/SM-0003/);
    await app.screenshot('ledger-import-04-ledger');
  });
});
