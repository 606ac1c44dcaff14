/**
 * The job `documents.letters`: the good-news letters of chosen awards in ONE PDF, registered in
 * the issued-documents register under a serial printed on every letter.
 *
 * Always one PDF: one preview, one print run, and the fonts' subset embedded once. With
 * `output: 'perRecord'` the job also writes one PDF per letter (named by its serial and the
 * recipient), packed in a ZIP beside the whole (`documents/<serial>-单份.zip`, kept in the
 * register row's subject): to file with each family's record or to send on. Each of those
 * carries its own font subset (tens of KB), so it is a choice, not the default.
 *
 * Order: read → check every text against the fonts (a character no shipped font covers is
 * reported by record and field, and nothing is drawn or written) → draw, letter by letter, with
 * progress and cancel → write the file (temp, fsync, rename) → register it with its audit row in
 * one transaction. A cancel or failure before the register row commits leaves no file behind.
 */
import { CoreError } from '../errors';
import type { JobContext } from '../jobs/context';
import { letterSources } from '../db/documentSources';
import { getDocument, nextSerial } from '../db/issuedDocuments';
import { SettingsStore } from '../settings';
import type { LettersJobResult } from '../../../shared/contract';
import { CoverageCheck } from './fonts';
import { Layout } from './layout/page';
import { checkLetterBatch, drawBatchLetter, letterSerial, type LetterBatch } from './templates/letterBatch';
import { join } from 'node:path';
import { profileOffset } from './printerProfiles';
import { localDay, namesOf, uncoveredError } from './printing';
import { perRecordZip, registerDocument, type PerRecordFile } from './register';

export interface LettersJobInput {
  awardIds: number[];
  /** Set by documents.reprint: the register id of the document reprinted. */
  reprintOf?: number | null;
  /** 套打: a printer profile of the letter template (its offset and scale), and fields only. */
  profile?: string | null;
  fieldsOnly?: boolean;
  /** single: the one PDF; perRecord: also one PDF per letter in a ZIP. */
  output?: 'single' | 'perRecord';
}

export async function printLettersJob(ctx: JobContext, input: LettersJobInput): Promise<LettersJobResult> {
  if (!ctx.resourcesDir) throw new Error('the core was started without its resources folder: documents cannot be printed');
  const fontsDir = join(ctx.resourcesDir, 'fonts');
  const total = input.awardIds.length;
  ctx.progress(0, total, 'checking');

  const { sources, missing } = letterSources(ctx.db, input.awardIds);
  if (missing.length > 0) {
    throw new CoreError('VALIDATION', {
      zh: `以下奖励没有有效的喜报登记，未生成任何文件：奖励编号 ${missing.join('、')}。请先登记喜报。`,
      en: `These awards have no live good-news letter; nothing was produced: award ${missing.join(', ')}. Register their letters first.`,
    });
  }
  const settings = new SettingsStore(ctx.db).get();
  const issuer = settings.issuingAuthority || settings.officeName;
  if (!issuer) {
    throw new CoreError('VALIDATION', {
      zh: '尚未设置发文机关（落款）。请管理员在“系统管理 → 单位设置”中填写后再打印。',
      en: 'The issuing authority (the signature) is not set. An administrator sets it under Administration → Office settings.',
    });
  }
  const offset = profileOffset(settings, 'letter', input.profile);
  const reprint = input.reprintOf ? (getDocument(ctx.db, input.reprintOf) ?? null) : null;
  const year = localDay(ctx.now()).slice(0, 4);
  const serial = nextSerial(ctx.db, `XB${year}`);
  const batch: LetterBatch = {
    serial,
    sources,
    office: { issuer, place: settings.issuingPlace, dateStyle: settings.dateStyle, date: localDay(ctx.now()) },
    wordings: settings.letterWordings,
    reprintOf: reprint?.serial ?? null,
  };

  const check = new CoverageCheck(fontsDir);
  checkLetterBatch(check, batch);
  if (check.problems.length > 0) throw uncoveredError(check.problems);

  const title = `喜报 ${serial}`;
  const layout = new Layout(fontsDir, { title, author: issuer, subject: `${sources.length} 份喜报`, offset, fieldsOnly: input.fieldsOnly ?? false });
  for (let i = 0; i < sources.length; i++) {
    if (i % 20 === 0) {
      ctx.throwIfCancelled();
      ctx.progress(i, total, 'drawing');
    }
    drawBatchLetter(layout, batch, i);
  }
  const pages = layout.pageCount;
  const bytes = await layout.toBuffer();
  ctx.throwIfCancelled();

  // One file per record: each letter drawn again on a layout of its own.
  let perRecord: { zip: Buffer; files: number } | undefined;
  if (input.output === 'perRecord') {
    const files: PerRecordFile[] = [];
    for (let i = 0; i < sources.length; i++) {
      if (i % 20 === 0) {
        ctx.throwIfCancelled();
        ctx.progress(i, total, 'splitting');
      }
      const one = new Layout(fontsDir, { title: `喜报 ${letterSerial(serial, i)}`, author: issuer, subject: sources[i]!.recipientName, offset, fieldsOnly: input.fieldsOnly ?? false });
      drawBatchLetter(one, batch, i);
      files.push({ name: `${letterSerial(serial, i)} ${sources[i]!.recipientName}.pdf`, pdf: await one.toBuffer() });
    }
    perRecord = { zip: perRecordZip(files), files: files.length };
    ctx.throwIfCancelled();
  }
  ctx.progress(total, total, 'saving');

  const documentId = registerDocument(
    ctx,
    bytes,
    {
      serial,
      kind: 'letters',
      title,
      subject: { awards: sources.map((s) => s.awardId), profile: input.profile ?? null, fieldsOnly: input.fieldsOnly ?? false },
      records: sources.length,
      names: namesOf(sources.map((s) => s.recipientName)),
      pages,
      reprintOf: reprint ? { id: reprint.id, serial: reprint.serial } : null,
    },
    perRecord,
  );
  return { documentId, serial, pages, letters: sources.length };
}
