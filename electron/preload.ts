/**
 * The sandboxed preload (built to out/preload/index.cjs, CommonJS). It exposes exactly two
 * functions as `window.guangrong` — see shared/contract/bridge.ts — and nothing of Electron.
 *
 * A sandboxed preload can require only 'electron' and a few Node built-ins, so this file imports
 * nothing else at run time: from shared/ only the constants of bridge.ts (which itself imports
 * types only) — never shared/contract/index (zod). test/unit/electron/preload.test.ts checks it.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type BridgeApi } from '../shared/contract/bridge';
import type { Result } from '../shared/contract/errors';
import type { BackendEvent } from '../shared/contract/events';

/** Same code and text as defaultMessages.TRANSPORT (inlined: errors.ts imports zod). */
const transportFailure: Result<unknown> = {
  ok: false,
  error: { code: 'TRANSPORT', message: { zh: '与后台的连接出现问题。', en: 'The connection to the backend failed.' } },
};

const api: BridgeApi = {
  async call(method, input) {
    try {
      return (await ipcRenderer.invoke(IPC_CALL_CHANNEL, method, input)) as Result<unknown>;
    } catch {
      // e.g. input that cannot be cloned, or the main process going away.
      return transportFailure;
    }
  },
  on(listener) {
    // The page never sees the IpcRendererEvent (it carries `sender`, the ipcRenderer itself).
    const forward = (_event: IpcRendererEvent, event: BackendEvent) => listener(event);
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, api);
