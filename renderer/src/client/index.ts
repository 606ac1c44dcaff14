/**
 * The typed client: the renderer's only way to the backend. It speaks Electron IPC when the
 * preload's `window.guangrong` is there, and HTTP to the web host otherwise — the same contract,
 * the same Result objects, so pages never know which.
 */
import {
  apiError,
  BRIDGE_GLOBAL,
  type ApiError,
  type BackendEvent,
  type BridgeApi,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type Result,
} from '../../../shared/contract';
import { httpBridge } from './http';

export interface Client {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  on(listener: (event: BackendEvent) => void): () => void;
  /** Sees every call's Result (the session watches for SESSION_LOCKED / UNAUTHENTICATED); returns the unsubscribe function. */
  onResult(listener: (result: Result<unknown>, method: MethodName) => void): () => void;
  transport: 'ipc' | 'http';
}

export function createClient(bridge: BridgeApi, transport: 'ipc' | 'http'): Client {
  const listeners = new Set<(result: Result<unknown>, method: MethodName) => void>();
  return {
    transport,
    async call(method, input) {
      let result: Result<unknown>;
      try {
        result = await bridge.call(method, input);
      } catch {
        result = { ok: false, error: apiError('TRANSPORT') };
      }
      for (const l of listeners) l(result, method);
      return result as Result<MethodOutput<typeof method>>;
    },
    on: (listener) => bridge.on(listener),
    onResult(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** Chooses the transport: the preload's bridge in Electron, the web host otherwise. */
export function detectClient(): Client {
  const bridge = (window as unknown as Record<string, BridgeApi | undefined>)[BRIDGE_GLOBAL];
  if (bridge && typeof bridge.call === 'function') return createClient(bridge, 'ipc');
  return createClient(httpBridge(window.location, window.sessionStorage), 'http');
}

/** Unwraps a Result or throws its typed error (for code paths that show errors through the boundary). */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message.en);
    this.name = 'ApiCallError';
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ApiCallError(result.error);
}
