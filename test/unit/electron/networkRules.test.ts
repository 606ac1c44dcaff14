import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * DESIGN.md §3 rule 8, no network: the lint rule of .config/eslint.config.js proved to fire.
 * Each snippet is linted by ESLint's Node API as if it lived at the given path; the only
 * exceptions are the web host's loopback server (node:http) and the renderer's transport to
 * it (fetch and EventSource in renderer/src/client/http.ts).
 */
const root = join(import.meta.dirname, '../../..');
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, '.config/eslint.config.js') });
});

const networkRules = new Set(['no-restricted-imports', 'no-restricted-globals', 'no-restricted-syntax']);

/** The restricted-import/global/syntax findings (other rules, such as unused variables, are not the point here). */
async function findings(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result!.messages.filter((m) => m.ruleId && networkRules.has(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`);
}

const forbiddenImports = [
  'node:http', 'node:https', 'node:http2', 'node:net', 'node:tls', 'node:dgram', 'http', 'https', 'http2', 'net', 'tls', 'dgram',
  'undici', 'axios', 'node-fetch', 'got', 'ws', 'socket.io-client', 'eventsource', 'cross-fetch',
];

const forbiddenCode: Record<string, string> = {
  fetch: "export const f = () => fetch('https://example.com/');",
  XMLHttpRequest: 'export const x = new XMLHttpRequest();',
  WebSocket: "export const w = new WebSocket('wss://example.com/');",
  EventSource: "export const e = new EventSource('https://example.com/');",
  'window.fetch': "export const f = () => window.fetch('https://example.com/');",
  'globalThis.WebSocket': "export const w = new globalThis.WebSocket('ws://example.com/');",
  'navigator.sendBeacon': "export const b = () => navigator.sendBeacon('https://example.com/', 'x');",
  "import('node:https')": "export const m = () => import('node:https');",
  "require('net')": "export const m = require('net');",
  "Electron's net": "import { net } from 'electron';\nexport const r = net.request('https://example.com/');",
  RTCPeerConnection: 'export const p = new RTCPeerConnection();',
};

// Where the rule must hold: the backend, a repository, the shell, and the renderer.
const places = ['electron/core/x.ts', 'electron/core/db/x.ts', 'electron/shell/x.ts', 'renderer/src/x.tsx'];

describe('lint: no network client in electron/ or renderer/', () => {
  it.each(places)('%s: every forbidden import is reported', async (file) => {
    for (const name of forbiddenImports) {
      const code = `import * as client from '${name}';\nexport const used = client;`;
      expect(await findings(code, file), `${name} in ${file}`).not.toEqual([]);
    }
  });

  it.each(places)('%s: every network global, member or dynamic import is reported', async (file) => {
    for (const [what, code] of Object.entries(forbiddenCode)) {
      if (what === "Electron's net" && file.startsWith('electron/core')) continue; // core may not import electron at all (another rule)
      expect(await findings(code, file), `${what} in ${file}`).not.toEqual([]);
    }
  });

  it('electron/core may not import electron at all, so its net module is doubly refused', async () => {
    const [result] = await eslint.lintText("import { net } from 'electron';\nexport const n = net;", { filePath: join(root, 'electron/core/x.ts') });
    expect(result!.messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
  });

  it('ordinary code is not reported', async () => {
    const code = "import { readFile } from 'node:fs/promises';\nexport const read = (p: string) => readFile(p);\nexport const netTotal = 3;\nexport const o = { fetch: 1 }.fetch;";
    expect(await findings(code, 'electron/core/x.ts')).toEqual([]);
    expect(await findings("export const label = 'fetch'; export const nav = { sendBeaconCount: 1 };", 'renderer/src/x.tsx')).toEqual([]);
  });

  it('the web host may import node:http for its loopback server, and nothing else that connects', async () => {
    expect(await findings("import { createServer } from 'node:http';\nexport const s = createServer();", 'electron/web-host.ts')).toEqual([]);
    for (const name of ['node:https', 'node:net', 'undici', 'ws']) {
      const [result] = await eslint.lintText(`import * as c from '${name}';\nexport const u = c;`, { filePath: join(root, 'electron/web-host.ts') });
      expect(result!.messages.map((m) => m.ruleId), name).toContain('no-restricted-imports');
    }
    expect(await findings("export const f = () => fetch('http://127.0.0.1/');", 'electron/web-host.ts')).not.toEqual([]);
  });

  it('the renderer’s transport may use fetch and EventSource, but no other client', async () => {
    const file = 'renderer/src/client/http.ts';
    expect(await findings("export const f = () => fetch('/api/x');\nexport const e = () => new EventSource('/api/events');", file)).toEqual([]);
    for (const what of ['XMLHttpRequest', 'WebSocket', 'navigator.sendBeacon', "import('node:https')"]) {
      expect(await findings(forbiddenCode[what]!, file), what).not.toEqual([]);
    }
    // …and the exception is that one file: its neighbour may not.
    expect(await findings("export const f = () => fetch('/api/x');", 'renderer/src/client/index.ts')).not.toEqual([]);
  });
});
