import type { Context } from 'hono';

type NodeBindings = { incoming?: { socket?: { remoteAddress?: string; encrypted?: boolean } } };

/*
 * Where a request comes from, for throttling. Behind a proxy the socket is the proxy, so with
 * TRUST_PROXY the address is the last one in X-Forwarded-For: the one our proxy appended. Earlier
 * entries are whatever the client chose to send.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/** Whether the caller reached us over TLS, directly or (with TRUST_PROXY) through a proxy. */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (!trustProxy) return false;
  return c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}
