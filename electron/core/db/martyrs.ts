import { cachedStatement, type Db } from './connection';
import type { Martyr, MartyrStatus } from '../../../shared/contract';
import type { PreparedMartyr, StoredDate } from '../martyrs/fields';
import { insertPerson, listKin, replaceKin, updatePerson, type PersonColumns } from './persons';

/** Repository of `martyrs` (with its person row), `martyr_fts` and `martyr_history`. */
type DateColumns<P extends string> = { [K in `${P}_verbatim`]: string } & { [K in `${P}_edtf` | `${P}_earliest` | `${P}_latest`]: string | null };

type MartyrRow = DateColumns<'birth' | 'joined' | 'party' | 'death' | 'approved'> & {
  id: number;
  person_id: number;
  version: number;
  status: Martyr['status'];
  return_reason: string | null;
  name: string;
  unnamed: number;
  gender: Martyr['gender'];
  ethnicity: string;
  native_place_text: string;
  native_place_code: string | null;
  unit_post: string;
  merits: string;
  death_place_text: string;
  death_place_code: string | null;
  death_cause: string;
  period: Martyr['period'];
  burial_place: string;
  cemetery: string;
  approved_by: string;
  certificate_no: string;
  deeds: string;
  remarks: string;
  source_id: number | null;
  source_title: string | null;
  source_page: string;
  source_item: string;
  scan_attachment_id: number | null;
  scan_page: number | null;
  scan_region_json: string | null;
  pinyin: string;
  initials: string;
  created_at: string;
  created_by_name: string | null;
  updated_at: string;
  updated_by_name: string | null;
  deleted_at: string | null;
  delete_reason: string | null;
  merged_into: number | null;
};

function personColumns(m: PreparedMartyr): PersonColumns {
  return { name: m.name, gender: m.gender, ethnicity: m.ethnicity, idNumber: null, birth: m.birth, nativePlaceText: m.nativePlaceText, nativePlaceCode: m.nativePlaceCode };
}

function dateParams(prefix: string, d: StoredDate): Record<string, unknown> {
  return { [`${prefix}_verbatim`]: d.verbatim, [`${prefix}_edtf`]: d.edtf, [`${prefix}_earliest`]: d.earliest, [`${prefix}_latest`]: d.latest };
}

function martyrParams(m: PreparedMartyr): Record<string, unknown> {
  return {
    unnamed: m.unnamed ? 1 : 0,
    ...dateParams('joined', m.joined),
    ...dateParams('party', m.party),
    unit_post: m.unitAndPost,
    merits: m.merits,
    ...dateParams('death', m.death),
    death_place_text: m.deathPlaceText,
    death_place_code: m.deathPlaceCode,
    death_cause: m.deathCause,
    period: m.period,
    burial_place: m.burialPlace,
    cemetery: m.cemetery,
    approved_by: m.approvedBy,
    ...dateParams('approved', m.approved),
    certificate_no: m.certificateNo,
    deeds: m.deeds,
    remarks: m.remarks,
    source_id: m.sourceId,
    source_page: m.sourcePage,
    source_item: m.sourceItem,
    scan_attachment_id: m.scanAttachmentId,
    scan_page: m.scanPage,
    scan_region_json: m.scanRegion ? JSON.stringify(m.scanRegion) : null,
    stroke_surname_key: m.strokeSurnameKey,
    stroke_full_key: m.strokeFullKey,
    pinyin: m.pinyin,
    initials: m.initials,
    death_sort: m.deathSort,
  };
}

export function insertMartyr(db: Db, m: PreparedMartyr, userId: number | null, at: string): number {
  const personId = insertPerson(db, personColumns(m), at);
  const values = martyrParams(m);
  const columns = Object.keys(values);
  const info = cachedStatement(
    db,
    `INSERT INTO martyrs (person_id, status, ${columns.join(', ')}, created_at, created_by, updated_at, updated_by)
       VALUES (@person_id, 'draft', ${columns.map((c) => `@${c}`).join(', ')}, @at, @user, @at, @user)`,
  ).run({ ...values, person_id: personId, at, user: userId });
  const id = Number(info.lastInsertRowid);
  replaceKin(db, personId, m.nextOfKin, at);
  return id;
}

/** Writes every column, bumps the version. */
export function updateMartyr(db: Db, id: number, personId: number, m: PreparedMartyr, userId: number | null, at: string): void {
  updatePerson(db, personId, personColumns(m), at);
  const values = martyrParams(m);
  const columns = Object.keys(values);
  db.prepare(
    `UPDATE martyrs SET ${columns.map((c) => `${c} = @${c}`).join(', ')}, version = version + 1, updated_at = @at, updated_by = @user WHERE id = @id`,
  ).run({ ...values, id, at, user: userId });
  replaceKin(db, personId, m.nextOfKin, at);
}

export function setMartyrStatus(db: Db, id: number, status: MartyrStatus, returnReason: string | null, userId: number | null, at: string): void {
  db.prepare('UPDATE martyrs SET status = ?, return_reason = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?').run(status, returnReason, at, userId, id);
}

export function setMartyrDeleted(db: Db, id: number, deleted: { at: string; userId: number | null; reason: string } | null, at: string): void {
  if (deleted) db.prepare('UPDATE martyrs SET deleted_at = ?, deleted_by = ?, delete_reason = ?, version = version + 1, updated_at = ? WHERE id = ?').run(deleted.at, deleted.userId, deleted.reason, at, id);
  else db.prepare('UPDATE martyrs SET deleted_at = NULL, deleted_by = NULL, delete_reason = NULL, version = version + 1, updated_at = ? WHERE id = ?').run(at, id);
}

export { writeMartyrSearchText, removeMartyrSearchText } from './martyrSearchIndex';

const fullSelect = `
  SELECT m.*, p.name, p.gender, p.ethnicity, p.birth_verbatim, p.birth_edtf, p.birth_earliest, p.birth_latest,
    p.native_place_text, p.native_place_code, s.title AS source_title,
    cu.display_name AS created_by_name, uu.display_name AS updated_by_name
  FROM martyrs m JOIN persons p ON p.id = m.person_id
  LEFT JOIN sources s ON s.id = m.source_id
  LEFT JOIN users cu ON cu.id = m.created_by
  LEFT JOIN users uu ON uu.id = m.updated_by`;

const date = (row: MartyrRow, prefix: 'birth' | 'joined' | 'party' | 'death' | 'approved') => ({
  verbatim: row[`${prefix}_verbatim`],
  edtf: row[`${prefix}_edtf`],
  earliest: row[`${prefix}_earliest`],
  latest: row[`${prefix}_latest`],
});

export function getMartyr(db: Db, id: number, fullNameOf: (code: string | null) => string | null): Martyr | undefined {
  const row = db.prepare(`${fullSelect} WHERE m.id = ?`).get(id) as MartyrRow | undefined;
  if (!row) return undefined;
  const r = row;
  return {
    id: row.id,
    personId: row.person_id,
    version: r.version,
    status: r.status,
    returnReason: r.return_reason,
    name: r.name,
    unnamed: r.unnamed === 1,
    gender: r.gender,
    ethnicity: r.ethnicity,
    birthDate: date(row, 'birth'),
    nativePlaceText: r.native_place_text,
    nativePlaceCode: r.native_place_code,
    nativePlaceFullName: fullNameOf(r.native_place_code),
    joinedDate: date(row, 'joined'),
    partyDate: date(row, 'party'),
    unitAndPost: r.unit_post,
    merits: r.merits,
    deathDate: date(row, 'death'),
    deathPlaceText: r.death_place_text,
    deathPlaceCode: r.death_place_code,
    deathCause: r.death_cause,
    period: r.period,
    burialPlace: r.burial_place,
    cemetery: r.cemetery,
    approvedBy: r.approved_by,
    approvedDate: date(row, 'approved'),
    certificateNo: r.certificate_no,
    deeds: r.deeds,
    remarks: r.remarks,
    sourceId: r.source_id,
    sourceTitle: r.source_title,
    sourcePage: r.source_page,
    sourceItem: r.source_item,
    scanAttachmentId: r.scan_attachment_id,
    scanPage: r.scan_page,
    scanRegion: r.scan_region_json ? (JSON.parse(r.scan_region_json) as Martyr['scanRegion']) : null,
    nextOfKin: listKin(db, row.person_id),
    pinyin: r.pinyin,
    initials: r.initials,
    createdAt: r.created_at,
    createdBy: r.created_by_name ?? '',
    updatedAt: r.updated_at,
    updatedBy: r.updated_by_name ?? '',
    deletedAt: r.deleted_at,
    deleteReason: r.delete_reason,
    mergedInto: r.merged_into,
    mergedFrom: mergedInto(db, row.id),
  };
}

function mergedInto(db: Db, id: number): Martyr['mergedFrom'] {
  return db
    .prepare(
      `SELECT m.id, p.name, s.title AS sourceTitle, m.source_page AS sourcePage, m.source_item AS sourceItem, m.deleted_at AS mergedAt
       FROM martyrs m JOIN persons p ON p.id = m.person_id LEFT JOIN sources s ON s.id = m.source_id
       WHERE m.merged_into = ? ORDER BY m.id`,
    )
    .all(id) as Martyr['mergedFrom'];
}

/** The merged record goes to the recycle bin, pointing at the record it went into. */
export function markMerged(db: Db, id: number, intoId: number, userId: number | null, at: string): void {
  db.prepare('UPDATE martyrs SET merged_into = ?, deleted_at = ?, deleted_by = ?, delete_reason = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?').run(
    intoId,
    at,
    userId,
    `合并到 #${intoId}`,
    at,
    userId,
    id,
  );
}

export interface HistoryChange {
  field: string;
  before: unknown;
  after: unknown;
}

export function appendMartyrHistory(db: Db, h: { martyrId: number; version: number; at: string; userId: number | null; action: string; reason: string | null; changes: HistoryChange[] }): void {
  db.prepare('INSERT INTO martyr_history (martyr_id, version, at, user_id, action, reason, changes_json) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    h.martyrId,
    h.version,
    h.at,
    h.userId,
    h.action,
    h.reason,
    JSON.stringify(h.changes),
  );
}

/** A record's history with that of the records merged into it, newest first. */
export function listMartyrHistory(db: Db, martyrId: number) {
  const rows = db
    .prepare(
      `SELECT h.id, h.martyr_id AS recordId, h.version, h.at, coalesce(u.username, 'system') AS username, coalesce(u.display_name, '') AS displayName, h.action, h.reason, h.changes_json
       FROM martyr_history h LEFT JOIN users u ON u.id = h.user_id
       WHERE h.martyr_id = @id OR h.martyr_id IN (SELECT id FROM martyrs WHERE merged_into = @id) ORDER BY h.id DESC`,
    )
    .all({ id: martyrId }) as { id: number; recordId: number; version: number; at: string; username: string; displayName: string; action: string; reason: string | null; changes_json: string }[];
  return rows.map(({ changes_json, ...rest }) => ({ ...rest, changes: JSON.parse(changes_json) as HistoryChange[] }));
}
