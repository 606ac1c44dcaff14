import type { Migration } from '../migrate';

/**
 * Column mappings remembered per spreadsheet layout (导入列对应): for an import kind
 * ('martyrs', 'awards' …) and the signature of a header row (a hash of its normalized cells,
 * electron/core/imports/header.ts), which column holds which field. The next file with the same
 * header is mapped without asking again.
 */
export const m0007: Migration = {
  version: 7,
  name: 'import-mappings',
  up(db) {
    db.exec(`
      CREATE TABLE import_mappings (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        header_signature TEXT NOT NULL,
        mapping_json TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES users(id),
        UNIQUE (kind, header_signature)
      ) STRICT;
    `);
  },
};
