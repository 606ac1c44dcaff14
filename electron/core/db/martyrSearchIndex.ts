/**
 * The search index `martyr_fts` and the order of its entries.
 *
 * Each live record has a `search_label`: an integer that increases with the roll's default order
 * (姓氏笔画: `stroke_surname_key`, then id), and its index entry is stored under that label as
 * its rowid. FTS5 hands out matches in rowid order and stops when told, so the first page of any
 * search in the default order is the first 50 matches the index finds — as fast for a character
 * on half the roll as for a rare name — and the next page starts after the label of the last row.
 *
 * Labels are kept in order as records come and go (an order-maintenance list): a new or renamed
 * record takes a label between its neighbours'; when they leave no room, a window of neighbours
 * around it is spread out evenly, their index entries rebuilt from their stored columns. Labels
 * are below 2^53 (exact in JavaScript numbers) and 1,024 apart after a rebuild or an append:
 * close enough that the index's delta-coded lists stay small (a list of every record takes two
 * bytes per entry), far enough that ten records fit between two neighbours before a respacing.
 */
import { cachedStatement, type Db } from './connection';
import { SEARCH_COLUMNS, searchTextOfStored, type SearchText } from './searchText';

export const LABEL_LIMIT = 2 ** 53;
export const SPACING = 2 ** 10;
/** A respaced window leaves at least this much room per record. */
const MIN_SPACING = 2 ** 4;

interface Neighbour {
  id: number;
  label: number;
}

const PREV = `SELECT id, search_label AS label FROM martyrs INDEXED BY martyrs_stroke_surname
  WHERE deleted_at IS NULL AND search_label IS NOT NULL AND (stroke_surname_key, id) < (@key, @id)
  ORDER BY stroke_surname_key DESC, id DESC LIMIT @n`;
const NEXT = `SELECT id, search_label AS label FROM martyrs INDEXED BY martyrs_stroke_surname
  WHERE deleted_at IS NULL AND search_label IS NOT NULL AND (stroke_surname_key, id) > (@key, @id)
  ORDER BY stroke_surname_key, id LIMIT @n`;

function around(db: Db, key: string, id: number, n: number): { before: Neighbour[]; after: Neighbour[] } {
  return {
    before: cachedStatement(db, PREV).all({ key, id, n }) as Neighbour[],
    after: cachedStatement(db, NEXT).all({ key, id, n }) as Neighbour[],
  };
}

/** A free label between the neighbours of (key, id), or null when they are adjacent. */
function labelBetween(lo: number, hi: number): number | null {
  const gap = hi - lo;
  if (gap < 2) return null;
  if (hi === LABEL_LIMIT) return lo + Math.min(SPACING, Math.floor(gap / 2));
  if (lo === 0) return hi - Math.min(SPACING, Math.floor(gap / 2));
  return lo + Math.min(SPACING, Math.floor(gap / 2));
}

const STORED_TEXT = `SELECT p.name, m.pinyin, m.initials, p.native_place_text AS nativePlaceText, m.death_place_text AS deathPlaceText,
  m.burial_place AS burialPlace, m.cemetery, m.unit_post AS unitAndPost, m.certificate_no AS certificateNo, m.deeds, m.merits,
  m.remarks, m.death_cause AS deathCause
  FROM martyrs m JOIN persons p ON p.id = m.person_id WHERE m.id = ?`;

/** The index entry of a stored record, rebuilt from its columns. */
export function storedSearchText(db: Db, id: number, pinyinCache?: Map<string, string>): SearchText {
  const row = cachedStatement(db, STORED_TEXT).get(id) as Parameters<typeof searchTextOfStored>[0] | undefined;
  if (!row) throw new Error(`martyr ${id} not found`);
  return searchTextOfStored(row, pinyinCache);
}

const INSERT_ENTRY = `INSERT INTO martyr_fts (rowid, ${SEARCH_COLUMNS.join(', ')}) VALUES (?${', ?'.repeat(SEARCH_COLUMNS.length)})`;

/** The index entry of a record stored with `label` (placeNewRecords' `write` calls it). */
export function insertEntry(db: Db, label: number, t: SearchText): void {
  cachedStatement(db, INSERT_ENTRY).run(label, ...SEARCH_COLUMNS.map((c) => t[c]));
}

function deleteEntry(db: Db, label: number): void {
  cachedStatement(db, 'DELETE FROM martyr_fts WHERE rowid = ?').run(label);
}

function setLabel(db: Db, id: number, label: number | null): void {
  cachedStatement(db, 'UPDATE martyrs SET search_label = ? WHERE id = ?').run(label, id);
}

/**
 * Spreads the labelled records around (key, id) evenly, widening the window until each gets at
 * least MIN_SPACING, and leaves `reserve` free slots where (key, id) goes. Their index entries
 * move with them.
 */
function respace(db: Db, key: string, id: number, reserve: number): void {
  for (let n = Math.max(16, reserve); ; n *= 2) {
    const { before, after } = around(db, key, id, n + 1);
    const lowBound = before.length > n ? before.pop()!.label : 0;
    const highBound = after.length > n ? after.pop()!.label : LABEL_LIMIT;
    const moving = [...before.reverse(), ...after];
    const whole = lowBound === 0 && highBound === LABEL_LIMIT;
    const spacing = Math.min(SPACING, Math.floor((highBound - lowBound) / (moving.length + reserve + 1)));
    if (spacing < MIN_SPACING && !whole) continue;
    if (spacing < 2) throw new Error('search index: no room for labels');
    const texts = moving.map((m) => storedSearchText(db, m.id));
    for (const m of moving) {
      deleteEntry(db, m.label);
      setLabel(db, m.id, null);
    }
    moving.forEach((m, i) => {
      // slots before.length + 1 … before.length + reserve stay free for (key, id) and what follows it
      const slot = i < before.length ? i + 1 : i + 1 + reserve;
      const label = lowBound + slot * spacing;
      setLabel(db, m.id, label);
      insertEntry(db, label, texts[i]!);
    });
    return;
  }
}

const KEY_AND_LABEL = 'SELECT stroke_surname_key AS key, search_label AS label FROM martyrs WHERE id = ?';

/**
 * Writes a live record's index entry under a label in order. Call after the record's columns
 * (its name, hence its sort key) are stored, in the same transaction.
 */
export function writeMartyrSearchText(db: Db, id: number, text: SearchText): void {
  const row = cachedStatement(db, KEY_AND_LABEL).get(id) as { key: string; label: number | null } | undefined;
  if (!row) throw new Error(`martyr ${id} not found`);
  if (row.label !== null) {
    deleteEntry(db, row.label);
    setLabel(db, id, null);
  }
  const find = () => {
    const { before, after } = around(db, row.key, id, 1);
    const lo = before[0]?.label ?? 0;
    const hi = after[0]?.label ?? LABEL_LIMIT;
    // An unchanged place keeps its label: no churn in the index for an ordinary edit.
    if (row.label !== null && row.label > lo && row.label < hi) return row.label;
    return labelBetween(lo, hi);
  };
  let label = find();
  if (label === null) {
    respace(db, row.key, id, 1);
    label = find()!;
  }
  setLabel(db, id, label);
  insertEntry(db, label, text);
}

/** A record about to be written by an import: its place in the roll's order. */
export interface NewRecordPlace {
  key: string;
  id: number;
}

/** Stored records read at a time while an import walks the roll's order beside its own records. */
const WALK_CHUNK = 256;

const STORED_AFTER = `SELECT id, stroke_surname_key AS key, search_label AS label FROM martyrs INDEXED BY martyrs_stroke_surname
  WHERE deleted_at IS NULL AND search_label IS NOT NULL AND id < @below AND (stroke_surname_key, id) > (@key, @id)
  ORDER BY stroke_surname_key, id LIMIT ${WALK_CHUNK}`;

/**
 * Labels for many NEW records at once (an import), decided before they are written so each is
 * inserted with its label and its index entry — no second write of the row. `places` are in the
 * roll's order (key, then id) and their ids are above every stored id, so a new record comes
 * after the stored ones of its key. The records that fall between the same two stored
 * neighbours share that gap — spread evenly in it, or in one respaced window — instead of
 * halving it one record at a time. The stored records are read in order beside the new ones, a
 * chunk at a time, with a seek where the new records jump ahead. `write(i, label)` must store
 * record i (its row with that label and its index entry) before the next group is placed: a
 * later respacing moves the records already written with their neighbours.
 */
export function placeNewRecords(db: Db, places: readonly NewRecordPlace[], write: (index: number, label: number) => void): void {
  if (places.length === 0) return;
  const below = places[0]!.id;
  let chunk: (Neighbour & { key: string })[] = [];
  let at = 0;
  /** The label before a new record's place: a stored record's or a new one's already written. */
  const prevOf = (p: NewRecordPlace) => (cachedStatement(db, PREV).get({ key: p.key, id: p.id, n: 1 }) as Neighbour | undefined)?.label ?? 0;
  /** Jumps to a new record's place: the label before it, and the stored records after its key. */
  const seek = (p: NewRecordPlace) => {
    chunk = cachedStatement(db, STORED_AFTER).all({ below, key: p.key, id: Number.MAX_SAFE_INTEGER }) as typeof chunk;
    at = 0;
    return prevOf(p);
  };
  let lo = seek(places[0]!);
  for (let i = 0; i < places.length; ) {
    const first = places[i]!;
    // Step past the stored records of keys up to this one; when the chunk runs out before them, seek.
    while (at < chunk.length && chunk[at]!.key <= first.key) lo = chunk[at++]!.label;
    if (at === chunk.length && chunk.length === WALK_CHUNK) lo = seek(first);
    const next = chunk[at];
    let end = i + 1;
    // Stroke keys are ASCII, so JavaScript's order is SQLite's BINARY order.
    while (end < places.length && (!next || places[end]!.key < next.key)) end++;
    const count = end - i;
    const stepBetween = (hi: number) => (hi === LABEL_LIMIT ? SPACING : Math.min(SPACING, Math.floor((hi - lo) / (count + 1))));
    let step = stepBetween(next?.label ?? LABEL_LIMIT);
    if (step < 1) {
      respace(db, first.key, first.id, count);
      lo = seek(first);
      step = stepBetween(chunk[0]?.label ?? LABEL_LIMIT);
    }
    for (let j = 0; j < count; j++) write(i + j, lo + (j + 1) * step);
    lo += count * step;
    i = end;
  }
}

/** A record leaving the roll (recycle bin, merged away) leaves the index, which counts live records only. */
export function removeMartyrSearchText(db: Db, id: number): void {
  const row = cachedStatement(db, 'SELECT search_label AS label FROM martyrs WHERE id = ?').get(id) as { label: number | null } | undefined;
  if (!row || row.label === null) return;
  deleteEntry(db, row.label);
  setLabel(db, id, null);
}

/** Live records without an index entry: none, except after the migration that introduced labels. */
export function searchIndexIncomplete(db: Db): boolean {
  return db.prepare('SELECT 1 FROM martyrs INDEXED BY martyrs_unlabeled WHERE deleted_at IS NULL AND search_label IS NULL LIMIT 1').get() !== undefined;
}

/**
 * Rebuilds the whole index: every live record in order, labels evenly spread. Runs in the
 * caller's transaction; `onProgress(done, total)` every few thousand records.
 */
export function rebuildSearchIndex(db: Db, onProgress?: (done: number, total: number) => void): number {
  db.prepare("INSERT INTO martyr_fts (martyr_fts) VALUES ('delete-all')").run();
  db.prepare('UPDATE martyrs SET search_label = NULL WHERE search_label IS NOT NULL').run();
  const total = (db.prepare('SELECT count(*) AS n FROM martyrs WHERE deleted_at IS NULL').get() as { n: number }).n;
  const spacing = Math.min(SPACING, Math.floor(LABEL_LIMIT / (total + 1)));
  const chunk = db.prepare(
    `SELECT id, stroke_surname_key AS key FROM martyrs INDEXED BY martyrs_stroke_surname
     WHERE deleted_at IS NULL AND (stroke_surname_key, id) > (@key, @id) ORDER BY stroke_surname_key, id LIMIT 5000`,
  );
  let done = 0;
  let after = { key: '', id: -1 };
  const pinyinCache = new Map<string, string>();
  for (;;) {
    const rows = chunk.all(after) as { id: number; key: string }[];
    if (rows.length === 0) break;
    for (const r of rows) {
      done++;
      const label = done * spacing;
      setLabel(db, r.id, label);
      insertEntry(db, label, storedSearchText(db, r.id, pinyinCache));
    }
    after = rows.at(-1)!;
    onProgress?.(done, total);
  }
  return done;
}

/** The label at or before a position of the default order: a search's next page starts after it. */
export function labelAtOrBefore(db: Db, key: string, id: number): number {
  const row = cachedStatement(
    db,
    `SELECT search_label AS label FROM martyrs INDEXED BY martyrs_stroke_surname
     WHERE deleted_at IS NULL AND search_label IS NOT NULL AND (stroke_surname_key, id) <= (?, ?)
     ORDER BY stroke_surname_key DESC, id DESC LIMIT 1`,
  ).get(key, id) as { label: number } | undefined;
  return row?.label ?? 0;
}
