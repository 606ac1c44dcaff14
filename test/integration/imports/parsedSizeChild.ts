/**
 * Run by parsedSize.test.ts in a process of its own (node --import tsx): reads one xlsx with
 * readTable and prints how much the peak resident memory grew while doing so, and how it ended.
 */
import { readFileSync } from 'node:fs';
import { readTable } from '../../../electron/core/imports';

const bytes = new Uint8Array(readFileSync(process.argv[2]!));
const before = process.resourceUsage().maxRSS;
let outcome: { ok: true; rows: number } | { ok: false; code: string; zh: string; en: string };
try {
  const table = await readTable(bytes, '名单.xlsx');
  outcome = { ok: true, rows: table.sheets[0]!.rows.length };
} catch (error) {
  const e = error as { code?: string; text?: { zh: string; en: string }; message: string };
  outcome = { ok: false, code: String(e.code), zh: e.text?.zh ?? e.message, en: e.text?.en ?? e.message };
}
const growthKb = process.resourceUsage().maxRSS - before;
process.stdout.write(JSON.stringify({ growthMb: Math.round(growthKb / 1024), outcome }));
