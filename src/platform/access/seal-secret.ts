import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// Secrets Earshot must hand back to another server or check requests with (an IMAP password, a
// telephony provider's auth token) are kept sealed with a key derived from the installation's
// session secret: a copy of the database alone does not reveal them. Changing SESSION_SECRET
// means entering such secrets again. The derivation's label still names email, where sealing
// began: changing it would make every password already sealed unreadable.
const keyFrom = (secret: string) =>
  Buffer.from(hkdfSync('sha256', secret, 'earshot', 'email: sealed credentials', 32));

export function seal(secret: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function unseal(secret: string, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('Not a sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
