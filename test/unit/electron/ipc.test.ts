import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMain } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../../shared/contract/bridge';
import type { BackendEvent } from '../../../shared/contract/events';
import type { Result } from '../../../shared/contract/errors';
import { createCore, type Core, type Session } from '../../../electron/core';
import { registerIpc, type IpcCallEvent, type RegisterIpcOptions } from '../../../electron/ipc';
import { isTrustedFrame } from '../../../electron/shell/security';
import { methods } from '../../../shared/contract';
import { ADMIN, sourceWorker } from '../../support/tempCore';
import fc from 'fast-check';

const APP_BASE = 'file:///opt/Guangrong/resources/app.asar/out/renderer/';
const APP_FRAME = { url: `${APP_BASE}index.html#/login`, parent: null };

type Handler = (event: IpcCallEvent, ...args: unknown[]) => unknown;

/** ipcMain as far as the transport uses it; `invoke` plays the renderer. */
class FakeIpcMain {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  async invoke(event: IpcCallEvent, ...args: unknown[]): Promise<Result<unknown>> {
    const handler = this.handlers.get(IPC_CALL_CHANNEL);
    if (!handler) throw new Error('No handler registered');
    return (await handler(event, ...args)) as Result<unknown>;
  }
}

let nextId = 1;
class FakeContents extends EventEmitter {
  readonly id = nextId++;
  destroyed = false;
  readonly sent: [string, unknown][] = [];
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

const eventFrom = (contents: FakeContents, frame: IpcCallEvent['senderFrame'] = APP_FRAME): IpcCallEvent =>
  ({ sender: contents, senderFrame: frame }) as unknown as IpcCallEvent;

function register(core: RegisterIpcOptions['core'], extra: Partial<RegisterIpcOptions> = {}) {
  const ipcMain = new FakeIpcMain();
  const dispose = registerIpc({
    ipcMain: ipcMain as unknown as IpcMain,
    core,
    isTrustedSender: (frame) => isTrustedFrame(frame, APP_BASE),
    ...extra,
  });
  return { ipcMain, dispose };
}

describe('registerIpc with a real core', () => {
  let dataDir: string;
  let core: Core;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'guangrong-ipc-'));
    core = createCore({
      dataDir,
      worker: sourceWorker,
      logger: { warn: () => {}, error: () => {} },
    });
  });

  afterAll(async () => {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('passes a call through to the core and answers its Result', async () => {
    const { ipcMain, dispose } = register(core);
    const result = await ipcMain.invoke(eventFrom(new FakeContents()), 'setup.status', {});
    expect(result).toMatchObject({ ok: true, value: { needsAdmin: true } });
    dispose();
  });

  it('an unknown method is the core’s typed UNKNOWN_METHOD, not a throw', async () => {
    const { ipcMain, dispose } = register(core);
    const result = await ipcMain.invoke(eventFrom(new FakeContents()), 'martyrs.dropTable', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    dispose();
  });

  it('hands untyped input to the core untouched (the core validates)', async () => {
    const { ipcMain, dispose } = register(core);
    const contents = new FakeContents();
    expect(await ipcMain.invoke(eventFrom(contents), 42, null)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await ipcMain.invoke(eventFrom(contents), 'auth.login', { username: 5 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    dispose();
  });

  it('refuses a sender that is not the app page’s main frame, with a typed result', async () => {
    const { ipcMain, dispose } = register(core);
    const openSession = vi.spyOn(core, 'openSession');
    const contents = new FakeContents();
    for (const frame of [
      { url: 'https://example.com/', parent: null },
      { url: 'file:///tmp/evil.html', parent: null },
      { url: APP_FRAME.url, parent: {} as never },
      null,
    ]) {
      const result = await ipcMain.invoke(eventFrom(contents, frame), 'setup.status', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'TRANSPORT', message: { zh: expect.any(String), en: expect.any(String) } } });
    }
    expect(openSession).not.toHaveBeenCalled();
    openSession.mockRestore();
    dispose();
  });

  it('a trust check that throws refuses too', async () => {
    const { ipcMain, dispose } = register(core, {
      isTrustedSender: () => {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    });
    expect(await ipcMain.invoke(eventFrom(new FakeContents()), 'setup.status', {})).toMatchObject({ ok: false, error: { code: 'TRANSPORT' } });
    dispose();
  });

  it('keeps one session per webContents and closes it when the webContents is destroyed', async () => {
    const { ipcMain, dispose } = register(core);
    const calls = vi.spyOn(core, 'callUntyped');
    const closeSession = vi.spyOn(core, 'closeSession');
    const first = new FakeContents();
    const second = new FakeContents();
    await ipcMain.invoke(eventFrom(first), 'setup.status', {});
    await ipcMain.invoke(eventFrom(first), 'setup.status', {});
    await ipcMain.invoke(eventFrom(second), 'setup.status', {});
    const sessions = calls.mock.calls.map(([, , session]) => (session as Session).id);
    expect(sessions).toHaveLength(3);
    expect(sessions[0]).toBe(sessions[1]);
    expect(sessions[2]).not.toBe(sessions[0]);
    expect(core.hasSession(sessions[0]!)).toBe(true);

    first.destroy();
    expect(closeSession).toHaveBeenCalledExactlyOnceWith({ id: sessions[0] });
    expect(core.hasSession(sessions[0]!)).toBe(false);
    expect(core.hasSession(sessions[2]!)).toBe(true);

    dispose();
    expect(core.hasSession(sessions[2]!)).toBe(false);
    expect(second.listenerCount('destroyed')).toBe(0);
    calls.mockRestore();
    closeSession.mockRestore();
  });

  it('dispose removes the handler, so a second registration works', () => {
    const { ipcMain, dispose } = register(core);
    expect(ipcMain.handlers.has(IPC_CALL_CHANNEL)).toBe(true);
    dispose();
    expect(ipcMain.handlers.has(IPC_CALL_CHANNEL)).toBe(false);
    dispose(); // twice is harmless
  });
});

describe('registerIpc event forwarding', () => {
  /** A core whose events the test emits. */
  function fakeCore() {
    const listeners = new Set<(event: BackendEvent) => void>();
    let sessionCount = 0;
    const core: RegisterIpcOptions['core'] = {
      callUntyped: async () => ({ ok: true, value: null }),
      on: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      openSession: () => ({ id: `s${++sessionCount}` }),
      closeSession: () => {},
    };
    const emit = (event: BackendEvent) => listeners.forEach((l) => l(event));
    return { core, emit, listeners };
  }
  const progress = { name: 'job.progress', payload: { id: 1 } } as unknown as BackendEvent;

  it('sends core events to every target window that is still alive', () => {
    const { core, emit } = fakeCore();
    const alive = new FakeContents();
    const gone = new FakeContents();
    gone.destroyed = true;
    const { dispose } = register(core, { eventTargets: () => [alive, gone] as never });
    emit(progress);
    expect(alive.sent).toEqual([[IPC_EVENT_CHANNEL, progress]]);
    expect(gone.sent).toEqual([]);
    dispose();
  });

  it('by default, sends to the webContents that have made a trusted call', async () => {
    const { core, emit } = fakeCore();
    const { ipcMain, dispose } = register(core);
    const caller = new FakeContents();
    const stranger = new FakeContents();
    await ipcMain.invoke(eventFrom(caller), 'setup.status', {});
    await ipcMain.invoke(eventFrom(stranger, { url: 'https://example.com/', parent: null }), 'setup.status', {});
    emit(progress);
    expect(caller.sent).toEqual([[IPC_EVENT_CHANNEL, progress]]);
    expect(stranger.sent).toEqual([]);
    dispose();
  });

  it('dispose unsubscribes from the core', () => {
    const { core, emit, listeners } = fakeCore();
    const target = new FakeContents();
    const { dispose } = register(core, { eventTargets: () => [target] as never });
    expect(listeners.size).toBe(1);
    dispose();
    expect(listeners.size).toBe(0);
    emit(progress);
    expect(target.sent).toEqual([]);
  });
});

describe('every method over IPC with hostile and random payloads', () => {
  let dataDir: string;
  let core: Core;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'guangrong-ipc-fuzz-'));
    core = createCore({ dataDir, worker: sourceWorker, logger: { warn: () => {}, error: () => {} } });
  });
  afterAll(async () => {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const wellFormed = (r: Result<unknown>) => {
    expect(typeof r.ok).toBe('boolean');
    if (!r.ok) {
      expect(r.error.code).toMatch(/^[A-Z_]+$/);
      expect(r.error.message.zh).toBeTruthy();
      expect(r.error.message.en).toBeTruthy();
      expect(JSON.stringify(r.error)).not.toMatch(/\.(ts|js):\d+/);
    }
  };

  it('answers typed Results, never throws, for every method', async () => {
    const { ipcMain } = register(core);
    const window = new FakeContents();
    expect(await ipcMain.invoke(eventFrom(window), 'setup.createAdmin', ADMIN)).toMatchObject({ ok: true });
    const hostile: unknown[] = [undefined, null, 0, 'x', [], { __proto__: { isAdmin: true } }, { id: '1 OR 1=1' }, { query: '啊'.repeat(10_000) }, { limit: -5 }];
    for (const method of Object.keys(methods)) {
      if (method === 'auth.logout' || method === 'auth.lock') continue;
      for (const input of hostile) wellFormed(await ipcMain.invoke(eventFrom(window), method, input));
    }
    // Wrong argument shapes from a compromised renderer.
    for (const args of [[], [42], [{ method: 'users.list' }], [null, null], ['users.list', {}, 'extra', 'args']]) {
      wellFormed(await ipcMain.invoke(eventFrom(window), ...args));
    }
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...Object.keys(methods)), fc.string()), fc.anything({ maxDepth: 3 }), async (method, input) => {
        wellFormed(await ipcMain.invoke(eventFrom(window), method, input));
      }),
      { numRuns: 200 },
    );
  });
});
