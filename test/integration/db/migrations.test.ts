import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/connection';
import { currentVersion, migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { createCore } from '../../../electron/core';
import { dumpSchema } from '../../support/schema';
import { sourceWorker, tempDir } from '../../support/tempCore';

const dirs: string[] = [];
function freshDb(): Database.Database {
  const dir = tempDir();
  dirs.push(dir);
  return openDatabase(join(dir, 'test.db'));
}
afterEach(() => dirs.splice(0));

function objects(db: Database.Database): string[] {
  return (db.prepare("SELECT type || ':' || name AS o FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY 1").all() as { o: string }[]).map((r) => r.o);
}

function plan(db: Database.Database, sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
}

describe('connection', () => {
  it('opens with WAL, foreign keys, synchronous=FULL and a busy timeout', () => {
    const db = freshDb();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(10000);
    db.close();
  });
});

describe('migration runner', () => {
  it('lists migrations in order, numbered from 1', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('refuses a database from a newer version, untouched', () => {
    const db = freshDb();
    migrate(db, migrations);
    db.pragma(`user_version = ${migrations.length + 5}`);
    const before = objects(db);
    expect(() => migrate(db, migrations)).toThrowError(expect.objectContaining({ code: 'DATABASE_TOO_NEW' }));
    expect(objects(db)).toEqual(before);
    expect(currentVersion(db)).toBe(migrations.length + 5);
    db.close();
  });

  it('createCore refuses it too, with a message in Chinese and English', () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'guangrong.db'));
    db.pragma('user_version = 999');
    db.close();
    expect(() => createCore({ dataDir: dir, worker: sourceWorker })).toThrowError(expect.objectContaining({ code: 'DATABASE_TOO_NEW', text: expect.objectContaining({ zh: expect.stringContaining('更新版本') }) }));
  });

  it('refuses a file that is not a database, and leaves it as it was', () => {
    const dir = tempDir();
    const file = join(dir, 'guangrong.db');
    const junk = Buffer.from('this is not an sqlite database, it is a letter. '.repeat(200));
    writeFileSync(file, junk);
    expect(() => createCore({ dataDir: dir, worker: sourceWorker })).toThrowError(expect.objectContaining({ code: 'DATABASE_CORRUPT' }));
    expect(readFileSync(file).equals(junk)).toBe(true);
  });

  it('rolls back a failing migration whole and keeps the version', () => {
    const db = freshDb();
    const broken = [...migrations, { version: migrations.length + 1, name: 'broken', up: (d: Database.Database) => d.exec('CREATE TABLE half (x); SELECT * FROM no_such_table;') }];
    expect(() => migrate(db, broken)).toThrow();
    expect(currentVersion(db)).toBe(migrations.length);
    expect(objects(db)).not.toContain('table:half');
    db.close();
  });
});

describe('each migration', () => {
  it('0001 users-settings: accounts with a unique, case-insensitive name and a role check', () => {
    const db = freshDb();
    migrate(db, migrations, 1);
    expect(currentVersion(db)).toBe(1);
    expect(objects(db)).toEqual(['table:settings', 'table:users']);
    const insert = db.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at) VALUES (?, 'x', ?, 'h', 't', 't')");
    insert.run('Admin', 'admin');
    expect(() => insert.run('admin', 'clerk')).toThrow(/UNIQUE/);
    expect(() => insert.run('other', 'emperor')).toThrow(/CHECK/);
    db.close();
  });

  it('0002 audit-log: append-only, indexed by entity', () => {
    const db = freshDb();
    migrate(db, migrations, 2);
    expect(objects(db)).toEqual(expect.arrayContaining(['table:audit_log', 'trigger:audit_log_no_update', 'trigger:audit_log_no_delete', 'index:audit_log_entity']));
    expect(plan(db, 'SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC', 'user', '1')).toMatch(/audit_log_entity/);
    db.close();
  });

  it('0003 divisions: children and pinyin lookups use their indexes', () => {
    const db = freshDb();
    migrate(db, migrations, 3);
    expect(objects(db)).toEqual(expect.arrayContaining(['table:divisions', 'index:divisions_parent', 'index:divisions_pinyin']));
    expect(plan(db, 'SELECT * FROM divisions WHERE parent_code = ? ORDER BY code', '370000000000')).toMatch(/divisions_parent/);
    expect(plan(db, "SELECT * FROM divisions WHERE pinyin LIKE 'hui%'")).toMatch(/divisions_pinyin/);
    expect(plan(db, "SELECT * FROM divisions WHERE code LIKE '3716%'")).toMatch(/PRIMARY KEY|USING INDEX/);
    db.close();
  });

  it('0004 jobs: running jobs found by status', () => {
    const db = freshDb();
    migrate(db, migrations, 4);
    expect(objects(db)).toEqual(expect.arrayContaining(['table:jobs', 'index:jobs_status']));
    expect(plan(db, "SELECT * FROM jobs WHERE status = 'running'")).toMatch(/jobs_status/);
    db.close();
  });

  it('0005 martyrs: every list order has its keyset index, and 2-character name fragments are found by FTS', () => {
    const db = freshDb();
    migrate(db, migrations, 5);
    expect(objects(db)).toEqual(expect.arrayContaining(['table:persons', 'table:person_relations', 'table:sources', 'table:martyrs', 'table:martyr_history', 'table:martyr_fts']));
    for (const [key, index] of [['stroke_surname_key', 'martyrs_stroke_surname'], ['stroke_full_key', 'martyrs_stroke_full'], ['pinyin', 'martyrs_pinyin'], ['death_sort', 'martyrs_death']]) {
      expect(plan(db, `SELECT id FROM martyrs WHERE deleted_at IS NULL AND (${key}, id) > (?, ?) ORDER BY ${key}, id LIMIT 50`, 'x', 1)).toMatch(new RegExp(index!));
    }
    db.prepare("INSERT INTO martyr_fts (rowid, name, pinyin, place, unit, cert, deeds) VALUES (1, '张 德 胜', 'zhangdesheng zds', '', '', '', '')").run();
    db.prepare("INSERT INTO martyr_fts (rowid, name, pinyin, place, unit, cert, deeds) VALUES (2, '德 张', 'dezhang dz', '', '', '', '')").run();
    const hits = (q: string) => (db.prepare('SELECT rowid FROM martyr_fts WHERE martyr_fts MATCH ? ORDER BY rowid').all(q) as { rowid: number }[]).map((r) => r.rowid);
    expect(hits('name : "张 德"')).toEqual([1]);
    expect(hits('name : "德"')).toEqual([1, 2]);
    expect(hits('pinyin : zd*')).toEqual([1]);
    db.close();
  });
});

describe('later migrations', () => {
  it('0006 attachments: one row per content, links from owners in order', () => {
    const db = freshDb();
    migrate(db, migrations, 6);
    expect(currentVersion(db)).toBe(6);
    expect(objects(db)).toEqual(expect.arrayContaining(['table:attachments', 'table:attachment_links']));
    db.close();
  });

  it('0007 import-mappings: a remembered column mapping per kind and header signature', () => {
    const db = freshDb();
    migrate(db, migrations, 7);
    expect(currentVersion(db)).toBe(7);
    expect(objects(db)).toEqual(expect.arrayContaining(['table:import_mappings']));
    db.close();
  });

  it('0008 martyr-merges: a merged record points at the record it went into', () => {
    const db = freshDb();
    migrate(db, migrations, 8);
    expect(objects(db)).toEqual(expect.arrayContaining(['index:martyrs_merged_into']));
    expect(plan(db, 'SELECT id FROM martyrs WHERE merged_into = ?', 1)).toMatch(/martyrs_merged_into/);
    db.close();
  });
});

describe('0009 search-order', () => {
  it('labels the default order, carries the label in every order index, and recreates the index with bigram columns', () => {
    const db = freshDb();
    migrate(db, migrations, 9);
    expect(objects(db)).toEqual(expect.arrayContaining(['index:martyrs_search_label', 'index:martyrs_unlabeled', 'table:martyr_fts']));
    // the list walked in any order checks a hit from the index alone (covering: no row read)
    for (const [key, index] of [['stroke_surname_key', 'martyrs_stroke_surname'], ['stroke_full_key', 'martyrs_stroke_full'], ['pinyin', 'martyrs_pinyin'], ['death_sort', 'martyrs_death']]) {
      expect(plan(db, `SELECT id, search_label FROM martyrs WHERE deleted_at IS NULL AND (${key}, id) > (?, ?) ORDER BY ${key}, id LIMIT 50`, 'x', 1)).toMatch(new RegExp(`COVERING INDEX ${index!}`));
    }
    // a search page in the default order reads the index in rowid order: no sort of the hits
    expect(
      plan(db, `SELECT m.id FROM (SELECT rowid AS label FROM martyr_fts WHERE martyr_fts MATCH 'x' AND rowid > 0 ORDER BY rowid) f CROSS JOIN martyrs m ON m.search_label = f.label ORDER BY f.label LIMIT 50`),
    ).not.toMatch(/TEMP B-TREE/);
    db.prepare("INSERT INTO martyr_fts (rowid, name, name2) VALUES (1024, '惠 民 县', '惠民 民县')").run();
    expect(db.prepare(`SELECT rowid FROM martyr_fts WHERE martyr_fts MATCH 'name2 : "惠民 民县"'`).all()).toEqual([{ rowid: 1024 }]);
    db.close();
  });
});

describe('0010 households-plaques', () => {
  function migrated10(): Database.Database {
    const db = freshDb();
    migrate(db, migrations, 10);
    expect(currentVersion(db)).toBe(10);
    return db;
  }

  it('creates the household, member, qualification, plaque and event tables with their indexes', () => {
    const db = migrated10();
    expect(objects(db)).toEqual(
      expect.arrayContaining([
        'table:households', 'table:household_members', 'table:plaque_qualifications', 'table:plaques', 'table:plaque_events',
        'index:households_division', 'index:household_members_household', 'index:plaques_one_per_household', 'index:plaques_household', 'index:plaques_status', 'index:plaque_events_plaque', 'index:persons_name',
      ]),
    );
    db.close();
  });

  it('the ledger page, a household’s plaques and history, the batch and the counts use their indexes', () => {
    const db = migrated10();
    // a keyset page of the ledger under a village: the division index, in its order (no sort)
    const page = plan(db, `SELECT h.id FROM households h WHERE h.division_code >= ? AND h.division_code < ? AND (h.division_code, h.id) > (?, ?) ORDER BY h.division_code, h.id LIMIT 101`, '371621101001', '371621101002', '', 0);
    expect(page).toMatch(/households_division/);
    expect(page).not.toMatch(/TEMP B-TREE/);
    expect(plan(db, 'SELECT id FROM plaques WHERE household_id = ? ORDER BY id DESC', 1)).toMatch(/plaques_(household|one_per_household)/);
    expect(plan(db, 'SELECT id FROM plaque_events WHERE plaque_id = ? ORDER BY id DESC', 1)).toMatch(/plaque_events_plaque/);
    expect(plan(db, 'SELECT id FROM household_members WHERE household_id = ? ORDER BY id', 1)).toMatch(/household_members_household/);
    expect(plan(db, `SELECT id FROM plaques WHERE status = ?`, 'made')).toMatch(/plaques_status/);
    expect(plan(db, 'SELECT id FROM persons WHERE name = ?', '张光明')).toMatch(/persons_name/);
    db.close();
  });

  it('refuses a second plaque in use for a household, and lets a cancelled or superseded one stand beside it', () => {
    const db = migrated10();
    const at = '2026-07-01T00:00:00.000Z';
    db.prepare("INSERT INTO divisions (code, name, level, parent_code, pinyin, initials, source) VALUES ('371621101001', '幸福村', 5, NULL, '', '', 'test')").run();
    db.prepare("INSERT INTO persons (id, name, created_at, updated_at) VALUES (1, '张光明', ?, ?)").run(at, at);
    db.prepare("INSERT INTO households (id, head_person_id, division_code, created_at, updated_at) VALUES (1, 1, '371621101001', ?, ?)").run(at, at);
    db.prepare("INSERT INTO plaque_qualifications (id, household_id, person_id, category, basis, certificate_no, created_at) VALUES (1, 1, 1, 'veteran', 'certificate', 'C1', ?)").run(at);
    const plaque = db.prepare('INSERT INTO plaques (household_id, qualification_id, number, status, made_at, updated_at) VALUES (1, 1, ?, ?, ?, ?)');
    plaque.run('N-1', 'hung', at, at);
    for (const status of ['made', 'issued', 'hung', 'taken_back']) {
      expect(() => plaque.run(`N-${status}`, status, at, at)).toThrow(/UNIQUE constraint failed: plaques.household_id/);
    }
    plaque.run('N-2', 'cancelled', at, at);
    plaque.run('N-3', 'superseded', at, at);
    expect(() => plaque.run('N-2', 'superseded', at, at)).toThrow(/UNIQUE constraint failed: plaques.number/);
    // an application without its date is refused by the table too
    expect(() => db.prepare("INSERT INTO plaque_qualifications (household_id, person_id, category, basis, created_at) VALUES (1, 1, 'active_service', 'application', ?)").run(at)).toThrow(/CHECK constraint failed/);
    db.close();
  });
});

describe('migration 0012 (issued documents)', () => {
  it('refuses a second document under the same serial, a bad sha256, and a reprint of nothing', () => {
    const db = freshDb();
    migrate(db, migrations);
    const at = '2026-11-23T09:00:00.000Z';
    const insert = db.prepare("INSERT INTO issued_documents (serial, kind, title, subject_json, records, pages, size, sha256, file, reprint_of, created_at) VALUES (?, 'letters', '喜报', '{}', 1, 1, 10, ?, ?, ?, ?)");
    const sha = 'a'.repeat(64);
    insert.run('XB2026-000001', sha, 'documents/XB2026-000001.pdf', null, at);
    expect(() => insert.run('XB2026-000001', sha, 'documents/other.pdf', null, at)).toThrow(/UNIQUE constraint failed: issued_documents.serial/);
    expect(() => insert.run('XB2026-000002', 'abc', 'documents/XB2026-000002.pdf', null, at)).toThrow(/CHECK constraint failed/);
    expect(() => insert.run('XB2026-000003', sha, 'documents/XB2026-000003.pdf', 99, at)).toThrow(/FOREIGN KEY constraint failed/);
    db.close();
  });
});

describe('migration 0014 (integrity checks)', () => {
  it('keeps a run with its problems, and refuses an unknown trigger, outcome or problem kind, and a problem of no run', () => {
    const db = freshDb();
    migrate(db, migrations);
    const at = '2026-11-23T09:00:00.000Z';
    const run = db.prepare(
      `INSERT INTO integrity_checks (trigger, started_at, finished_at, duration_ms, outcome, database_messages_json, audit_ok, audit_checked, files_checked, bytes_checked, missing, altered, orphans)
       VALUES (?, ?, ?, 10, ?, '[]', 1, 5, 2, 100, 0, 0, 1)`,
    );
    const id = Number(run.run('scheduled', at, at, 'problems').lastInsertRowid);
    expect(() => run.run('weekly', at, at, 'ok')).toThrow(/CHECK constraint failed/);
    expect(() => run.run('manual', at, at, 'fine')).toThrow(/CHECK constraint failed/);
    const problem = db.prepare("INSERT INTO integrity_problems (check_id, kind, file) VALUES (?, ?, 'attachments/ab/cd/x')");
    problem.run(id, 'orphan');
    expect(() => problem.run(id, 'lost')).toThrow(/CHECK constraint failed/);
    expect(() => problem.run(id + 1, 'missing')).toThrow(/FOREIGN KEY constraint failed/);
    expect(plan(db, 'SELECT * FROM integrity_problems WHERE check_id = ? ORDER BY id', id)).toMatch(/integrity_problems_check/);
    // The records that point at one attachment are found by index (the check asks for every problem).
    expect(plan(db, 'SELECT id FROM martyrs WHERE scan_attachment_id = ? AND deleted_at IS NULL', 1)).toMatch(/martyrs_scan_attachment/);
    expect(plan(db, 'SELECT id FROM plaques WHERE signature_attachment_id = ?', 1)).toMatch(/plaques_signature_attachment/);
    expect(plan(db, 'SELECT plaque_id FROM plaque_events WHERE attachment_id = ?', 1)).toMatch(/plaque_events_attachment/);
    db.close();
  });
});

describe('resources/db/schema.sql', () => {
  it('is the schema the migrations produce (run `npm run schema` after adding one)', () => {
    const db = freshDb();
    migrate(db, migrations);
    const committed = readFileSync(join(import.meta.dirname, '../../../resources/db/schema.sql'), 'utf8');
    expect(committed).toBe(dumpSchema(db));
    db.close();
  });
});
