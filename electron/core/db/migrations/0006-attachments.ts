import type { Migration } from '../migrate';

/**
 * Files (DESIGN.md §3 rule 6). `attachments`: one row per distinct content (sha256 UNIQUE); the
 * bytes live in <dataDir>/attachments/ab/cd/<sha256>, written and fsynced before the row commits.
 * `attachment_links`: what a file belongs to (a source's scans, a letter's delivery photos …), in
 * order, with a label. The owner is (owner_kind, owner_id) so every domain can use the one table;
 * the owning domain checks that the owner exists.
 */
export const m0006: Migration = {
  version: 6,
  name: 'attachments',
  up(db) {
    db.exec(`
      CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
        size INTEGER NOT NULL CHECK (size > 0),
        mime TEXT NOT NULL,
        pages INTEGER NOT NULL CHECK (pages >= 1),
        width INTEGER,
        height INTEGER,
        original_name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE TABLE attachment_links (
        id INTEGER PRIMARY KEY,
        owner_kind TEXT NOT NULL,
        owner_id INTEGER NOT NULL,
        attachment_id INTEGER NOT NULL REFERENCES attachments(id),
        position INTEGER NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        UNIQUE (owner_kind, owner_id, attachment_id)
      ) STRICT;
      CREATE INDEX attachment_links_owner ON attachment_links (owner_kind, owner_id, position);
      CREATE INDEX attachment_links_attachment ON attachment_links (attachment_id);
    `);
  },
};
