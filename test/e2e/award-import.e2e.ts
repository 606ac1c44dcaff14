/**
 * The award list the army sends each year (JOURNEYS.md §3), imported through the shared import
 * screen: one row names a class the office does not have — nothing is written, the rejected rows
 * with their reasons download as an xlsx — the clerk fixes the class in that file, imports it with
 * the good rows, and the register lists all three, with the letter of the row that had a receipt date.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { createAdministrator, launchForSuite, launchKind, type LaunchedApp } from './launch';
import { gotoHash } from './ui';
import { readBook } from './workbooks';

const ADMIN = { username: 'admin', displayName: '王建国', password: 'Guangrong#2026' };

let app: LaunchedApp;
let page: Page;
const scratch = mkdtempSync(join(tmpdir(), 'guangrong-award-import-'));
const goto = (hash: string) => gotoHash(page, hash);

const HEADER = ['序号', '姓名', '身份证号', '部队/单位', '入伍时间', '奖励类别', '批准机关', '文号', '批准时间', '家庭住址', '接收日期'];
const good = [
  ['刘海洋', '', '东部战区某旅三连', '2021-09-10', '三等功', '东部战区', '东战政〔2026〕21号', '2026-10-08', '惠民县胡集镇李家村5号', '2026-11-20'],
  ['陈志远', '', '北部战区某旅一连', '2020-09-05', '二等功', '北部战区', '北战政〔2026〕9号', '2026-09-30', '', ''],
];
const badRow = ['孙卫东', '', '某部卫生队', '2019-09-01', '五等功', '某旅', '', '2026-10-01', '', ''];

async function writeBook(name: string, rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['2026年度立功受奖人员名单']);
  ws.mergeCells(1, 1, 1, HEADER.length);
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  const file = join(scratch, name);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

async function importFile(file: string) {
  await goto('#/honors');
  await page.getByTestId('awards-import').click();
  await page.getByTestId('award-import').waitFor();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-header-row').waitFor();
}

describe.skipIf(!launchKind())('importing an award list', () => {
  launchForSuite(scratch, (launched) => {
    app = launched;
    page = launched.page;
  });

  it('one row of an unknown class: nothing written, the rows with their reasons download as xlsx; fixed, all three import', async () => {
    await createAdministrator(page, ADMIN);
    await importFile(await writeBook('名单.xlsx', [...good.map((r, i) => [String(i + 1), ...r]), ['3', ...badRow]]));
    expect(await page.getByTestId('import-header-row').getAttribute('data-row')).toBe('2');
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-rejected').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('import-problems').textContent()).toMatch(/第 5 行.*五等功/);
    await app.screenshot('award-import-01-rejected');

    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-download-errors').click()]);
    const errors = join(scratch, dl.suggestedFilename());
    await dl.saveAs(errors);
    const rows = await readBook(errors);
    expect(rows[0]).toContain('错误原因');
    const bad = rows.find((r) => r.includes('孙卫东'))!;
    expect(bad.join(' ')).toMatch(/没有奖励类别“五等功”/);
    expect(rows.some((r) => r.includes('刘海洋'))).toBe(false);

    // Nothing of the file was written: the register is still empty, and no letter is due.
    await goto('#/honors');
    await expect.poll(() => page.getByTestId('award-count').textContent()).toMatch(/共 0 条/);

    // The clerk corrects the class in the error file and puts the row back with the good ones.
    const reasonAt = rows[0]!.indexOf('错误原因');
    const fixed = bad.map((c) => (c === '五等功' ? '三等功' : c)).filter((_c, i) => i !== reasonAt);
    await importFile(await writeBook('名单-改.xlsx', [...good.map((r, i) => [String(i + 1), ...r]), fixed]));
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-done').getAttribute('data-count')).toBe('3');
    await app.screenshot('award-import-02-done');

    await page.getByTestId('import-show').click();
    await expect.poll(() => page.getByTestId('award-count').textContent()).toMatch(/共 3 条/);
    const names = await page.locator('[data-testid^="award-row-"] [data-testid="award-recipient"]').allTextContents();
    expect(names.sort()).toEqual(['刘海洋', '孙卫东', '陈志远'].sort());
    // The row with a receipt date came with its good-news letter, due on the home page.
    await goto('#/home');
    await expect.poll(() => page.getByTestId('home-due-letters').textContent()).toMatch(/刘海洋/);
    expect(app.foreignRequests).toEqual([]);
  });
});
