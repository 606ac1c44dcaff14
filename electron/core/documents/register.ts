/**
 * The last step every print job shares, as the letters job does it: write the PDF (temp, fsync,
 * rename), then enter it in the issued-documents register with its audit row in one transaction;
 * a failure there removes the file, so no file is left without its register row.
 */
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

/** Writes the file and registers it; answers the register id. */
export function registerDocument(ctx: JobContext, bytes: Buffer, r: Registration): number {
  const { file, sha256 } = writeDocumentFile(ctx.dataDir, `${r.serial}.pdf`, bytes);
  try {
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
    throw error;
  }
}
