/**
 * The crash test: rounds of real work (steps.ts) in a child process killed with SIGKILL at a
 * random moment, each followed by the checks of checks.ts on what it left.
 *
 *   npm run stress -- [--rounds 100] [--seed 12345] [--keep] [--source] [--encrypted]
 *
 * `--encrypted`: every round on an installation encrypted from its first start (the child opens
 * the core with the run's data key; the checks open the database with it and read the files
 * through the vault, and find no file in the clear). `encryptedRounds` (CI) encrypts that many
 * rounds, spread over the run; round 1, the unkilled one, stays plain unless all are encrypted.
 *
 * Round 1 runs to the end unkilled: it proves the work itself passes the checks and measures how
 * long each step takes (each step a later round completes is timed again). Each later round picks its step in turn (open, import, batch, …: every
 * step is hit as often as any other) and a random moment inside it from a seeded PRNG; the seed
 * is printed, and `--seed` replays the same choices (the moments themselves move with the
 * machine's load). A failed round's data folder is kept and named; `--keep` keeps them all.
 * The child runs bundled (bundle.ts); `--source` runs it from the TypeScript through tsx instead.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ChildMessage } from './child';
import { checkDataFolder, type Found } from './checks';
import { copyTemplate, prepare, type Prepared } from './fixtures';
import { bundleStressChild } from './bundle';
import { REPO_RESOURCES } from '../support/tempCore';
import { prng } from '../support/syntheticRoll';
import { steps } from './steps';

const CHILD_SOURCE = resolve(import.meta.dirname, 'child.ts');
/** The phases a kill is aimed at: opening the data folder, then each step. */
export const PHASES = ['open', ...steps.map((s) => s.name)];
const ROUND_TIMEOUT_MS = 120_000;

export interface RoundResult {
  round: number;
  /** On an encrypted installation. */
  encrypted: boolean;
  /** The step aimed at, and where the child really was when killed ('completed': it finished first). */
  aimed: string | null;
  killedIn: string;
  /** The job phase last reported in that step (e.g. martyrs.import:writing), if any. */
  jobPhase: string | null;
  killAfterMs: number | null;
  ms: number;
  found: Found;
  dataDir: string;
}

/**
 * How a step went in the unkilled round: its length, and its anchors — its start and the first
 * report of each job phase (a job's queue, reading, checking, writing…) — with their offsets.
 * A kill is aimed at an anchor and a moment before the next one, so the short phases that matter
 * most (the commit) are hit as often as the long ones (a worker starting).
 */
export interface StepTiming {
  ms: number;
  anchors: { phase: string; at: number }[];
}
type Timing = Record<string, StepTiming>;

interface Aim {
  step: string;
  anchor: string;
  /** How long after the anchor to kill. */
  afterMs: number;
}

export function chooseAim(step: string, timing: Timing, random: () => number): Aim {
  const t = timing[step] ?? { ms: 1000, anchors: [{ phase: 'start', at: 0 }] };
  const i = Math.floor(random() * t.anchors.length);
  const from = t.anchors[i]!;
  const to = t.anchors[i + 1]?.at ?? t.ms;
  // A little past the segment's calibrated end: the moment just after it counts too.
  return { step, anchor: from.phase, afterMs: Math.max(1, random() * (to - from.at) * 1.1) };
}

/** Runs one round: copy the template, fork the child, kill it at `aim` (null: let it finish, and time it). */
interface ChildSpec {
  file: string;
  args: string[];
  execArgv: string[];
}

async function runRound(prepared: Prepared, spec: ChildSpec, dataDir: string, aim: Aim | null, encrypted: boolean): Promise<{ killedIn: string; jobPhase: string | null; killAfterMs: number | null; timing: Timing; error: string | null }> {
  copyTemplate(prepared, dataDir, encrypted);
  const key = encrypted ? prepared.encrypted!.key : null;
  const env = key ? { ...process.env, STRESS_DATA_KEY: `${key.id}:${key.key.toString('hex')}` } : process.env;
  const child = fork(spec.file, [dataDir, prepared.files, ...spec.args], { execArgv: spec.execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const timing: Timing = { open: { ms: 0, anchors: [{ phase: 'start', at: 0 }] } };
  // 'open' is timed from the fork: loading the code is part of starting the application.
  const startedAt: Record<string, number> = { open: Date.now() };
  let current = 'open';
  let jobPhase: string | null = null;
  let killed = false;
  let killedIn = 'completed';
  let killedJobPhase: string | null = null;
  let armed = false;
  let done = false;
  let error: string | null = null;
  let timer: NodeJS.Timeout | undefined;
  const reached = (step: string, anchor: string) => {
    if (!aim || armed || aim.step !== step || aim.anchor !== anchor) return;
    armed = true;
    timer = setTimeout(() => {
      if (done || child.exitCode !== null) return;
      killed = true;
      killedIn = current;
      killedJobPhase = jobPhase;
      child.kill('SIGKILL');
    }, aim.afterMs);
  };
  reached('open', 'start');
  child.on('message', (m: ChildMessage) => {
    if (killed) return;
    if (m.type === 'step' && m.state === 'start') {
      current = m.name;
      jobPhase = null;
      if (m.name !== 'open') {
        startedAt[m.name] = Date.now();
        timing[m.name] = { ms: 0, anchors: [{ phase: 'start', at: 0 }] };
        reached(m.name, 'start');
      }
    } else if (m.type === 'step' && m.state === 'end') {
      timing[m.name]!.ms = Date.now() - startedAt[m.name]!;
      current = `after ${m.name}`;
    } else if (m.type === 'progress') {
      jobPhase = m.phase;
      const t = timing[current];
      if (t && !t.anchors.some((a) => a.phase === m.phase)) t.anchors.push({ phase: m.phase, at: Date.now() - startedAt[current]! });
      reached(current, m.phase);
    } else if (m.type === 'done') done = true;
    else if (m.type === 'error') error = m.message;
  });
  const exit = await new Promise<{ code: number | null; signal: string | null }>((resolveExit) => {
    const guard = setTimeout(() => child.kill('SIGKILL'), ROUND_TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      resolveExit({ code, signal });
    });
  });
  clearTimeout(timer);
  if (!killed && !done) error ??= `the child ended without finishing (code ${exit.code}, signal ${exit.signal}): ${stderr}`;
  return { killedIn, jobPhase: killedJobPhase, killAfterMs: killed && aim ? Math.round(aim.afterMs) : null, timing, error };
}

export interface StressSummary {
  seed: number;
  rounds: RoundResult[];
  failures: RoundResult[];
  /** Kills per phase, and per job phase within a step. */
  distribution: Record<string, number>;
  msPerRound: number;
  totalMs: number;
}

/** Whether round `round` of `rounds` is one of the `encrypted` rounds, spread evenly, the first last to be chosen. */
export function roundIsEncrypted(round: number, rounds: number, encrypted: number): boolean {
  if (encrypted >= rounds) return true;
  return Math.floor((round * encrypted) / rounds) !== Math.floor(((round - 1) * encrypted) / rounds);
}

export async function runStress(options: { rounds: number; seed: number; keep?: boolean; source?: boolean; encryptedRounds?: number; log?: (line: string) => void }): Promise<StressSummary> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const root = mkdtempSync(join(tmpdir(), 'guangrong-stress-'));
  const random = prng(options.seed);
  const encryptedRounds = options.encryptedRounds ?? 0;
  const isEncrypted = (round: number) => roundIsEncrypted(round, options.rounds, encryptedRounds);
  const allEncrypted = encryptedRounds >= options.rounds;
  const prepared = await prepare(root, { encrypted: encryptedRounds > 0, plain: !allEncrypted });
  const bundle = options.source ? null : await bundleStressChild();
  const spec: ChildSpec = bundle ? { file: bundle.child, args: [bundle.worker, REPO_RESOURCES], execArgv: [] } : { file: CHILD_SOURCE, args: [], execArgv: ['--import', 'tsx'] };
  log(`seed ${options.seed}; ${options.rounds} rounds in ${root}`);
  const rounds: RoundResult[] = [];
  const timing: Timing = {};
  try {
    for (let round = 1; round <= options.rounds; round++) {
      const dataDir = join(root, `round-${round}`);
      const roundStarted = Date.now();
      const aim = round === 1 ? null : chooseAim(PHASES[(round - 2) % PHASES.length]!, timing, random);
      const encrypted = isEncrypted(round);
      const ran = await runRound(prepared, spec, dataDir, aim, encrypted);
      // Every step a round completed re-times it: the aim follows the machine's load as it changes.
      for (const [step, t] of Object.entries(ran.timing)) if (t.ms > 0) timing[step] = t;
      const found = await checkDataFolder(dataDir, encrypted ? prepared.encrypted!.key : null);
      if (ran.error) found.problems.unshift(`the work failed: ${ran.error}`);
      const result: RoundResult = { round, encrypted, aimed: aim?.step ?? null, killedIn: ran.killedIn, jobPhase: ran.jobPhase, killAfterMs: ran.killAfterMs, ms: Date.now() - roundStarted, found, dataDir };
      rounds.push(result);
      log(describeRound(result, aim, options.rounds));
      if (found.problems.length === 0 && !options.keep) rmSync(dataDir, { recursive: true, force: true });
    }
  } finally {
    bundle?.dispose();
  }
  const failures = rounds.filter((r) => r.found.problems.length > 0);
  if (failures.length === 0 && !options.keep) rmSync(root, { recursive: true, force: true });
  const distribution: Record<string, number> = {};
  for (const r of rounds) {
    const key = r.jobPhase ? `${r.killedIn} / ${r.jobPhase}` : r.killedIn;
    distribution[key] = (distribution[key] ?? 0) + 1;
  }
  const totalMs = Date.now() - started;
  return { seed: options.seed, rounds, failures, distribution, msPerRound: Math.round(rounds.reduce((s, r) => s + r.ms, 0) / rounds.length), totalMs };
}

function describeRound(r: RoundResult, aim: Aim | null, of: number): string {
  const where = r.killAfterMs === null || !aim ? 'not killed' : `killed in ${r.killedIn}${r.jobPhase ? ` (${r.jobPhase})` : ''}, ${r.killAfterMs} ms after ${aim.step}/${aim.anchor}`;
  const outcome = r.found.problems.length === 0 ? 'ok' : `FAILED\n  ${r.found.problems.join('\n  ')}\n  data folder kept: ${r.dataDir}`;
  const leftovers = r.found.leftovers.length ? `; leftovers: ${[...new Set(r.found.leftovers)].join(', ')}` : '';
  return `round ${r.round}/${of}${r.encrypted ? ' (encrypted)' : ''}: ${where}: ${outcome}${leftovers} (${r.ms} ms)`;
}

export function formatSummary(s: StressSummary): string {
  const lines = [
    `rounds: ${s.rounds.length} (${s.rounds.filter((r) => r.encrypted).length} encrypted), failures: ${s.failures.length}, seed: ${s.seed} (replay: npm run stress -- --rounds ${s.rounds.length} --seed ${s.seed}${s.rounds.every((r) => r.encrypted) ? ' --encrypted' : ''})`,
    `time: ${(s.totalMs / 1000).toFixed(1)} s in all, ${(s.msPerRound / 1000).toFixed(1)} s per round (work, kill and checks)`,
    'where the kills fell:',
    ...Object.entries(s.distribution)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `  ${String(n).padStart(4)}  ${k}`),
  ];
  for (const f of s.failures) lines.push(`FAILED round ${f.round} (${f.killedIn}): ${f.found.problems.join('; ')} — ${f.dataDir}`);
  return lines.join('\n');
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const rounds = Number(arg('rounds') ?? 100);
  const seed = Number(arg('seed') ?? Math.floor(Math.random() * 2 ** 31));
  if (!Number.isInteger(rounds) || rounds < 1 || !Number.isInteger(seed)) {
    console.error('usage: npm run stress -- [--rounds N] [--seed S] [--keep] [--encrypted]');
    process.exit(2);
  }
  const encryptedRounds = process.argv.includes('--encrypted') ? rounds : 0;
  const summary = await runStress({ rounds, seed, keep: process.argv.includes('--keep'), source: process.argv.includes('--source'), encryptedRounds, log: (line) => console.log(line) });
  console.log(formatSummary(summary));
  process.exit(summary.failures.length === 0 ? 0 : 1);
}
