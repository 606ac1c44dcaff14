/**
 * The e2e network guard itself (test/e2e/launch.ts): every spec runs with each request and
 * WebSocket to anything but the loopback address failed and counted, and its teardown fails when
 * the count is not 0. Here a second page of the app's browser context tries the network on
 * purpose (a page with no CSP, so the guard is the only thing in the way) and the guard must stop
 * and count each attempt; the app's own page keeps working over the loopback address.
 * Not covered: navigator.sendBeacon (keepalive requests bypass Playwright's routes); the lint
 * rule refuses it in the product and the CSP's connect-src 'self' stops it in the page.
 * Chromium (web host) only: Electron's window cannot open a second page of its context, and
 * there the main process's own blocker (electron/shell/security.ts) cancels first.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertNoForeignRequests, isLoopback, launchForSuite, launchKind, type LaunchedApp } from './launch';

let app: LaunchedApp;
const scratch = mkdtempSync(join(tmpdir(), 'guangrong-network-guard-'));
// TEST-NET-3 (RFC 5737): reserved for documentation, never a real host.
const FOREIGN = 'http://203.0.113.7';

describe.skipIf(launchKind() !== 'chromium')('the e2e network guard', () => {
  launchForSuite(scratch, (launched) => {
    app = launched;
  });

  it('knows loopback from the network', () => {
    for (const url of ['http://127.0.0.1:5173/api/x', 'http://localhost/', 'http://[::1]:80/', 'data:image/png;base64,AA', 'blob:http://127.0.0.1/x', 'about:blank']) expect(isLoopback(url), url).toBe(true);
    for (const url of ['https://example.com/', 'http://127.0.0.2/', 'ws://203.0.113.7/', 'http://localhost.example.com/', 'ftp://10.0.0.1/', 'not a url']) expect(isLoopback(url), url).toBe(false);
  });

  it('fails and counts navigation, fetch, XMLHttpRequest, images and WebSockets to the network', async () => {
    await app.page.getByTestId('setup-username').waitFor();
    const navigating = await app.page.context().newPage();
    const other = await app.page.context().newPage(); // about:blank
    try {
      await expect(navigating.goto(`${FOREIGN}/page`)).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/);
      const outcomes = await other.evaluate(async (base) => {
        const fetched = await fetch(`${base}/fetch`).then(
          () => 'connected',
          () => 'failed',
        );
        const xhr = await new Promise<string>((resolve) => {
          const request = new XMLHttpRequest();
          request.onload = () => resolve('connected');
          request.onerror = () => resolve('failed');
          request.open('GET', `${base}/xhr`);
          request.send();
        });
        const image = await new Promise<string>((resolve) => {
          const img = new Image();
          img.onload = () => resolve('connected');
          img.onerror = () => resolve('failed');
          img.src = `${base}/image.png`;
        });
        const socket = await new Promise<string>((resolve) => {
          const ws = new WebSocket(`${base.replace('http:', 'ws:')}/socket`);
          ws.onopen = () => resolve('connected');
          ws.onclose = () => resolve('failed');
        });
        return { fetched, xhr, image, socket };
      }, FOREIGN);
      expect(outcomes).toEqual({ fetched: 'failed', xhr: 'failed', image: 'failed', socket: 'failed' });
      await expect.poll(() => app.foreignRequests.length).toBeGreaterThanOrEqual(5);
    } finally {
      await Promise.all([navigating.close(), other.close()]);
    }
    for (const path of ['/page', '/fetch', '/xhr', '/image.png', '/socket']) {
      expect(app.foreignRequests.some((url) => url.startsWith(FOREIGN.replace('http:', path === '/socket' ? 'ws:' : 'http:')) && url.endsWith(path)), path).toBe(true);
    }
    // The teardown would fail, naming them…
    expect(() => assertNoForeignRequests(app.foreignRequests)).toThrow(/203\.0\.113\.7\/fetch/);
    // …so, these attempts being this test's own, they are cleared for the suite's teardown check.
    app.foreignRequests.splice(0);
  });

  it('leaves the app itself working over the loopback address, with nothing foreign', async () => {
    const status = await app.page.evaluate(async () => {
      const token = sessionStorage.getItem('guangrong.webHostToken') ?? '';
      const response = await fetch('/api/app.info', { method: 'POST', headers: { 'content-type': 'application/json', 'x-guangrong-token': token }, body: '{}', credentials: 'same-origin' });
      return response.status;
    });
    expect(status).toBe(200);
    expect(app.foreignRequests).toEqual([]);
  });
});
