/**
 * The import benchmark: a 100,000-row, 12-column Chinese workbook generated in a temp folder
 * (never committed), read with readTable and with exceljs's own streaming reader, then imported
 * whole through runImport. Slow (about a minute with the generation), so it runs only with
 * IMPORT_BENCH=1:  IMPORT_BENCH=1 npx vitest run -c test/vitest.config.ts test/integration/imports/bench.test.ts
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { preview, readTable, runImport } from '../../../electron/core/imports';
import { tempDir } from '../../support/tempCore';
import { writeBigWorkbook } from '../../fixtures/imports/build';
import { count, importDb, jobContext, passThroughSpec, peopleSpec } from './support';

const ROWS = 100_000;
const RUNS = 3;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function rawExceljs(bytes: Uint8Array): Promise<{ rows: number; broken: number }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore', entries: 'ignore' });
  const all: unknown[][] = [];
  let broken = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values as unknown[];
      for (const v of values) if (typeof v === 'string' && v.includes('\uFFFD')) broken++;
      all.push(values);
    }
  }
  return { rows: all.length, broken };
}

describe.runIf(process.env.IMPORT_BENCH)('import benchmark (100,000 Chinese rows × 12 columns)', () => {
  it('reads and imports them', async () => {
    const dir = tempDir('guangrong-bench-');
    const file = join(dir, 'big.xlsx');
    let t = performance.now();
    await writeBigWorkbook(file, ROWS);
    const bytes = new Uint8Array(readFileSync(file));
    const lines = [`generated ${(bytes.length / 1024 / 1024).toFixed(1)} MB in ${Math.round(performance.now() - t)} ms`];

    const ours: number[] = [];
    const theirs: number[] = [];
    let broken = 0;
    for (let i = 0; i < RUNS; i++) {
      t = performance.now();
      const table = await readTable(bytes, 'big.xlsx');
      ours.push(performance.now() - t);
      expect(table.sheets[0]!.rows).toHaveLength(ROWS + 1);
      expect(table.sheets[0]!.rows.flat().some((c) => typeof c === 'string' && c.includes('\uFFFD'))).toBe(false);
      t = performance.now();
      const raw = await rawExceljs(bytes);
      theirs.push(performance.now() - t);
      expect(raw.rows).toBe(ROWS + 1);
      broken = raw.broken;
    }
    lines.push(`readTable: ${ours.map(Math.round).join(' / ')} ms (median ${Math.round(median(ours))})`);
    lines.push(`raw exceljs WorkbookReader: ${theirs.map(Math.round).join(' / ')} ms (median ${Math.round(median(theirs))}); cells with U+FFFD: ${broken}`);

    t = performance.now();
    const { db } = importDb();
    const p = await preview(bytes, 'big.xlsx', peopleSpec(), { db });
    lines.push(`preview: ${Math.round(performance.now() - t)} ms`);
    t = performance.now();
    const { ctx, progress } = jobContext(db);
    const result = await runImport(ctx, peopleSpec(), { bytes, fileName: 'big.xlsx', mapping: p.mapping });
    const phases = progress.map((x) => x.phase);
    lines.push(`runImport (read + check + write ${ROWS} rows, toy spec): ${Math.round(performance.now() - t)} ms, ok=${result.ok}, phases ${[...new Set(phases)].join('→')}`);
    expect(result.ok).toBe(true);
    expect(count(db, 'toy_people')).toBe(ROWS);
    t = performance.now();
    const bare = await runImport(jobContext(db).ctx, passThroughSpec(), { bytes, fileName: 'big.xlsx', mapping: { 1: 'name' } });
    lines.push(`runImport (same file, pass-through spec: the pipeline's own cost): ${Math.round(performance.now() - t)} ms, ok=${bare.ok}`);
    db.close();
    rmSync(dir, { recursive: true, force: true });
    console.log(`\n${lines.join('\n')}\n`);
  }, 300_000);
});
