/**
 * The one application window. Every web preference that matters for security is spelled out,
 * even where it equals Electron's default, so a reader (and test/unit/electron) sees them all.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = '光荣 Guangrong';
/** MUI's default page background: no white flash or grey frame before React paints. */
export const WINDOW_BACKGROUND = '#ffffff';

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 680,
    title: WINDOW_TITLE,
    backgroundColor: WINDOW_BACKGROUND,
    // Shown on 'ready-to-show', so the first thing people see is the painted UI.
    show: false,
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Chromium's spellchecker downloads Hunspell dictionaries on Linux: no network, ever.
      spellcheck: false,
      // Dropping a file on the window must not navigate away from the app.
      navigateOnDragDrop: false,
      experimentalFeatures: false,
      // No auxclick event (a middle click on a link, the usual way to open it in a new
      // window): the app has no use for it (Electronegativity AUXCLICK_JS_CHECK). New windows
      // are refused anyway by the window-open handler (shell/security.ts).
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
    },
  };
}
