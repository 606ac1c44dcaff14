// ESLint (flat config) for the whole repository, run as `npm run lint`.
// Besides typescript-eslint's recommended rules it enforces the folder import rules of
// DESIGN.md §3: shared/ imports no node:, electron, database or DOM; electron/core/ never
// imports electron; renderer/ imports no node:, electron or better-sqlite3; and no HTTP or
// socket client anywhere in the product (the web host's server aside).
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'fs/promises', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'http', 'https', 'net', 'tls', 'dgram', 'url', 'util', 'module', 'stream', 'zlib'];
const networkClients = ['node:http', 'node:https', 'node:net', 'node:tls', 'node:dgram', 'http', 'https', 'net', 'tls', 'dgram', 'axios', 'node-fetch', 'undici', 'got', 'ws'];

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
    // SQL lives only in repositories (DESIGN.md §3 rule 3).
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['electron/core/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'Literal[value=/\\b(SELECT\\s.+\\sFROM|INSERT\\s+INTO|DELETE\\s+FROM|UPDATE\\s+\\w+\\s+SET|CREATE\\s+(TABLE|INDEX))\\b/i]', message: 'SQL belongs in electron/core/db/ (one repository per table).' },
        { selector: 'TemplateElement[value.raw=/\\b(SELECT\\s.+\\sFROM|INSERT\\s+INTO|DELETE\\s+FROM|UPDATE\\s+\\w+\\s+SET|CREATE\\s+(TABLE|INDEX))\\b/i]', message: 'SQL belongs in electron/core/db/ (one repository per table).' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'fetch', 'XMLHttpRequest', 'Buffer', 'process', 'require'],
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
    rules: restrict(['electron', 'electron/*', 'node:https', 'https', 'axios', 'node-fetch', 'undici', 'got', '**/renderer/**'], 'The web host is plain Node: a loopback HTTP server, no clients, no Electron.'),
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
