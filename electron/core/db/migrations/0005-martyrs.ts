import type { Migration } from '../migrate';

/**
 * The martyrs' roll. People are one shared table (martyrs now; awardees, qualifying persons and
 * family members later) with their relations; a martyr record adds the martyr's fields, its
 * provenance (source, page, scan), its workflow state and the keys its list is sorted by.
 * `martyr_fts` indexes names, places, units and deeds one token per character (unicode61 over
 * space-separated characters), so a 1- or 2-character fragment is found; FTS5's trigram
 * tokenizer finds nothing under 3 characters (TOOLCHAIN.md).
 */
export const m0005: Migration = {
  version: 5,
  name: 'martyrs',
  up(db) {
    db.exec(`
      CREATE TABLE persons (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        gender TEXT NOT NULL DEFAULT 'unknown' CHECK (gender IN ('male', 'female', 'unknown')),
        ethnicity TEXT NOT NULL DEFAULT '',
        id_number TEXT,
        birth_verbatim TEXT NOT NULL DEFAULT '',
        birth_edtf TEXT,
        birth_earliest TEXT,
        birth_latest TEXT,
        native_place_text TEXT NOT NULL DEFAULT '',
        native_place_code TEXT REFERENCES divisions(code),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX persons_id_number ON persons (id_number) WHERE id_number IS NOT NULL;
      CREATE INDEX persons_native_place ON persons (native_place_code) WHERE native_place_code IS NOT NULL;

      CREATE TABLE person_relations (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES persons(id),
        related_person_id INTEGER NOT NULL REFERENCES persons(id),
        -- what the related person is to the person: parent, spouse, child, sibling, guardian, other
        relation TEXT NOT NULL CHECK (relation IN ('parent', 'spouse', 'child', 'sibling', 'guardian', 'other')),
        note TEXT NOT NULL DEFAULT '',
        UNIQUE (person_id, related_person_id, relation)
      ) STRICT;
      CREATE INDEX person_relations_related ON person_relations (related_person_id);

      CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('register', 'printed_roll', 'certificate', 'letter', 'other')),
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE martyrs (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL UNIQUE REFERENCES persons(id),
        version INTEGER NOT NULL DEFAULT 1,
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'verified', 'returned')),
        return_reason TEXT,
        unnamed INTEGER NOT NULL DEFAULT 0 CHECK (unnamed IN (0, 1)),
        joined_verbatim TEXT NOT NULL DEFAULT '', joined_edtf TEXT, joined_earliest TEXT, joined_latest TEXT,
        party_verbatim TEXT NOT NULL DEFAULT '', party_edtf TEXT, party_earliest TEXT, party_latest TEXT,
        unit_post TEXT NOT NULL DEFAULT '',
        merits TEXT NOT NULL DEFAULT '',
        death_verbatim TEXT NOT NULL DEFAULT '', death_edtf TEXT, death_earliest TEXT, death_latest TEXT,
        death_place_text TEXT NOT NULL DEFAULT '',
        death_place_code TEXT REFERENCES divisions(code),
        death_cause TEXT NOT NULL DEFAULT '',
        period TEXT CHECK (period IN ('first_civil_war', 'agrarian_revolution', 'anti_japanese', 'liberation', 'korea', 'construction', 'new_era', 'other')),
        burial_place TEXT NOT NULL DEFAULT '',
        cemetery TEXT NOT NULL DEFAULT '',
        approved_by TEXT NOT NULL DEFAULT '',
        approved_verbatim TEXT NOT NULL DEFAULT '', approved_edtf TEXT, approved_earliest TEXT, approved_latest TEXT,
        certificate_no TEXT NOT NULL DEFAULT '',
        deeds TEXT NOT NULL DEFAULT '',
        remarks TEXT NOT NULL DEFAULT '',
        source_id INTEGER REFERENCES sources(id),
        source_page TEXT NOT NULL DEFAULT '',
        source_item TEXT NOT NULL DEFAULT '',
        scan_attachment_id INTEGER,
        scan_page INTEGER,
        scan_region_json TEXT,
        -- sort keys, derived from the name and dates by shared/rules
        stroke_surname_key TEXT NOT NULL,
        stroke_full_key TEXT NOT NULL,
        pinyin TEXT NOT NULL,
        initials TEXT NOT NULL,
        death_sort TEXT NOT NULL DEFAULT '9999-12-31',
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES users(id),
        deleted_at TEXT,
        deleted_by INTEGER REFERENCES users(id),
        delete_reason TEXT
      ) STRICT;
      CREATE INDEX martyrs_stroke_surname ON martyrs (stroke_surname_key, id) WHERE deleted_at IS NULL;
      CREATE INDEX martyrs_stroke_full ON martyrs (stroke_full_key, id) WHERE deleted_at IS NULL;
      CREATE INDEX martyrs_pinyin ON martyrs (pinyin, id) WHERE deleted_at IS NULL;
      CREATE INDEX martyrs_death ON martyrs (death_sort, id) WHERE deleted_at IS NULL;
      CREATE INDEX martyrs_status ON martyrs (status, updated_at, id) WHERE deleted_at IS NULL;
      CREATE INDEX martyrs_deleted ON martyrs (deleted_at, id) WHERE deleted_at IS NOT NULL;
      CREATE INDEX martyrs_source ON martyrs (source_id, id);
      CREATE INDEX martyrs_death_place ON martyrs (death_place_code) WHERE death_place_code IS NOT NULL;
      CREATE INDEX martyrs_certificate ON martyrs (certificate_no) WHERE certificate_no <> '';

      CREATE TABLE martyr_history (
        id INTEGER PRIMARY KEY,
        martyr_id INTEGER NOT NULL REFERENCES martyrs(id),
        version INTEGER NOT NULL,
        at TEXT NOT NULL,
        user_id INTEGER REFERENCES users(id),
        action TEXT NOT NULL,
        reason TEXT,
        changes_json TEXT NOT NULL
      ) STRICT;
      CREATE INDEX martyr_history_martyr ON martyr_history (martyr_id, id);

      CREATE VIRTUAL TABLE martyr_fts USING fts5(
        name, pinyin, place, unit, cert, deeds,
        tokenize = 'unicode61 remove_diacritics 0',
        content = '', contentless_delete = 1
      );
    `);
  },
};
