/**
 * `node --import tsx test/e2e/seedRoll.ts DIR COUNT USER PASSWORD`: a data folder holding a roll of
 * COUNT records and an administrator, written through the repository functions the app uses, fast:
 * 4,000 distinct records are prepared (stroke keys, pinyin) and each is inserted COUNT / 4,000
 * times. Two names are set at the ends of stroke order: 乙德明 (乙, 1 stroke) and 爨宝山 (爨, 30).
 * Prints one JSON line: { total, first, last } with the ids at the ends of stroke order.
 *
 * A separate process, run by the runtime the app's better-sqlite3 is built for (Node for the web
 * host, Electron as Node for Electron), because the e2e test process may not be able to load it.
 */
import { makeTestCore } from '../support/tempCore';
import { syntheticRoll } from '../support/syntheticRoll';
import { prepareMartyr, searchText, type PreparedMartyr } from '../../electron/core/martyrs/fields';
import { insertMartyr, writeMartyrSearchText } from '../../electron/core/db/martyrs';
import { writeTransaction } from '../../electron/core/db/connection';
import { martyrFieldsSchema } from '../../shared/contract';

const [dataDir, countText, username, password] = process.argv.slice(2);
const count = Number(countText);
if (!dataDir || !Number.isSafeInteger(count) || count < 4002 || !username || !password) throw new Error('usage: seedRoll.ts DIR COUNT USER PASSWORD');

// The machine's clock, so the data is new when the app opens it: the weekly integrity check is
// not due, and does not run beside the list being measured.
const t = makeTestCore({ dataDir, clock: () => new Date() });
await t.ok('setup.createAdmin', { username, displayName: '王建国', password }, t.core.openSession());
const db = t.core.db;
// A throwaway folder: no need to survive a power cut while it is written.
db.pragma('synchronous = OFF');
db.pragma('cache_size = -262144');
const at = '2026-11-23T09:00:00.000Z';
const prepare = (m: { name: string; birthDate: string; deathDate: string; nativePlaceText: string; unitAndPost: string }) =>
  prepareMartyr(db, martyrFieldsSchema.parse({ name: m.name, birthDate: m.birthDate, deathDate: m.deathDate, nativePlaceText: m.nativePlaceText, unitAndPost: m.unitAndPost }));
const distinct: PreparedMartyr[] = syntheticRoll(4000, 1949).map(prepare);
const first = prepare({ name: '乙德明', birthDate: '1921年', deathDate: '1942年5月', nativePlaceText: '河北省献县', unitAndPost: '八路军一一五师' });
const last = prepare({ name: '爨宝山', birthDate: '1925年', deathDate: '1951年春', nativePlaceText: '云南省宣威县', unitAndPost: '中国人民志愿军第二十军' });

const ids = { first: 0, last: 0 };
const insert = (m: PreparedMartyr) => {
  const id = insertMartyr(db, m, 1, at);
  writeMartyrSearchText(db, id, searchText(m));
  return id;
};
for (let from = 0; from < count - 2; from += 20_000) {
  writeTransaction(db, () => {
    for (let i = from; i < Math.min(from + 20_000, count - 2); i++) {
      insert(distinct[i % distinct.length]!);
      // The two at the ends of the order go in among the others, not first and last.
      if (i === Math.floor(count / 3)) ids.last = insert(last);
      if (i === Math.floor(count / 2)) ids.first = insert(first);
    }
  });
}
db.pragma('optimize');
await t.dispose();
console.log(JSON.stringify({ total: count, ...ids }));
