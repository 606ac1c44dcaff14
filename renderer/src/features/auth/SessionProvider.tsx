/**
 * Who is signed in, and whether the screen is locked. Watches every call's result: SESSION_LOCKED
 * raises the lock overlay (the page underneath stays mounted), UNAUTHENTICATED goes back to the
 * login screen. Polls `auth.session` every 30 s and sends `auth.heartbeat` at most once a minute
 * while the person is active at the keyboard or mouse.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApiError, SessionState, User } from '../../../../shared/contract';
import { useClient } from '../../app/clientContext';

export type Stage = 'loading' | 'unreachable' | 'unlock' | 'recovery' | 'setup' | 'login' | 'signedIn';

interface State {
  stage: Stage;
  /** The signed-in user; kept while locked so the page underneath stays as it was. */
  user: User | null;
  locked: boolean;
  error: ApiError | null;
}

export interface Session extends State {
  /** After setup, login or unlock: take the backend's answer. */
  apply: (session: SessionState) => void;
  refresh: () => Promise<void>;
  lock: () => Promise<void>;
  logout: () => Promise<void>;
  retry: () => void;
}

const SessionContext = createContext<Session | null>(null);

const POLL_MS = 30_000;
const HEARTBEAT_MS = 60_000;
const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;

function reduce(previous: State, session: SessionState): State {
  if (session.user) return { stage: 'signedIn', user: session.user, locked: false, error: null };
  if (session.locked) return { ...previous, stage: 'signedIn', locked: true, error: null };
  return { stage: 'login', user: null, locked: false, error: null };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [state, setState] = useState<State>({ stage: 'loading', user: null, locked: false, error: null });
  const [attempt, setAttempt] = useState(0);
  const lastHeartbeat = useRef(0);

  const apply = useCallback((session: SessionState) => {
    if (session.user) lastHeartbeat.current = Date.now();
    setState((previous) => reduce(previous, session));
  }, []);

  // First start or sign-in: which screen comes first.
  useEffect(() => {
    let live = true;
    void (async () => {
      const status = await client.call('setup.status', {});
      if (!live) return;
      // A damaged database at start: the recovery screen (restore a backup) instead of sign-in.
      // Encrypted data not unlocked yet (a fresh start of the application): the unlock screen.
      if (!status.ok && status.error.code === 'DATA_LOCKED') return setState({ stage: 'unlock', user: null, locked: false, error: null });
      if (!status.ok && status.error.code === 'DATABASE_CORRUPT') return setState({ stage: 'recovery', user: null, locked: false, error: status.error });
      if (!status.ok) return setState((s) => ({ ...s, stage: 'unreachable', error: status.error }));
      if (status.value.needsAdmin) return setState({ stage: 'setup', user: null, locked: false, error: null });
      const session = await client.call('auth.session', {});
      if (!live) return;
      if (!session.ok) return setState((s) => ({ ...s, stage: 'unreachable', error: session.error }));
      apply(session.value);
    })();
    return () => {
      live = false;
    };
  }, [client, apply, attempt]);

  // Every answer from the backend may say the session is locked or gone.
  useEffect(
    () =>
      client.onResult((result, method) => {
        if (result.ok) return;
        const code = result.error.code;
        if (code === 'SESSION_LOCKED') {
          setState((s) => (s.stage === 'signedIn' ? { ...s, locked: true } : s));
        } else if (code === 'UNAUTHENTICATED' && method !== 'auth.login') {
          setState((s) => (s.stage === 'signedIn' ? { stage: 'login', user: null, locked: false, error: null } : s));
        } else if (code === 'PASSWORD_CHANGE_REQUIRED') {
          setState((s) => (s.user ? { ...s, user: { ...s.user, mustChangePassword: true } } : s));
        }
      }),
    [client],
  );

  const signedIn = state.stage === 'signedIn';
  const locked = state.locked;

  // The backend locks an idle session lazily; the poll notices it even when nobody clicks.
  useEffect(() => {
    if (!signedIn) return;
    const timer = window.setInterval(() => {
      void client.call('auth.session', {}).then((result) => {
        if (result.ok) setState((previous) => (previous.stage === 'signedIn' ? reduce(previous, result.value) : previous));
      });
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [client, signedIn]);

  // Activity at the keyboard or mouse postpones the idle lock: one heartbeat a minute at most.
  useEffect(() => {
    if (!signedIn || locked) return;
    const onActivity = () => {
      const now = Date.now();
      if (now - lastHeartbeat.current < HEARTBEAT_MS) return;
      lastHeartbeat.current = now;
      void client.call('auth.heartbeat', {});
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [client, signedIn, locked]);

  const refresh = useCallback(async () => {
    const result = await client.call('auth.session', {});
    if (result.ok) apply(result.value);
  }, [client, apply]);

  const lock = useCallback(async () => {
    setState((s) => ({ ...s, locked: true }));
    await client.call('auth.lock', {});
  }, [client]);

  const logout = useCallback(async () => {
    await client.call('auth.logout', {});
    setState({ stage: 'login', user: null, locked: false, error: null });
  }, [client]);

  const retry = useCallback(() => {
    setState({ stage: 'loading', user: null, locked: false, error: null });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo<Session>(() => ({ ...state, apply, refresh, lock, logout, retry }), [state, apply, refresh, lock, logout, retry]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user (only inside the signed-in part of the app). */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
