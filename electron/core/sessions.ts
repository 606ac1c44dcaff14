import { randomBytes } from 'node:crypto';

/**
 * Who is signed in on which connection. A transport opens one session per window (IPC) or per
 * browser (web host cookie) and passes it with every call; `auth.login` binds a user to it.
 * Sessions live in memory only: a restart signs everybody out.
 */
export interface Session {
  readonly id: string;
}

export interface SessionState {
  userId: number | null;
  lastActivity: number;
  locked: boolean;
}

export class SessionStore {
  private readonly states = new Map<string, SessionState>();

  constructor(private readonly now: () => number) {}

  open(): Session {
    const id = randomBytes(24).toString('base64url');
    this.states.set(id, { userId: null, lastActivity: this.now(), locked: false });
    return { id };
  }

  /** A session the transport knows by id (e.g. from a cookie); unknown ids get a fresh anonymous state. */
  state(session: Session): SessionState {
    let state = this.states.get(session.id);
    if (!state) {
      state = { userId: null, lastActivity: this.now(), locked: false };
      this.states.set(session.id, state);
    }
    return state;
  }

  has(id: string): boolean {
    return this.states.has(id);
  }

  close(session: Session): void {
    this.states.delete(session.id);
  }

  /** Ends every session of one user (disabled account, role changed). */
  signOutUser(userId: number): void {
    for (const state of this.states.values()) {
      if (state.userId === userId) {
        state.userId = null;
        state.locked = false;
      }
    }
  }
}
