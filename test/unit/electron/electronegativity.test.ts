import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALLOWED, electronegativity, judge, type Allowed, type Finding } from '../../support/electronegativity';

/** `npm run electronegativity` (test/support/electronegativity.ts): what fails the run and what does not. */
const finding = (over: Partial<Finding>): Finding => ({
  id: 'NODE_INTEGRATION_JS_CHECK',
  severity: 'HIGH',
  confidence: 'FIRM',
  file: 'main.ts',
  line: 1,
  column: 1,
  sample: 'new BrowserWindow({ webPreferences: { nodeIntegration: true } })',
  description: '',
  ...over,
});

describe('judging the findings', () => {
  const allowed: Allowed[] = [{ id: 'SANDBOX_JS_CHECK', file: 'main.ts', sample: 'new BrowserWindow(options)', reason: 'set elsewhere', stillTrue: () => true }];

  it('fails on high and medium findings, prints low and informational ones', () => {
    const { fatal, minor } = judge([finding({}), finding({ id: 'X', severity: 'MEDIUM' }), finding({ id: 'CSP_GLOBAL_CHECK', severity: 'LOW' }), finding({ id: 'Y', severity: 'INFORMATIONAL' })], allowed);
    expect(fatal.map((f) => f.id)).toEqual(['NODE_INTEGRATION_JS_CHECK', 'X']);
    expect(minor.map((f) => f.id)).toEqual(['CSP_GLOBAL_CHECK', 'Y']);
  });

  it('excuses an allowed finding only on the same check, file and line of code, while its reason holds', () => {
    const same = finding({ id: 'SANDBOX_JS_CHECK', severity: 'MEDIUM', sample: ' new BrowserWindow(options) ' });
    expect(judge([same], allowed).excused).toHaveLength(1);
    expect(judge([{ ...same, file: 'other.ts' }], allowed).fatal).toHaveLength(1);
    expect(judge([{ ...same, sample: 'new BrowserWindow({})' }], allowed).fatal).toHaveLength(1);
    expect(judge([same], [{ ...allowed[0]!, stillTrue: () => false }]).fatal).toHaveLength(1);
  });

  it('every entry of the real allow-list gives its reason and still holds', () => {
    for (const entry of ALLOWED) {
      expect(entry.reason.length, entry.id).toBeGreaterThan(20);
      expect(entry.stillTrue(), entry.id).toBe(true);
    }
  });
});

describe('Electronegativity itself, offline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guangrong-electronegativity-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports an insecure window, and a shell without navigation limits or a permission handler, as findings the run fails on', async () => {
    writeFileSync(
      join(dir, 'main.ts'),
      "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });\n",
    );
    const { findings, errors } = await electronegativity(dir);
    expect(errors).toEqual([]);
    const fatal = judge(findings).fatal.map((f) => f.id);
    expect(fatal).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']));
  }, 60_000);
});
