/**
 * Shared by the import integration tests: a migrated database in a temp folder with a toy table,
 * a hand-made JobContext whose cancel button can be pressed at any point, and a toy ImportSpec
 * (people: name, gender, birth, native place, date of death) built on the shared rules.
 */
import { plainVault } from '../../../electron/core/crypto/vault';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../electron/core/db/connection';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { m0007 } from '../../../electron/core/db/migrations/0007-import-mappings';
import { makeWrite } from '../../../electron/core/context';
import { JobCancelled, type JobContext } from '../../../electron/core/jobs/context';
import { cellText, type ImportSpec, type ParsedRow, type RowProblem } from '../../../electron/core/imports';
import { checkPersonName } from '../../../shared/rules/personName';
import { parsePartialDate } from '../../../shared/rules/partialDate';
import { tempDir } from '../../support/tempCore';

export const NOW = '2026-11-23T09:00:00.000Z';

/**
 * A database at the newest schema with the toy table. While the migration list is being
 * renumbered by several people at once, the contiguous prefix is migrated and 0007 applied by hand.
 */
export function importDb(): { db: Db; dataDir: string } {
  const dataDir = tempDir('guangrong-import-');
  const db = openDatabase(join(dataDir, 'guangrong.db'));
  const gap = migrations.findIndex((m, i) => m.version !== i + 1);
  migrate(db, gap < 0 ? migrations : migrations.slice(0, gap));
  const hasMappings = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'import_mappings'").get();
  if (!hasMappings) db.transaction(() => m0007.up(db))();
  db.exec(`CREATE TABLE toy_people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, gender TEXT NOT NULL, birth TEXT, native TEXT, died TEXT, row_number INTEGER NOT NULL) STRICT`);
  return { db, dataDir };
}

export function count(db: Db, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

export interface Progress {
  done: number;
  total: number;
  phase: string;
}

/** A job context; `cancelWhen` is asked at each progress report and presses cancel when it says so. */
export function jobContext(db: Db, options: { dataDir?: string; cancelWhen?: (p: Progress) => boolean } = {}) {
  const progress: Progress[] = [];
  let cancelled = false;
  const now = () => NOW;
  const ctx: JobContext = {
    db,
    dataDir: options.dataDir ?? '',
    resourcesDir: null, vault: plainVault,
    actor: { userId: null, username: 'tester' },
    jobId: 7,
    now,
    progress(done, total, phase) {
      const p = { done, total, phase };
      progress.push(p);
      if (options.cancelWhen?.(p)) cancelled = true;
    },
    throwIfCancelled() {
      if (cancelled) throw new JobCancelled();
    },
    write: makeWrite(db, () => ({ userId: null, username: 'tester' }), now),
  };
  return { ctx, progress };
}

export interface Person {
  name: string;
  gender: 'male' | 'female' | 'unknown';
  birth: string | null;
  native: string | null;
  died: string | null;
}

const GENDERS: Record<string, Person['gender']> = { 男: 'male', 女: 'female', 不详: 'unknown', '': 'unknown' };

/** parsePartialDate costs ~0.1 ms (edtf's parser); ledgers repeat dates, so an import memoizes it. */
const dates = new Map<string, ReturnType<typeof parsePartialDate>>();

function dateField(cell: Parameters<typeof cellText>[0], column: string, problems: RowProblem[]): string | null {
  const text = cellText(cell, { dateColumn: true });
  if (text === '') return null;
  let d = dates.get(text);
  if (!d) dates.set(text, (d = parsePartialDate(text)));
  if (d.ok) return d.edtf;
  problems.push({ column, message: d.reason });
  return null;
}

/** The toy import kind. `onCommitRow` lets a test fail the commit part-way. */
export function peopleSpec(options: { onCommitRow?: (i: number) => void; checkDuplicates?: boolean } = {}): ImportSpec<Person, { inserted: number }> {
  return {
    kind: 'people',
    columns: [
      { key: 'name', label: { zh: '姓名', en: 'Name' }, required: true, aliases: ['烈士姓名'] },
      { key: 'gender', label: { zh: '性别', en: 'Gender' }, aliases: [] },
      { key: 'birth', label: { zh: '出生年月', en: 'Born' }, aliases: ['出生日期', '出生时间'] },
      { key: 'native', label: { zh: '籍贯', en: 'Native place' }, aliases: [] },
      { key: 'died', label: { zh: '牺牲时间', en: 'Died' }, aliases: ['牺牲日期'] },
    ],
    parseRow(cells): ParsedRow<Person> {
      const problems: RowProblem[] = [];
      const name = checkPersonName(cellText(cells.name ?? null));
      if (!name.ok) problems.push({ column: 'name', message: name.reason });
      const gender = GENDERS[cellText(cells.gender ?? null)];
      if (!gender) problems.push({ column: 'gender', message: { zh: '性别应为“男”或“女”', en: 'Gender must be 男 or 女' } });
      const birth = dateField(cells.birth ?? null, 'birth', problems);
      const died = dateField(cells.died ?? null, 'died', problems);
      if (problems.length > 0 || !name.ok) return { ok: false, problems };
      return { ok: true, value: { name: name.normalized, gender: gender!, birth, native: cellText(cells.native ?? null) || null, died } };
    },
    checkAll: options.checkDuplicates
      ? (_db, rows) => {
          const first = new Map<string, number>();
          const problems: { row: number; column: string | null; message: { zh: string; en: string } }[] = [];
          for (const r of rows) {
            const seen = first.get(r.value.name);
            if (seen === undefined) first.set(r.value.name, r.rowNumber);
            else problems.push({ row: r.rowNumber, column: 'name', message: { zh: `与第 ${seen} 行重复`, en: `same as row ${seen}` } });
          }
          return problems;
        }
      : undefined,
    commit(db, values, progress, context) {
      const insert = db.prepare('INSERT INTO toy_people (name, gender, birth, native, died, row_number) VALUES (?, ?, ?, ?, ?, ?)');
      values.forEach((v, i) => {
        options.onCommitRow?.(i);
        insert.run(v.name, v.gender, v.birth, v.native, v.died, context.rowNumbers[i]);
        if ((i + 1) % 100 === 0) progress(i + 1);
      });
      return { inserted: values.length };
    },
  };
}

/** A spec that only copies the name: what the pipeline itself costs. */
export function passThroughSpec(): ImportSpec<string, number> {
  return {
    kind: 'passthrough',
    columns: [{ key: 'name', label: { zh: '姓名', en: 'Name' }, required: true, aliases: [] }],
    parseRow: (cells) => ({ ok: true, value: cellText(cells.name ?? null) }),
    commit(db, values, progress, context) {
      const insert = db.prepare("INSERT INTO toy_people (name, gender, row_number) VALUES (?, 'unknown', ?)");
      values.forEach((v, i) => {
        insert.run(v, context.rowNumbers[i]);
        if ((i + 1) % 1000 === 0) progress(i + 1);
      });
      return values.length;
    },
  };
}
