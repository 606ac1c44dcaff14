import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  applyCsp,
  blockNetwork,
  CONTENT_SECURITY_POLICY,
  denyPermissions,
  devContentSecurityPolicy,
  guardWebContents,
  isAllowedRequest,
  isAppUrl,
  isTrustedFrame,
} from '../../../electron/shell/security';

const root = resolve(import.meta.dirname, '../../..');
const APP_BASE = 'file:///opt/Guangrong/resources/app.asar/out/renderer/';
const APP_PAGE = `${APP_BASE}index.html`;
const DEV_BASE = 'http://localhost:5173/';

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

/** A session whose hooks are recorded so the test can call them. */
function fakeSession() {
  const hooks: {
    headers?: (details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void;
    before?: (details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void;
    request?: (contents: unknown, permission: string, cb: (granted: boolean) => void, details: unknown) => void;
    check?: (...args: unknown[]) => boolean;
    device?: (...args: unknown[]) => boolean;
  } = {};
  const session = {
    webRequest: {
      onHeadersReceived: (listener: typeof hooks.headers) => (hooks.headers = listener),
      onBeforeRequest: (listener: typeof hooks.before) => (hooks.before = listener),
    },
    setPermissionRequestHandler: (handler: typeof hooks.request) => (hooks.request = handler),
    setPermissionCheckHandler: (handler: typeof hooks.check) => (hooks.check = handler),
    setDevicePermissionHandler: (handler: typeof hooks.device) => (hooks.device = handler),
  };
  return { session: session as unknown as Session, hooks };
}

describe('Content-Security-Policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('defaults to self, scripts strictly self, no eval anywhere', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
  });

  it('names no remote host and no wildcard', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
  });

  it('closes objects, base, forms and framing; inline styles only for MUI', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('font-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it('lets workers come only from the app itself (pdf.js’s bundled worker): no blob: or data: workers', () => {
    expect(csp.get('worker-src')).toEqual(["'self'"]);
    expect(directives(devContentSecurityPolicy('http://localhost:5173')).get('worker-src')).toEqual(["'self'"]);
  });

  it('is the policy the renderer’s index.html and the web host carry too', () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync(join(root, 'renderer/index.html'), 'utf8'))?.[1] ?? '';
    const header = /'content-security-policy':\s*"([^"]+)"/.exec(readFileSync(join(root, 'electron/web-host.ts'), 'utf8'))?.[1] ?? '';
    // A <meta> policy cannot carry frame-ancestors (browsers ignore it there).
    const inMeta = new Map([...csp].filter(([name]) => name !== 'frame-ancestors'));
    expect(directives(meta)).toEqual(inMeta);
    expect(directives(header)).toEqual(csp);
  });

  it('the dev-server policy adds only the Fast Refresh preamble and the HMR socket', () => {
    const dev = directives(devContentSecurityPolicy('http://localhost:5173'));
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(dev.get('default-src')).toEqual(["'self'"]);
    expect(devContentSecurityPolicy('http://localhost:5173')).not.toContain('unsafe-eval');
  });

  it('applyCsp replaces any policy on every response and keeps the other headers', () => {
    const { session, hooks } = fakeSession();
    applyCsp(session);
    const callback = vi.fn();
    hooks.headers?.({ responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    hooks.headers?.({}, callback);
    expect(callback).toHaveBeenLastCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
});

describe('isAppUrl', () => {
  it.each([
    [APP_PAGE, APP_BASE, true],
    [`${APP_PAGE}#/martyrs/12?tab=history`, APP_BASE, true],
    [`${APP_BASE}assets/index-abc.js`, APP_BASE, true],
    ['file:///opt/Guangrong/resources/app.asar/out/main/index.js', APP_BASE, false],
    [`${APP_BASE}../main/index.js`, APP_BASE, false],
    [`${APP_BASE}%2e%2e/main/index.js`, APP_BASE, false],
    [`${APP_BASE}..%2Fmain%2Findex.js`, APP_BASE, false],
    ['file:///opt/Guangrong/resources/app.asar/out/renderer-evil/index.html', APP_BASE, false],
    ['file:///etc/passwd', APP_BASE, false],
    ['https://example.com/', APP_BASE, false],
    ['http://localhost:5173/', APP_BASE, false],
    ['http://localhost:5173/#/login', DEV_BASE, true],
    ['http://localhost:5174/', DEV_BASE, false],
    ['http://127.0.0.1:5173/', DEV_BASE, false],
    ['not a url', APP_BASE, false],
    // Windows: Chinese and spaces in the path, drive letter case.
    ['file:///C:/Program Files/光荣/resources/app.asar/out/renderer/index.html', 'file:///C:/Program%20Files/%E5%85%89%E8%8D%A3/resources/app.asar/out/renderer/', true],
    ['file:///c:/program files/光荣/resources/app.asar/out/renderer/index.html', 'file:///C:/Program%20Files/%E5%85%89%E8%8D%A3/resources/app.asar/out/renderer/', true],
    ['file:///D:/Program Files/光荣/resources/app.asar/out/renderer/index.html', 'file:///C:/Program%20Files/%E5%85%89%E8%8D%A3/resources/app.asar/out/renderer/', false],
  ])('%s (base %s) → %s', (url, base, expected) => {
    expect(isAppUrl(url, base)).toBe(expected);
  });

  it('trusts only the main frame of the app page', () => {
    expect(isTrustedFrame({ url: APP_PAGE, parent: null }, APP_BASE)).toBe(true);
    expect(isTrustedFrame({ url: APP_PAGE, parent: {} as never }, APP_BASE)).toBe(false);
    expect(isTrustedFrame({ url: 'https://example.com/', parent: null }, APP_BASE)).toBe(false);
    expect(isTrustedFrame(null, APP_BASE)).toBe(false);
  });
});

describe('network blocker', () => {
  it.each([
    // base, url, allowed
    [APP_BASE, APP_PAGE, true],
    [APP_BASE, `${APP_BASE}assets/index-abc.js`, true],
    [APP_BASE, 'file:///home/zhang/scan.jpg', true],
    [APP_BASE, 'file:///C:/Users/zhang/scan.jpg', true],
    // A UNC path: Windows would open an SMB connection to the host (and offer it NTLM hashes).
    [APP_BASE, 'file://attacker.example/share/scan.jpg', false],
    [APP_BASE, 'file://192.0.2.1/c$/x.png', false],
    [APP_BASE, 'file:////attacker.example/share/x.png', false],
    [APP_BASE, 'file:///\\\\attacker.example\\share\\x.png', false],
    [APP_BASE, 'devtools://devtools/bundled/devtools_app.html', true],
    [APP_BASE, 'data:image/png;base64,iVBORw0KGgo=', true],
    [APP_BASE, 'blob:file:///6f1c-4a2b', true],
    [APP_BASE, 'https://example.com/', false],
    [APP_BASE, 'http://example.com/tracker.gif', false],
    [APP_BASE, 'https://fonts.googleapis.com/css?family=Noto+Sans+SC', false],
    [APP_BASE, 'http://localhost:5173/', false],
    [APP_BASE, 'http://127.0.0.1:8080/api/setup.status', false],
    [APP_BASE, 'ws://localhost:5173/', false],
    [APP_BASE, 'wss://example.com/socket', false],
    [APP_BASE, 'ftp://example.com/file', false],
    [APP_BASE, 'chrome-extension://abcdef/index.html', false],
    [APP_BASE, 'not a url', false],
    [DEV_BASE, 'http://localhost:5173/src/main.tsx', true],
    [DEV_BASE, 'http://localhost:5173/@vite/client', true],
    [DEV_BASE, 'ws://localhost:5173/', true],
    [DEV_BASE, 'http://localhost:5174/', false],
    [DEV_BASE, 'ws://localhost:24678/', false],
    [DEV_BASE, 'https://registry.npmjs.org/', false],
  ])('base %s: %s → allowed %s', (base, url, allowed) => {
    expect(isAllowedRequest(url, base)).toBe(allowed);
  });

  it('blockNetwork cancels what isAllowedRequest refuses and reports it', () => {
    const { session, hooks } = fakeSession();
    const blocked: string[] = [];
    blockNetwork(session, APP_BASE, (url) => blocked.push(url));
    const decide = (url: string) => {
      let response: { cancel?: boolean } | undefined;
      hooks.before?.({ url }, (r) => (response = r));
      return response;
    };
    expect(decide(APP_PAGE)).toEqual({ cancel: false });
    expect(decide('https://example.com/')).toEqual({ cancel: true });
    expect(decide('http://127.0.0.1:9/')).toEqual({ cancel: true });
    expect(blocked).toEqual(['https://example.com/', 'http://127.0.0.1:9/']);
  });
});

describe('permissions', () => {
  it('denies every request, check and device permission', () => {
    const { session, hooks } = fakeSession();
    denyPermissions(session);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      const callback = vi.fn();
      hooks.request?.({}, permission, callback, { requestingUrl: APP_PAGE });
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(hooks.check?.(null, permission, 'file://', {})).toBe(false);
    }
    expect(hooks.device?.({ deviceType: 'usb' })).toBe(false);
  });
});

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
}

/** Emits the event as Electron 45 does (details first, then the deprecated url) → prevented? */
function emitNavigation(contents: FakeContents, event: string, url: string): boolean {
  let prevented = false;
  contents.emit(event, { url, preventDefault: () => (prevented = true) }, url, false, true);
  return prevented;
}

describe('guardWebContents', () => {
  const setup = (base = APP_BASE) => {
    const contents = new FakeContents();
    const blocked: [string, string][] = [];
    guardWebContents(contents as unknown as WebContents, base, (what, url) => blocked.push([what, url]));
    return { contents, blocked };
  };

  it('lets the app move between its own pages', () => {
    const { contents, blocked } = setup();
    expect(emitNavigation(contents, 'will-navigate', `${APP_PAGE}#/login`)).toBe(false);
    expect(emitNavigation(contents, 'will-redirect', APP_PAGE)).toBe(false);
    expect(blocked).toEqual([]);
  });

  it('prevents navigation and redirects anywhere else', () => {
    const { contents, blocked } = setup();
    expect(emitNavigation(contents, 'will-navigate', 'https://example.com/')).toBe(true);
    expect(emitNavigation(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(emitNavigation(contents, 'will-redirect', 'http://evil.example/')).toBe(true);
    expect(blocked).toEqual([
      ['navigation', 'https://example.com/'],
      ['navigation', 'file:///etc/passwd'],
      ['redirect', 'http://evil.example/'],
    ]);
  });

  it('in development, the dev server is the app', () => {
    const { contents } = setup(DEV_BASE);
    expect(emitNavigation(contents, 'will-navigate', 'http://localhost:5173/#/martyrs')).toBe(false);
    expect(emitNavigation(contents, 'will-navigate', 'https://example.com/')).toBe(true);
  });

  it('denies window.open, even to the app itself', () => {
    const { contents } = setup();
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: APP_PAGE })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = setup();
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, { src: 'https://example.com/' });
    expect(prevented).toBe(true);
  });
});
