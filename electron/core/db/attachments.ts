import type { Db } from './connection';
import type { Attachment, AttachmentMime } from '../../../shared/contract/attachments';

/**
 * Repository of `attachments` (one row per distinct content, sha256 UNIQUE) and
 * `attachment_links` (owner → attachment, ordered). The bytes are files; see
 * electron/core/attachments/README.md.
 */
interface AttachmentRow {
  id: number;
  sha256: string;
  size: number;
  mime: AttachmentMime;
  pages: number;
  width: number | null;
  height: number | null;
  original_name: string;
  created_at: string;
  created_by: number | null;
  created_by_name: string | null;
}

const select = `SELECT a.*, u.display_name AS created_by_name FROM attachments a LEFT JOIN users u ON u.id = a.created_by`;

function toAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    sha256: row.sha256,
    size: row.size,
    mime: row.mime,
    pages: row.pages,
    width: row.width,
    height: row.height,
    originalName: row.original_name,
    createdAt: row.created_at,
    createdBy: row.created_by_name ?? '',
    createdById: row.created_by,
  };
}

export interface AttachmentInsert {
  sha256: string;
  size: number;
  mime: AttachmentMime;
  pages: number;
  width: number | null;
  height: number | null;
  originalName: string;
  createdAt: string;
  createdBy: number | null;
}

/** Inserts unless the content is already stored; `inserted` says which happened. */
export function insertAttachment(db: Db, a: AttachmentInsert): { attachment: Attachment; inserted: boolean } {
  const info = db
    .prepare(
      `INSERT INTO attachments (sha256, size, mime, pages, width, height, original_name, created_at, created_by)
       VALUES (@sha256, @size, @mime, @pages, @width, @height, @originalName, @createdAt, @createdBy)
       ON CONFLICT (sha256) DO NOTHING`,
    )
    .run(a);
  return { attachment: findAttachmentBySha(db, a.sha256)!, inserted: info.changes === 1 };
}

export function getAttachment(db: Db, id: number): Attachment | undefined {
  const row = db.prepare(`${select} WHERE a.id = ?`).get(id) as AttachmentRow | undefined;
  return row && toAttachment(row);
}

export function findAttachmentBySha(db: Db, sha256: string): Attachment | undefined {
  const row = db.prepare(`${select} WHERE a.sha256 = ?`).get(sha256) as AttachmentRow | undefined;
  return row && toAttachment(row);
}

export function attachmentShaExists(db: Db, sha256: string): boolean {
  return db.prepare('SELECT 1 FROM attachments WHERE sha256 = ?').get(sha256) !== undefined;
}

export function countAttachments(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM attachments').get() as { n: number }).n;
}

// ── links: what an attachment belongs to ─────────────────────────────────────────────────────

/** Kinds of owner. A new domain that holds files adds its name here (no migration needed). */
export type AttachmentOwnerKind = 'source' | 'martyr' | 'award' | 'letter' | 'household' | 'plaque';

export interface AttachmentOwner {
  kind: AttachmentOwnerKind;
  id: number;
}

export interface LinkedAttachment {
  linkId: number;
  position: number;
  label: string;
  attachment: Attachment;
}

/**
 * Appends an attachment to an owner's list (position = last + 1). Linking the same attachment
 * to the same owner twice changes nothing and returns the existing link's id.
 * Call inside the owning domain's ctx.write, which records the audit row.
 */
export function linkAttachment(db: Db, owner: AttachmentOwner, attachmentId: number, link: { label?: string; at: string; by: number | null }): { linkId: number; inserted: boolean } {
  const existing = db
    .prepare('SELECT id FROM attachment_links WHERE owner_kind = ? AND owner_id = ? AND attachment_id = ?')
    .get(owner.kind, owner.id, attachmentId) as { id: number } | undefined;
  if (existing) return { linkId: existing.id, inserted: false };
  const info = db
    .prepare(
      `INSERT INTO attachment_links (owner_kind, owner_id, attachment_id, position, label, created_at, created_by)
       VALUES (@kind, @ownerId, @attachmentId,
         (SELECT coalesce(max(position), 0) + 1 FROM attachment_links WHERE owner_kind = @kind AND owner_id = @ownerId),
         @label, @at, @by)`,
    )
    .run({ kind: owner.kind, ownerId: owner.id, attachmentId, label: link.label ?? '', at: link.at, by: link.by });
  return { linkId: Number(info.lastInsertRowid), inserted: true };
}

export function unlinkAttachment(db: Db, owner: AttachmentOwner, attachmentId: number): boolean {
  return db.prepare('DELETE FROM attachment_links WHERE owner_kind = ? AND owner_id = ? AND attachment_id = ?').run(owner.kind, owner.id, attachmentId).changes === 1;
}

/** An owner's attachments in order, each with its page count (a source's scans, page by page). */
export function listLinkedAttachments(db: Db, owner: AttachmentOwner): LinkedAttachment[] {
  const rows = db
    .prepare(
      `SELECT l.id AS link_id, l.position, l.label, a.*, u.display_name AS created_by_name
       FROM attachment_links l JOIN attachments a ON a.id = l.attachment_id LEFT JOIN users u ON u.id = a.created_by
       WHERE l.owner_kind = ? AND l.owner_id = ? ORDER BY l.position, l.id`,
    )
    .all(owner.kind, owner.id) as (AttachmentRow & { link_id: number; position: number; label: string })[];
  return rows.map((r) => ({ linkId: r.link_id, position: r.position, label: r.label, attachment: toAttachment(r) }));
}

/** Who holds an attachment (before removing one, or to show "also attached to …"). */
export function attachmentOwners(db: Db, attachmentId: number): AttachmentOwner[] {
  return (
    db.prepare('SELECT l.owner_kind AS kind, l.owner_id AS id FROM attachment_links l WHERE l.attachment_id = ? ORDER BY l.id').all(attachmentId) as AttachmentOwner[]
  ).map((o) => ({ kind: o.kind, id: o.id }));
}
