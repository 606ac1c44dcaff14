/**
 * The spreadsheet everyone already has (JOURNEYS.md §2), then §1's merge: an archivist imports an
 * Excel ledger (a merged title, the header on row 3); one bad row rejects the whole file with the
 * problems by row and nothing written; the error rows download as an xlsx with their reasons; the
 * corrected file imports; the batch is in the roll and exports to Excel. A record keyed in again is
 * saved and merged with the imported one, side by side.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { createAdministrator, launchForSuite, launchKind, type LaunchedApp } from './launch';
import { readBook } from './workbooks';

const ADMIN = { username: 'admin', displayName: '王建国', password: 'Guangrong#2026' };

let app: LaunchedApp;
let page: Page;
const scratch = mkdtempSync(join(tmpdir(), 'guangrong-import-'));

const goto = (hash: string) => page.evaluate((h) => (window.location.hash = h), hash);
const hash = () => page.evaluate(() => window.location.hash);

const good = [
  ['张德胜', '男', '民国九年', '山东省惠民县', '华东野战军第九纵队 排长', '1947年春'],
  ['李秀英', '女', '1923年', '山东省阳信县', '渤海军区卫生部 看护', '1945.5'],
];
const bad = ['Tom', '男', '1920年13月', '河北', '某部', '1947年'];

/** The ledger: a merged title, a note, the header on row 3, the rows, a 合计 row. */
async function ledger(name: string, rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('烈士名录');
  ws.addRow(['惠民县革命烈士英名录（台账）']);
  ws.mergeCells('A1:G1');
  ws.addRow(['填表单位：惠民县民政局']);
  ws.addRow(['序号', '姓 名', '性别', '出生年月', '籍贯', '生前所在单位及职务', '牺牲时间']);
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  ws.addRow(['合计', `${rows.length}人`]);
  const file = join(scratch, name);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

async function download(testId: string): Promise<{ name: string; path: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = join(scratch, `dl-${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(path);
  return { name: dl.suggestedFilename(), path };
}

describe.skipIf(!launchKind())('importing the spreadsheet everyone already has', () => {
  launchForSuite(scratch, (launched) => {
    app = launched;
    page = launched.page;
  });

  it('first start: the administrator signs in', async () => {
    await createAdministrator(page, ADMIN);
    await page.evaluate(() => (window.location.hash = '#/martyrs')); // the landing page is the home page
    await page.getByTestId('martyr-search').waitFor();
  });

  it('previews the ledger: title rows greyed, the header found on row 3, the columns mapped', async () => {
    await page.getByTestId('martyrs-tab-import').click();
    await page.getByTestId('martyr-import').waitFor();
    await page.getByTestId('import-file').setInputFiles(await ledger('台账.xlsx', [...good, bad]));
    await page.getByTestId('import-header-row').waitFor();
    expect(await page.getByTestId('import-header-row').getAttribute('data-row')).toBe('3');
    expect(await page.getByTestId('import-above-row').count()).toBe(2);
    expect(await page.getByTestId('import-map-1').inputValue()).toBe('name');
    expect(await page.getByTestId('import-map-0').inputValue()).toBe('');
    expect(await page.getByTestId('import-mapping-source').getAttribute('data-source')).toBe('detected');
    expect(await page.getByTestId('import-data-row').count()).toBe(3);
    await expect.poll(() => page.getByTestId('import-skipped').textContent()).toMatch(/合计行：第 7 行/);

    // Unmapping the name blocks the import; mapping it again frees it.
    await page.getByTestId('import-map-1').selectOption('');
    await page.getByTestId('import-missing').waitFor();
    expect(await page.getByTestId('import-start').isDisabled()).toBe(true);
    await page.getByTestId('import-map-1').selectOption('name');
    await expect.poll(() => page.getByTestId('import-missing').count()).toBe(0);

    // The batch gets its own source, registered right here.
    await page.getByTestId('import-source').fill('惠民县台账（Excel）');
    await page.getByRole('option', { name: /新建来源“惠民县台账（Excel）”/ }).click();
    await expect.poll(() => page.getByTestId('import-source').inputValue()).toBe('惠民县台账（Excel）');
    await app.screenshot('import-01-preview');
  });

  it('one bad row rejects the file: the problems by row, nothing written, the error rows to download', async () => {
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-rejected').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-rejected').textContent()).toMatch(/没有写入任何记录/);
    const problems = page.getByTestId('import-problems');
    await expect.poll(() => problems.textContent()).toMatch(/第 6 行/);
    expect(await problems.textContent()).toMatch(/姓 名/);
    expect(await problems.textContent()).toMatch(/出生年月/);
    expect(await page.getByText('在错误行文件中修改后重新导入').count()).toBe(1);
    await app.screenshot('import-02-rejected');

    const file = await download('import-download-errors');
    expect(file.name).toMatch(/\.xlsx$/);
    const rows = await readBook(file.path);
    const text = rows.map((r) => r.join(' ')).join('\n');
    expect(text).toContain('Tom');
    expect(text).toContain('1920年13月');
    expect(text).not.toContain('张德胜');
    // The reason is in the row of the bad line.
    const tom = rows.find((r) => r.includes('Tom'))!;
    expect(tom.join(' ')).toMatch(/姓名|日期|月/);

    await goto('#/martyrs');
    await expect.poll(() => page.getByTestId('martyr-count').textContent()).toMatch(/共 0 条/);
  });

  it('the corrected file imports; the batch is in the roll under its source', async () => {
    await goto('#/martyrs/import');
    await page.getByTestId('import-file').setInputFiles(await ledger('台账-改.xlsx', good));
    await page.getByTestId('import-header-row').waitFor();
    await page.getByTestId('import-source').fill('惠民县台账');
    await page.getByRole('option', { name: '惠民县台账（Excel）' }).click();
    await page.getByTestId('import-start').click();
    const done = page.getByTestId('import-done');
    await done.waitFor({ timeout: 30_000 });
    expect(await done.textContent()).toMatch(/已导入 2 条/);
    await app.screenshot('import-03-done');
    await page.getByTestId('import-show').click();
    await expect.poll(hash).toMatch(/#\/martyrs\?source=\d+/);
    await expect.poll(() => page.getByTestId('martyr-count').textContent()).toMatch(/共 2 条/);
  });

  it('exports the roll as it is shown to Excel', async () => {
    await page.getByTestId('martyr-export').click();
    await page.getByTestId('export-dialog').waitFor();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-done').waitFor({ timeout: 30_000 })]);
    const path = join(scratch, dl.suggestedFilename());
    await dl.saveAs(path);
    expect(dl.suggestedFilename()).toMatch(/\.xlsx$/);
    await app.screenshot('import-04-export');
    const rows = await readBook(path);
    const names = rows.slice(1).map((r) => r[1]);
    expect(names.sort()).toEqual(['张德胜', '李秀英'].sort());
    await page.getByTestId('export-close').click();
  });

  it('a record keyed in again is saved, then merged with the imported one side by side', async () => {
    await goto('#/martyrs/new');
    await page.getByTestId('field-name').waitFor();
    await page.getByTestId('field-name').fill('张德胜');
    await page.getByTestId('field-unitAndPost').fill('华东野战军第九纵队二十五师 排长');
    await page.keyboard.press('Control+s');
    await page.getByTestId('duplicate-dialog').waitFor();
    await page.getByTestId('duplicate-merge').click();
    await expect.poll(hash).toMatch(/#\/martyrs\/merge\/\d+\/\d+/);
    const [, keepId, mergeId] = /merge\/(\d+)\/(\d+)/.exec(await hash())!;
    await page.getByTestId('merge-field-unitAndPost').waitFor();
    expect(await page.getByTestId('merge-field-name').getAttribute('data-differs')).toBe('false');
    // The imported one has the birth date: kept by default; the unit differs: keep the newly keyed one.
    expect(await page.getByTestId('merge-field-birthDate').getAttribute('data-choice')).toBe('keep');
    expect(await page.getByTestId('merge-field-unitAndPost').getAttribute('data-choice')).toBe('keep');
    await page.getByTestId('merge-field-unitAndPost-merge').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('merge-field-unitAndPost').getAttribute('data-choice')).toBe('merge');
    expect(await page.getByTestId('merge-provenance').textContent()).toMatch(/惠民县台账（Excel）/);
    // No reason, no merge.
    await page.getByTestId('merge-confirm').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('merge-reason');
    await page.getByTestId('merge-reason').fill('同一人：台账与新录入');
    await app.screenshot('import-05-merge');
    await page.keyboard.press('Control+Enter');
    await expect.poll(hash).toBe(`#/martyrs/${keepId}`);
    await expect.poll(() => page.getByTestId('field-unitAndPost').inputValue()).toBe('华东野战军第九纵队二十五师 排长');
    await page.getByTestId('martyr-history').click();
    await expect.poll(() => page.getByText('合并').count()).toBeGreaterThan(0);
    await app.screenshot('import-06-merged-history');
    expect(mergeId).not.toBe(keepId);
    expect(app.foreignRequests).toEqual([]);
  });
});
