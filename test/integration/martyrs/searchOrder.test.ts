import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { ADMIN, makeSetUpCore, makeTestCore, tempDir } from '../../support/tempCore';
import { syntheticRoll, prng } from '../../support/syntheticRoll';
import { prepareMartyr, searchText } from '../../../electron/core/martyrs/fields';
import { insertMartyr, insertPlacedMartyr, nextMartyrId, setMartyrDeleted, updateMartyr, writeMartyrSearchText, removeMartyrSearchText } from '../../../electron/core/db/martyrs';
import { LABEL_LIMIT, SPACING, insertEntry, placeNewRecords, rebuildSearchIndex } from '../../../electron/core/db/martyrSearchIndex';
import { writeTransaction, type Db } from '../../../electron/core/db/connection';
import { martyrFieldsSchema } from '../../../shared/contract';
import { compareNames } from '../../../shared/rules/strokeOrder';

/**
 * The search index's entries are stored under labels that follow the default order (姓氏笔画,
 * then id): every insert, rename, delete and restore must keep that true, including when labels
 * run out of room and a window of neighbours is respaced.
 */
let t: Awaited<ReturnType<typeof makeSetUpCore>> | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

const at = '2026-11-23T09:00:00.000Z';
const prepare = (db: Db, name: string, place = '山东省惠民县') => prepareMartyr(db, martyrFieldsSchema.parse({ name, nativePlaceText: place }));

function add(db: Db, name: string, place?: string): number {
  const prepared = prepare(db, name, place);
  const id = insertMartyr(db, prepared, 1, at);
  writeMartyrSearchText(db, id, searchText(prepared));
  return id;
}

/** Labels strictly increase along (stroke key, id) over the live records; the index holds exactly those labels. */
function checkInvariant(db: Db): number {
  const rows = db.prepare('SELECT id, search_label AS label FROM martyrs WHERE deleted_at IS NULL ORDER BY stroke_surname_key, id').all() as { id: number; label: number | null }[];
  for (const r of rows) expect(r.label, `record ${r.id} has a label`).not.toBeNull();
  for (let i = 1; i < rows.length; i++) expect(rows[i]!.label!).toBeGreaterThan(rows[i - 1]!.label!);
  for (const r of rows) expect(r.label!).toBeLessThan(LABEL_LIMIT);
  const entries = db.prepare('SELECT id FROM martyr_fts_docsize ORDER BY id').all().map((r) => (r as { id: number }).id);
  expect(entries).toEqual(rows.map((r) => r.label));
  expect(db.prepare('SELECT count(*) AS n FROM martyrs WHERE deleted_at IS NOT NULL AND search_label IS NOT NULL').get()).toEqual({ n: 0 });
  return rows.length;
}

async function allPages(query: string): Promise<{ id: number; name: string }[]> {
  const rows: { id: number; name: string }[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await t!.ok('martyrs.search', { query, limit: 7, ...(after ? { after } : {}) }, t!.admin);
    rows.push(...page.rows);
    if (!page.nextCursor) return rows;
    after = page.nextCursor;
  }
}

describe('the search index in the roll’s order', () => {
  it('stays in order when names arrive in reverse order and labels run out (respacing)', async () => {
    t = await makeSetUpCore();
    const db = t.core.db;
    // Reverse stroke order: every record goes before all the others, halving the first gap each time.
    const names = syntheticRoll(400, 5).map((m) => m.name).sort((a, b) => compareNames(b, a, 'surname'));
    writeTransaction(db, () => names.forEach((n) => add(db, n)));
    expect(checkInvariant(db)).toBe(400);
    // The same name again and again lands in one gap, after its equals.
    writeTransaction(db, () => {
      for (let i = 0; i < 300; i++) add(db, '王建国');
    });
    expect(checkInvariant(db)).toBe(700);
    const rows = await allPages('王建国');
    expect(rows.map((r) => r.name)).toEqual(Array(rows.length).fill('王建国'));
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => a - b));
  });

  it('places a batch (an import’s chunk) gap by gap, respacing once for a crowded gap', async () => {
    t = await makeSetUpCore();
    const db = t.core.db;
    writeTransaction(db, () => syntheticRoll(500, 12).forEach((m) => add(db, m.name)));
    // As the import writes: sorted by key (file order among equals), ids from the next free one, labels placed beforehand.
    const batch = (names: string[]) =>
      writeTransaction(db, () => {
        const prepared = names.map((n) => prepare(db, n));
        const order = Array.from(prepared.keys()).sort((a, b) => (prepared[a]!.strokeSurnameKey < prepared[b]!.strokeSurnameKey ? -1 : prepared[a]!.strokeSurnameKey > prepared[b]!.strokeSurnameKey ? 1 : a - b));
        const firstId = nextMartyrId(db);
        placeNewRecords(db, order.map((i, rank) => ({ key: prepared[i]!.strokeSurnameKey, id: firstId + rank })), (rank, label) => {
          const p = prepared[order[rank]!]!;
          insertPlacedMartyr(db, p, { id: firstId + rank, label }, 1, at);
          insertEntry(db, label, searchText(p));
        });
      });
    // 2,000 records: a thousand of one name (one gap, far more than it holds), the rest spread over the roll.
    batch([...Array(1000).fill('王建国'), ...syntheticRoll(1000, 13).map((m) => m.name)]);
    expect(checkInvariant(db)).toBe(2500);
    // and again, interleaved with the first batch
    batch([...Array(300).fill('王建国'), ...syntheticRoll(700, 14).map((m) => m.name)]);
    expect(checkInvariant(db)).toBe(3500);
    const rows = await allPages('王建国');
    expect(rows.length).toBeGreaterThanOrEqual(1300);
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => a - b));
  });

  it('keeps order through renames, deletions and restores, and pages a search in stroke order', async () => {
    t = await makeSetUpCore();
    const db = t.core.db;
    const rand = prng(9);
    const ids = writeTransaction(db, () => syntheticRoll(600, 3).map((m) => add(db, m.name, m.nativePlaceText)));
    writeTransaction(db, () => {
      for (let i = 0; i < 200; i++) {
        const id = ids[Math.floor(rand() * ids.length)]!;
        const action = rand();
        const personId = (db.prepare('SELECT person_id AS p, deleted_at AS d FROM martyrs WHERE id = ?').get(id) as { p: number; d: string | null });
        if (personId.d !== null) {
          setMartyrDeleted(db, id, null, at);
          const p = prepare(db, syntheticRoll(1, i)[0]!.name);
          updateMartyr(db, id, personId.p, p, 1, at);
          writeMartyrSearchText(db, id, searchText(p));
        } else if (action < 0.4) {
          setMartyrDeleted(db, id, { at, userId: 1, reason: 'test' }, at);
          removeMartyrSearchText(db, id);
        } else {
          const p = prepare(db, syntheticRoll(1, 1000 + i)[0]!.name);
          updateMartyr(db, id, personId.p, p, 1, at);
          writeMartyrSearchText(db, id, searchText(p));
        }
      }
    });
    checkInvariant(db);
    // A search paged by keyset in the default order finds exactly the live records with the character, in stroke order.
    const expected = db.prepare("SELECT m.id FROM martyrs m JOIN persons p ON p.id = m.person_id WHERE m.deleted_at IS NULL AND p.name LIKE '%王%' ORDER BY m.stroke_surname_key, m.id").all().map((r) => (r as { id: number }).id);
    expect(expected.length).toBeGreaterThan(20);
    expect((await allPages('王')).map((r) => r.id)).toEqual(expected);
    // Filters apply to the index's hits in the same order.
    await t.ok('martyrs.submit', { ids: expected.slice(0, 5) }, t.admin);
    const submitted = await t.ok('martyrs.search', { query: '王', status: 'submitted' }, t.admin);
    expect(submitted.rows.map((r) => r.id)).toEqual(expected.slice(0, 5));
    expect(submitted.count).toBe(5);
  });

  it('is rebuilt from the records when a database from before the labels is opened', async () => {
    const dataDir = tempDir();
    t = await makeSetUpCore({ dataDir });
    const db = t.core.db;
    writeTransaction(db, () => syntheticRoll(300, 8).forEach((m) => add(db, m.name, m.nativePlaceText)));
    const before = await allPages('李');
    // Simulate the migration's state: entries emptied, labels gone.
    writeTransaction(db, () => {
      db.prepare("INSERT INTO martyr_fts (martyr_fts) VALUES ('delete-all')").run();
      db.prepare('UPDATE martyrs SET search_label = NULL').run();
    });
    await t.dispose();
    const reopened = makeTestCore({ dataDir });
    const admin = reopened.core.openSession();
    await reopened.ok('auth.login', { username: ADMIN.username, password: ADMIN.password }, admin);
    t = { ...reopened, admin };
    checkInvariant(t.core.db);
    expect(await allPages('李')).toEqual(before);
    await t.dispose();
    t = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a rebuild spreads labels evenly, 1,024 apart', async () => {
    t = await makeSetUpCore();
    const db = t.core.db;
    writeTransaction(db, () => syntheticRoll(50, 2).forEach((m) => add(db, m.name)));
    expect(writeTransaction(db, () => rebuildSearchIndex(db))).toBe(50);
    checkInvariant(db);
    const labels = db.prepare('SELECT search_label AS l FROM martyrs ORDER BY l').all().map((r) => (r as { l: number }).l);
    expect(labels[0]).toBe(SPACING);
    expect(labels.at(-1)).toBe(50 * SPACING);
    // the file on disk agrees (read by a second connection)
    const other = new Database(join(t.dataDir, 'guangrong.db'), { readonly: true });
    expect((other.prepare('SELECT count(*) AS n FROM martyrs WHERE search_label IS NOT NULL').get() as { n: number }).n).toBe(50);
    other.close();
  });
});
