/**
 * Child of roll.bench.ts: THE BACKEND in a process of its own, as the app's main process runs it —
 * createCore on the built data folder, with its job worker thread — answering the searches, the
 * pages and the 100,000-row import through `core.call`. Nothing else lives in this process (the
 * roll was built by the parent), so its peak RSS (worker thread included) is the backend's.
 *   args: <dataDir> <records> <import.xlsx> <raw parse seconds> [<bundled job worker>]
 * roll.bench.ts runs it bundled, in plain Node; from source (tsx) it uses the source worker.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCore, type Session } from '../../electron/core';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { matchExpression } from '../../electron/core/martyrs/search';
import { ADMIN, sourceWorker } from '../support/tempCore';
import { syntheticRoll } from '../support/syntheticRoll';
import { figure, peakRssMb, percentile, ROLL_SEED, send, time } from './figures';

const [dataDir, recordsArg, importFile, rawArg, workerFile] = process.argv.slice(2) as [string, string, string, string, string | undefined];
const records = Number(recordsArg);
const raw = Number(rawArg);
const log = (text: string) => send({ type: 'log', text });
/** Where the memory goes, for the reader of the log (not a figure). */
const memory = (stage: string) => log(`  rss ${Math.round(process.memoryUsage().rss / 1048576)} MB, peak ${Math.round(peakRssMb())} MB after ${stage}`);

memory('loading Node and the backend');
const t0 = performance.now();
// The repo's resources folder (fonts), as the app passes its own: print jobs need it.
const core = createCore({ dataDir, resourcesDir: resolve(import.meta.dirname, '../../resources'), worker: workerFile ? { file: workerFile } : sourceWorker, logger: { warn: () => {}, error: (m, d) => log(`${m} ${String(d ?? '')}`) } });
send({ type: 'figure', figure: figure('backend_open', performance.now() - t0, 'ms', null, null) });
memory('opening');

async function ok<M extends MethodName>(method: M, input: MethodInput<M>, session: Session): Promise<MethodOutput<M>> {
  const result = await core.call(method, input, session);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message.en}`);
  return result.value;
}

const admin = core.openSession();
await ok('auth.login', { username: ADMIN.username, password: ADMIN.password }, admin);
const db = core.db;

const runs = 60;
async function searchFigure(name: string, queries: string[]): Promise<void> {
  const samples: number[] = [];
  const rawSamples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const query = queries[i % queries.length]!;
    samples.push(await time(() => ok('martyrs.search', { query }, admin)));
    const match = matchExpression(query);
    rawSamples.push(await time(() => db.prepare('SELECT rowid FROM martyr_fts WHERE martyr_fts MATCH ? LIMIT 50').all(match)));
  }
  send({ type: 'figure', figure: figure(name, percentile(samples, 95), 'ms', percentile(rawSamples, 95), 20) });
}

// The first 1,000 records of the roll (the generator is sequential: the same as the roll's own first 1,000).
const sample = syntheticRoll(Math.min(records, 1000), ROLL_SEED);
await searchFigure('search_name_1char_p95', sample.map((m) => m.name.slice(-1)));
await searchFigure('search_name_2char_p95', sample.filter((m) => m.name.length >= 2).map((m) => m.name.slice(0, 2)));
await searchFigure('search_name_3char_p95', sample.filter((m) => m.name.length >= 3).map((m) => m.name.slice(0, 3)));
await searchFigure('search_initials_p95', ['zdm', 'wj', 'lh', 'zg', 'cms', 'ly']);
await searchFigure('search_place_p95', ['惠民县', '献县', '红安', '金寨县']);

memory('the searches');
const first = await time(() => ok('martyrs.search', { sort: 'strokeSurname' }, admin));
const rawFirst = await time(() => db.prepare('SELECT id FROM martyrs WHERE deleted_at IS NULL ORDER BY stroke_surname_key, id LIMIT 50').all());
send({ type: 'figure', figure: figure('page_first_stroke', first, 'ms', rawFirst, 50) });

// A page a million rows deep (or at 90 % of a smaller roll): jump there with the keyset of the row before.
const depth = Math.min(1_000_000, Math.floor(records * 0.9));
const before = db.prepare('SELECT stroke_surname_key AS k, id FROM martyrs WHERE deleted_at IS NULL ORDER BY stroke_surname_key, id LIMIT 1 OFFSET ?').get(depth) as { k: string; id: number };
const cursor = Buffer.from(JSON.stringify([before.k, before.id])).toString('base64url');
const deep = await time(() => ok('martyrs.search', { sort: 'strokeSurname', after: cursor }, admin));
const rawDeep = await time(() => db.prepare('SELECT id FROM martyrs WHERE deleted_at IS NULL AND (stroke_surname_key, id) > (?, ?) ORDER BY stroke_surname_key, id LIMIT 50').all(before.k, before.id));
send({ type: 'figure', figure: figure('page_deep_stroke', deep, 'ms', rawDeep, 50) });

memory('the pages');
// The import through the whole path (upload, preview, job, checks, write), next to exceljs reading the same file and nothing else.
{
  const bytes = readFileSync(importFile);
  const start = performance.now();
  const { uploadId } = await ok('uploads.begin', { fileName: 'bench-100k.xlsx', size: bytes.length }, admin);
  for (let offset = 0; offset < bytes.length; offset += 4 * 1024 * 1024) {
    await ok('uploads.chunk', { uploadId, offset, dataBase64: bytes.subarray(offset, offset + 4 * 1024 * 1024).toString('base64') }, admin);
  }
  await ok('uploads.finish', { uploadId, sha256: createHash('sha256').update(bytes).digest('hex') }, admin);
  memory('the upload');
  const p = await ok('martyrs.importPreview', { uploadId }, admin);
  memory('the preview');
  const job = await core.jobs.wait((await ok('martyrs.import', { uploadId, mapping: p.mapping }, admin)).jobId);
  const took = (performance.now() - start) / 1000;
  const result = job.result as { ok?: boolean; imported?: number } | null;
  // A rejected import checks but writes nothing: its time is not the figure.
  if (job.status !== 'done' || result?.ok !== true) throw new Error(`the import did not succeed: ${job.status} ${JSON.stringify(job.result ?? job.error).slice(0, 500)}`);
  log(`imported ${result.imported} rows in ${took.toFixed(2)} s`);
  memory('the import');
  send({ type: 'figure', figure: figure('import_100k_xlsx', took, 's', raw, raw * 2) });
}

await core.close();
send({ type: 'figure', figure: figure('backend_peak_rss', peakRssMb(), 'MB', null, 500) });
