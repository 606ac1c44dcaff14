-- Guangrong database schema, version 14.
-- GENERATED from electron/core/db/migrations by `npm run schema`; do not edit. A test checks it.

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

CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id INTEGER REFERENCES users(id),
        username TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT,
        action TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;

CREATE TABLE award_classes (
        id INTEGER PRIMARY KEY,
        -- built-in classes have a code; the office's own have none
        code TEXT UNIQUE,
        name TEXT NOT NULL UNIQUE,
        position INTEGER NOT NULL,
        deadline_days INTEGER NOT NULL CHECK (deadline_days BETWEEN 1 AND 60),
        deliverers TEXT NOT NULL DEFAULT '',
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        updated_at TEXT NOT NULL
      ) STRICT;

CREATE TABLE awards (
        id INTEGER PRIMARY KEY,
        version INTEGER NOT NULL DEFAULT 1,
        recipient_kind TEXT NOT NULL CHECK (recipient_kind IN ('person', 'unit')),
        person_id INTEGER REFERENCES persons(id),
        unit_name TEXT NOT NULL DEFAULT '',
        unit_type TEXT NOT NULL DEFAULT '',
        unit_division_code TEXT REFERENCES divisions(code),
        class_id INTEGER NOT NULL REFERENCES award_classes(id),
        authority TEXT NOT NULL DEFAULT '',
        order_no TEXT NOT NULL DEFAULT '',
        award_date TEXT,
        citation TEXT NOT NULL DEFAULT '',
        soldier_unit TEXT NOT NULL DEFAULT '',
        enlisted_on TEXT,
        remarks TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES users(id),
        CHECK ((recipient_kind = 'person') = (person_id IS NOT NULL)),
        CHECK (recipient_kind = 'person' OR unit_name <> '')
      ) STRICT;

CREATE TABLE divisions (
        code TEXT PRIMARY KEY CHECK (length(code) = 12),
        name TEXT NOT NULL,
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        parent_code TEXT REFERENCES divisions(code),
        pinyin TEXT NOT NULL,
        initials TEXT NOT NULL,
        source TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;

CREATE TABLE good_news_letters (
        id INTEGER PRIMARY KEY,
        version INTEGER NOT NULL DEFAULT 1,
        award_id INTEGER NOT NULL REFERENCES awards(id),
        status TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'registered', 'verified', 'delivered', 'feedback', 'cancelled')),
        family_name TEXT NOT NULL DEFAULT '',
        family_relation TEXT NOT NULL DEFAULT '',
        family_address TEXT NOT NULL,
        family_division_code TEXT REFERENCES divisions(code),
        family_phone TEXT NOT NULL DEFAULT '',
        received_on TEXT NOT NULL,
        due_on TEXT NOT NULL,
        deliverers TEXT NOT NULL DEFAULT '',
        delivered_on TEXT,
        delivered_by TEXT NOT NULL DEFAULT '',
        delivered_with TEXT NOT NULL DEFAULT '',
        delivery_note TEXT NOT NULL DEFAULT '',
        feedback_on TEXT,
        feedback TEXT NOT NULL DEFAULT '',
        return_reason TEXT,
        cancel_reason TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES users(id),
        CHECK (status NOT IN ('delivered', 'feedback') OR (delivered_on IS NOT NULL AND delivered_by <> ''))
      ) STRICT;

CREATE TABLE household_members (
        id INTEGER PRIMARY KEY,
        household_id INTEGER NOT NULL REFERENCES households(id),
        person_id INTEGER NOT NULL UNIQUE REFERENCES persons(id),
        relation_to_head TEXT NOT NULL CHECK (relation_to_head IN ('head', 'spouse', 'parent', 'child', 'sibling', 'guardian', 'other'))
      ) STRICT;

CREATE TABLE households (
        id INTEGER PRIMARY KEY,
        registration_no TEXT NOT NULL DEFAULT '',
        head_person_id INTEGER NOT NULL REFERENCES persons(id),
        address_text TEXT NOT NULL DEFAULT '',
        division_code TEXT NOT NULL REFERENCES divisions(code),
        phone TEXT NOT NULL DEFAULT '',
        remarks TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES users(id)
      ) STRICT;

CREATE TABLE import_mappings (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        header_signature TEXT NOT NULL,
        mapping_json TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES users(id),
        UNIQUE (kind, header_signature)
      ) STRICT;

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

CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'cancelled')),
        done INTEGER NOT NULL DEFAULT 0,
        total INTEGER NOT NULL DEFAULT 0,
        phase TEXT NOT NULL DEFAULT '',
        started_by INTEGER REFERENCES users(id),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        error_json TEXT,
        result_json TEXT
      ) STRICT;

CREATE TABLE letter_events (
        id INTEGER PRIMARY KEY,
        letter_id INTEGER NOT NULL REFERENCES good_news_letters(id),
        at TEXT NOT NULL,
        user_id INTEGER REFERENCES users(id),
        action TEXT NOT NULL,
        from_status TEXT,
        to_status TEXT NOT NULL,
        reason TEXT,
        details_json TEXT
      ) STRICT;

CREATE VIRTUAL TABLE martyr_fts USING fts5(
        name, pinyin, place, unit, cert, deeds, name2, place2, unit2, cert2, deeds2,
        tokenize = 'unicode61 remove_diacritics 0',
        content = '', contentless_delete = 1
      );

CREATE TABLE 'martyr_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'martyr_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'martyr_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);

CREATE TABLE 'martyr_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

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
      , merged_into INTEGER REFERENCES martyrs(id), search_label INTEGER) STRICT;

CREATE TABLE office_calendar (
        day TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
        name TEXT NOT NULL DEFAULT ''
      ) STRICT, WITHOUT ROWID;

CREATE TABLE person_relations (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES persons(id),
        related_person_id INTEGER NOT NULL REFERENCES persons(id),
        -- what the related person is to the person: parent, spouse, child, sibling, guardian, other
        relation TEXT NOT NULL CHECK (relation IN ('parent', 'spouse', 'child', 'sibling', 'guardian', 'other')),
        note TEXT NOT NULL DEFAULT '',
        UNIQUE (person_id, related_person_id, relation)
      ) STRICT;

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
      , phone TEXT NOT NULL DEFAULT '', address_text TEXT NOT NULL DEFAULT '', address_code TEXT REFERENCES divisions(code), deceased INTEGER NOT NULL DEFAULT 0 CHECK (deceased IN (0, 1)), death_date TEXT NOT NULL DEFAULT '', birth_date TEXT NOT NULL DEFAULT '', remarks TEXT NOT NULL DEFAULT '') STRICT;

CREATE TABLE plaque_events (
        id INTEGER PRIMARY KEY,
        plaque_id INTEGER NOT NULL REFERENCES plaques(id),
        action TEXT NOT NULL,
        from_status TEXT,
        to_status TEXT NOT NULL,
        date TEXT,
        reason TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        document_no TEXT NOT NULL DEFAULT '',
        attachment_id INTEGER REFERENCES attachments(id),
        job_id INTEGER,
        at TEXT NOT NULL,
        user_id INTEGER REFERENCES users(id)
      ) STRICT;

CREATE TABLE plaque_qualifications (
        id INTEGER PRIMARY KEY,
        household_id INTEGER NOT NULL REFERENCES households(id),
        person_id INTEGER NOT NULL REFERENCES persons(id),
        category TEXT NOT NULL CHECK (category IN ('martyr_family', 'duty_death_family', 'illness_death_family', 'active_service', 'veteran')),
        basis TEXT NOT NULL CHECK (basis IN ('certificate', 'application')),
        certificate_no TEXT NOT NULL DEFAULT '',
        application_date TEXT NOT NULL DEFAULT '',
        application_note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        UNIQUE (household_id, person_id, category),
        CHECK (basis = 'certificate' OR application_date <> '')
      ) STRICT;

CREATE TABLE plaques (
        id INTEGER PRIMARY KEY,
        household_id INTEGER NOT NULL REFERENCES households(id),
        qualification_id INTEGER NOT NULL REFERENCES plaque_qualifications(id),
        number TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('made', 'issued', 'hung', 'taken_back', 'cancelled', 'superseded')),
        issued_date TEXT,
        hung_date TEXT,
        hung_place TEXT NOT NULL DEFAULT '',
        signature_attachment_id INTEGER REFERENCES attachments(id),
        replaces_id INTEGER REFERENCES plaques(id),
        last_reason TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1,
        made_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES users(id)
      ) STRICT;

CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('register', 'printed_roll', 'certificate', 'letter', 'other')),
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        updated_at TEXT NOT NULL
      ) STRICT;

CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL COLLATE NOCASE UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'clerk', 'readonly')),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_login_at TEXT
      ) STRICT;

CREATE INDEX attachment_links_attachment ON attachment_links (attachment_id);

CREATE INDEX attachment_links_owner ON attachment_links (owner_kind, owner_id, position);

CREATE INDEX audit_log_at ON audit_log (at);

CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);

CREATE INDEX audit_log_user ON audit_log (user_id, id);

CREATE INDEX awards_class_date ON awards (class_id, award_date);

CREATE INDEX awards_date ON awards (award_date, id);

CREATE INDEX awards_order_no ON awards (order_no) WHERE order_no <> '';

CREATE INDEX awards_person ON awards (person_id) WHERE person_id IS NOT NULL;

CREATE INDEX divisions_initials ON divisions (initials);

CREATE INDEX divisions_parent ON divisions (parent_code, code);

CREATE INDEX divisions_pinyin ON divisions (pinyin);

CREATE UNIQUE INDEX good_news_letters_one_per_award ON good_news_letters (award_id) WHERE status <> 'cancelled';

CREATE INDEX good_news_letters_open_due ON good_news_letters (due_on, id) WHERE status IN ('received', 'registered', 'verified');

CREATE INDEX good_news_letters_status ON good_news_letters (status, due_on, id);

CREATE INDEX household_members_household ON household_members (household_id, id);

CREATE INDEX households_division ON households (division_code, id);

CREATE INDEX integrity_checks_finished ON integrity_checks (finished_at);

CREATE INDEX integrity_problems_check ON integrity_problems (check_id, id);

CREATE INDEX issued_documents_kind ON issued_documents (kind, id);

CREATE INDEX issued_documents_reprint ON issued_documents (reprint_of) WHERE reprint_of IS NOT NULL;

CREATE INDEX jobs_status ON jobs (status, id);

CREATE INDEX letter_events_letter ON letter_events (letter_id, id);

CREATE INDEX martyr_history_martyr ON martyr_history (martyr_id, id);

CREATE INDEX martyrs_certificate ON martyrs (certificate_no) WHERE certificate_no <> '';

CREATE INDEX martyrs_death ON martyrs (death_sort, id, search_label, deleted_at) WHERE deleted_at IS NULL;

CREATE INDEX martyrs_death_place ON martyrs (death_place_code) WHERE death_place_code IS NOT NULL;

CREATE INDEX martyrs_deleted ON martyrs (deleted_at, id) WHERE deleted_at IS NOT NULL;

CREATE INDEX martyrs_merged_into ON martyrs (merged_into) WHERE merged_into IS NOT NULL;

CREATE INDEX martyrs_pinyin ON martyrs (pinyin, id, search_label, deleted_at) WHERE deleted_at IS NULL;

CREATE INDEX martyrs_scan_attachment ON martyrs (scan_attachment_id) WHERE scan_attachment_id IS NOT NULL;

CREATE UNIQUE INDEX martyrs_search_label ON martyrs (search_label) WHERE search_label IS NOT NULL;

CREATE INDEX martyrs_source ON martyrs (source_id, id);

CREATE INDEX martyrs_status ON martyrs (status, updated_at, id) WHERE deleted_at IS NULL;

CREATE INDEX martyrs_stroke_full ON martyrs (stroke_full_key, id, search_label, deleted_at) WHERE deleted_at IS NULL;

CREATE INDEX martyrs_stroke_surname ON martyrs (stroke_surname_key, id, search_label, deleted_at) WHERE deleted_at IS NULL;

CREATE INDEX martyrs_unlabeled ON martyrs (id) WHERE deleted_at IS NULL AND search_label IS NULL;

CREATE INDEX person_relations_related ON person_relations (related_person_id);

CREATE INDEX persons_id_number ON persons (id_number) WHERE id_number IS NOT NULL;

CREATE INDEX persons_name ON persons (name);

CREATE INDEX persons_native_place ON persons (native_place_code) WHERE native_place_code IS NOT NULL;

CREATE INDEX plaque_events_attachment ON plaque_events (attachment_id) WHERE attachment_id IS NOT NULL;

CREATE INDEX plaque_events_plaque ON plaque_events (plaque_id, id);

CREATE INDEX plaques_household ON plaques (household_id, id);

CREATE INDEX plaques_number_nocase ON plaques (number COLLATE NOCASE);

CREATE UNIQUE INDEX plaques_one_per_household ON plaques (household_id) WHERE status IN ('made', 'issued', 'hung', 'taken_back');

CREATE INDEX plaques_signature_attachment ON plaques (signature_attachment_id) WHERE signature_attachment_id IS NOT NULL;

CREATE INDEX plaques_status ON plaques (status);

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
