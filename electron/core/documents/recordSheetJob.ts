/**
 * The job `documents.recordSheets`: the martyr record sheets (烈士登记表) of chosen records in ONE
 * registered PDF, one sheet per record (long deeds continue on a page of the same record), in
 * the order the records were chosen; with `output: 'perRecord'` also one PDF per record, each
 * paged on its own, in a ZIP beside it (as the letters job does). Each record is read as its record page reads it
 * (db/martyrs getMartyr), with a thumbnail of the page of the scan it was keyed from.
 *
 * As the letters and roll jobs: read every record → check every text against the fonts (a
 * character no shipped font covers is reported by record and field; nothing is drawn or written)
 * → draw sheet by sheet with progress and cancel → write and register with its audit row.
 *
 * A scan that cannot be shown (a PDF scan — the backend has no PDF renderer —, a file missing
 * from the data folder, a damaged image) never stops the batch: its sheet says so in the
 * thumbnail's place.
 */
import { access } from 'node:fs/promises';
import { CoreError } from '../errors';
import type { JobContext } from '../jobs/context';
import { getAttachment } from '../db/attachments';
import { getDivision } from '../db/divisions';
import { getMartyr } from '../db/martyrs';
import { blobImageSource, cachedPage, snapWidth } from '../attachments/derivatives';
import { blobPath } from '../attachments/paths';
import type { Martyr, PrintJobResult } from '../../../shared/contract';
import { Layout } from './layout/page';
import { perRecordZip, registerDocument, type PerRecordFile } from './register';
import { checkFonts, fontsDirOf, namesOf, officeOf, serialFor, ticker, type AsRole } from './printing';
import { checkRecordSheet, drawRecordSheet, finishRecordSheets, sheetFromMartyr } from './templates/recordSheet';

export interface RecordSheetsJobInput extends AsRole {
  martyrIds: number[];
  /** single: one PDF; perRecord: also one PDF per record in a ZIP. */
  output?: 'single' | 'perRecord';
}

/** The thumbnail's pixel width: its cell is about 40 mm wide, so 400 px prints at about 250 dpi. */
const THUMBNAIL_PX = 400;

type Scan = { scan: Buffer } | { scan: null; scanNote: string };

const NO_SCAN: Scan = { scan: null, scanNote: '（无扫描件）' };

/** The page of the record's scan as a JPEG from the derivatives cache, or why there is none. */
async function scanOf(ctx: JobContext, m: Martyr): Promise<Scan> {
  if (m.scanAttachmentId === null) return NO_SCAN;
  const a = getAttachment(ctx.db, m.scanAttachmentId);
  const page = m.scanPage ?? 1;
  if (!a || page > a.pages) return { scan: null, scanNote: '（扫描件不可用）' };
  if (a.mime === 'application/pdf') return { scan: null, scanNote: '（扫描件为 PDF，请查看原件）' };
  try {
    const source = blobPath(ctx.dataDir, a.sha256);
    await access(source);
    const cached = await cachedPage(ctx.dataDir, a.sha256, () => blobImageSource(source, ctx.vault), page, snapWidth(THUMBNAIL_PX), ctx.vault);
    return { scan: cached.data };
  } catch {
    // Missing from the data folder, or damaged: the sheet says so, the batch goes on.
    return { scan: null, scanNote: '（扫描件无法读取）' };
  }
}

export async function printRecordSheetsJob(ctx: JobContext, input: RecordSheetsJobInput): Promise<PrintJobResult> {
  const fontsDir = fontsDirOf(ctx);
  const total = input.martyrIds.length;
  ctx.progress(0, total, 'reading');
  const fullNameOf = (code: string | null) => (code ? (getDivision(ctx.db, code)?.fullName ?? null) : null);
  const records: Martyr[] = [];
  const missing: number[] = [];
  const deleted: string[] = [];
  const read = ticker(ctx, total, 'reading', 100);
  for (const id of input.martyrIds) {
    const m = getMartyr(ctx.db, id, fullNameOf);
    if (!m) missing.push(id);
    else if (m.deletedAt) deleted.push(`${m.name}（#${m.id}）`);
    else records.push(m);
    read();
  }
  if (missing.length > 0 || deleted.length > 0) {
    throw new CoreError('VALIDATION', {
      zh: [missing.length > 0 ? `以下烈士记录不存在：#${missing.join('、#')}` : '', deleted.length > 0 ? `以下记录在回收站中：${deleted.join('、')}` : '', '未生成任何文件。'].filter(Boolean).join('；'),
      en: [missing.length > 0 ? `These martyr records do not exist: #${missing.join(', #')}` : '', deleted.length > 0 ? `These records are in the recycle bin: ${deleted.join(', ')}` : '', 'nothing was produced.'].filter(Boolean).join('; '),
    });
  }
  const office = officeOf(ctx);

  ctx.progress(0, total, 'checking');
  const checked = ticker(ctx, total, 'checking', 100);
  checkFonts(fontsDir, (check) => {
    for (const m of records) {
      checkRecordSheet(check, sheetFromMartyr(m, null));
      checked();
    }
  });

  const serial = serialFor(ctx, 'DB');
  const title = `烈士登记表 ${serial}`;
  const layout = new Layout(fontsDir, { title, author: office.issuer, subject: `${records.length} 份烈士登记表` });
  ctx.progress(0, total, 'drawing');
  // Each sheet reads its scan's page: a cancel point and progress after every one.
  const drawn = ticker(ctx, total, 'drawing', 1);
  const perRecord = input.output === 'perRecord';
  const files: PerRecordFile[] = [];
  for (const m of records) {
    const sheet = { ...sheetFromMartyr(m, null), ...(await scanOf(ctx, m)) };
    drawRecordSheet(layout, sheet);
    if (perRecord) {
      // The record's own file: its sheet alone, paged on its own, under the document's serial.
      const one = new Layout(fontsDir, { title: `烈士登记表（${m.name}） ${serial}`, author: office.issuer, subject: m.name });
      drawRecordSheet(one, sheet);
      finishRecordSheets(one, serial);
      files.push({ name: `${serial}-${String(files.length + 1).padStart(4, '0')} ${m.name}.pdf`, pdf: await one.toBuffer() });
    }
    drawn();
  }
  finishRecordSheets(layout, serial);
  const pages = layout.pageCount;
  ctx.progress(total, total, 'saving');
  const bytes = await layout.toBuffer();
  ctx.throwIfCancelled();

  const documentId = registerDocument(
    ctx,
    bytes,
    {
      serial,
      kind: 'recordSheets',
      title: records.length === 1 ? `烈士登记表（${records[0]!.name}） ${serial}` : `烈士登记表（${records.length} 份） ${serial}`,
      subject: { martyrIds: records.map((m) => m.id), versions: records.map((m) => m.version) },
      records: records.length,
      names: namesOf(records.map((m) => m.name)),
      pages,
    },
    perRecord ? { zip: perRecordZip(files), files: files.length } : undefined,
  );
  return { documentId, serial, pages, records: records.length };
}
