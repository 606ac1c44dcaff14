import { describe, expect, it } from 'vitest';
import { mainWindowOptions, WINDOW_TITLE } from '../../../electron/shell/windowOptions';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs');
  const prefs = options.webPreferences ?? {};

  it('sets every security flag of DESIGN §3 rule 8', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.disableBlinkFeatures?.split(',')).toContain('Auxclick');
  });

  it('enables no Blink feature and no remote module by the back door', () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('partition');
  });

  it('is one sensible window, hidden until painted', () => {
    expect(options.title).toBe(WINDOW_TITLE);
    expect(WINDOW_TITLE).toBe('光荣 Guangrong');
    expect(options).toMatchObject({ width: 1280, height: 800, minWidth: 1024, minHeight: 680, show: false });
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });
});
