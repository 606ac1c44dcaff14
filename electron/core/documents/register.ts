/**
 * The last step every print job shares, as the letters job does it: write the PDF (temp, fsync,
 * rename), then enter it in the issued-documents register with its audit row in one transaction;
 * a failure there removes the file, so no file is left without its register row.
 */
import { zipSync, type Zippable } from 'fflate';
import { CoreError } from '../errors';
import type { JobContext } from '../jobs/context';
import { insertDocument, serialTaken } from '../db/issuedDocuments';
import type { DocumentKind } from '../../../shared/contract';
import { removeDocumentFile, writeDocumentFile } from './files';

export interface Registration {
  serial: string;
  kind: DocumentKind;
  title: string;
  subject: Record<string, unknown>;
  records: number;
  names: string;
  pages: number;
  /** A reprint: the register row it reprints, marked on the paper and in the register. */
  reprintOf?: { id: number; serial: string } | null;
}

/** One PDF per record, for `output: 'perRecord'`: packed in a ZIP beside the whole document. */
export interface PerRecordFile {
  name: string;
  pdf: Buffer;
}

/** A file name safe on Windows and Linux file systems. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
}

/** The per-record ZIP: the PDFs stored, not deflated (they are compressed already). */
export function perRecordZip(files: PerRecordFile[]): Buffer {
  const entries: Zippable = {};
  for (const f of files) entries[safeFileName(f.name)] = [new Uint8Array(f.pdf), { level: 0 }];
  return Buffer.from(zipSync(entries));
}

/**
 * Writes the file (and its per-record ZIP, `<serial>-单份.zip`) and registers it; answers the
 * register id. Either file is removed again if the register row does not commit.
 */
export function registerDocument(ctx: JobContext, bytes: Buffer, r: Registration, perRecord?: { zip: Buffer; files: number }): number {
  const { file, sha256 } = writeDocumentFile(ctx.dataDir, `${r.serial}.pdf`, bytes, ctx.vault);
  let zip: { file: string; sha256: string } | null = null;
  try {
    if (perRecord) {
      zip = writeDocumentFile(ctx.dataDir, `${r.serial}-单份.zip`, perRecord.zip, ctx.vault);
      r = { ...r, subject: { ...r.subject, perRecord: { file: zip.file, size: perRecord.zip.length, sha256: zip.sha256, files: perRecord.files } } };
    }
    return ctx.write((audit) => {
      if (serialTaken(ctx.db, r.serial)) {
        throw new CoreError('CONFLICT', { zh: `编号 ${r.serial} 刚被另一次打印占用，请重新打印。`, en: `Serial ${r.serial} was just taken by another print; print again.` });
      }
      const id = insertDocument(
        ctx.db,
        { serial: r.serial, kind: r.kind, title: r.title, subject: r.subject, records: r.records, names: r.names, pages: r.pages, size: bytes.length, sha256, file, reprintOf: r.reprintOf?.id ?? null },
        ctx.actor.userId,
        ctx.now(),
      );
      audit({ entity: 'issued_document', entityId: id, action: r.reprintOf ? 'reprint' : 'issue', after: { serial: r.serial, kind: r.kind, subject: r.subject, pages: r.pages, sha256, reprintOf: r.reprintOf?.serial ?? null } });
      return id;
    });
  } catch (error) {
    removeDocumentFile(ctx.dataDir, file);
    if (zip) removeDocumentFile(ctx.dataDir, zip.file);
    throw error;
  }
}
