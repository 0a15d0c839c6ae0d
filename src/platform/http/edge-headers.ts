import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';
import { contentSecurityPolicy } from './content-security-policy.js';
import { readHeadersFromNode } from './node-request-headers.js';

/** What Hono's secureHeaders() sets by default, and the content security policy, on every answer. */
export const defaultHeaders: readonly (readonly [string, string])[] = [
  ['cross-origin-resource-policy', 'same-origin'],
  ['cross-origin-opener-policy', 'same-origin'],
  ['origin-agent-cluster', '?1'],
  ['referrer-policy', 'no-referrer'],
  ['strict-transport-security', 'max-age=15552000; includeSubDomains'],
  ['x-content-type-options', 'nosniff'],
  ['x-dns-prefetch-control', 'off'],
  ['x-download-options', 'noopen'],
  ['x-frame-options', 'SAMEORIGIN'],
  ['x-permitted-cross-domain-policies', 'none'],
  ['x-xss-protection', '0'],
  ['content-security-policy', contentSecurityPolicy],
];

// A caller's own request id is kept when it is short and plain (as Hono's requestId() does).
const ownRequestId = (sent: string | undefined) =>
  sent && sent.length <= 255 && !/[^\w\-=]/.test(sent) ? sent : undefined;

/*
 * Every answer's request id (the caller's X-Request-Id, or a new one) and default headers; a
 * route's own header of the same name stands (GET /widget.js says other sites may load it).
 * Behind the Node server they are set on the node response before the route runs, and Node merges
 * the answer's own headers over them as it writes: set on the web answer instead, they made each
 * answer's headers a web Headers object, written, read back and copied, a few per cent of the
 * server's CPU on the busiest write. Requests made in-process (app.request in tests) have no node
 * response, and get them on the web answer. An upgrade to a WebSocket (101) gets none.
 */
export function edgeHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const node = c.env as { incoming?: IncomingMessage; outgoing?: ServerResponse } | undefined;
    // Every header read after this one, too, is read from the node request (see node-request-headers.ts).
    if (node?.incoming) readHeadersFromNode(c.req, node.incoming);
    const id = ownRequestId(c.req.header('x-request-id')) ?? randomUUID();
    c.set('requestId', id);
    const outgoing = node?.outgoing;
    if (outgoing) {
      for (const [name, value] of defaultHeaders) outgoing.setHeader(name, value);
      outgoing.setHeader('x-request-id', id);
      return next();
    }
    // Set before the answer exists, so that it is built with web Headers, which the defaults then
    // join (the Node server's light answer would copy plain headers and leave those set later out).
    c.header('x-request-id', id);
    await next();
    if (c.res.status === 101) return;
    const headers = c.res.headers;
    for (const [name, value] of defaultHeaders) if (!headers.has(name)) headers.set(name, value);
    headers.delete('x-powered-by');
  };
}
