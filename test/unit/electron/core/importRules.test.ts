import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * DESIGN.md §3 rule 2, checked on the files themselves (the lint rule checks it too):
 * the backend never imports Electron; shared/ imports neither Node nor Electron nor the database;
 * SQL appears only in electron/core/db/.
 */
const root = join(import.meta.dirname, '../../../..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return /\.(ts|tsx|mjs|js)$/.test(name) ? [path] : [];
  });
}

const importOf = (text: string) => [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('folder import rules', () => {
  it('electron/core never imports electron', () => {
    const files = sources('electron/core');
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((f) => importOf(readFileSync(join(root, f), 'utf8')).some((s) => s === 'electron' || s.startsWith('electron/')));
    expect(offenders).toEqual([]);
  });

  it('shared/ imports no Node built-in, electron or better-sqlite3', () => {
    const offenders = sources('shared').flatMap((f) =>
      importOf(readFileSync(join(root, f), 'utf8'))
        .filter((s) => s.startsWith('node:') || ['fs', 'path', 'os', 'crypto', 'electron', 'better-sqlite3', 'child_process'].includes(s))
        .map((s) => `${f}: ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('renderer/ imports no Node built-in, electron, better-sqlite3 or backend module', () => {
    const offenders = sources('renderer/src').flatMap((f) =>
      importOf(readFileSync(join(root, f), 'utf8'))
        .filter((s) => s.startsWith('node:') || s === 'electron' || s === 'better-sqlite3' || /(^|\/)electron\//.test(s))
        .map((s) => `${f}: ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('SQL lives only in electron/core/db/', () => {
    const sql = /\b(SELECT\s[^;'"`]*\sFROM|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+\w+\s+SET|CREATE\s+(TABLE|INDEX))\b/;
    const offenders = [...sources('electron'), ...sources('shared'), ...sources('renderer/src')]
      .filter((f) => !f.startsWith('electron/core/db/'))
      .filter((f) => sql.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
