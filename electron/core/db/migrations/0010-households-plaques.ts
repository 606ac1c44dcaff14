import type { Migration } from '../migrate';

/**
 * Households (户籍) and "Glorious Military Family" plaques (光荣牌). People stay one table:
 * living people gain a phone, an address (as written + a division down to the village) and
 * whether and when they died. A person belongs to at most one household. A qualification says
 * which member qualifies the household in which of the five categories, on a certificate or an
 * application. `plaques` holds each physical plaque; a reissued or replaced one is `superseded`
 * and names its successor. One household, one plaque: the partial unique index refuses a second
 * plaque in use. `plaque_events` is each plaque's lifecycle, with dates, reasons and documents.
 */
export const m0010: Migration = {
  version: 10,
  name: 'households-plaques',
  up(db) {
    db.exec(`
      ALTER TABLE persons ADD COLUMN phone TEXT NOT NULL DEFAULT '';
      ALTER TABLE persons ADD COLUMN address_text TEXT NOT NULL DEFAULT '';
      ALTER TABLE persons ADD COLUMN address_code TEXT REFERENCES divisions(code);
      ALTER TABLE persons ADD COLUMN deceased INTEGER NOT NULL DEFAULT 0 CHECK (deceased IN (0, 1));
      ALTER TABLE persons ADD COLUMN death_date TEXT NOT NULL DEFAULT '';
      ALTER TABLE persons ADD COLUMN birth_date TEXT NOT NULL DEFAULT '';
      ALTER TABLE persons ADD COLUMN remarks TEXT NOT NULL DEFAULT '';
      UPDATE persons SET deceased = 1 WHERE id IN (SELECT person_id FROM martyrs);
      CREATE INDEX persons_name ON persons (name);

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
      CREATE INDEX households_division ON households (division_code, id);

      CREATE TABLE household_members (
        id INTEGER PRIMARY KEY,
        household_id INTEGER NOT NULL REFERENCES households(id),
        person_id INTEGER NOT NULL UNIQUE REFERENCES persons(id),
        relation_to_head TEXT NOT NULL CHECK (relation_to_head IN ('head', 'spouse', 'parent', 'child', 'sibling', 'guardian', 'other'))
      ) STRICT;
      CREATE INDEX household_members_household ON household_members (household_id, id);

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
      -- one household, one plaque in use
      CREATE UNIQUE INDEX plaques_one_per_household ON plaques (household_id) WHERE status IN ('made', 'issued', 'hung', 'taken_back');
      CREATE INDEX plaques_household ON plaques (household_id, id);
      CREATE INDEX plaques_status ON plaques (status);

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
      CREATE INDEX plaque_events_plaque ON plaque_events (plaque_id, id);
    `);
  },
};
