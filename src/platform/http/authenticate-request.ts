import type { MiddlewareHandler } from 'hono';
import { getSignedCookie } from 'hono/cookie';
import { authenticateApiKey, authenticateSession } from '../../modules/workspaces/authenticate.js';
import { AppError } from '../errors.js';
import type { AppDeps, AppEnv } from './app-env.js';

export const SESSION_COOKIE = 'earshot_session';

// A Bearer API key or the signed session cookie; either yields the workspace and the actor.
export function authenticateRequest(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new AppError('UNAUTHENTICATED', { message: 'Use Authorization: Bearer <api key>' });
      c.set('scope', await authenticateApiKey(deps.db, match[1]!));
      return next();
    }
    const token = await getSignedCookie(c, deps.config.sessionSecret, SESSION_COOKIE);
    if (!token) throw new AppError('UNAUTHENTICATED', { message: 'Log in or send Authorization: Bearer <api key>' });
    const { sessionId, ...scope } = await authenticateSession(deps.db, token);
    c.set('scope', scope);
    c.set('sessionId', sessionId);
    return next();
  };
}
