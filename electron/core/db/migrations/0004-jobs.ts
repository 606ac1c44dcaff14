import type { Migration } from '../migrate';

/** Long work run in worker threads: what, by whom, how far, how it ended. */
export const m0004: Migration = {
  version: 4,
  name: 'jobs',
  up(db) {
    db.exec(`
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
      CREATE INDEX jobs_status ON jobs (status, id);
    `);
  },
};
