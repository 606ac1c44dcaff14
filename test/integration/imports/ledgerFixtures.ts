/** Spreadsheets as offices keep them, built in code for the ledger import tests: a merged title, the header on row 2, a 合计 row. */
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { idCheckChar } from '../../../shared/rules/idNumber';
import { readTable } from '../../../electron/core/imports';
import type { Session } from '../../../electron/core';
import type { TestCore } from '../../support/tempCore';
import { upload } from '../attachments/client';

export async function ledgerXlsx(title: string, header: string[], rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, header.length);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  ws.addRow(['合计', `${rows.length}户`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A valid 18-digit resident ID number (惠民县, born 1960–1999), different for each n. */
export function idNumber(n: number): string {
  const first17 = `371621${1960 + (n % 40)}0101${String(100 + (n % 900)).padStart(3, '0')}`;
  return first17 + idCheckChar(first17)!;
}

type Kind = 'plaques' | 'awards';

/** Upload → preview → import job → the finished job. */
export async function importFile(t: TestCore, s: Session, kind: Kind, fileName: string, bytes: Buffer) {
  const uploadId = await upload(t, s, fileName, bytes);
  const preview = await t.ok(`${kind}.importPreview`, { uploadId }, s);
  const { jobId } = await t.ok(`${kind}.import`, { uploadId, mapping: preview.mapping }, s);
  return { preview, job: await t.core.jobs.wait(jobId) };
}

export interface Rejected {
  ok: false;
  rowsWithProblems: number;
  problems: { row: number; column: string | null; message: { zh: string } }[];
}

/** The error workbook of a rejected job, read back: its header and rows as text. */
export async function errorRows(t: TestCore, s: Session, jobId: number): Promise<string[][]> {
  const file = await t.ok('imports.errorFile', { jobId }, s);
  const table = await readTable(new Uint8Array(Buffer.from(file.dataBase64, 'base64')), file.fileName);
  const rows = table.sheets[0]!.rows.map((r) => r.map((c) => (c === null ? '' : String(c))));
  expect(rows.flat()).toContain('错误原因');
  return rows;
}
