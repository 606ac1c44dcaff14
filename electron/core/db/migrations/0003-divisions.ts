import type { Migration } from '../migrate';

/**
 * Administrative divisions by 12-digit statistical code: levels 1–3 from the shipped national
 * data, townships (4) and villages (5) loaded per county. Pinyin columns serve the search box.
 */
export const m0003: Migration = {
  version: 3,
  name: 'divisions',
  up(db) {
    db.exec(`
      CREATE TABLE divisions (
        code TEXT PRIMARY KEY CHECK (length(code) = 12),
        name TEXT NOT NULL,
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        parent_code TEXT REFERENCES divisions(code),
        pinyin TEXT NOT NULL,
        initials TEXT NOT NULL,
        source TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX divisions_parent ON divisions (parent_code, code);
      CREATE INDEX divisions_pinyin ON divisions (pinyin);
      CREATE INDEX divisions_initials ON divisions (initials);
    `);
  },
};
