/**
 * `npm run bench -- [--records N] [--json]`: builds a deterministic synthetic roll of N records
 * (default 2,000,000) in a temp data folder and prints figures as JSON lines
 * `{"figure", "value", "unit", "baseline", "goal"}`, each measured in this run next to the raw
 * SQLite baseline on the same file. Not part of `npm test`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseArgs } from 'node:util';
import { makeSetUpCore, tempDir } from '../support/tempCore';
import { syntheticRoll } from '../support/syntheticRoll';
import { prepareMartyr, searchText } from '../../electron/core/martyrs/fields';
import { insertMartyr, writeMartyrSearchText } from '../../electron/core/db/martyrs';
import { writeTransaction } from '../../electron/core/db/connection';
import { martyrFieldsSchema } from '../../shared/contract';
import { matchExpression } from '../../electron/core/martyrs/search';

const { values } = parseArgs({ options: { records: { type: 'string', default: '2000000' }, json: { type: 'boolean', default: false }, keep: { type: 'string' } } });
const records = Number(values.records);
const jsonOnly = values.json;
const log = (...args: unknown[]) => {
  if (!jsonOnly) console.error(...args);
};

function figure(name: string, value: number, unit: 'ms' | 's' | 'MB', baseline: number | null, goal: number | null): void {
  console.log(JSON.stringify({ figure: name, value: Number(value.toFixed(3)), unit, baseline: baseline === null ? null : Number(baseline.toFixed(3)), goal: goal === null ? null : Number(goal.toFixed(3)) }));
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** `--keep DIR` builds the roll in DIR (which must not exist yet) and leaves it there for experiments. */
const dataDir = values.keep ?? tempDir('guangrong-bench-');
const t0 = performance.now();
const t = await makeSetUpCore({ dataDir });
figure('backend_open', performance.now() - t0, 'ms', null, null);

// Load the roll through the same repository code the app uses, in batches of 20,000.
log(`generating and loading ${records.toLocaleString()} records…`);
const loadStart = performance.now();
const roll = syntheticRoll(records, 2026);
const db = t.core.db;
for (let from = 0; from < roll.length; from += 20_000) {
  writeTransaction(db, () => {
    for (const m of roll.slice(from, from + 20_000)) {
      const prepared = prepareMartyr(db, martyrFieldsSchema.parse({ name: m.name, birthDate: m.birthDate, deathDate: m.deathDate, nativePlaceText: m.nativePlaceText, unitAndPost: m.unitAndPost }));
      const id = insertMartyr(db, prepared, 1, '2026-11-23T09:00:00.000Z');
      writeMartyrSearchText(db, id, searchText(prepared));
    }
  });
  log(`  ${Math.min(from + 20_000, roll.length).toLocaleString()} (${((performance.now() - loadStart) / 1000).toFixed(0)} s)`);
}
db.pragma('optimize');
log(`loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);

const runs = 60;
async function searchFigure(name: string, queries: string[]): Promise<void> {
  const samples: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < runs; i++) {
    const query = queries[i % queries.length]!;
    samples.push(await time(() => t.ok('martyrs.search', { query }, t.admin)));
    const match = matchExpression(query);
    raw.push(await time(() => db.prepare('SELECT rowid FROM martyr_fts WHERE martyr_fts MATCH ? LIMIT 50').all(match)));
  }
  figure(name, percentile(samples, 95), 'ms', percentile(raw, 95), 20);
}

const sample = roll.slice(0, 1000);
const given = sample.map((m) => m.name.slice(-1));
await searchFigure('search_name_1char_p95', given);
await searchFigure('search_name_2char_p95', sample.filter((m) => m.name.length >= 2).map((m) => m.name.slice(0, 2)));
await searchFigure('search_name_3char_p95', sample.filter((m) => m.name.length >= 3).map((m) => m.name.slice(0, 3)));
await searchFigure('search_initials_p95', ['zdm', 'wj', 'lh', 'zg', 'cms', 'ly']);
await searchFigure('search_place_p95', ['惠民县', '献县', '红安', '金寨县']);

const first = await time(() => t.ok('martyrs.search', { sort: 'strokeSurname' }, t.admin));
const rawFirst = await time(() => db.prepare('SELECT id FROM martyrs WHERE deleted_at IS NULL ORDER BY stroke_surname_key, id LIMIT 50').all());
figure('page_first_stroke', first, 'ms', rawFirst, 50);

// A page a million rows deep (or at 90 % of a smaller roll): jump there with the keyset of the row before.
const depth = Math.min(1_000_000, Math.floor(records * 0.9));
const before = db.prepare('SELECT stroke_surname_key AS k, id FROM martyrs WHERE deleted_at IS NULL ORDER BY stroke_surname_key, id LIMIT 1 OFFSET ?').get(depth) as { k: string; id: number };
const cursor = Buffer.from(JSON.stringify([before.k, before.id])).toString('base64url');
const deep = await time(() => t.ok('martyrs.search', { sort: 'strokeSurname', after: cursor }, t.admin));
const rawDeep = await time(() => db.prepare('SELECT id FROM martyrs WHERE deleted_at IS NULL AND (stroke_surname_key, id) > (?, ?) ORDER BY stroke_surname_key, id LIMIT 50').all(before.k, before.id));
figure('page_deep_stroke', deep, 'ms', rawDeep, 50);

// Import of a 100,000-row xlsx through the whole path (upload, job, checks, write), next to exceljs
// reading the same file and nothing else.
{
  const file = join(dataDir, 'bench-100k.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('名录');
  ws.addRow(['姓名', '性别', '出生年月', '籍贯', '生前所在单位及职务', '牺牲时间']).commit();
  for (const m of syntheticRoll(100_000, 1947)) ws.addRow([m.name, '男', m.birthDate, m.nativePlaceText, m.unitAndPost, m.deathDate]).commit();
  ws.commit();
  await wb.commit();
  const bytes = readFileSync(file);
  const rawStart = performance.now();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {});
  let rawRows = 0;
  for await (const sheet of reader) for await (const _row of sheet) rawRows++;
  const raw = (performance.now() - rawStart) / 1000;
  const importStart = performance.now();
  const { uploadId } = await t.ok('uploads.begin', { fileName: 'bench-100k.xlsx', size: bytes.length }, t.admin);
  for (let offset = 0; offset < bytes.length; offset += 4 * 1024 * 1024) {
    await t.ok('uploads.chunk', { uploadId, offset, dataBase64: bytes.subarray(offset, offset + 4 * 1024 * 1024).toString('base64') }, t.admin);
  }
  await t.ok('uploads.finish', { uploadId, sha256: createHash('sha256').update(bytes).digest('hex') }, t.admin);
  const p = await t.ok('martyrs.importPreview', { uploadId }, t.admin);
  const job = await t.core.jobs.wait((await t.ok('martyrs.import', { uploadId, mapping: p.mapping }, t.admin)).jobId);
  const took = (performance.now() - importStart) / 1000;
  if (job.status !== 'done' || (job.result as { ok?: boolean }).ok !== true) log('import did not succeed', job.status, JSON.stringify(job.result).slice(0, 500));
  log(`raw exceljs read ${rawRows} rows`);
  figure('import_100k_xlsx', took, 's', raw, raw * 2);
}

figure('backend_peak_rss', process.resourceUsage().maxRSS / 1024, 'MB', null, 500);

await t.dispose();
if (!values.keep) rmSync(dataDir, { recursive: true, force: true });
