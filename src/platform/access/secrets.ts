import { hash as digest, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// API keys and session tokens are long random secrets, so a fast hash is enough to store them;
// passwords are low-entropy and get argon2id. One-shot (crypto.hash): every staff request hashes its
// credential, and a Hash object built, fed and finished for it cost more than the digest.
export const hashToken = (token: string): string => digest('sha256', token, 'hex');

export function newToken(prefix: string): { token: string; lookup: string } {
  const lookup = randomBytes(4).toString('hex');
  return { token: `${prefix}_${lookup}_${randomBytes(24).toString('base64url')}`, lookup };
}

/** A random secret a channel is given to prove itself with (an inbound URL's bearer, a signing key). */
export const newSecret = (prefix: string, bytes = 24): string =>
  `${prefix}_${randomBytes(bytes).toString('base64url')}`;

export const hashPassword = (password: string): Promise<string> => hash(password);

// A hash of a fixed string, so a login for an unknown email costs as long as a wrong password.
let decoy: Promise<string> | undefined;
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    decoy ??= hash('earshot-decoy-password');
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

export const safeEqual = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
