import { cachedStatement, type Db } from './connection';
import type { Martyr, MartyrStatus } from '../../../shared/contract';
import type { PreparedMartyr } from '../martyrs/fields';
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

/** The martyr columns written from a PreparedMartyr, in the order of `martyrValues`. */
const MARTYR_COLUMNS = [
  'unnamed', 'joined_verbatim', 'joined_edtf', 'joined_earliest', 'joined_latest', 'party_verbatim', 'party_edtf', 'party_earliest', 'party_latest',
  'unit_post', 'merits', 'death_verbatim', 'death_edtf', 'death_earliest', 'death_latest', 'death_place_text', 'death_place_code', 'death_cause',
  'period', 'burial_place', 'cemetery', 'approved_by', 'approved_verbatim', 'approved_edtf', 'approved_earliest', 'approved_latest',
  'certificate_no', 'deeds', 'remarks', 'source_id', 'source_page', 'source_item', 'scan_attachment_id', 'scan_page', 'scan_region_json',
  'stroke_surname_key', 'stroke_full_key', 'pinyin', 'initials', 'death_sort',
] as const;

/** The values of MARTYR_COLUMNS, positionally (an import binds them 100,000 times: no per-row objects). */
function martyrValues(m: PreparedMartyr): unknown[] {
  return [
    m.unnamed ? 1 : 0, m.joined.verbatim, m.joined.edtf, m.joined.earliest, m.joined.latest, m.party.verbatim, m.party.edtf, m.party.earliest, m.party.latest,
    m.unitAndPost, m.merits, m.death.verbatim, m.death.edtf, m.death.earliest, m.death.latest, m.deathPlaceText, m.deathPlaceCode, m.deathCause,
    m.period, m.burialPlace, m.cemetery, m.approvedBy, m.approved.verbatim, m.approved.edtf, m.approved.earliest, m.approved.latest,
    m.certificateNo, m.deeds, m.remarks, m.sourceId, m.sourcePage, m.sourceItem, m.scanAttachmentId, m.scanPage, m.scanRegion ? JSON.stringify(m.scanRegion) : null,
    m.strokeSurnameKey, m.strokeFullKey, m.pinyin, m.initials, m.deathSort,
  ];
}

const INSERT_MARTYR = `INSERT INTO martyrs (person_id, status, ${MARTYR_COLUMNS.join(', ')}, created_at, created_by, updated_at, updated_by)
  VALUES (?, 'draft', ${MARTYR_COLUMNS.map(() => '?').join(', ')}, ?, ?, ?, ?)`;
const UPDATE_MARTYR = `UPDATE martyrs SET ${MARTYR_COLUMNS.map((c) => `${c} = ?`).join(', ')}, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?`;

export function insertMartyr(db: Db, m: PreparedMartyr, userId: number | null, at: string): number {
  const personId = insertPerson(db, personColumns(m), at);
  const info = cachedStatement(db, INSERT_MARTYR).run(personId, ...martyrValues(m), at, userId, at, userId);
  // A new person has no kin yet: only the wanted ones are added.
  if (m.nextOfKin.length > 0) replaceKin(db, personId, m.nextOfKin, at);
  return Number(info.lastInsertRowid);
}

const INSERT_PLACED = `INSERT INTO martyrs (id, search_label, person_id, status, ${MARTYR_COLUMNS.join(', ')}, created_at, created_by, updated_at, updated_by)
  VALUES (?, ?, ?, 'draft', ${MARTYR_COLUMNS.map(() => '?').join(', ')}, ?, ?, ?, ?)`;

/**
 * A new record with its id and search label decided beforehand (an import: placeNewRecords in
 * martyrSearchIndex.ts); the caller writes its index entry under the same label.
 */
export function insertPlacedMartyr(db: Db, m: PreparedMartyr, place: { id: number; label: number }, userId: number | null, at: string): void {
  const personId = insertPerson(db, personColumns(m), at);
  cachedStatement(db, INSERT_PLACED).run(place.id, place.label, personId, ...martyrValues(m), at, userId, at, userId);
  if (m.nextOfKin.length > 0) replaceKin(db, personId, m.nextOfKin, at);
}

/** The id the next new record gets: above every stored one, deleted or merged ones included. */
export function nextMartyrId(db: Db): number {
  return ((cachedStatement(db, 'SELECT max(id) AS id FROM martyrs').get() as { id: number | null }).id ?? 0) + 1;
}

/** Writes every column, bumps the version. */
export function updateMartyr(db: Db, id: number, personId: number, m: PreparedMartyr, userId: number | null, at: string): void {
  updatePerson(db, personId, personColumns(m), at);
  db.prepare(UPDATE_MARTYR).run(...martyrValues(m), at, userId, id);
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
  cachedStatement(db, 'INSERT INTO martyr_history (martyr_id, version, at, user_id, action, reason, changes_json) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
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
