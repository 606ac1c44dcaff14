/** What the bench's processes share: the figure line, timing helpers, and the messages a child sends its parent. */
export type Unit = 'ms' | 's' | 'MB';

export interface Figure {
  figure: string;
  value: number;
  unit: Unit;
  baseline: number | null;
  goal: number | null;
}

/** A child process (backend.ts, rawParse.ts) talks to roll.bench.ts over the IPC channel of `fork`. */
export type ChildMessage = { type: 'figure'; figure: Figure } | { type: 'log'; text: string } | { type: 'value'; name: string; value: number };

const round = (n: number | null) => (n === null ? null : Number(n.toFixed(3)));

export function figure(name: string, value: number, unit: Unit, baseline: number | null, goal: number | null): Figure {
  return { figure: name, value: round(value)!, unit, baseline: round(baseline), goal: round(goal) };
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** In a forked child: sends a message to the bench (throws when run on its own). */
export function send(message: ChildMessage): void {
  if (!process.send) throw new Error('run this through npm run bench');
  process.send(message);
}

/** Peak resident memory of this process (its worker threads included), in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** The marker a built roll leaves in its data folder, so that `--reuse DIR` knows what it holds. */
export const ROLL_MARKER = 'bench-roll.json';
export interface RollMarker {
  records: number;
  seed: number;
}
export const ROLL_SEED = 2026;
export const IMPORT_FILE = 'bench-100k.xlsx';
