import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type BridgeApi } from '../../../shared/contract/bridge';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: 'answer' })),
      on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(listener);
      }),
      removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        listeners.get(channel)?.delete(listener);
      }),
    },
    /** What the main process's webContents.send looks like from the page's side. */
    emit(channel: string, payload: unknown) {
      const fakeIpcEvent = { sender: 'the ipcRenderer itself', senderId: 0 };
      for (const listener of listeners.get(channel) ?? []) listener(fakeIpcEvent, payload);
    },
  };
});

vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

let api: BridgeApi;

beforeAll(async () => {
  await import('../../../electron/preload');
  api = electron.contextBridge.exposeInMainWorld.mock.calls[0]?.[1] as BridgeApi;
});

describe('preload', () => {
  it('exposes exactly call and on, once, as window.guangrong', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(electron.contextBridge.exposeInMainWorld.mock.calls[0]?.[0]).toBe(BRIDGE_GLOBAL);
    expect(BRIDGE_GLOBAL).toBe('guangrong');
    expect(Object.keys(api).sort()).toEqual(['call', 'on']);
    expect(typeof api.call).toBe('function');
    expect(typeof api.on).toBe('function');
  });

  it('call invokes the call channel with method and input, and answers the Result', async () => {
    const input = { username: 'admin', password: 'x' };
    await expect(api.call('auth.login', input)).resolves.toEqual({ ok: true, value: 'answer' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_CALL_CHANNEL, 'auth.login', input);
  });

  it('call turns a failed invoke into a typed TRANSPORT result', async () => {
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    await expect(api.call('setup.status', {})).resolves.toMatchObject({ ok: false, error: { code: 'TRANSPORT' } });
  });

  it('on delivers only the event (never the IpcRendererEvent) and unsubscribes', () => {
    const received: unknown[][] = [];
    const unsubscribe = api.on((...args: unknown[]) => received.push(args));
    expect(electron.ipcRenderer.on).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, expect.any(Function));
    const event = { name: 'job.progress', payload: { id: 7 } };
    electron.emit(IPC_EVENT_CHANNEL, event);
    expect(received).toEqual([[event]]);

    expect(typeof unsubscribe).toBe('function');
    unsubscribe();
    expect(electron.listeners.get(IPC_EVENT_CHANNEL)?.size).toBe(0);
    electron.emit(IPC_EVENT_CHANNEL, event);
    expect(received).toHaveLength(1);
  });

  it('two subscribers are independent', () => {
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = api.on((e) => a.push(e));
    const offB = api.on((e) => b.push(e));
    offA();
    electron.emit(IPC_EVENT_CHANNEL, 'x');
    expect(a).toEqual([]);
    expect(b).toEqual(['x']);
    offB();
  });
});

describe('preload bundle stays sandbox-safe', () => {
  const root = join(import.meta.dirname, '../../..');
  /** Run-time imports only (`import type` and `type`-only specifiers erase). */
  const runtimeImports = (file: string) =>
    [...readFileSync(join(root, file), 'utf8').matchAll(/^import\s+(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);

  it('imports only electron and the bridge constants', () => {
    expect(runtimeImports('electron/preload.ts').sort()).toEqual(['../shared/contract/bridge', 'electron']);
  });

  it('the bridge module imports nothing at run time (no zod in the preload)', () => {
    expect(runtimeImports('shared/contract/bridge.ts')).toEqual([]);
  });
});
