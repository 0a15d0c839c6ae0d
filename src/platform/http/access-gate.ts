import type { Context } from 'hono';
import { verifyLink } from '../access/signed-link.js';
import { verifyVisitorToken } from '../access/visitor-token.js';
import { AppError } from '../errors.js';
import type { AppEnv } from './app-env.js';

/** Sets `scope` (and `sessionId` for a session) on the context, or throws UNAUTHENTICATED. */
export type StaffAuthenticator = (c: Context<AppEnv>) => Promise<void>;

export type AccessGate = {
  staff: StaffAuthenticator;
  visitor(c: Context<AppEnv>): void;
  signedLink(c: Context<AppEnv>): void;
};

// The checks behind each access kind. Staff authentication belongs to the identity module and is
// handed in by the composition root; visitor tokens and signed links are verified here, by
// signature alone, so they cost no database round trip.
export function createAccessGate(options: { secret: string; staff: StaffAuthenticator }): AccessGate {
  return {
    staff: options.staff,
    visitor(c) {
      const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
      const checked = match ? verifyVisitorToken(options.secret, match[1]!) : null;
      if (!checked)
        throw new AppError('UNAUTHENTICATED', { message: 'Send Authorization: Bearer <visitor token>' });
      const { expiresAt: _expiresAt, ...visitor } = checked;
      c.set('visitor', visitor);
    },
    signedLink(c) {
      const token = c.req.query('sig');
      if (!token) throw new AppError('UNAUTHENTICATED', { message: 'This link needs its signature (?sig=)' });
      const checked = verifyLink(options.secret, c.req.path, token);
      if (!checked.ok && checked.reason === 'expired') throw new AppError('LINK_EXPIRED');
      if (!checked.ok) throw new AppError('SIGNATURE_INVALID', { message: 'This link is not valid' });
      c.set('link', checked.claims);
    },
  };
}
