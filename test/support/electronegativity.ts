/**
 * `npm run electronegativity` (part of `npm test`): Doyensec's Electronegativity over the shell's
 * TypeScript sources (electron/), failing on any HIGH or MEDIUM finding that the allow-list
 * below does not name, and on any file it could not parse (a file it cannot read is a file it
 * did not check). LOW and INFORMATIONAL findings are printed, not fatal.
 *
 * Offline: Electronegativity fetches translations at start and Electron's release list for
 * AvailableSecurityFixesGlobalCheck. Its `got` is replaced by one that fails at once (it falls
 * back to its bundled English), and that check is left out: the Electron version is pinned in
 * package-lock.json and upgraded deliberately.
 */
import Module, { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mainWindowOptions } from '../../electron/shell/windowOptions';

const root = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

export interface Finding {
  id: string;
  severity: string;
  confidence: string;
  file: string;
  line: number;
  column: number;
  sample: string;
  description: string;
}

export interface Allowed {
  id: string;
  file: string;
  /** The finding's code, exactly as Electronegativity quotes it (so a new, different line is not covered). */
  sample: string;
  /** Why it is a false positive. */
  reason: string;
  /** Checked at every run: the reason still holds, or the entry no longer excuses anything. */
  stillTrue(): boolean;
}

const windowPrefs = mainWindowOptions('/preload.cjs').webPreferences ?? {};

/**
 * Electronegativity reads the object literal given to `new BrowserWindow(...)`; main.ts passes
 * the result of mainWindowOptions() (electron/shell/windowOptions.ts, checked flag by flag in
 * test/unit/electron/windowOptions.test.ts), which it cannot see into, so it reports the
 * defaults as if nothing were set. Each entry is excused only while the options really say so.
 */
export const ALLOWED: Allowed[] = [
  {
    id: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'main.ts',
    sample: 'const window = new BrowserWindow(mainWindowOptions(preloadPath));',
    reason: 'contextIsolation: true is set in shell/windowOptions.ts, which the check cannot follow into.',
    stillTrue: () => windowPrefs.contextIsolation === true,
  },
  {
    id: 'SANDBOX_JS_CHECK',
    file: 'main.ts',
    sample: 'const window = new BrowserWindow(mainWindowOptions(preloadPath));',
    reason: 'sandbox: true is set in shell/windowOptions.ts (and app.enableSandbox() in main.ts), which the check cannot follow into.',
    stillTrue: () => windowPrefs.sandbox === true,
  },
  {
    id: 'AUXCLICK_JS_CHECK',
    file: 'main.ts',
    sample: 'const window = new BrowserWindow(mainWindowOptions(preloadPath));',
    reason: "disableBlinkFeatures: 'Auxclick' is set in shell/windowOptions.ts, which the check cannot follow into.",
    stillTrue: () => (windowPrefs.disableBlinkFeatures ?? '').split(',').includes('Auxclick'),
  },
];

const FATAL = new Set(['HIGH', 'MEDIUM']);

/** Splits the findings: the fatal ones not excused, the excused ones, the rest (printed only). */
export function judge(findings: readonly Finding[], allowed: readonly Allowed[] = ALLOWED) {
  const excuses = (f: Finding) => allowed.find((a) => a.id === f.id && a.file === f.file && a.sample === f.sample.trim() && a.stillTrue());
  const fatal = findings.filter((f) => FATAL.has(f.severity) && !excuses(f));
  const excused = findings.filter((f) => FATAL.has(f.severity) && excuses(f));
  const minor = findings.filter((f) => !FATAL.has(f.severity));
  return { fatal, excused, minor };
}

type RawIssue = { id: string; severity: { name: string }; confidence: { name: string }; file: string; location: { line: number; column: number }; sample?: string; description: string };
type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<{ issues: RawIssue[]; errors: { file: string; message: string; tolerable: boolean }[]; globalChecks: number; atomicChecks: number }>;

/** Runs Electronegativity over `input` (a folder), with no network. */
export async function electronegativity(input: string): Promise<{ findings: Finding[]; errors: string[]; checks: number }> {
  const moduleLoader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const load = moduleLoader._load;
  moduleLoader._load = function (request, parent, isMain) {
    if (request === 'got') {
      const offline = () => Promise.reject(new Error('no network: Electronegativity runs offline'));
      return Object.assign(offline, { head: offline });
    }
    return load.call(this, request, parent, isMain);
  };
  try {
    const run = require('@doyensec/electronegativity/dist/runner.js') as Runner;
    const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
    const result = await run(
      { input, customScan: [], excludeFromScan: ['AvailableSecurityFixesGlobalCheck'], electronVersionOverride: electronVersion, isRelative: true, parserPlugins: [] },
      false,
    );
    const findings = result.issues.map((i) => ({
      id: i.id,
      severity: i.severity.name,
      confidence: i.confidence.name,
      file: i.file,
      line: i.location.line,
      column: i.location.column,
      sample: (i.sample ?? '').trim(),
      description: i.description,
    }));
    const errors = result.errors.filter((e) => !e.tolerable).map((e) => `${e.file}: ${e.message}`);
    return { findings, errors, checks: result.globalChecks + result.atomicChecks };
  } finally {
    moduleLoader._load = load;
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const input = join(root, 'electron');
  const { findings, errors, checks } = await electronegativity(input);
  const { fatal, excused, minor } = judge(findings);
  const where = (f: Finding) => `${f.id} ${f.severity}/${f.confidence} electron/${f.file}:${f.line}:${f.column}`;
  for (const f of minor) console.log(`  note  ${where(f)}`);
  for (const f of excused) console.log(`  allowed  ${where(f)} — ${ALLOWED.find((a) => a.id === f.id)!.reason}`);
  for (const f of fatal) console.error(`  FAIL  ${where(f)}\n        ${f.sample}\n        ${f.description}`);
  for (const e of errors) console.error(`  FAIL  could not parse ${e}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`Electronegativity: ${checks} checks over electron/ in ${seconds} s — ${fatal.length} high/medium, ${excused.length} allowed, ${minor.length} low/informational, ${errors.length} unparsed`);
  if (fatal.length > 0 || errors.length > 0) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
