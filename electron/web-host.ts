/**
 * The web host: the real renderer and the same `core.call` over HTTP, for development and
 * end-to-end tests on machines without the Electron binary. Loopback only, per-run token,
 * never started by the packaged app.
 *
 *   npm run start:web -- --data DIR --port N [--portable]   (--portable: behave as the portable build, e.g. for e2e)
 *   → Guangrong web host: http://127.0.0.1:N/?token=T
 *
 * POST /api/<method>  JSON input → the Result object of core.call
 * GET  /api/events    server-sent events (job progress)
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type Core, type Session, type WorkerSpec } from './core';
import { openCoreHost, type CoreHost } from './core/backup/host';
import { CoreError } from './core/errors';
import { apiError, type ApiError, type Result } from '../shared/contract';

export interface WebHostOptions {
  /** The core, or the core host that reopens it around a restore (electron/core/backup/host.ts). */
  core: Pick<Core, 'openSession' | 'on' | 'callUntyped'>;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port: number;
  /** Fixed in tests; random per run otherwise. */
  token?: string;
}

export interface WebHost {
  server: Server;
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY = 48 * 1024 * 1024;
const SESSION_COOKIE = 'gr_session';
const mime: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};
const securityHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function sendJson(res: ServerResponse, status: number, body: Result<unknown>, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...securityHeaders, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

function refuse(res: ServerResponse, status: number, error: ApiError): void {
  sendJson(res, status, { ok: false, error });
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticRoot = resolve(options.staticDir);
  const { core } = options;
  const sessions = new Map<string, Session>();
  let port = options.port;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);

  function sessionFor(req: IncomingMessage): { session: Session; setCookie?: string } {
    const id = cookie(req, SESSION_COOKIE);
    const known = id ? sessions.get(id) : undefined;
    if (known) return { session: known };
    const session = core.openSession();
    sessions.set(session.id, session);
    return { session, setCookie: `${SESSION_COOKIE}=${session.id}; HttpOnly; SameSite=Strict; Path=/` };
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = resolve(staticRoot, relative || 'index.html');
    if (file !== staticRoot && !file.startsWith(staticRoot + sep)) {
      res.writeHead(404, securityHeaders).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    } catch {
      // Unknown paths get the app (client-side routes), assets a 404.
      if (extname(file)) {
        res.writeHead(404, securityHeaders).end();
        return;
      }
      file = join(staticRoot, 'index.html');
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { ...securityHeaders, 'content-type': mime[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404, securityHeaders).end('Renderer not built: run `npm run build`.');
    }
  }

  const server = createServer((req, res) => {
    void (async () => {
      // DNS rebinding: only our own loopback address may be named.
      if (!allowedHosts().has(req.headers.host ?? '')) {
        refuse(res, 403, apiError('FORBIDDEN', { zh: '拒绝访问：主机名不是本机回环地址。', en: 'Refused: the Host header is not the loopback address.' }));
        return;
      }
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      if (!url.pathname.startsWith('/api/')) {
        if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, apiError('TRANSPORT'));
        return serveStatic(url.pathname, res);
      }
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
        return refuse(res, 403, apiError('FORBIDDEN', { zh: '拒绝访问：请求来自其他网页。', en: 'Refused: the request comes from another origin.' }));
      }
      const given = (req.headers['x-guangrong-token'] as string | undefined) ?? (url.pathname === '/api/events' ? url.searchParams.get('token') ?? '' : '');
      if (!sameSecret(given, token)) {
        return refuse(res, 401, apiError('UNAUTHENTICATED', { zh: '缺少或错误的访问令牌。', en: 'Missing or wrong access token.' }));
      }
      if (url.pathname === '/api/events') {
        if (req.method !== 'GET') return refuse(res, 405, apiError('TRANSPORT'));
        res.writeHead(200, { ...securityHeaders, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        const off = core.on((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
        const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
        req.on('close', () => {
          off();
          clearInterval(keepAlive);
        });
        return;
      }
      if (req.method !== 'POST') return refuse(res, 405, apiError('TRANSPORT', { zh: '请使用 POST 调用接口。', en: 'Call methods with POST.' }));
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      const body = await readBody(req);
      if (body === 'too-large') return refuse(res, 413, apiError('VALIDATION', { zh: '请求内容过大。', en: 'The request is too large.' }));
      let input: unknown = {};
      if (body.length > 0) {
        try {
          input = JSON.parse(body.toString('utf8')) as unknown;
        } catch {
          return refuse(res, 400, apiError('VALIDATION', { zh: '请求内容不是有效的 JSON。', en: 'The request body is not valid JSON.' }));
        }
      }
      const { session, setCookie } = sessionFor(req);
      const result = await core.callUntyped(method, input, session);
      sendJson(res, 200, result, setCookie ? { 'set-cookie': setCookie } : {});
    })().catch(() => {
      if (!res.headersSent) refuse(res, 500, apiError('INTERNAL'));
      else res.end();
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolveListen());
  });
  const address = server.address();
  if (address && typeof address === 'object') port = address.port;
  const url = `http://127.0.0.1:${port}/?token=${token}`;
  return {
    server,
    url,
    token,
    port,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

/** Source runs (tsx) start the TypeScript worker through tsx; the build runs the built one. */
export function workerBeside(moduleUrl: string): WorkerSpec {
  if (moduleUrl.endsWith('.ts')) return { file: new URL('./tsx-worker.mjs', moduleUrl), argv: [fileURLToPath(new URL('./job-worker.ts', moduleUrl))] };
  return { file: new URL('./job-worker.js', moduleUrl) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, port: { type: 'string', default: '5173' }, static: { type: 'string' }, token: { type: 'string' }, portable: { type: 'boolean', default: false } },
    allowPositionals: false,
  });
  const here = fileURLToPath(new URL('.', import.meta.url));
  const root = import.meta.url.endsWith('.ts') ? resolve(here, '..') : resolve(here, '../..');
  const dataDir = resolve(values.data ?? join(root, '.tmp', 'web-data'));
  let core: CoreHost;
  try {
    // A damaged database does not stop the host: the page then offers to restore a backup.
    core = openCoreHost({ dataDir, worker: workerBeside(import.meta.url), resourcesDir: join(root, 'resources'), version: process.env.npm_package_version ?? '0.1.0', portable: values.portable ?? false });
  } catch (error) {
    if (error instanceof CoreError) {
      console.error(`${error.text.zh}\n${error.text.en}`);
      process.exit(2);
    }
    throw error;
  }
  const host = await startWebHost({
    core,
    staticDir: values.static ?? join(root, 'out', 'renderer'),
    port: Number(values.port),
    ...(values.token ? { token: values.token } : {}),
  });
  console.log(`Guangrong web host: ${host.url}`);
  const stop = () => {
    void host.close().then(() => core.close()).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) void main();
