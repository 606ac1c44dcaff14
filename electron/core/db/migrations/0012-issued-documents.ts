import type { Migration } from '../migrate';

/**
 * The issued-documents register (发文登记): every document the application produced — what,
 * for whom (the records it prints), by whom, when — under a serial number that is printed on
 * the paper. The file is kept under `<dataDir>/documents/` with its sha256, so the register can
 * show the very pages that were issued. A reprint is a new document naming the one it reprints
 * (`reprint_of`), and says so on the paper.
 */
export const m0012: Migration = {
  version: 12,
  name: 'issued-documents',
  up(db) {
    db.exec(`
      CREATE TABLE issued_documents (
        id INTEGER PRIMARY KEY,
        serial TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind <> ''),
        title TEXT NOT NULL,
        -- the records printed, e.g. {"awards":[3,5],"letters":[7,9]}, in the document's order
        subject_json TEXT NOT NULL,
        records INTEGER NOT NULL CHECK (records >= 0),
        -- the first names printed, for the register's list
        names TEXT NOT NULL DEFAULT '',
        pages INTEGER NOT NULL CHECK (pages >= 1),
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        -- relative to the data folder: documents/<serial>.pdf
        file TEXT NOT NULL UNIQUE,
        reprint_of INTEGER REFERENCES issued_documents(id),
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX issued_documents_kind ON issued_documents (kind, id);
      CREATE INDEX issued_documents_reprint ON issued_documents (reprint_of) WHERE reprint_of IS NOT NULL;
    `);
  },
};
