/**
 * Child of roll.bench.ts, run before the backend on the same copy of the roll: what the import's WRITES alone cost on this roll.
 * The 100,000 people of the import file are prepared first (not timed: that is the import's
 * reading, checking and deriving), then written as the import writes them — sorted by key,
 * placed, each with its person row, index entry and history row — in one transaction that is
 * then rolled back, so the roll is left as it was. Not a figure of the issue: a log line that
 * says how much of import_100k_xlsx no parsing can win back.
 *   args: <database file>
 */
import { openDatabase } from '../../electron/core/db/connection';
import { appendMartyrHistory, insertPlacedMartyr, nextMartyrId } from '../../electron/core/db/martyrs';
import { insertEntry, placeNewRecords } from '../../electron/core/db/martyrSearchIndex';
import { prepareMartyr, searchText } from '../../electron/core/martyrs/fields';
import { createPrepareCache } from '../../electron/core/martyrs/prepareCache';
import { martyrFieldsSchema } from '../../shared/contract';
import { importFileRoll } from './importFile';
import { send } from './figures';

const db = openDatabase(process.argv[2]!);
const cache = createPrepareCache();
const prepared = importFileRoll().map((m) =>
  prepareMartyr(db, martyrFieldsSchema.parse({ name: m.name, gender: 'male', birthDate: m.birthDate, nativePlaceText: m.nativePlaceText, unitAndPost: m.unitAndPost, deathDate: m.deathDate }), cache),
);
const order = Array.from(prepared.keys()).sort((a, b) => (prepared[a]!.strokeSurnameKey < prepared[b]!.strokeSurnameKey ? -1 : prepared[a]!.strokeSurnameKey > prepared[b]!.strokeSurnameKey ? 1 : a - b));
const start = performance.now();
db.exec('BEGIN IMMEDIATE');
try {
  const firstId = nextMartyrId(db);
  const at = new Date().toISOString();
  placeNewRecords(db, order.map((i, rank) => ({ key: prepared[i]!.strokeSurnameKey, id: firstId + rank })), (rank, label) => {
    const record = prepared[order[rank]!]!;
    insertPlacedMartyr(db, record, { id: firstId + rank, label }, null, at);
    insertEntry(db, label, searchText(record));
    appendMartyrHistory(db, { martyrId: firstId + rank, version: 1, at, userId: null, action: 'import', reason: `row ${order[rank]! + 2}`, changes: [] });
  });
  const text = `the import's writes alone (${prepared.length.toLocaleString()} prepared records, one transaction, rolled back): ${((performance.now() - start) / 1000).toFixed(2)} s`;
  if (process.send) send({ type: 'log', text });
  else console.log(text);
} finally {
  db.exec('ROLLBACK');
  db.close();
}
