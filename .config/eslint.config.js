// ESLint (flat config) for the whole repository, run as `npm run lint`.
// Besides typescript-eslint's recommended rules it enforces the folder import rules of
// DESIGN.md §3: shared/ imports no node:, electron, database or DOM; electron/core/ never
// imports electron; renderer/ imports no node:, electron or better-sqlite3; and no HTTP or
// socket client, fetch, XMLHttpRequest, WebSocket, EventSource or sendBeacon anywhere in the product
// (the web host's loopback server and the renderer's transport to it, src/client/http.ts, aside;
// test/unit/electron/networkRules.test.ts proves the rule fires).
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'fs/promises', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'http', 'https', 'net', 'tls', 'dgram', 'url', 'util', 'module', 'stream', 'zlib'];
// Every module that opens a connection. (The web host, a loopback server, is allowed node:http.)
const networkClients = [
  'node:http', 'node:https', 'node:http2', 'node:net', 'node:tls', 'node:dgram', 'http', 'https', 'http2', 'net', 'tls', 'dgram',
  'undici', 'axios', 'node-fetch', 'got', 'ky', 'superagent', 'request', 'cross-fetch', 'isomorphic-fetch', 'electron-fetch',
  'ws', 'socket.io-client', 'eventsource', 'undici/*', 'axios/*', 'ws/*', 'got/*',
];
const networkMessage = 'The product never opens a network connection (DESIGN.md §3 rule 8): no HTTP, socket or fetch client in electron/ or renderer/ (the web host’s loopback server and the renderer’s transport to it, src/client/http.ts, aside).';
// The browser's and Node's own network globals. src/client/http.ts alone may use fetch and
// EventSource, to the loopback web host that served the page.
const networkGlobalNames = ['fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'WebTransport', 'RTCPeerConnection'];
const networkGlobals = (except = []) => networkGlobalNames.filter((name) => !except.includes(name)).map((name) => ({ name, message: networkMessage }));
const networkModulePattern = '/^(node:)?(http|https|http2|net|tls|dgram)$|^(undici|axios|node-fetch|got|ws|socket\\.io-client|eventsource)($|[^-_.a-z0-9])/';
// What no-restricted-globals cannot see: window.fetch, navigator.sendBeacon, import('node:http'),
// require('https'), and Electron's own client (net, ClientRequest).
const networkSyntax = (except = []) => [
  { selector: `MemberExpression[object.name=/^(window|globalThis|self|top|parent)$/][property.name=/^(${networkGlobalNames.filter((n) => !except.includes(n)).join('|')})$/]`, message: networkMessage },
  { selector: "MemberExpression[property.name='sendBeacon']", message: networkMessage },
  { selector: `ImportExpression[source.value=${networkModulePattern}]`, message: networkMessage },
  { selector: `CallExpression[callee.name='require'][arguments.0.value=${networkModulePattern}]`, message: networkMessage },
  { selector: "ImportDeclaration[source.value=/^electron(.main)?$/] ImportSpecifier[imported.name=/^(net|ClientRequest)$/]", message: networkMessage },
  { selector: "MemberExpression[object.name='electron'][property.name='net']", message: networkMessage },
];

const sqlMessage = 'SQL belongs in electron/core/db/ (one repository per table).';
const sqlSyntax = [
  { selector: 'Literal[value=/\\b(SELECT\\s.+\\sFROM|INSERT\\s+INTO|DELETE\\s+FROM|UPDATE\\s+\\w+\\s+SET|CREATE\\s+(TABLE|INDEX))\\b/i]', message: sqlMessage },
  { selector: 'TemplateElement[value.raw=/\\b(SELECT\\s.+\\sFROM|INSERT\\s+INTO|DELETE\\s+FROM|UPDATE\\s+\\w+\\s+SET|CREATE\\s+(TABLE|INDEX))\\b/i]', message: sqlMessage },
];

// Bare module names are matched exactly (`paths`), so a local file such as ./util is not caught;
// globs (node:*, electron/*, **/renderer/**) go to `patterns`.
const restrict = (allNames, message) => {
  const names = [...new Set(allNames)];
  const globs = names.filter((n) => n.includes('*'));
  const exact = names.filter((n) => !n.includes('*'));
  return {
    'no-restricted-imports': ['error', { paths: exact.map((name) => ({ name, message })), patterns: globs.length ? [{ group: globs, message }] : [] }],
  };
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', '.tmp/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([...nodeBuiltins, 'electron', 'electron/*', 'better-sqlite3', 'react', 'react-dom', '@mui/*'], 'shared/ runs in the backend and the renderer: no Node, Electron, database or UI imports (DESIGN.md §3 rule 2).'),
  },
  {
    // SQL lives only in repositories (DESIGN.md §3 rule 3); no network client anywhere
    // (no-restricted-syntax is one rule: a later block replaces it, so each block lists both).
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['electron/core/db/**', 'renderer/src/client/http.ts'],
    rules: { 'no-restricted-syntax': ['error', ...sqlSyntax, ...networkSyntax()] },
  },
  {
    files: ['electron/core/db/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...networkSyntax()] },
  },
  {
    files: ['renderer/src/client/http.ts'],
    rules: { 'no-restricted-syntax': ['error', ...sqlSyntax, ...networkSyntax(['fetch', 'EventSource'])] },
  },
  {
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/client/http.ts'],
    rules: { 'no-restricted-globals': ['error', ...networkGlobals()] },
  },
  {
    // The renderer's transport to the loopback web host that served the page (same origin).
    files: ['renderer/src/client/http.ts'],
    rules: { 'no-restricted-globals': ['error', ...networkGlobals(['fetch', 'EventSource'])] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'Buffer', 'process', 'require', ...networkGlobalNames],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/job-worker.ts'],
    rules: restrict(['electron', 'electron/*', ...networkClients, '**/renderer/**'], 'electron/core is plain Node: it never imports Electron, the renderer, or a network client (DESIGN.md §3 rule 2).'),
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts', 'electron/shell/**/*.ts'],
    rules: restrict([...networkClients, '**/renderer/**'], 'The shell opens no network connection and does not import the renderer.'),
  },
  {
    files: ['electron/web-host.ts'],
    // The one exception to networkClients: node:http, for its loopback server (createServer).
    rules: restrict(['electron', 'electron/*', ...networkClients.filter((name) => name !== 'node:http'), '**/renderer/**'], 'The web host is plain Node: a loopback HTTP server, no clients, no Electron.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...restrict([...nodeBuiltins, 'electron', 'electron/*', 'better-sqlite3', '**/electron/**', ...networkClients], 'The renderer talks to the backend only through src/client (DESIGN.md §3 rule 2).'),
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
);
