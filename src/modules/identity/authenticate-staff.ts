import { getSignedCookie } from 'hono/cookie';
import { hashToken } from '../../platform/access/secrets.js';
import { AppError } from '../../platform/errors.js';
import type { StaffAuthenticator } from '../../platform/http/access-gate.js';
import type { AppDeps } from '../../platform/http/app-env.js';
import { authenticateApiKey, authenticateSession } from './authenticate.js';

export const SESSION_COOKIE = 'earshot_session';

// The staff access kind: a Bearer API key or the signed session cookie; either yields the
// workspace and the actor. Nothing else passes: a widget visitor's token is not an API key.
export function authenticateStaff(deps: AppDeps): StaffAuthenticator {
  return async (c) => {
    const header = c.req.header('authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new AppError('UNAUTHENTICATED', { message: 'Use Authorization: Bearer <api key>' });
      const hash = hashToken(match[1]!);
      c.set('scope', await deps.credentials.remember(`key:${hash}`, () => authenticateApiKey(deps.db, hash)));
      return;
    }
    const token = await getSignedCookie(c, deps.config.sessionSecret, SESSION_COOKIE);
    if (!token)
      throw new AppError('UNAUTHENTICATED', { message: 'Log in or send Authorization: Bearer <api key>' });
    const hash = hashToken(token);
    const { sessionId, ...scope } = await deps.credentials.remember(`session:${hash}`, () =>
      authenticateSession(deps.db, hash),
    );
    c.set('scope', scope);
    c.set('sessionId', sessionId);
  };
}
