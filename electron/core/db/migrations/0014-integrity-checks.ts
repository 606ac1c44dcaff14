import type { Migration } from '../migrate';

/**
 * The full integrity checks (electron/core/integrity/): one row per finished run — when, who
 * started it (NULL: the weekly schedule), how long it took, what it found — and the problems of
 * each run: an attachment whose file is missing or altered, or a file no row names (orphan).
 * A problem keeps the records that used the attachment at the time of the check (JSON), so the
 * report stays the one the archivist saw. A cancelled or failed run writes nothing here.
 * The partial indexes find the records that point at one attachment without reading the roll
 * (100,000 records: 200 ms a lookup without, for every problem of a check).
 */
export const m0014: Migration = {
  version: 14,
  name: 'integrity-checks',
  up(db) {
    db.exec(`
      CREATE TABLE integrity_checks (
        id INTEGER PRIMARY KEY,
        job_id INTEGER,
        trigger TEXT NOT NULL CHECK (trigger IN ('manual', 'scheduled')),
        started_by INTEGER REFERENCES users(id),
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
        outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'problems')),
        -- PRAGMA integrity_check's messages, [] when it answered 'ok'
        database_messages_json TEXT NOT NULL,
        audit_ok INTEGER NOT NULL CHECK (audit_ok IN (0, 1)),
        audit_checked INTEGER NOT NULL,
        audit_first_bad_id INTEGER,
        audit_reason TEXT,
        files_checked INTEGER NOT NULL,
        bytes_checked INTEGER NOT NULL,
        missing INTEGER NOT NULL,
        altered INTEGER NOT NULL,
        orphans INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX integrity_checks_finished ON integrity_checks (finished_at);
      CREATE TABLE integrity_problems (
        id INTEGER PRIMARY KEY,
        check_id INTEGER NOT NULL REFERENCES integrity_checks(id),
        kind TEXT NOT NULL CHECK (kind IN ('missing', 'altered', 'orphan')),
        attachment_id INTEGER,
        -- relative to the data folder: attachments/ab/cd/<sha256>
        file TEXT NOT NULL,
        size INTEGER,
        original_name TEXT NOT NULL DEFAULT '',
        -- [{ kind, id, label }] the records using the attachment, at most 50
        records_json TEXT NOT NULL DEFAULT '[]',
        records_total INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX integrity_problems_check ON integrity_problems (check_id, id);
      CREATE INDEX martyrs_scan_attachment ON martyrs (scan_attachment_id) WHERE scan_attachment_id IS NOT NULL;
      CREATE INDEX plaques_signature_attachment ON plaques (signature_attachment_id) WHERE signature_attachment_id IS NOT NULL;
      CREATE INDEX plaque_events_attachment ON plaque_events (attachment_id) WHERE attachment_id IS NOT NULL;
    `);
  },
};
