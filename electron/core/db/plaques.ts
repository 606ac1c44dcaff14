import { cachedStatement, type Db } from './connection';
import type { Plaque, PlaqueEvent, LedgerRow, ledgerViews } from '../../../shared/contract/plaques';
import type { PlaqueCategory, PlaqueStatus } from '../../../shared/rules/plaque';

/** Repository of `plaques` and `plaque_events`, and the ledger and counts queries over households. */
const SELECT = `
  SELECT pl.id, pl.household_id AS householdId, pl.number, pl.status, q.category, pl.qualification_id AS qualificationId,
         q.person_id AS qualifyingPersonId, p.name AS qualifyingPersonName,
         (p.deceased = 1 OR EXISTS (SELECT 1 FROM martyrs x WHERE x.person_id = p.id)) AS qualifyingPersonDeceased,
         q.basis, pl.made_at AS madeAt, pl.issued_date AS issuedDate, pl.hung_date AS hungDate, pl.hung_place AS hungPlace,
         pl.signature_attachment_id AS signatureAttachmentId, pl.replaces_id AS replacesId,
         (SELECT n.id FROM plaques n WHERE n.replaces_id = pl.id) AS replacedById, pl.last_reason AS lastReason, pl.version, pl.updated_at AS updatedAt
    FROM plaques pl JOIN plaque_qualifications q ON q.id = pl.qualification_id JOIN persons p ON p.id = q.person_id`;

type Raw = Omit<Plaque, 'qualifyingPersonDeceased'> & { qualifyingPersonDeceased: number };
const toPlaque = (r: Raw): Plaque => ({ ...r, qualifyingPersonDeceased: r.qualifyingPersonDeceased === 1 });

export function getPlaque(db: Db, id: number): Plaque | undefined {
  const row = cachedStatement(db, `${SELECT} WHERE pl.id = ?`).get(id) as Raw | undefined;
  return row && toPlaque(row);
}

/** A household's plaques, newest first. */
export function listHouseholdPlaques(db: Db, householdId: number): Plaque[] {
  return (cachedStatement(db, `${SELECT} WHERE pl.household_id = ? ORDER BY pl.id DESC`).all(householdId) as Raw[]).map(toPlaque);
}

export function plaqueNumberTaken(db: Db, number: string): boolean {
  return cachedStatement(db, 'SELECT 1 FROM plaques WHERE number = ? COLLATE NOCASE').get(number) !== undefined;
}

/**
 * The highest sequence among the numbers `prefix` + digits + `suffix` (0 if none): the part
 * between is taken, kept if it is 1–15 digits, and the maximum computed in SQLite over the range
 * of the UNIQUE index that starts with the prefix — a county's tens of thousands of numbers never
 * come out to JavaScript for each plaque made. Lengths are in characters, as SQLite counts them.
 */
export function maxPlaqueSequence(db: Db, prefix: string, suffix: string): number {
  const row = cachedStatement(
    db,
    `SELECT max(CAST(seq AS INTEGER)) AS max FROM (
       SELECT substr(number, @start, length(number) - @fixed) AS seq FROM plaques
       WHERE number >= @prefix AND number < @upper AND length(number) > @fixed AND substr(number, length(number) - @suffixLength + 1) = @suffix
     ) WHERE seq NOT GLOB '*[^0-9]*' AND length(seq) <= 15`,
  ).get({ prefix, upper: prefix + '\uffff', suffix, start: [...prefix].length + 1, fixed: [...prefix].length + [...suffix].length, suffixLength: [...suffix].length }) as { max: number | null };
  return row.max ?? 0;
}

export function insertPlaque(
  db: Db,
  p: { householdId: number; qualificationId: number; number: string; status: PlaqueStatus; issuedDate: string | null; replacesId: number | null; lastReason: string; hungDate?: string | null },
  userId: number | null,
  at: string,
): number {
  const info = db
    .prepare(
      `INSERT INTO plaques (household_id, qualification_id, number, status, issued_date, hung_date, replaces_id, last_reason, made_at, created_by, updated_at, updated_by)
       VALUES (@householdId, @qualificationId, @number, @status, @issuedDate, @hungDate, @replacesId, @lastReason, @at, @userId, @at, @userId)`,
    )
    .run({ hungDate: null, ...p, at, userId });
  return Number(info.lastInsertRowid);
}

export interface PlaqueChange {
  status: PlaqueStatus;
  issuedDate?: string | null;
  hungDate?: string | null;
  hungPlace?: string;
  signatureAttachmentId?: number | null;
  lastReason?: string;
}

/** Sets the new status (and the fields given); false when the plaque was not at `expectedVersion`. */
export function changePlaque(db: Db, id: number, expectedVersion: number, c: PlaqueChange, userId: number | null, at: string): boolean {
  const sets = ['status = @status', 'version = version + 1', 'updated_at = @at', 'updated_by = @userId'];
  if (c.issuedDate !== undefined) sets.push('issued_date = @issuedDate');
  if (c.hungDate !== undefined) sets.push('hung_date = @hungDate');
  if (c.hungPlace !== undefined) sets.push('hung_place = @hungPlace');
  if (c.signatureAttachmentId !== undefined) sets.push('signature_attachment_id = @signatureAttachmentId');
  if (c.lastReason !== undefined) sets.push('last_reason = @lastReason');
  return (
    db.prepare(`UPDATE plaques SET ${sets.join(', ')} WHERE id = @id AND version = @expectedVersion`).run({
      issuedDate: null,
      hungDate: null,
      hungPlace: '',
      signatureAttachmentId: null,
      lastReason: '',
      ...c,
      id,
      expectedVersion,
      userId,
      at,
    }).changes === 1
  );
}

export interface PlaqueEventWrite {
  plaqueId: number;
  action: PlaqueEvent['action'];
  fromStatus: PlaqueStatus | null;
  toStatus: PlaqueStatus;
  date: string | null;
  reason?: string;
  note?: string;
  documentNo?: string;
  attachmentId?: number | null;
  jobId?: number | null;
}

export function appendPlaqueEvent(db: Db, e: PlaqueEventWrite, userId: number | null, at: string): void {
  cachedStatement(
    db,
    `INSERT INTO plaque_events (plaque_id, action, from_status, to_status, date, reason, note, document_no, attachment_id, job_id, at, user_id)
     VALUES (@plaqueId, @action, @fromStatus, @toStatus, @date, @reason, @note, @documentNo, @attachmentId, @jobId, @at, @userId)`,
  ).run({ reason: '', note: '', documentNo: '', attachmentId: null, jobId: null, ...e, at, userId });
}

export function listHouseholdEvents(db: Db, householdId: number): PlaqueEvent[] {
  return cachedStatement(
    db,
    `SELECT e.id, e.plaque_id AS plaqueId, pl.number AS plaqueNumber, e.action, e.from_status AS fromStatus, e.to_status AS toStatus, e.date, e.reason, e.note,
            e.document_no AS documentNo, e.attachment_id AS attachmentId, e.at, coalesce(u.display_name, '') AS username
       FROM plaque_events e JOIN plaques pl ON pl.id = e.plaque_id LEFT JOIN users u ON u.id = e.user_id
      WHERE pl.household_id = ? ORDER BY e.id DESC`,
  ).all(householdId) as PlaqueEvent[];
}

// ── Ledger and counts ────────────────────────────────────────────────────────────────────────

/**
 * The plaque a household's ledger line shows (of the household `h`): the one in use, else its
 * latest. The dashboard's counts (./statistics.ts) count households by this same plaque, so a bar
 * and the ledger it opens hold the same households.
 */
export const LEDGER_PLAQUE = `(SELECT x.id FROM plaques x WHERE x.household_id = h.id ORDER BY x.status IN ('made', 'issued', 'hung', 'taken_back') DESC, x.id DESC LIMIT 1)`;

export interface LedgerQuery {
  prefix: string | null;
  view: (typeof ledgerViews)[number];
  category?: PlaqueCategory | undefined;
  query: string;
  limit: number;
  after: { divisionCode: string; householdId: number } | null;
  householdIds?: readonly number[];
}

function ledgerWhere(q: LedgerQuery): string {
  const where = ['(@prefix IS NULL OR (h.division_code >= @prefix AND h.division_code < @prefixEnd))'];
  if (q.view === 'none') where.push('pl.id IS NULL');
  else if (q.view === 'in_use_not_hung') where.push("pl.status IN ('made', 'issued', 'taken_back')");
  else if (q.view !== 'all') where.push('pl.status = @view');
  if (q.category !== undefined) where.push('q.category = @category');
  if (q.query !== '') where.push("(hp.name LIKE @like ESCAPE '\\' OR pl.number LIKE @like ESCAPE '\\' OR h.registration_no = @query)");
  return where.join(' AND ');
}

function ledgerParams(q: LedgerQuery) {
  return {
    prefix: q.prefix,
    prefixEnd: q.prefix === null ? null : q.prefix + ':',
    view: q.view,
    category: q.category ?? null,
    query: q.query,
    like: `%${q.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    afterCode: q.after?.divisionCode ?? '',
    afterId: q.after?.householdId ?? 0,
    limit: q.limit,
  };
}

const LEDGER_FROM = `
  FROM households h JOIN persons hp ON hp.id = h.head_person_id
  LEFT JOIN plaques pl ON pl.id = ${LEDGER_PLAQUE}
  LEFT JOIN plaque_qualifications q ON q.id = pl.qualification_id LEFT JOIN persons qp ON qp.id = q.person_id
  LEFT JOIN divisions d ON d.code = h.division_code`;

export function ledgerPage(db: Db, q: LedgerQuery): { rows: LedgerRow[]; count: number } {
  const where = ledgerWhere(q);
  const params = ledgerParams(q);
  const rows = db
    .prepare(
      `SELECT h.id AS householdId, hp.name AS headName, h.address_text AS addressText, h.division_code AS divisionCode, coalesce(d.name, '') AS divisionName,
              pl.id AS plaqueId, pl.number AS plaqueNumber, pl.status, q.category, qp.name AS qualifyingPersonName, pl.hung_date AS hungDate,
              coalesce(pl.hung_place, '') AS hungPlace, (pl.signature_attachment_id IS NOT NULL) AS signed
       ${LEDGER_FROM}
       WHERE ${where} AND (h.division_code, h.id) > (@afterCode, @afterId)
       ORDER BY h.division_code, h.id LIMIT @limit`,
    )
    .all(params) as (Omit<LedgerRow, 'signed'> & { signed: number })[];
  const count = (db.prepare(`SELECT count(*) AS n ${LEDGER_FROM} WHERE ${where}`).get(params) as { n: number }).n;
  return { rows: rows.map((r) => ({ ...r, signed: r.signed === 1 })), count };
}

/** The plaques of a division in `status` (for the batch job), with their household, in ledger order. */
export function plaquesForBatch(db: Db, prefix: string, status: PlaqueStatus, householdIds: readonly number[] | null): { plaqueId: number; householdId: number; version: number }[] {
  const rows = db
    .prepare(
      `SELECT pl.id AS plaqueId, h.id AS householdId, pl.version FROM households h JOIN plaques pl ON pl.household_id = h.id
        WHERE h.division_code >= ? AND h.division_code < ? AND pl.status = ? ORDER BY h.division_code, h.id`,
    )
    .all(prefix, prefix + ':', status) as { plaqueId: number; householdId: number; version: number }[];
  if (householdIds === null) return rows;
  const wanted = new Set(householdIds);
  return rows.filter((r) => wanted.has(r.householdId));
}
