/**
 * The crash test in CI: ten rounds of test/stress (import, batch status changes, attachments, a
 * print) each killed with SIGKILL inside a different step, every data folder checked after; four
 * of them on an encrypted installation.
 * `npm run stress -- --rounds 100` runs more; STRESS_SEED replays a failed run's choices.
 */
import { describe, expect, it } from 'vitest';
import { formatSummary, PHASES, runStress } from '../../stress/run';

const ROUNDS = 10;
/** Of them, on an encrypted installation (the checks open it with its key and read files through the vault). */
const ENCRYPTED_ROUNDS = 4;

describe('a process killed at any moment loses nothing and leaves nothing half written', () => {
  it(`${ROUNDS} rounds, killed in each phase in turn`, { timeout: 600_000 }, async () => {
    const seed = Number(process.env.STRESS_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const summary = await runStress({ rounds: ROUNDS, seed, encryptedRounds: ENCRYPTED_ROUNDS, log: (line) => console.log(line) });
    console.log(formatSummary(summary));
    expect(summary.failures.map((f) => ({ round: f.round, killedIn: f.killedIn, problems: f.found.problems }))).toEqual([]);
    // The round that is not killed did all the work; the others were killed, each phase aimed at.
    expect(summary.rounds[0]!.killedIn).toBe('completed');
    expect(new Set(summary.rounds.slice(1).map((r) => r.aimed))).toEqual(new Set(PHASES));
    expect(summary.rounds.filter((r) => r.encrypted)).toHaveLength(ENCRYPTED_ROUNDS);
  });
});
