import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods } from '../../../shared/contract';
import { makeSetUpCore } from '../../support/tempCore';

let t: Awaited<ReturnType<typeof makeSetUpCore>>;
beforeAll(async () => {
  t = await makeSetUpCore();
});
// Payloads valid by chance start jobs (a division load, a backup…): let them end before the core
// closes. Closed under a job that outlives JobRunner.close's 5 s grace, the runner's exit handler
// read the closed database after the test (an uncaught error in whichever file ran next).
afterAll(async () => {
  for (const job of t.core.jobs.list(500)) if (t.core.jobs.isRunning(job.id)) await t.core.jobs.wait(job.id);
  await t.dispose();
}, 120_000);

const hostile: unknown[] = [
  null,
  42,
  'text',
  [],
  [1, 2, 3],
  { __proto__: { admin: true } },
  { constructor: { prototype: { polluted: true } } },
  { username: { $gt: '' } },
  { id: -1 },
  { id: 1.5 },
  { id: '1' },
  { id: Number.MAX_SAFE_INTEGER + 10 },
  { query: 'x'.repeat(100_000) },
  { limit: 1e9 },
  { code: "110000000000' OR 1=1 --" },
  { extra: 'field', more: [1, 2] },
  { password: '' },
];

describe('core.call', () => {
  it('answers an unknown method with a typed error', async () => {
    for (const name of ['nope', '', '__proto__', 'constructor', 'toString', 'users.list.x', 42, null]) {
      const r = await t.core.callUntyped(name, {}, t.admin);
      expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it.each(Object.keys(methods))('%s: malformed payloads give typed errors, never a throw or a stack', async (method) => {
    for (const input of hostile) {
      const r = await t.core.callUntyped(method, input, t.admin);
      if (!r.ok) {
        expect(['VALIDATION', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN', 'ALREADY_SET_UP', 'INVALID_CREDENTIALS', 'CONFLICT', 'WEAK_PASSWORD', 'BAD_FILE', 'SESSION_LOCKED']).toContain(r.error.code);
        expect(r.error.message.zh.length).toBeGreaterThan(0);
        expect(r.error.message.en.length).toBeGreaterThan(0);
        expect(JSON.stringify(r.error)).not.toMatch(/at .+\.(ts|js):\d+/);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The administrator’s session is still fine afterwards (a hostile unlock/logout aside).
    await t.core.call('auth.login', { username: 'admin', password: 'correct horse 1' }, t.admin);
  });

  it('reports which field is wrong', async () => {
    const r = await t.core.callUntyped('users.create', { username: 'a', displayName: '', role: 'king', password: 'x' }, t.admin);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.issues?.map((i) => i.path).sort()).toEqual(['displayName', 'role', 'username']);
    }
  });
});

describe('core.call with random input (fast-check)', () => {
  it('never throws and always answers a well-formed Result, for every method', async () => {
    const names = Object.keys(methods);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }), async (method, input) => {
        const r = await t.core.callUntyped(method, input, t.admin);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) {
          expect(r.error.code).toMatch(/^[A-Z_]+$/);
          expect(r.error.message.zh).toBeTruthy();
          expect(r.error.message.en).toBeTruthy();
        }
      }),
      { numRuns: 300 },
    );
  });
});
