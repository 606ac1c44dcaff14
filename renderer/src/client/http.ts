import { apiError, type BackendEvent, type BridgeApi, type Result } from '../../../shared/contract';

const TOKEN_KEY = 'guangrong.webHostToken';

/**
 * The web host's side of the bridge. The page is opened as /?token=T; the token is kept in
 * sessionStorage, removed from the address bar, and sent with every request. The sign-in session
 * itself is an HttpOnly cookie the page's scripts never see.
 */
export function httpBridge(location: Location, storage: Storage): BridgeApi {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    window.history.replaceState(null, '', location.pathname + location.hash);
  }
  const token = storage.getItem(TOKEN_KEY) ?? '';
  return {
    async call(method, input): Promise<Result<unknown>> {
      const response = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-guangrong-token': token },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
      });
      try {
        return (await response.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: apiError('TRANSPORT') };
      }
    },
    on(listener) {
      const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      source.onmessage = (message) => {
        try {
          listener(JSON.parse(message.data as string) as BackendEvent);
        } catch {
          // ignore a malformed event
        }
      };
      return () => source.close();
    },
  };
}
