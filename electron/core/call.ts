import type { z } from 'zod';
import {
  apiError,
  isMethodName,
  methods,
  roleMayCall,
  type ApiError,
  type MethodName,
  type Result,
} from '../../shared/contract';
import type { HandlerContext, Handlers } from './context';
import { CoreError, toApiError } from './errors';
import type { Session } from './sessions';
import { findUserById, type UserRecord } from './db/users';

/** Methods a user who must still change the initial password may call. */
const allowedBeforePasswordChange = new Set<MethodName>(['auth.changePassword', 'auth.logout', 'auth.session', 'auth.heartbeat', 'auth.lock', 'auth.unlock', 'app.info', 'setup.status']);
/** Calls that do not count as activity (the renderer polls them). */
const passive = new Set<MethodName>(['auth.session', 'setup.status', 'app.info']);

export interface Logger {
  warn(message: string, details?: unknown): void;
  error(message: string, details?: unknown): void;
}

function zodIssues(error: z.ZodError): NonNullable<ApiError['issues']> {
  return error.issues.slice(0, 20).map((issue) => {
    const path = issue.path.map(String).join('.') || '(input)';
    return { path, message: { zh: `${path}：${issue.message}`, en: `${path}: ${issue.message}` } };
  });
}

/**
 * The one door into the backend: validates the input against the contract, checks the session
 * and the role, runs the handler, checks its output, and answers a Result. Never throws.
 */
export function createDispatcher(
  handlers: Handlers,
  makeContext: (session: Session, user: UserRecord | null) => HandlerContext,
  logger: Logger,
) {
  return async function call(name: unknown, input: unknown, session: Session): Promise<Result<unknown>> {
    const started = performance.now();
    try {
      if (!isMethodName(name)) {
        return { ok: false, error: apiError('UNKNOWN_METHOD', { zh: `没有这个功能接口：${String(name).slice(0, 80)}`, en: `There is no method named ${String(name).slice(0, 80)}.` }) };
      }
      const spec = methods[name];
      const parsed = spec.input.safeParse(input === undefined ? {} : input);
      if (!parsed.success) return { ok: false, error: apiError('VALIDATION', undefined, zodIssues(parsed.error)) };

      const probe = makeContext(session, null);
      const state = probe.sessionState;
      const nowMs = probe.nowMs();
      let user: UserRecord | null = null;
      if (state.userId !== null) {
        const idleMs = probe.settings.get().idleLockMinutes * 60_000;
        if (!state.locked && nowMs - state.lastActivity > idleMs) state.locked = true;
        const found = findUserById(probe.db, state.userId);
        if (!found || !found.active) {
          probe.sessions.signOutUser(state.userId);
        } else if (!state.locked) {
          user = found;
        }
      }
      if (spec.access !== 'public') {
        if (state.userId === null) throw new CoreError('UNAUTHENTICATED');
        if (state.locked) throw new CoreError('SESSION_LOCKED');
        if (!user) throw new CoreError('UNAUTHENTICATED');
        if (!roleMayCall(spec.access, user.role)) {
          // A refused attempt is a security event: it goes into the audit log.
          makeContext(session, user).write((audit) => audit({ entity: 'access', entityId: null, action: 'denied', after: { method: name, role: user!.role } }));
          throw new CoreError('FORBIDDEN');
        }
        if (user.mustChangePassword && !allowedBeforePasswordChange.has(name)) throw new CoreError('PASSWORD_CHANGE_REQUIRED');
        if (!passive.has(name)) state.lastActivity = nowMs;
      }
      const handler = handlers[name] as (input: unknown, ctx: HandlerContext) => unknown;
      const value = await handler(parsed.data, makeContext(session, user));
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        logger.error(`output of ${name} does not match the contract`, checked.error.issues.slice(0, 5));
        return { ok: false, error: apiError('INTERNAL') };
      }
      const ms = performance.now() - started;
      if (ms > 200) logger.warn(`slow call ${name}: ${ms.toFixed(0)} ms`);
      return { ok: true, value: checked.data };
    } catch (error) {
      const apiErr = toApiError(error);
      if (apiErr.code === 'INTERNAL') logger.error(`call ${String(name)} failed`, error);
      return { ok: false, error: apiErr };
    }
  };
}
