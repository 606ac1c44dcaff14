import type { Migration } from '../migrate';

/**
 * Merit awards (立功受奖) and good-news letters (喜报), DESIGN.md §2.2.
 *
 * - `award_classes`: 八一勋章 … 嘉奖 and the classes the office adds, each with the working days
 *   a letter of that class has from receipt to delivery and who must deliver it.
 * - `office_calendar`: the office's exceptions to the Monday–Friday week: holidays, and the
 *   weekend days worked instead (调休).
 * - `awards`: the recipient is a person (the shared `persons` table) or a unit / collective.
 * - `good_news_letters`: one letter follows an award to one family. A second live letter for the
 *   same award is refused by the unique index `good_news_letters_one_per_award`, whatever the
 *   code above it does (duplicate deliveries are what offices fear most); a cancelled letter
 *   leaves room for the corrected one. `due_on` is kept with the letter (indexed for the home
 *   page's overdue and due-soon lists) and recomputed for open letters when the calendar or
 *   the class's days change.
 * - `letter_events`: the letter's lifecycle, who did what and when.
 */
export const m0011: Migration = {
  version: 11,
  name: 'awards-letters',
  up(db) {
    db.exec(`
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

      CREATE TABLE office_calendar (
        day TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
        name TEXT NOT NULL DEFAULT ''
      ) STRICT, WITHOUT ROWID;

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
      CREATE INDEX awards_person ON awards (person_id) WHERE person_id IS NOT NULL;
      CREATE INDEX awards_class_date ON awards (class_id, award_date);
      CREATE INDEX awards_date ON awards (award_date, id);
      CREATE INDEX awards_order_no ON awards (order_no) WHERE order_no <> '';

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
      CREATE UNIQUE INDEX good_news_letters_one_per_award ON good_news_letters (award_id) WHERE status <> 'cancelled';
      CREATE INDEX good_news_letters_open_due ON good_news_letters (due_on, id) WHERE status IN ('received', 'registered', 'verified');
      CREATE INDEX good_news_letters_status ON good_news_letters (status, due_on, id);

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
      CREATE INDEX letter_events_letter ON letter_events (letter_id, id);
    `);
    const insert = db.prepare('INSERT INTO award_classes (code, name, position, deadline_days, deliverers, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    const at = new Date(0).toISOString();
    const classes: [string, string, number, string][] = [
      ['bayi_medal', '八一勋章', 5, '市（地）退役军人事务局负责人会同军分区领导'],
      ['honorary_title', '荣誉称号', 5, '市（地）退役军人事务局负责人会同军分区领导'],
      ['first_class', '一等功', 5, '市（地）退役军人事务局负责人会同军分区领导'],
      ['second_class', '二等功', 7, '县（区）退役军人事务局局长会同县（区）人武部领导'],
      ['third_class', '三等功', 10, '乡镇（街道）负责人会同县（区）人武部人员'],
      ['outstanding_soldier', '优秀士兵', 10, '乡镇（街道）退役军人服务站人员'],
      ['commendation', '嘉奖', 15, '乡镇（街道）退役军人服务站人员'],
    ];
    classes.forEach(([code, name, days, deliverers], i) => insert.run(code, name, i + 1, days, deliverers, at));
  },
};
