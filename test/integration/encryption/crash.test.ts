/**
 * A process killed with SIGKILL while it sets encryption up — during the rekey of a ~30 MB
 * database, and during the sealing of the files — leaves a data folder that starts locked, unlocks
 * with the administrator's password, finishes the work, and has every row and every file's bytes.
 */
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseIsPlain } from '../../../electron/core/db/connection';
import { fileIsSealed } from '../../../electron/core/crypto/sealed';
import { readKeyFile } from '../../../electron/core/crypto/keyFile';
import { createVault } from '../../../electron/core/crypto/vault';
import { dataKeyFromRecoverySecret, parseRecoveryKey } from '../../../electron/core/crypto/dataKey';
import { ADMIN, makeSetUpCore, tempDir } from '../../support/tempCore';
import { sealingEnded, startHost } from './support';
import type { CrashChildMessage } from './crashChild';

const ROWS = 30_000;
const FILES = 120;
let root: string;
let template: string;
const fileHashes = new Map<string, string>();

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  root = tempDir('guangrong-enc-crash-');
  template = join(root, 'template');
  const t = await makeSetUpCore({ dataDir: template, integritySchedule: false });
  t.core.db.exec('CREATE TABLE crash_rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = t.core.db.prepare('INSERT INTO crash_rows (body) VALUES (?)');
  t.core.db.transaction(() => {
    for (let i = 0; i < ROWS; i++) insert.run(`${i}:${'烈士英名录'.repeat(60)}`);
  })();
  await t.core.close();
  for (let i = 0; i < FILES; i++) {
    const dir = join(template, 'attachments', (i % 16).toString(16).padStart(2, '0'), 'aa');
    mkdirSync(dir, { recursive: true });
    const bytes = Buffer.from(`scan ${i} `.repeat(20_000 + i));
    writeFileSync(join(dir, `file${i}`), bytes);
    fileHashes.set(join('attachments', (i % 16).toString(16).padStart(2, '0'), 'aa', `file${i}`), sha(bytes));
  }
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Round {
  killed: boolean;
  messages: CrashChildMessage[];
}

/** Runs the child on a copy of the template; `killWhen` decides from the child's messages and the folder when to SIGKILL it. */
async function runChild(dataDir: string, killWhen: { journal?: { bytes: number; afterMs: number; fileEncrypted?: boolean }; sealedFiles?: number }): Promise<Round> {
  const child = fork(join(import.meta.dirname, 'crashChild.ts'), [dataDir], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const messages: CrashChildMessage[] = [];
  let killed = false;
  const kill = () => {
    if (killed || child.exitCode !== null) return;
    killed = true;
    child.kill('SIGKILL');
  };
  let poll: NodeJS.Timeout | undefined;
  child.on('message', (m: CrashChildMessage) => {
    messages.push(m);
    // The rekey runs on the child's main thread (it cannot tell us): the rollback journal appearing says it is under way.
    const journal = killWhen.journal;
    if (m.type === 'enabling' && journal) {
      const path = join(dataDir, 'guangrong.db-journal');
      poll = setInterval(() => {
        if (!existsSync(path) || (statSync(path, { throwIfNoEntry: false })?.size ?? 0) < journal.bytes) return;
        if (journal.fileEncrypted && databaseIsPlain(join(dataDir, 'guangrong.db'))) return;
        clearInterval(poll);
        setTimeout(kill, journal.afterMs);
      }, 1);
    }
    if (m.type === 'progress' && killWhen.sealedFiles !== undefined && m.done >= killWhen.sealedFiles) kill();
  });
  await new Promise<void>((resolve) => child.on('exit', () => resolve()));
  if (poll) clearInterval(poll);
  return { killed, messages };
}

/** The folder after the crash: locked, unlocks with the password, all rows, every file's bytes, then all sealed. */
async function checkReopens(dataDir: string, recoveryKey: string): Promise<void> {
  const t = startHost(dataDir);
  try {
    const s = t.host.openSession();
    expect((await t.ok('encryption.status', {}, s)).state).toBe('locked');
    const unlocked = await t.ok('encryption.unlock', { username: ADMIN.username, password: ADMIN.password }, s);
    expect(unlocked.session.user?.username).toBe(ADMIN.username);
    const core = t.host.core!;
    expect(core.db.prepare('SELECT count(*) AS n FROM crash_rows').get()).toEqual({ n: ROWS });
    expect(core.db.pragma('quick_check', { simple: true })).toBe('ok');
    const vault = createVault(dataKeyFromRecoverySecret(parseRecoveryKey(recoveryKey)!));
    for (const [path, hash] of fileHashes) expect(sha(await vault.readFile(join(dataDir, path))), path).toBe(hash);
    await sealingEnded(t.host);
    expect(databaseIsPlain(join(dataDir, 'guangrong.db'))).toBe(false);
    for (const path of fileHashes.keys()) expect(fileIsSealed(join(dataDir, path)), path).toBe(true);
    for (const [path, hash] of fileHashes) expect(sha(await vault.readFile(join(dataDir, path)))).toBe(hash);
    const file = readKeyFile(dataDir);
    expect(file !== null && file !== 'damaged' && file.state).toBe('encrypted');
    expect(readdirSync(join(dataDir, 'attachments', '00', 'aa')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  } finally {
    await t.host.close();
  }
}

const keyOf = (round: Round) => {
  const message = round.messages.find((m) => m.type === 'key');
  if (!message || message.type !== 'key') throw new Error(`the child made no recovery key: ${JSON.stringify(round.messages)}`);
  return message.text;
};

describe('a crash while encryption is set up', () => {
  it('killed during the rekey of a ~30 MB database: reopens locked, unlocks, redoes the rekey, loses nothing', { timeout: 240_000 }, async () => {
    const size = statSync(join(template, 'guangrong.db')).size;
    expect(size).toBeGreaterThan(25 * 1024 * 1024);
    // As soon as the rollback journal appears, half way, and once every page is journaled (the file's own pages,
    // its first one included, are being rewritten under the key then: the journal alone holds the plain ones).
    const seen: string[] = [];
    for (const [fraction, afterMs, fileEncrypted] of [[0, 0, false], [0.5, 0, false], [0.97, 0, false], [0.97, 0, true]] as const) {
      const dataDir = join(root, `rekey-${fraction}-${fileEncrypted}`);
      cpSync(template, dataDir, { recursive: true });
      const result = await runChild(dataDir, { journal: { bytes: Math.max(1, Math.floor(size * fraction)), afterMs, fileEncrypted } });
      expect(result.killed, JSON.stringify(result.messages)).toBe(true);
      expect(result.messages.some((m) => m.type === 'enabled')).toBe(false);
      const journal = join(dataDir, 'guangrong.db-journal');
      const state = `${databaseIsPlain(join(dataDir, 'guangrong.db')) ? 'plain' : 'encrypted'} at its start, journal ${existsSync(journal) ? `${statSync(journal).size} bytes` : 'none'}`;
      seen.push(state);
      console.log(`killed with the journal at ${fraction * 100}%${fileEncrypted ? ' and the first page rewritten' : ''}: database file ${state}`);
      await checkReopens(dataDir, keyOf(result));
    }
    // At least one kill came when the file was already part encrypted with a hot journal (the case that needs the roll-back).
    expect(seen.some((state) => state.startsWith('encrypted'))).toBe(true);
  });

  it('killed during the sealing of the files: reopens locked, unlocks, seals the rest, every file readable', { timeout: 240_000 }, async () => {
    const dataDir = join(root, 'sealing');
    cpSync(template, dataDir, { recursive: true });
    const result = await runChild(dataDir, { sealedFiles: FILES / 2 });
    expect(result.killed, JSON.stringify(result.messages)).toBe(true);
    const enabled = result.messages.find((m) => m.type === 'enabled');
    console.log(`rekey of a ${(statSync(join(template, 'guangrong.db')).size / 1048576).toFixed(1)} MB database, enable answered in ${enabled && enabled.type === 'enabled' ? enabled.ms : '?'} ms`);
    expect(result.messages.some((m) => m.type === 'sealed')).toBe(false);
    const sealed = [...fileHashes.keys()].filter((path) => fileIsSealed(join(dataDir, path))).length;
    expect(sealed).toBeGreaterThan(0);
    expect(sealed).toBeLessThan(FILES);
    await checkReopens(dataDir, keyOf(result));
  });
});
