/**
 * Export of the current selection of the roll to xlsx, as a job: the list's own query walked by
 * keyset in pages of 1,000 in the worker, the workbook built in memory (a 100,000-row list is a
 * few MB) and written once through the vault under `<dataDir>/exports/` — sealed in an encrypted
 * installation, so no plain list of names ever touches the disk; `exports.file` gives it plain.
 */
import { PassThrough } from 'node:stream';
import { makeDirectorySync } from '../files/directories';
import { join, normalize } from 'node:path';
import ExcelJS from 'exceljs';
import type { JobContext } from '../jobs/context';
import { listMartyrs } from '../db/martyrSearch';
import { CoreError, notFound } from '../errors';
import type { Vault } from '../crypto/vault';
import { queryFromSearch, type SearchInput } from './search';
import { PERIOD_NAMES_ZH } from '../../../shared/rules/historicalPeriod';
import { keepAsText } from '../files/formulaText';

export const EXPORTS_DIR = 'exports';

const statusNames = { draft: '草稿', submitted: '已提交', verified: '已审核', returned: '已退回' } as const;
const genderNames = { male: '男', female: '女', unknown: '' } as const;

const columns = [
  { header: '序号', width: 8 },
  { header: '姓名', width: 12 },
  { header: '性别', width: 6 },
  { header: '出生日期', width: 14 },
  { header: '籍贯', width: 24 },
  { header: '生前所在单位及职务', width: 32 },
  { header: '牺牲时间', width: 14 },
  { header: '牺牲地点', width: 20 },
  { header: '历史时期', width: 18 },
  { header: '安葬地', width: 20 },
  { header: '烈士证明书编号', width: 18 },
  { header: '状态', width: 8 },
];

export async function exportMartyrsJob(ctx: JobContext, input: SearchInput): Promise<{ file: string; rows: number }> {
  const dir = join(ctx.dataDir, EXPORTS_DIR);
  makeDirectorySync(dir);
  const name = `烈士名录-导出-${ctx.now().slice(0, 10)}-${ctx.jobId}.xlsx`;
  const stream = new PassThrough();
  const parts: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => parts.push(chunk));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('烈士名录', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  const total = listMartyrs(ctx.db, queryFromSearch(input, 1, null), Number.MAX_SAFE_INTEGER - 1).count;
  let after: [string | number, number] | null = null;
  let written = 0;
  ctx.progress(0, total, 'writing');
  for (;;) {
    ctx.throwIfCancelled();
    const page = listMartyrs(ctx.db, queryFromSearch(input, 1000, after), 10_000);
    for (const r of page.rows) {
      written++;
      const row = ws.addRow([written, r.name, genderNames[r.gender], r.birth, r.nativePlace, r.unitAndPost, r.death, r.deathPlace, r.period ? PERIOD_NAMES_ZH[r.period] : '', r.burialPlace, r.certificateNo, statusNames[r.status]]);
      // Free text typed or imported as =…/+…/@…: kept as text when the file is opened and edited.
      row.eachCell((cell) => keepAsText(cell));
      row.commit();
    }
    ctx.progress(written, total, 'writing');
    if (!page.nextCursor) break;
    after = page.nextCursor;
  }
  ws.commit();
  await wb.commit();
  ctx.vault.writeFileDurably(join(dir, name), Buffer.concat(parts));
  return { file: `${EXPORTS_DIR}/${name}`, rows: written };
}

/** The bytes of an export file named by a job's result; never a path outside the exports folder. */
export async function readExport(dataDir: string, relative: string, vault: Vault): Promise<Buffer> {
  const clean = normalize(relative).replace(/\\/g, '/');
  if (!clean.startsWith(`${EXPORTS_DIR}/`) || clean.includes('..')) throw notFound({ zh: '导出文件', en: 'The export file' });
  try {
    return await vault.readFile(join(dataDir, clean));
  } catch (error) {
    if (error instanceof CoreError) throw error;
    throw notFound({ zh: '导出文件', en: 'The export file' });
  }
}
