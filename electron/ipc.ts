/**
 * The IPC transport: `window.guangrong.call(method, input)` in the page arrives here and goes to
 * `core.callUntyped` unchanged (the core validates: the renderer is untrusted). Core events go
 * back to the windows on IPC_EVENT_CHANNEL.
 *
 * - Only the app's own page may call (`isTrustedSender`); anything else gets a typed TRANSPORT
 *   failure, never a thrown error.
 * - One core session per webContents: opened on its first call, closed when it is destroyed.
 *   A reload keeps the webContents, hence the session (and the sign-in).
 *
 * Takes ipcMain and the webContents as parameters (type-only imports) so tests pass fakes.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/contract/bridge';
import { apiError, type Result } from '../shared/contract/errors';
import type { BackendEvent } from '../shared/contract/events';
import type { Core, Session } from './core';

/** What the transport needs of a webContents. */
export type IpcContents = Pick<WebContents, 'id' | 'once' | 'removeListener' | 'isDestroyed' | 'send'>;
export type IpcSenderFrame = Pick<WebFrameMain, 'url' | 'parent'> | null;
export type IpcCallEvent = { sender: IpcContents; senderFrame: IpcSenderFrame };

export interface RegisterIpcOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  core: Pick<Core, 'callUntyped' | 'on' | 'openSession' | 'closeSession'>;
  /** Whether the calling frame is the app page's main frame (see shell/security isTrustedFrame). */
  isTrustedSender: (frame: IpcSenderFrame) => boolean;
  /** Who receives core events. Default: every webContents that has made a trusted call. */
  eventTargets?: () => Iterable<IpcContents>;
  logger?: { warn(message: string, details?: unknown): void };
}

export const UNTRUSTED_SENDER_MESSAGE = {
  zh: '拒绝来自非本应用页面的调用。',
  en: 'Calls from pages other than the application’s own are refused.',
} as const;

export function registerIpc(options: RegisterIpcOptions): () => void {
  const { ipcMain, core, isTrustedSender } = options;
  const connections = new Map<number, { contents: IpcContents; session: Session; onDestroyed: () => void }>();
  let disposed = false;

  const sessionOf = (contents: IpcContents): Session => {
    const known = connections.get(contents.id);
    if (known) return known.session;
    const session = core.openSession();
    const onDestroyed = () => {
      connections.delete(contents.id);
      core.closeSession(session);
    };
    connections.set(contents.id, { contents, session, onDestroyed });
    contents.once('destroyed', onDestroyed);
    return session;
  };

  const handleCall = async (event: IpcCallEvent, method: unknown, input: unknown): Promise<Result<unknown>> => {
    let trusted = false;
    try {
      // senderFrame is null (or throws, in some versions) once the frame has navigated away.
      trusted = !disposed && !event.sender.isDestroyed() && isTrustedSender(event.senderFrame);
    } catch {
      trusted = false;
    }
    if (!trusted) {
      options.logger?.warn('IPC call refused: not the application page', { method: typeof method === 'string' ? method : typeof method });
      return { ok: false, error: apiError('TRANSPORT', UNTRUSTED_SENDER_MESSAGE) };
    }
    try {
      return await core.callUntyped(method, input, sessionOf(event.sender));
    } catch (error) {
      // core.callUntyped never throws by contract; this guards the transport all the same.
      options.logger?.warn('IPC call failed in the transport', error);
      return { ok: false, error: apiError('TRANSPORT') };
    }
  };

  ipcMain.handle(IPC_CALL_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, input: unknown) => handleCall(event, method, input));

  const targets = options.eventTargets ?? (() => [...connections.values()].map((c) => c.contents));
  const unsubscribe = core.on((event: BackendEvent) => {
    for (const contents of targets()) {
      try {
        if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event);
      } catch (error) {
        options.logger?.warn('Could not forward an event to a window', error);
      }
    }
  });

  return () => {
    if (disposed) return;
    disposed = true;
    ipcMain.removeHandler(IPC_CALL_CHANNEL);
    unsubscribe();
    for (const { contents, session, onDestroyed } of connections.values()) {
      contents.removeListener('destroyed', onDestroyed);
      core.closeSession(session);
    }
    connections.clear();
  };
}
