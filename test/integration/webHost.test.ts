import { request, type IncomingMessage } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web-host';
import { methods } from '../../shared/contract';
import { ADMIN, makeTestCore, tempDir, type TestCore } from '../support/tempCore';

let t: TestCore;
let host: WebHost;
const TOKEN = 'test-token-0123456789';

beforeAll(async () => {
  t = makeTestCore();
  const staticDir = tempDir('guangrong-static-');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>光荣</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(staticDir, 'assets', 'pdf.worker.min-abc.mjs'), 'export {}');
  host = await startWebHost({ core: t.core, staticDir, port: 0, token: TOKEN });
});
afterAll(async () => {
  await host.close();
  await t.dispose();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json(): { ok: boolean; value?: unknown; error?: { code: string; message: { zh: string; en: string } } };
}

function send(path: string, options: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: options.method ?? 'POST', headers: { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${method}`, { body: JSON.stringify(input), headers: { 'x-guangrong-token': TOKEN, ...headers } });

describe('web host', () => {
  it('listens on the loopback address only and prints a tokenized URL', () => {
    const address = host.server.address();
    expect(address).toMatchObject({ address: '127.0.0.1' });
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
  });

  it('answers a method with the same Result as core.call', async () => {
    const reply = await api('setup.status', {});
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual(await t.core.call('setup.status', {}, t.core.openSession()));
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { 'x-guangrong-token': 'guess' }],
    ['a token one character short', { 'x-guangrong-token': TOKEN.slice(0, -1) }],
  ])('refuses a request with %s', async (_label, headers) => {
    const reply = await send('/api/setup.status', { body: '{}', headers });
    expect(reply.status).toBe(401);
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it.each(['evil.example:80', `attacker.test:${0}`, '192.168.1.5', 'localhost.evil.com', 'localhost:1'])('refuses the Host header %j (DNS rebinding)', async (hostHeader) => {
    const reply = await send('/api/setup.status', { body: '{}', headers: { host: hostHeader, 'x-guangrong-token': TOKEN } });
    expect(reply.status).toBe(403);
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses a request from a foreign web page (Origin)', async () => {
    const reply = await api('setup.status', {}, { origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
  });

  it('answers bad JSON, wrong verbs and huge bodies with typed errors', async () => {
    const bad = await send('/api/setup.status', { body: '{not json', headers: { 'x-guangrong-token': TOKEN } });
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const get = await send('/api/setup.status', { method: 'GET', headers: { 'x-guangrong-token': TOKEN } });
    expect(get.json()).toMatchObject({ ok: false, error: { code: 'TRANSPORT' } });
    const unknown = await api('no.such.method', {});
    expect(unknown.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const huge = await send('/api/setup.status', { body: 'x'.repeat(49 * 1024 * 1024), headers: { 'x-guangrong-token': TOKEN } });
    expect(huge.status).toBe(413);
  });

  it('keeps the sign-in in an HttpOnly session cookie', async () => {
    const setup = await api('setup.createAdmin', ADMIN);
    expect(setup.json()).toMatchObject({ ok: true });
    const cookie = String(setup.headers['set-cookie']).split(';')[0]!;
    expect(String(setup.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await api('users.list', {}, { cookie })).json()).toMatchObject({ ok: true });
    expect((await api('users.list', {})).json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await api('users.list', {}, { cookie: 'gr_session=forged' })).json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it.each(Object.keys(methods))('%s: random and malformed payloads over HTTP give typed errors', async (method) => {
    const login = await api('auth.login', { username: ADMIN.username, password: ADMIN.password });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const payloads = ['null', '42', '"s"', '[]', '{"__proto__":{"x":1}}', '{"id":"1; DROP TABLE users"}', `{"query":"${'啊'.repeat(5000)}"}`, '{"limit":-1}', '{"a":{"b":{"c":{"d":[[[[[]]]]]}}}}'];
    for (const body of payloads) {
      const reply = await send(`/api/${method}`, { body, headers: { 'x-guangrong-token': TOKEN, cookie } });
      expect(reply.status).toBe(200);
      const result = reply.json();
      if (!result.ok) {
        expect(result.error!.code).toMatch(/^[A-Z_]+$/);
        expect(result.error!.message.zh).toBeTruthy();
        expect(reply.body).not.toMatch(/\.(ts|js):\d+/);
      }
    }
  });

  it('serves the renderer, and nothing outside it', async () => {
    const index = await send('/', { method: 'GET' });
    expect(index.status).toBe(200);
    expect(index.body).toContain('光荣');
    expect(index.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect((await send('/assets/app.js', { method: 'GET' })).status).toBe(200);
    // pdf.js's worker is a module: served as JavaScript, or the browser (nosniff) refuses to run it.
    const worker = await send('/assets/pdf.worker.min-abc.mjs', { method: 'GET' });
    expect(worker.status).toBe(200);
    expect(worker.headers['content-type']).toMatch(/^text\/javascript/);
    expect(worker.headers['content-security-policy']).toMatch(/worker-src 'self'/);
    for (const path of ['/../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/../../secret.txt', '/assets/missing.js']) {
      const reply = await send(path, { method: 'GET' });
      expect(reply.body).not.toMatch(/root:/);
      expect([200, 404]).toContain(reply.status);
      if (reply.status === 200) expect(reply.body).toContain('<title>光荣</title>');
    }
  });

  it('streams job progress as server-sent events', async () => {
    const login = await api('auth.login', { username: ADMIN.username, password: ADMIN.password });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const received: string[] = [];
    const stream = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: `/api/events?token=${TOKEN}`, method: 'GET', headers: { host: `127.0.0.1:${host.port}` } }, resolve);
      req.on('error', reject);
      req.end();
    });
    expect(stream.headers['content-type']).toMatch(/text\/event-stream/);
    stream.on('data', (c: Buffer) => received.push(c.toString('utf8')));
    const started = (await api('divisions.loadBuiltIn', { countyCode: '371622000000' }, { cookie })).json() as { ok: boolean; value: { jobId: number } };
    expect(started.ok).toBe(true);
    await t.core.jobs.wait(started.value.jobId);
    await new Promise((r) => setTimeout(r, 100));
    stream.destroy();
    const events = received.join('').split('\n').filter((l) => l.startsWith('data: ')).map((l) => JSON.parse(l.slice(6)) as { name: string; payload: { status: string } });
    expect(events.length).toBeGreaterThan(1);
    expect(events.at(-1)).toMatchObject({ name: 'job.progress', payload: { status: 'done' } });
    const noToken = await send('/api/events', { method: 'GET' });
    expect(noToken.status).toBe(401);
  });
});
