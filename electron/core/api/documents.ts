/** Documents: print good-news letters (a job), the issued-documents register, the PDFs' bytes. */
import { defineHandlers, type HandlerContext } from '../context';
import { CoreError, notFound } from '../errors';
import { getDocument, listDocuments, type DocumentRecord } from '../db/issuedDocuments';
import { readDocumentRange } from '../documents/files';
import type { IssuedDocument } from '../../../shared/contract';
import type { LettersJobInput } from '../documents/lettersJob';
import type { RollJobInput } from '../documents/rollJob';
import type { CalibrationJobInput } from '../documents/calibrationJob';
import type { IssuanceSlipJobInput } from '../documents/plaqueJobs';
import { rollSections } from '../db/rollSources';

const noDocument = () => notFound({ zh: '该文书', en: 'The document' });

function publicRow(d: DocumentRecord): IssuedDocument {
  const { file: _file, subject: _subject, perRecordFile: _perRecordFile, ...row } = d;
  return row;
}

function mustGet(ctx: HandlerContext, id: number): DocumentRecord {
  const d = getDocument(ctx.db, id);
  if (!d) throw noDocument();
  return d;
}

export const documentHandlers = defineHandlers({
  'documents.rollSections': (input, ctx) => rollSections(ctx.db, input),
  'documents.printRoll': (input, ctx) => {
    const user = ctx.requireUser();
    // The preface is the office's: kept for the next print, as edited in the dialog.
    const before = ctx.settings.get().rollPreface;
    if (input.preface !== before) {
      ctx.write((audit) => {
        ctx.settings.write({ rollPreface: input.preface });
        audit({ entity: 'settings', entityId: null, action: 'update', before: { rollPreface: before }, after: { rollPreface: input.preface } });
      });
    }
    const jobInput: RollJobInput = input;
    return { jobId: ctx.jobs.start('documents.roll', jobInput, { userId: user.id, username: user.username }).id };
  },
  'documents.printLetters': (input, ctx) => {
    const user = ctx.requireUser();
    const jobInput: LettersJobInput = { awardIds: input.awardIds, reprintOf: null, profile: input.profile, fieldsOnly: input.fieldsOnly, output: input.output };
    return { jobId: ctx.jobs.start('documents.letters', jobInput, { userId: user.id, username: user.username }).id };
  },
  'documents.printCalibration': (input, ctx) => {
    const user = ctx.requireUser();
    const jobInput: CalibrationJobInput = input;
    return { jobId: ctx.jobs.start('documents.calibration', jobInput, { userId: user.id, username: user.username }).id };
  },
  'documents.reprint': (input, ctx) => {
    const user = ctx.requireUser();
    const original = mustGet(ctx, input.id);
    const actor = { userId: user.id, username: user.username };
    // A reprint goes onto the same paper, through the same printer profile, as the original.
    const { profile, fieldsOnly } = original.subject as { profile?: unknown; fieldsOnly?: unknown };
    const form = { profile: typeof profile === 'string' ? profile : null, fieldsOnly: fieldsOnly === true };
    const { awards, householdId } = original.subject as { awards?: unknown; householdId?: unknown };
    if (original.kind === 'letters' && Array.isArray(awards)) {
      const jobInput: LettersJobInput = { awardIds: awards as number[], reprintOf: original.id, ...form, output: original.perRecord ? 'perRecord' : 'single' };
      return { jobId: ctx.jobs.start('documents.letters', jobInput, actor).id };
    }
    if (original.kind === 'issuanceSlip' && typeof householdId === 'number') {
      // The family's copy, lost or spoiled: the slip of the household's present plaque, in the
      // reprinting user's role.
      const jobInput: IssuanceSlipJobInput = { householdId, reprintOf: original.id, ...form, role: user.role };
      return { jobId: ctx.jobs.start('documents.issuanceSlip', jobInput, actor).id };
    }
    // Ledgers, lists, the roll and record sheets are printed afresh from the present data.
    throw new CoreError('VALIDATION', { zh: '这种文书不补印，请从原页面重新打印（将按当前数据生成新编号）。', en: 'This kind of document is not reprinted; print it again from its page (a new serial from the present data).' });
  },
  'documents.list': (input, ctx) => {
    const page = listDocuments(ctx.db, { kind: input.kind, limit: input.limit, afterId: input.after?.id });
    return { rows: page.rows.map(publicRow), count: page.count, next: page.next };
  },
  'documents.get': (input, ctx) => publicRow(mustGet(ctx, input.id)),
  'documents.read': async (input, ctx) => {
    const doc = mustGet(ctx, input.id);
    if (input.part === 'perRecord' && (!doc.perRecord || !doc.perRecordFile)) {
      throw new CoreError('NOT_FOUND', { zh: `文书 ${doc.serial} 没有按单份输出的文件。`, en: `Document ${doc.serial} was not printed one file per record.` });
    }
    const d = input.part === 'perRecord' ? { ...doc, file: doc.perRecordFile!, size: doc.perRecord!.size, sha256: doc.perRecord!.sha256, fileName: doc.perRecord!.fileName } : doc;
    if (input.offset > d.size) {
      throw new CoreError('VALIDATION', { zh: `偏移量超出文件大小（${d.size} 字节）。`, en: `The offset is past the end of the file (${d.size} bytes).` });
    }
    let data: Buffer;
    try {
      data = await readDocumentRange(ctx.dataDir, d.file, input.offset, Math.min(input.length, d.size - input.offset), ctx.vault);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new CoreError('NOT_FOUND', { zh: `文书 ${d.serial} 的文件不在数据文件夹中（可能被删除或移动）。`, en: `The file of document ${d.serial} is missing from the data folder.` });
      }
      throw error;
    }
    return { size: d.size, offset: input.offset, length: data.length, dataBase64: data.toString('base64'), sha256: d.sha256, fileName: d.fileName };
  },
});
