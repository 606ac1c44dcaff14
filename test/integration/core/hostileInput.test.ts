/**
 * Hostile payloads for every method of the contract, through core.call on a real database.
 * call.test.ts checks that random input never throws and answers a well-formed Result; here,
 * per method, payloads are aimed at the method's own fields (each given a wrong type, a huge
 * string, a prototype-polluting object, deep nesting, NaN…) and every refusal must be a typed
 * VALIDATION error naming the field, in Chinese and English, that WROTE NOTHING: the database
 * saw no commit (PRAGMA data_version read from a second connection, and the audit log's row
 * count) and no file appeared or changed in the data folder.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, type MethodName } from '../../../shared/contract';
import { ADMIN, makeSetUpCore } from '../../support/tempCore';
import { writeProbe, type WriteProbe } from '../../support/writeProbe';

let t: Awaited<ReturnType<typeof makeSetUpCore>>;
let probe: WriteProbe;
beforeAll(async () => {
  t = await makeSetUpCore();
  probe = writeProbe(t.dataDir);
});
afterAll(async () => {
  probe.close();
  await t.dispose();
});

const fingerprint = () => probe.snapshot();

const HUGE = 'x'.repeat(1_100_000);
const HUGE_CJK = '烈'.repeat(400_000);
function nested(depth: number, leaf: unknown = 1): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}
const DEEP = nested(20_000);
/** Own __proto__ / constructor keys, as JSON.parse (the web host) and structured clone (IPC) make them. */
const POLLUTING = () => JSON.parse('{"__proto__": {"polluted": true, "role": "admin"}, "constructor": {"prototype": {"polluted": true}}}') as unknown;

/** A value no field of the contract should take as it is. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }),
  fc.constantFrom<unknown>(HUGE, HUGE_CJK, DEEP, NaN, Infinity, -Infinity, -0, 2 ** 53 + 1, -1, 1e308, true, '', '\u0000', '../../../etc/passwd', "1' OR '1'='1", '=cmd|\' /C calc\'!A0', '__proto__', [HUGE], { length: 1e9 }),
  fc.constant(null).map(POLLUTING),
  fc.array(fc.constant(POLLUTING()), { minLength: 1, maxLength: 3 }),
);

type Shaped = { shape?: Record<string, z.ZodType> };
const shapeOf = (name: MethodName) => (methods[name].input as unknown as Shaped).shape;

/** A payload aimed at the method's fields: some of them hostile, perhaps with polluting keys. */
function payloadFor(name: MethodName): fc.Arbitrary<unknown> {
  const keys = Object.keys(shapeOf(name) ?? {});
  const aimed = keys.length
    ? fc
        .tuple(fc.subarray(keys, { minLength: 1 }), fc.array(hostileValue, { minLength: keys.length, maxLength: keys.length }), fc.boolean())
        .map(([chosen, values, pollute]) => {
          const payload: Record<string, unknown> = pollute ? (POLLUTING() as Record<string, unknown>) : {};
          chosen.forEach((key, i) => (payload[key] = values[i]));
          return payload;
        })
    : hostileValue;
  return fc.oneof(aimed, hostileValue, fc.constant(DEEP));
}

const names = Object.keys(methods) as MethodName[];

/** Waits for jobs started by a payload that happened to be valid: their writes come later. */
async function settle(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const jobs = await t.ok('jobs.list', { limit: 200 }, t.admin).catch(() => []);
    if (!jobs.some((job) => job.status === 'running')) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('a job did not finish');
}

describe('every method refuses hostile input with a typed error and writes nothing', () => {
  it.each(names)('%s', async (name) => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(payloadFor(name), async (payload) => {
        // core.call takes a missing input as {} (a method without parameters).
        const accepted = methods[name].input.safeParse(payload === undefined ? {} : payload).success;
        const before = fingerprint();
        const r = await t.core.callUntyped(name, payload, t.admin);
        if (accepted) {
          // Valid by chance (call.test.ts checks such answers are well-formed): let its job finish.
          await settle();
          return;
        }
        refused++;
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.error.code).toBe('VALIDATION');
        expect(r.error.message.zh.length).toBeGreaterThan(0);
        expect(r.error.message.en.length).toBeGreaterThan(0);
        expect(r.error.issues?.length).toBeGreaterThan(0);
        for (const issue of r.error.issues ?? []) expect(issue.path.length).toBeLessThan(200);
        expect(JSON.stringify(r.error).length).toBeLessThan(20_000); // the huge value is not echoed back
        expect(fingerprint()).toEqual(before);
      }),
      { numRuns: 30 },
    );
    expect(refused).toBeGreaterThan(15);
    // An empty payload is a valid auth.logout or auth.lock: sign the administrator back in.
    if (name.startsWith('auth.')) await t.ok('auth.login', { username: ADMIN.username, password: ADMIN.password }, t.admin);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('role');
  });
});

describe('the fields of the contract are bounded', () => {
  // The two fields that take more than a megabyte, with the cap they have instead.
  const large: Record<string, number> = { 'divisions.importCsv.contentBase64': 40 * 1024 * 1024, 'uploads.chunk.dataBase64': Math.ceil((4 * 1024 * 1024) / 3) * 4 };

  it('every top-level field refuses a 1 MB string, a 20,000-deep value and a polluting object as itself', () => {
    const unbounded: string[] = [];
    for (const name of names) {
      const shape = shapeOf(name);
      if (!shape) continue;
      for (const key of Object.keys(shape)) {
        const cap = large[`${name}.${key}`];
        for (const [what, value] of [['1 MB string', cap ? 'A'.repeat(cap + 4) : HUGE], ['deep', DEEP], ['polluting', POLLUTING()]] as const) {
          const r = methods[name].input.safeParse({ [key]: value });
          if (r.success || !r.error.issues.some((issue) => issue.path[0] === key)) unbounded.push(`${name}.${key} takes a ${what}`);
        }
      }
    }
    expect(unbounded).toEqual([]);
  });

  it('a strict object refuses own __proto__ and constructor keys rather than dropping them silently', () => {
    for (const name of names) {
      const r = methods[name].input.safeParse(POLLUTING());
      if (r.success) expect(Object.keys(r.data as object)).not.toContain('__proto__');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
