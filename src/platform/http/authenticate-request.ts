import type { MiddlewareHandler } from 'hono';
import { getSignedCookie } from 'hono/cookie';
import { authenticateApiKey, authenticateSession } from '../../modules/workspaces/authenticate.js';
import { hashToken } from '../auth/secrets.js';
import type { CachedCredential } from '../auth/credential-cache.js';
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
      const hash = hashToken(match[1]!);
      c.set('scope', await remembered(deps, `key:${hash}`, () => authenticateApiKey(deps.db, hash)));
      return next();
    }
    const token = await getSignedCookie(c, deps.config.sessionSecret, SESSION_COOKIE);
    if (!token)
      throw new AppError('UNAUTHENTICATED', { message: 'Log in or send Authorization: Bearer <api key>' });
    const hash = hashToken(token);
    const { sessionId, ...scope } = await remembered(deps, `session:${hash}`, () =>
      authenticateSession(deps.db, hash),
    );
    c.set('scope', scope);
    c.set('sessionId', sessionId);
    return next();
  };
}

async function remembered<T extends CachedCredential>(
  deps: AppDeps,
  key: string,
  look: () => Promise<T>,
): Promise<T> {
  const known = deps.credentials.get(key) as T | undefined;
  if (known) return known;
  const found = await look();
  deps.credentials.set(key, found);
  return found;
}
