/**
 * `npm run bench -- [--records N] [--json] [--keep DIR | --reuse DIR] [--pdf-only] [--plaques-only [--households N]]`: the martyrs' roll figures,
 * printed as JSON lines `{"figure", "value", "unit", "baseline", "goal"}`, each measured in this
 * run next to its baseline on the same file. Not part of `npm test`.
 *
 * 1. This process builds a deterministic synthetic roll of N records (default 2,000,000) in a data
 *    folder, through the repository code the app uses, and writes the 100,000-row import file.
 * 2. rawParse.ts, a fresh process, reads that file with exceljs alone: the import's baseline.
 * 3. backend.ts, another process, opens the folder with createCore (its job worker included), as
 *    the app's main process would, runs the searches, pages and the import through `core.call`
 *    and reports its own peak RSS: the roll built here never counts in it. It and the job worker
 *    run bundled (esbuild, which tsx brings), in plain Node as the built app runs them: tsx
 *    would add ~45 MB of its own to the RSS and its loader to the worker's start.
 *
 * `--keep DIR` builds the roll in DIR (which must not exist yet) and leaves it there; `--reuse DIR`
 * runs the figures on a folder built that way, without rebuilding (2M records take minutes to
 * load). The figures of a kept roll run on a copy of its database (DIR/run, removed afterwards),
 * so the import never changes the roll: deleting the imported records again would leave the
 * search index full of deletions, and every later run slower.
 *
 * 4. pdfLetters.ts, in this process: 1,000 good-news letters as one PDF next to LibreOffice.
 *    `--pdf-only` runs this part alone, without the roll.
 * 5. plaques.ts, in this process: the plaque round on a county of 10,000 households (`--households`).
 *    `--plaques-only` runs this part alone.
 */
import { fork } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { makeSetUpCore, tempDir } from '../support/tempCore';
import { syntheticRoll } from '../support/syntheticRoll';
import { prepareMartyr } from '../../electron/core/martyrs/fields';
import { insertMartyr } from '../../electron/core/db/martyrs';
import { rebuildSearchIndex } from '../../electron/core/db/martyrSearchIndex';
import { writeTransaction } from '../../electron/core/db/connection';
import { DATABASE_FILE } from '../../electron/core';
import { martyrFieldsSchema } from '../../shared/contract';
import { importFileRoll } from './importFile';
import { pdfFigures } from './pdfLetters';
import { plaqueFigures } from './plaques';
import { IMPORT_FILE, ROLL_MARKER, ROLL_SEED, type ChildMessage, type RollMarker } from './figures';

const { values } = parseArgs({ options: { records: { type: 'string' }, json: { type: 'boolean', default: false }, keep: { type: 'string' }, reuse: { type: 'string' }, 'pdf-only': { type: 'boolean', default: false }, 'plaques-only': { type: 'boolean', default: false }, households: { type: 'string' } } });
const households = Number(values.households ?? 10_000);
const log = (...args: unknown[]) => {
  if (!values.json) console.error(...args);
};
if (values.keep && values.reuse) throw new Error('--keep builds a roll, --reuse runs on one: give one of them');
if (values['plaques-only']) {
  for (const f of await plaqueFigures(households, log)) console.log(JSON.stringify(f));
  process.exit(0);
}
if (values['pdf-only']) {
  for (const f of await pdfFigures(log)) console.log(JSON.stringify(f));
  process.exit(0);
}

async function buildRoll(dataDir: string, records: number): Promise<void> {
  if (existsSync(dataDir) && values.keep) throw new Error(`${dataDir} exists already: --keep builds a new roll there (use --reuse ${dataDir} to run on it)`);
  const t = await makeSetUpCore({ dataDir });
  // Loaded through the same repository code the app uses, in batches of 20,000.
  log(`generating and loading ${records.toLocaleString()} records…`);
  const loadStart = performance.now();
  const roll = syntheticRoll(records, ROLL_SEED);
  const db = t.core.db;
  // Records in batches of 20,000, then the search index built once over the whole roll, as the
  // core does after the migration that introduced it (placing 2 M entries one batch at a time
  // would respace the hot spots — frequent names — again and again).
  for (let from = 0; from < roll.length; from += 20_000) {
    writeTransaction(db, () => {
      for (const m of roll.slice(from, from + 20_000)) {
        const prepared = prepareMartyr(db, martyrFieldsSchema.parse({ name: m.name, birthDate: m.birthDate, deathDate: m.deathDate, nativePlaceText: m.nativePlaceText, unitAndPost: m.unitAndPost }));
        insertMartyr(db, prepared, 1, '2026-11-23T09:00:00.000Z');
      }
    });
    log(`  ${Math.min(from + 20_000, roll.length).toLocaleString()} (${((performance.now() - loadStart) / 1000).toFixed(0)} s)`);
  }
  writeTransaction(db, () => rebuildSearchIndex(db, (done, total) => (done % 200_000 === 0 || done === total) && log(`  indexed ${done.toLocaleString()}`)));
  db.pragma('optimize');
  log(`loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);
  await t.dispose();
  writeFileSync(join(dataDir, ROLL_MARKER), JSON.stringify({ records, seed: ROLL_SEED } satisfies RollMarker));
}

/** 100,000 rows of another synthetic roll, each person once (the import refuses a file that repeats one). */
async function writeImportFile(file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('名录');
  ws.addRow(['姓名', '性别', '出生年月', '籍贯', '生前所在单位及职务', '牺牲时间']).commit();
  for (const m of importFileRoll()) ws.addRow([m.name, '男', m.birthDate, m.nativePlaceText, m.unitAndPost, m.deathDate]).commit();
  ws.commit();
  await wb.commit();
}

/** The backend child and the job worker bundled for plain Node (packages stay in node_modules). */
async function bundleBackend(): Promise<{ backend: string; worker: string }> {
  const { build } = await import('esbuild');
  const outdir = join(import.meta.dirname, '../../.tmp/bench-build');
  await build({
    entryPoints: { backend: join(import.meta.dirname, 'backend.ts'), 'job-worker': join(import.meta.dirname, '../../electron/job-worker.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return { backend: join(outdir, 'backend.mjs'), worker: join(outdir, 'job-worker.mjs') };
}

/** Runs a child script; prints its figures as they come, gathers its values. */
function child(script: string, args: string[], execArgv = process.execArgv): Promise<Map<string, number>> {
  const got = new Map<string, number>();
  return new Promise((resolve, reject) => {
    const proc = fork(script, args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    proc.on('message', (m: ChildMessage) => {
      if (m.type === 'figure') console.log(JSON.stringify(m.figure));
      else if (m.type === 'log') log(m.text);
      else got.set(m.name, m.value);
    });
    proc.on('error', reject);
    proc.on('exit', (code) => (code === 0 ? resolve(got) : reject(new Error(`${script} exited with ${code}`))));
  });
}

/** A copy of a kept roll's database to run the figures on (the import writes into it). */
function runCopy(dataDir: string): string {
  const run = join(dataDir, 'run');
  rmSync(run, { recursive: true, force: true });
  mkdirSync(run);
  for (const f of readdirSync(dataDir)) if (f.startsWith(DATABASE_FILE)) copyFileSync(join(dataDir, f), join(run, f));
  return run;
}

const dataDir = values.reuse ?? values.keep ?? tempDir('guangrong-bench-');
let records: number;
if (values.reuse) {
  records = (JSON.parse(readFileSync(join(dataDir, ROLL_MARKER), 'utf8')) as RollMarker).records;
  if (values.records && Number(values.records) !== records) log(`${dataDir} holds a roll of ${records.toLocaleString()} records: --records ${values.records} ignored`);
} else {
  records = Number(values.records ?? '2000000');
  await buildRoll(dataDir, records);
}
const kept = Boolean(values.keep || values.reuse);
const runDir = kept ? runCopy(dataDir) : dataDir;
try {
  const file = join(dataDir, IMPORT_FILE);
  if (!existsSync(file)) await writeImportFile(file);
  const raw = (await child(join(import.meta.dirname, 'rawParse.ts'), [file])).get('rawParseSeconds')!;
  const bundled = await bundleBackend();
  await child(join(import.meta.dirname, 'writeFloor.ts'), [join(runDir, DATABASE_FILE)]);
  await child(bundled.backend, [runDir, String(records), file, String(raw), bundled.worker], []);
} finally {
  rmSync(kept ? runDir : dataDir, { recursive: true, force: true });
}
for (const f of await pdfFigures(log)) console.log(JSON.stringify(f));
for (const f of await plaqueFigures(households, log)) console.log(JSON.stringify(f));
