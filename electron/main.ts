/**
 * The desktop shell's main process (built to out/main/index.js, ESM). It only wires things up:
 * the backend is electron/core (plain Node), the rules live in electron/shell/*, the transport in
 * electron/ipc.ts. It never starts the web host (electron/web-host.ts is for dev and e2e only).
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCoreHost, type CoreHost } from './core/backup/host';
import { registerIpc, type IpcContents } from './ipc';
import { resolveDataDir, type DataDirChoice } from './shell/dataDir';
import { aboutText, startupErrorText } from './shell/dialogs';
import { applicationMenuTemplate } from './shell/menu';
import {
  applyCsp,
  blockNetwork,
  CONTENT_SECURITY_POLICY,
  denyPermissions,
  devContentSecurityPolicy,
  guardWebContents,
  isTrustedFrame,
} from './shell/security';
import { mainWindowOptions } from './shell/windowOptions';

const APP_ID = 'cn.gov.veterans.guangrong';
/** Give jobs this long to stop and the database to close before the process leaves anyway. */
const CLOSE_TIMEOUT_MS = 15_000;
/** Show the window after this long even if the page has not signalled ready-to-show. */
const SHOW_TIMEOUT_MS = 10_000;

const log = {
  warn: (message: string, details?: unknown) => console.warn(`[guangrong] ${message}`, details ?? ''),
  error: (message: string, details?: unknown) => console.error(`[guangrong] ${message}`, details ?? ''),
};

/** The Vite dev server (`npm run dev`); never honoured by a packaged app. */
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] || undefined : undefined;
const rendererIndex = fileURLToPath(new URL('../renderer/index.html', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const workerFile = fileURLToPath(new URL('./job-worker.js', import.meta.url));
/** The app's own pages: the renderer folder (file:…/out/renderer/) or the dev server's origin. */
const appBase = devServerUrl ? `${new URL(devServerUrl).origin}/` : new URL('../renderer/', import.meta.url).href;

let core: CoreHost | null = null;
let disposeIpc: (() => void) | null = null;
let mainWindow: BrowserWindow | null = null;
let closeState: 'open' | 'closing' | 'closed' = 'open';

const dataChoice: DataDirChoice = resolveDataDir({
  appDataDir: app.getPath('appData'),
  exePath: process.execPath,
  env: process.env,
  exists: existsSync,
});
if (dataChoice.reason === 'env-override') {
  // Tests and administrators running several copies side by side: each data folder gets its own
  // Chromium profile, hence its own single-instance lock. (Not done for portable sticks: FAT
  // file systems have no symlinks, which the Linux lock needs.)
  app.setPath('userData', join(dataChoice.dataDir, 'electron-profile'));
}

app.enableSandbox();
// Chinese dates and number formats in native inputs (date pickers), whatever the OS language.
app.commandLine.appendSwitch('lang', 'zh-CN');
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

if (!app.requestSingleInstanceLock()) {
  // Another copy is running: it is told (second-instance) and brings its window forward.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  // Every webContents, including any the app did not mean to create, stays on the app's pages.
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, appBase, (what, url) => log.warn(`Blocked ${what}`, url));
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (closeState === 'closed' || !core) return;
    event.preventDefault();
    if (closeState === 'closing') return;
    closeState = 'closing';
    void closeBackend().finally(() => {
      closeState = 'closed';
      app.quit();
    });
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => failToStart(error));
}

function start(): void {
  const ses = session.defaultSession;
  applyCsp(ses, devServerUrl ? devContentSecurityPolicy(devServerUrl) : CONTENT_SECURITY_POLICY);
  blockNetwork(ses, appBase, (url) => log.warn('Blocked a network request', url));
  denyPermissions(ses);
  ses.setSpellCheckerEnabled(false);

  try {
    // The host reopens the core around a restore; a damaged database opens the recovery screen.
    core = openCoreHost({
      dataDir: dataChoice.dataDir,
      worker: { file: workerFile },
      // Fonts for documents: electron-builder's extraResources copies resources/ beside app.asar.
      resourcesDir: app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources'),
      version: app.getVersion(),
      portable: dataChoice.portable,
      logger: log,
    });
  } catch (error) {
    // DATABASE_TOO_NEW / READ_ONLY or worse: say so and stop. Never go on with a blank new
    // database. (DATABASE_CORRUPT does not come here: the window offers the newest backup.)
    failToStart(error);
    return;
  }

  disposeIpc = registerIpc({
    ipcMain,
    core,
    isTrustedSender: (frame) => isTrustedFrame(frame, appBase),
    eventTargets: trustedWindowContents,
    logger: log,
  });

  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate({ dev: !app.isPackaged, onAbout: showAbout })));
  createMainWindow();
}

function createMainWindow(): void {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  mainWindow = window;
  const show = () => {
    clearTimeout(showAnyway);
    if (!window.isDestroyed() && !window.isVisible()) window.show();
  };
  // Never leave an invisible process behind if the page does not paint (load failure, hang).
  const showAnyway = setTimeout(show, SHOW_TIMEOUT_MS);
  window.once('ready-to-show', show);
  window.on('closed', () => {
    clearTimeout(showAnyway);
    if (mainWindow === window) mainWindow = null;
  });
  window.webContents.on('render-process-gone', (_event, details) => log.error('The window’s renderer stopped', details));
  const loading = devServerUrl ? window.loadURL(devServerUrl) : window.loadFile(rendererIndex);
  loading.catch((error: unknown) => {
    log.error('The window could not load the application page', error);
    show();
  });
}

/** Core events go to every window showing the app's own page. */
function trustedWindowContents(): IpcContents[] {
  const result: IpcContents[] = [];
  for (const window of BrowserWindow.getAllWindows()) {
    const contents = window.webContents;
    try {
      if (!contents.isDestroyed() && isTrustedFrame(contents.mainFrame, appBase)) result.push(contents);
    } catch {
      // A frame being torn down: skip it.
    }
  }
  return result;
}

function showAbout(): void {
  const text = aboutText({ version: app.getVersion(), dataDir: dataChoice.dataDir, portable: dataChoice.portable });
  const options = { type: 'info' as const, title: text.title, message: text.message, detail: text.content, buttons: ['确定'] };
  const shown = mainWindow && !mainWindow.isDestroyed() ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options);
  shown.catch((error: unknown) => log.warn('The About box failed', error));
}

function failToStart(error: unknown): void {
  log.error('Start failed', error);
  const text = startupErrorText(error, dataChoice.dataDir);
  dialog.showErrorBox(text.title, text.content);
  closeState = 'closed';
  app.exit(1);
}

async function closeBackend(): Promise<void> {
  disposeIpc?.();
  disposeIpc = null;
  const closing = core?.close() ?? Promise.resolve();
  core = null;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      log.warn('The backend did not close in time; quitting anyway');
      resolve();
    }, CLOSE_TIMEOUT_MS);
  });
  try {
    await Promise.race([closing, timeout]);
  } catch (error) {
    log.error('Closing the backend failed', error);
  } finally {
    clearTimeout(timer);
  }
}
