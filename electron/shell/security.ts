/**
 * The shell's security rules (DESIGN.md §3 rule 8), written against the Electron objects they
 * receive so test/unit/electron can drive them with fakes:
 *
 * - a strict Content-Security-Policy on every response;
 * - no network: every request that is not local (file:, devtools:, data:, blob:) or the app's own
 *   origin is cancelled;
 * - no navigation away from the app's own pages, no new windows, no <webview>;
 * - every permission request (camera, notifications, geolocation, clipboard-read, HID…) denied.
 *
 * "The app's own pages" are named by `appBase`: in the packaged app the file: URL of the folder
 * holding out/renderer/index.html (with a trailing slash), in development the dev server's URL.
 * Note: a session has ONE onHeadersReceived and ONE onBeforeRequest listener; applyCsp and
 * blockNetwork own them — nobody else may set them on the same session.
 */
import type { Session, WebContents, WebFrameMain } from 'electron';

/**
 * The production policy. style-src needs 'unsafe-inline' because MUI (emotion) injects <style>
 * elements at run time; scripts stay strictly 'self' (no inline, no eval, no WebAssembly).
 * worker-src says outright what script-src already implies: the only worker is pdf.js's, bundled
 * into the app (no blob: or data: workers).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The policy for a page served by the Vite dev server (`npm run dev`, never in a packaged app).
 * Differences, each for a stated reason: script-src allows 'unsafe-inline' because
 * @vitejs/plugin-react injects an inline module script (the React Fast Refresh preamble), and
 * connect-src names the dev server's ws: origin for Vite's hot-reload socket.
 */
export function devContentSecurityPolicy(devServerUrl: string): string {
  const url = parseUrl(devServerUrl);
  const socket = url ? `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}` : '';
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "connect-src 'self'",
    `connect-src 'self'${socket ? ` ${socket}` : ''}`,
  );
}

/** Puts the policy on every response of the session (replacing any policy the response had). */
export function applyCsp(session: Pick<Session, 'webRequest'>, csp: string = CONTENT_SECURITY_POLICY): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders, csp) });
  });
}

export function withCsp(headers: Record<string, string[]> | undefined, csp: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [csp];
  return result;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The decoded path, or null when it hides a separator or a parent step (`%2F`, `%5C`, `..`). */
function safePath(pathname: string): string | null {
  if (/%2f|%5c/i.test(pathname)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\\') || decoded.split('/').includes('..')) return null;
  return decoded;
}

/**
 * Whether `url` is one of the app's own pages: same scheme and host as `appBase`, and a path
 * inside `appBase`'s folder. Query and fragment (the router's #/…) do not matter.
 */
export function isAppUrl(url: string, appBase: string): boolean {
  const target = parseUrl(url);
  const base = parseUrl(appBase);
  if (!target || !base) return false;
  if (target.protocol !== base.protocol || target.host !== base.host) return false;
  const basePath = safePath(base.pathname);
  const targetPath = safePath(target.pathname);
  if (basePath === null || targetPath === null) return false;
  const folder = basePath.slice(0, basePath.lastIndexOf('/') + 1);
  // Windows paths (file:///C:/…) are case-insensitive.
  if (base.protocol === 'file:' && /^\/[a-z]:\//i.test(folder)) {
    return targetPath.toLowerCase().startsWith(folder.toLowerCase());
  }
  return targetPath.startsWith(folder);
}

/** Only the app page's main frame may call the backend: not a subframe, not another page. */
export function isTrustedFrame(frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined, appBase: string): boolean {
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url, appBase);
}

/** Schemes that never leave the machine. data: and blob: are in-memory (CSP allows them for images). */
const LOCAL_SCHEMES = new Set(['file:', 'devtools:', 'data:', 'blob:']);

/**
 * The network rule: local schemes, and the app's own origin when that is the dev server.
 * A file: URL must name no host: file://server/share/x is a Windows network (SMB) path, which
 * would connect to that server (and offer it the user's NTLM credentials).
 */
export function isAllowedRequest(url: string, appBase: string): boolean {
  const target = parseUrl(url);
  if (!target) return false;
  // …nor hide one in the path (file:////server/share, file:///\\server\share: both parse to //server/…).
  if (target.protocol === 'file:') return target.host === '' && !target.pathname.startsWith('//');
  if (LOCAL_SCHEMES.has(target.protocol)) return true;
  const base = parseUrl(appBase);
  if (!base || (base.protocol !== 'http:' && base.protocol !== 'https:')) return false;
  if (target.origin === base.origin) return true;
  // Vite's hot-reload socket on the dev server's own host and port.
  const socketScheme = base.protocol === 'https:' ? 'wss:' : 'ws:';
  return target.protocol === socketScheme && target.host === base.host;
}

/** Cancels every request that isAllowedRequest refuses; `onBlocked` hears about each one. */
export function blockNetwork(session: Pick<Session, 'webRequest'>, appBase: string, onBlocked?: (url: string) => void): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, appBase);
    if (!allowed) onBlocked?.(details.url);
    callback({ cancel: !allowed });
  });
}

/** Denies every permission: requests, synchronous checks and device (HID, serial, USB) access. */
export function denyPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

type NavigationEvent = { url?: string; preventDefault(): void };

/**
 * Keeps a webContents on the app's own pages: navigations and redirects elsewhere are
 * prevented, window.open and target=_blank links are denied (not handed to a browser either:
 * the product opens no network connection), <webview> attachment is refused.
 */
export function guardWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  appBase: string,
  onBlocked?: (what: string, url: string) => void,
): void {
  const guard = (what: string) => (event: NavigationEvent, legacyUrl?: string) => {
    const url = event.url ?? legacyUrl ?? '';
    if (!isAppUrl(url, appBase)) {
      event.preventDefault();
      onBlocked?.(what, url);
    }
  };
  contents.on('will-navigate', guard('navigation'));
  contents.on('will-redirect', guard('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onBlocked?.('webview', '');
  });
  contents.setWindowOpenHandler((details) => {
    onBlocked?.('window.open', details.url);
    return { action: 'deny' };
  });
}
