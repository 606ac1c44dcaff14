import { describe, expect, it } from 'vitest';
import { createClient } from '../../../renderer/src/client';
import type { BridgeApi, Result } from '../../../shared/contract';

describe('the client watches every result', () => {
  it('tells onResult listeners about each call, until unsubscribed', async () => {
    const answers: Result<unknown>[] = [
      { ok: false, error: { code: 'SESSION_LOCKED', message: { zh: '锁定', en: 'Locked' } } },
      { ok: true, value: [] },
    ];
    const bridge: BridgeApi = { call: async () => answers.shift()!, on: () => () => {} };
    const client = createClient(bridge, 'http');
    const seen: string[] = [];
    const stop = client.onResult((result, method) => seen.push(`${method}:${result.ok ? 'ok' : result.error.code}`));
    await client.call('users.list', {});
    stop();
    await client.call('users.list', {});
    expect(seen).toEqual(['users.list:SESSION_LOCKED']);
  });

  it('turns a transport failure into a TRANSPORT result', async () => {
    const bridge: BridgeApi = { call: async () => Promise.reject(new Error('down')), on: () => () => {} };
    const result = await createClient(bridge, 'ipc').call('auth.session', {});
    expect(result.ok ? null : result.error.code).toBe('TRANSPORT');
  });
});
