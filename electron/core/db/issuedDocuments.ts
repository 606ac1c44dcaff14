import type { Db } from './connection';
import type { DocumentKind, IssuedDocument } from '../../../shared/contract';

/**
 * Repository of `issued_documents`: the register of every document produced, under the serial
 * number printed on it. Serials are per kind and year: XB2026-000001 (XB: 喜报).
 */
export interface DocumentInsert {
  serial: string;
  kind: DocumentKind;
  title: string;
  subject: unknown;
  records: number;
  names: string;
  pages: number;
  size: number;
  sha256: string;
  file: string;
  reprintOf: number | null;
}

export interface DocumentRecord extends IssuedDocument {
  file: string;
  subject: unknown;
  /** The per-record ZIP's path in the data folder (subject.perRecord.file), if any. */
  perRecordFile: string | null;
}

/** What a batch printed one file per record keeps in its subject: the ZIP beside the PDF. */
export interface PerRecordSubject {
  file: string;
  size: number;
  sha256: string;
  files: number;
}

function perRecordOf(subject: unknown): PerRecordSubject | null {
  const p = (subject as { perRecord?: Partial<PerRecordSubject> } | null)?.perRecord;
  return p && typeof p.file === 'string' && typeof p.size === 'number' && typeof p.sha256 === 'string' && typeof p.files === 'number' ? (p as PerRecordSubject) : null;
}

interface Row {
  id: number;
  serial: string;
  kind: DocumentKind;
  title: string;
  subject_json: string;
  records: number;
  names: string;
  pages: number;
  size: number;
  sha256: string;
  file: string;
  reprint_of: number | null;
  reprint_serial: string | null;
  created_at: string;
  created_by_name: string | null;
}

const select = `
  SELECT d.*, o.serial AS reprint_serial, coalesce(u.display_name, '') AS created_by_name
    FROM issued_documents d LEFT JOIN issued_documents o ON o.id = d.reprint_of LEFT JOIN users u ON u.id = d.created_by`;

function toRecord(r: Row): DocumentRecord {
  const subject = JSON.parse(r.subject_json) as unknown;
  const perRecord = perRecordOf(subject);
  return {
    id: r.id,
    serial: r.serial,
    kind: r.kind,
    title: r.title,
    records: r.records,
    names: r.names,
    pages: r.pages,
    size: r.size,
    sha256: r.sha256,
    fileName: r.file.split('/').pop()!,
    reprintOf: r.reprint_of === null ? null : { id: r.reprint_of, serial: r.reprint_serial ?? '' },
    createdAt: r.created_at,
    createdBy: r.created_by_name ?? '',
    perRecord: perRecord && { fileName: perRecord.file.split('/').pop()!, size: perRecord.size, sha256: perRecord.sha256, files: perRecord.files },
    file: r.file,
    subject,
    perRecordFile: perRecord?.file ?? null,
  };
}

/** The serial the next document of `prefix` (XB2026) would get: the highest of the year plus one. */
export function nextSerial(db: Db, prefix: string): string {
  const row = db
    .prepare(`SELECT max(CAST(substr(serial, ?) AS INTEGER)) AS n FROM issued_documents WHERE serial GLOB ?`)
    .get(prefix.length + 2, `${prefix}-[0-9]*`) as { n: number | null };
  return `${prefix}-${String((row.n ?? 0) + 1).padStart(6, '0')}`;
}

export function serialTaken(db: Db, serial: string): boolean {
  return db.prepare('SELECT 1 FROM issued_documents WHERE serial = ?').get(serial) !== undefined;
}

export function insertDocument(db: Db, d: DocumentInsert, userId: number | null, at: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO issued_documents (serial, kind, title, subject_json, records, names, pages, size, sha256, file, reprint_of, created_by, created_at)
         VALUES (@serial, @kind, @title, @subject, @records, @names, @pages, @size, @sha256, @file, @reprintOf, @userId, @at)`,
      )
      .run({ ...d, subject: JSON.stringify(d.subject), userId, at }).lastInsertRowid,
  );
}

export function getDocument(db: Db, id: number): DocumentRecord | undefined {
  const row = db.prepare(`${select} WHERE d.id = ?`).get(id) as Row | undefined;
  return row ? toRecord(row) : undefined;
}

/** Newest first, by keyset on id. */
export function listDocuments(db: Db, q: { kind?: DocumentKind; limit: number; afterId?: number }): { rows: DocumentRecord[]; count: number; next: { id: number } | null } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.kind) {
    where.push('d.kind = ?');
    params.push(q.kind);
  }
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const count = (db.prepare(`SELECT count(*) AS n FROM issued_documents d ${filter}`).get(...params) as { n: number }).n;
  const page = q.afterId === undefined ? filter : `${filter ? `${filter} AND` : 'WHERE'} d.id < ?`;
  const rows = db.prepare(`${select} ${page} ORDER BY d.id DESC LIMIT ?`).all(...params, ...(q.afterId === undefined ? [] : [q.afterId]), q.limit + 1) as Row[];
  const more = rows.length > q.limit;
  const shown = rows.slice(0, q.limit).map(toRecord);
  return { rows: shown, count, next: more ? { id: shown[shown.length - 1]!.id } : null };
}
