import type { Result } from './errors';
import type { BackendEvent } from './events';

/**
 * What the preload exposes as `window.guangrong` — exactly two functions. The web host offers
 * the same over HTTP (POST /api/<method>, GET /api/events), so the renderer's client is one.
 */
export interface BridgeApi {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to backend events; returns the unsubscribe function. */
  on(listener: (event: BackendEvent) => void): () => void;
}

export const BRIDGE_GLOBAL = 'guangrong';
export const IPC_CALL_CHANNEL = 'guangrong:call';
export const IPC_EVENT_CHANNEL = 'guangrong:event';
