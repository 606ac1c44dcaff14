/**
 * Helpers of the packaging test (package.test.ts): make sure out/ is built, make a stand-in for
 * the Electron zip (which cannot be downloaded here), run electron-builder offline, read app.asar.
 * electron-builder's own dependencies (@electron/asar, @electron/fuses, js-yaml) are loaded from
 * electron-builder's install, typed here by the little each test uses: nothing is added to
 * package.json.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const root = resolve(import.meta.dirname, '../../..');

const fromRepo = createRequire(join(root, 'package.json'));
const fromBuilder = createRequire(fromRepo.resolve('app-builder-lib/package.json'));

interface AsarEntry {
  files?: Record<string, AsarEntry>;
  size?: number;
  unpacked?: boolean;
  link?: string;
}
interface AsarModule {
  getRawHeader(archive: string): { header: AsarEntry };
  extractFile(archive: string, file: string): Buffer;
  extractAll(archive: string, dest: string): void;
}
interface FusesModule {
  getCurrentFuseWire(executable: string): Promise<Record<string, unknown>>;
  FuseV1Options: Record<string, number | string>;
}
const asar = fromBuilder('@electron/asar') as AsarModule;
export const fuses = fromBuilder('@electron/fuses') as FusesModule;
const yaml = fromBuilder('js-yaml') as { load(text: string): unknown };

/** The repository's electron-builder.yml, parsed. */
export function loadBuilderConfig(): Record<string, unknown> {
  return yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

// ---------------------------------------------------------------------------------------------
// out/, built when missing or older than its sources (a fresh clone runs the unit tests first)

const BUILD_OUTPUTS = ['out/main/index.js', 'out/main/job-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const BUILD_INPUTS = ['electron', 'renderer', 'shared', 'package.json'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** Runs `npm run build` unless out/ is complete and newer than every source file. */
export function ensureBuilt(): 'up to date' | 'built' {
  const oldestOutput = Math.min(...BUILD_OUTPUTS.map((file) => (existsSync(join(root, file)) ? statSync(join(root, file)).mtimeMs : -Infinity)));
  const newestInput = Math.max(...BUILD_INPUTS.map((input) => newestMtime(join(root, input))));
  if (oldestOutput > newestInput) return 'up to date';
  try {
    execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm run build failed:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
  return 'built';
}

// ---------------------------------------------------------------------------------------------
// A stand-in for the unpacked Electron zip (linux x64)

/** @electron/fuses finds the fuse wire after this marker in the Electron binary. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's own settings of the eight V1 fuses, in order: RunAsNode, EnableCookieEncryption,
 *  EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments,
 *  EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar,
 *  LoadBrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges ('1' on, '0' off). */
export const ELECTRON_DEFAULT_FUSES = '10110001';
/** Chromium's UI string packs: electronLanguages must keep only zh-CN and en-US. */
export const STAND_IN_LOCALES = ['zh-CN', 'en-US', 'zh-TW', 'fr', 'de', 'ja'];

/**
 * What electron-builder copies for `--linux --dir` from an unpacked `electronDist`: the folder as
 * it is, whose `electron` executable it renames to executableName and whose fuse wire it flips,
 * and whose locales/*.pak it prunes to electronLanguages. The executable here is a shell script
 * carrying a fuse wire as the real binary does, so the yml's fuses are really applied and read.
 */
export function makeStandInElectron(dir: string, electronVersion: string): void {
  mkdirSync(join(dir, 'locales'), { recursive: true });
  const executable = join(dir, 'electron');
  writeFileSync(
    executable,
    Buffer.concat([
      Buffer.from(`#!/bin/sh\n# Stand-in for Electron ${electronVersion} (packaging test). Fuse wire: ${FUSE_SENTINEL}`),
      Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]),
      Buffer.from(`${ELECTRON_DEFAULT_FUSES}\nexit 0\n`),
    ]),
  );
  chmodSync(executable, 0o755);
  writeFileSync(join(dir, 'chrome-sandbox'), 'stand-in\n');
  for (const file of ['resources.pak', 'icudtl.dat', 'v8_context_snapshot.bin', 'libffmpeg.so', 'LICENSE', 'LICENSES.chromium.html']) {
    writeFileSync(join(dir, file), `stand-in ${file}\n`);
  }
  writeFileSync(join(dir, 'version'), electronVersion);
  for (const locale of STAND_IN_LOCALES) writeFileSync(join(dir, 'locales', `${locale}.pak`), `stand-in ${locale}\n`);
}

// ---------------------------------------------------------------------------------------------
// electron-builder, offline

/** An address nothing listens on: every proxied request fails at once. */
const DEAD_PROXY = 'http://127.0.0.1:9';
const GUARD = pathToFileURL(join(import.meta.dirname, 'no-network.mjs')).href;

/**
 * The environment of an offline run: every Node process (electron-builder, npm) has its sockets
 * and DNS lookups recorded in `networkLog` and refused (no-network.mjs); anything else that
 * honours proxies or mirrors (the app-builder binary, @electron/get) is sent to a dead address.
 */
export function offlineEnv(networkLog: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['NO_PROXY', 'no_proxy']) delete env[name];
  return {
    ...env,
    NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import "${GUARD}"`.trim(),
    GUANGRONG_NETWORK_LOG: networkLog,
    ELECTRON_BUILDER_OFFLINE: 'true',
    HTTP_PROXY: DEAD_PROXY,
    HTTPS_PROXY: DEAD_PROXY,
    ALL_PROXY: DEAD_PROXY,
    http_proxy: DEAD_PROXY,
    https_proxy: DEAD_PROXY,
    ELECTRON_GET_USE_PROXY: 'true',
    ELECTRON_MIRROR: `${DEAD_PROXY}/`,
    ELECTRON_BUILDER_BINARIES_MIRROR: `${DEAD_PROXY}/`,
    npm_config_offline: 'true',
  };
}

/** The attempts no-network.mjs recorded (empty when nothing tried the network). */
export function networkAttempts(networkLog: string): string[] {
  return existsSync(networkLog) ? readFileSync(networkLog, 'utf8').split('\n').filter(Boolean) : [];
}

/** The scripts of the Node processes that ran with no-network.mjs loaded. */
export function guardedProcesses(networkLog: string): string[] {
  const file = `${networkLog}.guarded`;
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}

export interface Run {
  code: number | null;
  output: string;
  seconds: number;
}

/** Runs a Node script (or a Node CLI) offline and collects its output. */
export function runOffline(args: string[], networkLog: string, timeoutMs: number): Promise<Run> {
  const started = performance.now();
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: offlineEnv(networkLog), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolveRun({ code, output, seconds: (performance.now() - started) / 1000 });
    });
  });
}

/** `electron-builder --linux --x64 --dir` with `config` (written to configFile), offline. */
export function packageLinuxDir(config: Record<string, unknown>, configFile: string, networkLog: string): Promise<Run> {
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const cli = fromRepo.resolve('electron-builder/cli.js');
  return runOffline([cli, '--linux', '--x64', '--dir', '--publish', 'never', '--projectDir', root, '--config', configFile], networkLog, 300_000);
}

// ---------------------------------------------------------------------------------------------
// app.asar

export interface AsarFile {
  size: number;
  unpacked: boolean;
}

export interface Asar {
  /** Every file (not folder), by its path inside the archive, without a leading slash. */
  files: Map<string, AsarFile>;
  read(path: string): Buffer;
  /** Writes the whole app to dest, the unpacked files (from app.asar.unpacked) included. */
  extractTo(dest: string): void;
}

export function openAsar(archive: string): Asar {
  const files = new Map<string, AsarFile>();
  const walk = (entry: AsarEntry, prefix: string): void => {
    for (const [name, child] of Object.entries(entry.files ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name;
      if (child.files) walk(child, path);
      else files.set(path, { size: child.size ?? 0, unpacked: child.unpacked === true });
    }
  };
  walk(asar.getRawHeader(archive).header, '');
  return { files, read: (path) => asar.extractFile(archive, path), extractTo: (dest) => asar.extractAll(archive, dest) };
}

/** Total size of the files under a folder on disk. */
export function folderSize(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + folderSize(join(path, name)), 0);
}

/** Files under a folder on disk, as paths relative to it with forward slashes. */
export function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(dir, path) : [path];
  });
}

export const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
