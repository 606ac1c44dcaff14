/**
 * Starts the application for an end-to-end test, each with its own empty data folder:
 * - real Electron through Playwright's `_electron` when the Electron binary is installed;
 * - otherwise the built web host (out/main/web-host.js) and headless Chromium
 *   (CHROMIUM_PATH or /usr/bin/chromium).
 * Every request and WebSocket that leaves the loopback address is failed and counted, and the
 * app's close() — every spec's teardown, launchForSuite's included — fails when the count is not
 * 0, naming the URLs: the product must make none (DESIGN.md §3 rule 8).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium, _electron, type Browser, type BrowserContext, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

export type LaunchKind = 'electron' | 'chromium';

export interface LaunchedApp {
  kind: LaunchKind;
  page: Page;
  dataDir: string;
  /** Requests and WebSockets to anything but the loopback address (must stay 0: close() fails otherwise). */
  foreignRequests: string[];
  screenshot(name: string): Promise<string>;
  /** Ends the application's process and starts it again on the same data folder (the page is then the new one's). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The installed Electron binary, found the way the electron package does but WITHOUT requiring
 * it: since Electron 45, `require('electron')` downloads a missing binary, which must never
 * happen in a test (and cannot, offline).
 */
export function electronBinary(): string | null {
  if (process.env.ELECTRON_PATH && existsSync(process.env.ELECTRON_PATH)) return process.env.ELECTRON_PATH;
  try {
    const pkg = dirname(require.resolve('electron/package.json'));
    const pathFile = join(pkg, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const relative = readFileSync(pathFile, 'utf8').trim();
    const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
    const binary = join(dist, relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

export function chromiumBinary(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  return candidates.find((p) => existsSync(p)) ?? null;
}

export function launchKind(): LaunchKind | null {
  if (process.env.GUANGRONG_E2E !== 'chromium' && electronBinary()) return 'electron';
  return chromiumBinary() ? 'chromium' : null;
}

const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/** Loopback and in-memory URLs: what the app may load. Anything else is a network connection. */
export function isLoopback(url: string): boolean {
  if (/^(data|blob|file|about|devtools|chrome-extension|chrome-error):/.test(url)) return true;
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}

/**
 * Fails every foreign request (HTTP of any kind, documents, images, fonts, fetch, EventSource…)
 * and every foreign WebSocket before it connects, and records its URL in `foreign`. (Keepalive
 * requests — navigator.sendBeacon — are not seen by Playwright's routes; the lint rule and the
 * CSP's connect-src 'self' keep them out of the product.)
 */
async function guardNetwork(context: BrowserContext, foreign: string[]): Promise<void> {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLoopback(url)) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  // Only foreign sockets are routed (a routed socket is never connected unless connectToServer
  // is called, which it is not); loopback ones go through untouched.
  await context.routeWebSocket(
    (url) => !isLoopback(url.href),
    (socket) => {
      foreign.push(socket.url());
      return socket.close({ code: 1008, reason: 'blocked: no network' });
    },
  );
}

/** Throws, naming every URL, when the app tried to reach anything but the loopback address. */
export function assertNoForeignRequests(foreign: readonly string[]): void {
  if (foreign.length === 0) return;
  throw new Error(`The app tried to reach the network ${foreign.length} time(s) (all failed by the e2e guard):\n${foreign.map((url) => `  ${url}`).join('\n')}`);
}

function startWebHost(dataDir: string, portable = false): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, [join(root, 'out/main/web-host.js'), '--data', dataDir, '--port', '0', ...(portable ? ['--portable'] : [])], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /Guangrong web host: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveStart({ child, url: match[1]! });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`web host exited (${code}):\n${out}`)));
  });
}

/**
 * `dataDir`: a data folder made beforehand (it is removed on close like a fresh one). `portable`:
 * the web host behaves as the portable build (web host runs only; Electron decides by itself).
 */
export async function launchApp(options: { locale?: string; dataDir?: string; portable?: boolean } = {}): Promise<LaunchedApp> {
  const kind = launchKind();
  if (!kind) throw new Error('Neither Electron nor Chromium is available');
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'guangrong-e2e-'));
  const shots = join(root, 'test-results', 'e2e');
  mkdirSync(shots, { recursive: true });
  const foreignRequests: string[] = [];
  let page: Page;
  let closeAll: () => Promise<void>;
  let restart: () => Promise<void>;

  if (kind === 'electron') {
    const start = async () => {
      const app: ElectronApplication = await _electron.launch({
        executablePath: electronBinary()!,
        args: [join(root, 'out/main/index.js')],
        env: { ...process.env, GUANGRONG_DATA_DIR: dataDir, LANG: options.locale ?? 'zh_CN.UTF-8' } as Record<string, string>,
      });
      await guardNetwork(app.context(), foreignRequests);
      page = await app.firstWindow();
      closeAll = () => app.close();
    };
    await start();
    restart = async () => {
      await closeAll();
      await start();
    };
  } else {
    let host = await startWebHost(dataDir, options.portable);
    const browser: Browser = await chromium.launch({ executablePath: chromiumBinary()!, args: chromiumArgs });
    // Service workers blocked: their requests could otherwise bypass the context's routes.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: options.locale ?? 'zh-CN', serviceWorkers: 'block' });
    await guardNetwork(context, foreignRequests);
    page = await context.newPage();
    await page.goto(host.url);
    closeAll = async () => {
      await browser.close();
      host.child.kill('SIGTERM');
    };
    // The same browser (its cookie of the old host is worthless: the new host has a new token and sessions).
    restart = async () => {
      host.child.removeAllListeners('exit');
      const exited = new Promise((resolveExit) => host.child.once('exit', resolveExit));
      host.child.kill('SIGTERM');
      await exited;
      host = await startWebHost(dataDir, options.portable);
      await page.goto(host.url);
    };
  }
  return {
    kind,
    get page() {
      return page;
    },
    dataDir,
    foreignRequests,
    async screenshot(name) {
      const file = join(shots, `${name}.png`);
      await page.screenshot({ path: file });
      // The README shows a few of them: refresh those with UPDATE_SCREENSHOTS=1 (web host run only,
      // so the pictures do not change with the machine's window manager).
      if (process.env.UPDATE_SCREENSHOTS === '1' && kind === 'chromium') {
        mkdirSync(join(root, 'test/e2e/screenshots'), { recursive: true });
        copyFileSync(file, join(root, 'test/e2e/screenshots', `${name}.png`));
      }
      return file;
    },
    restart: () => restart(),
    async close() {
      await closeAll();
      rmSync(dataDir, { recursive: true, force: true });
      assertNoForeignRequests(foreignRequests);
    },
  };
}

/** First start: fills in the administrator's account and waits until the app is open. */
export async function createAdministrator(page: Page, admin: { username: string; displayName: string; password: string }): Promise<void> {
  await page.getByTestId('setup-username').waitFor();
  await page.getByTestId('setup-username').fill(admin.username);
  await page.getByTestId('setup-display-name').fill(admin.displayName);
  await page.getByTestId('setup-password').fill(admin.password);
  await page.getByTestId('setup-password-confirm').fill(admin.password);
  await page.getByTestId('setup-submit').click();
  await page.getByTestId('nav-martyrs').waitFor();
}

/**
 * Launches the app once for a describe block (beforeAll) and closes it after (afterAll), then
 * removes the spec's scratch folder. `onLaunched` receives the app for the spec's own variables.
 */
export function launchForSuite(scratch: string, onLaunched: (app: LaunchedApp) => void): void {
  let launched: LaunchedApp | undefined;
  beforeAll(async () => {
    launched = await launchApp();
    onLaunched(launched);
  });
  afterAll(async () => {
    await launched?.close();
    rmSync(scratch, { recursive: true, force: true });
  });
}
