-- Guangrong database schema, version 4.
-- GENERATED from electron/core/db/migrations by `npm run schema`; do not edit. A test checks it.

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

CREATE TABLE divisions (
        code TEXT PRIMARY KEY CHECK (length(code) = 12),
        name TEXT NOT NULL,
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        parent_code TEXT REFERENCES divisions(code),
        pinyin TEXT NOT NULL,
        initials TEXT NOT NULL,
        source TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;

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

CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
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

CREATE INDEX audit_log_at ON audit_log (at);

CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);

CREATE INDEX audit_log_user ON audit_log (user_id, id);

CREATE INDEX divisions_initials ON divisions (initials);

CREATE INDEX divisions_parent ON divisions (parent_code, code);

CREATE INDEX divisions_pinyin ON divisions (pinyin);

CREATE INDEX jobs_status ON jobs (status, id);

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
