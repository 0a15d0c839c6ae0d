import { createHmac } from 'node:crypto';
import type { Context } from 'hono';
import { safeEqual } from '../access/secrets.js';
import { AppError } from '../errors.js';
import type { AppEnv } from './app-env.js';
import type { WebhookVerifier } from './define-route.js';

/** The secret a webhook route checks against, looked up per request (per channel); null if none. */
export type SecretLookup = (c: Context<AppEnv>) => Promise<string | null> | string | null;

// A provider that signs each body: hex HMAC-SHA256 of the raw bytes in a header, with or without
// a `sha256=` prefix. The raw body is read once here; hono keeps it for the handler.
export function hmacSignedWebhook(options: { header: string; secretFor: SecretLookup }): WebhookVerifier {
  return async (c, next) => {
    const secret = await options.secretFor(c);
    const sent = c.req
      .header(options.header)
      ?.trim()
      .replace(/^sha256=/i, '');
    const raw = new Uint8Array(await c.req.arrayBuffer());
    const expected = secret ? createHmac('sha256', secret).update(raw).digest('hex') : '';
    if (!secret || !sent || !safeEqual(sent.toLowerCase(), expected)) {
      throw new AppError('SIGNATURE_INVALID', { message: `The ${options.header} signature does not match` });
    }
    await next();
  };
}

// A provider that sends a shared secret as `Authorization: Bearer <secret>` (inbound mail posts).
export function bearerSecretWebhook(options: { secretFor: SecretLookup }): WebhookVerifier {
  return async (c, next) => {
    const secret = await options.secretFor(c);
    const sent = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!secret || !sent || !safeEqual(sent, secret)) {
      throw new AppError('SIGNATURE_INVALID', { message: 'The secret does not match' });
    }
    await next();
  };
}

/*
 * Twilio's request signature: X-Twilio-Signature is the base64 HMAC-SHA1, keyed by the account's
 * auth token, of the full URL Twilio requested followed by each POST parameter, sorted by name,
 * as its name immediately followed by its value. `urlFor` gives that URL (the public one when
 * Earshot sits behind a proxy that rewrites it).
 */
export function twilioSignature(authToken: string, url: string, params: Iterable<[string, string]>): string {
  const sorted = [...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const payload = url + sorted.map(([name, value]) => name + value).join('');
  return createHmac('sha1', authToken).update(payload, 'utf8').digest('base64');
}

export function twilioSignedWebhook(options: {
  secretFor: SecretLookup;
  urlFor?: (c: Context<AppEnv>) => string;
}): WebhookVerifier {
  return async (c, next) => {
    const token = await options.secretFor(c);
    const sent = c.req.header('x-twilio-signature')?.trim();
    const body = await c.req.text();
    const url = options.urlFor?.(c) ?? c.req.url;
    const expected = token ? twilioSignature(token, url, new URLSearchParams(body)) : '';
    if (!token || !sent || !safeEqual(sent, expected)) {
      throw new AppError('SIGNATURE_INVALID', { message: 'The X-Twilio-Signature does not match' });
    }
    await next();
  };
}
