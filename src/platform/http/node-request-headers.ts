import type { IncomingMessage } from 'node:http';
import type { HonoRequest } from 'hono';

// A header name as the Fetch standard accepts it (a token); anything else goes to Headers, which
// refuses it as it always did.
const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

// HTTP whitespace, which Headers strips from both ends of a value.
const isHttpSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

const trimmed = (value: string) =>
  value.length && (isHttpSpace(value.charCodeAt(0)) || isHttpSpace(value.charCodeAt(value.length - 1)))
    ? value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '')
    : value;

/**
 * A header's value as `Headers.get` answers it, read from the node request's raw header lines:
 * every line of that name (in any case), in order, joined with ", "; none, undefined. HTTP/2's
 * pseudo-headers (":path") are not headers, as the Node server's own conversion leaves them out.
 */
export function rawHeader(rawHeaders: readonly string[], name: string): string | undefined {
  const wanted = name.toLowerCase();
  let value: string | undefined;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const key = rawHeaders[i]!;
    if (key.length !== wanted.length || (key !== wanted && key.toLowerCase() !== wanted)) continue;
    const line = trimmed(rawHeaders[i + 1]!);
    value = value === undefined ? line : `${value}, ${line}`;
  }
  return value;
}

/*
 * Behind the Node server, c.req.header(name) answers from the node request's header lines rather
 * than from the web request's Headers: reading one header made the Node server build a Headers
 * object of them all (each name and value checked and copied), and each read of it went through
 * the Fetch standard's checks again. A request reads about nine (the request id, the body's type
 * and length, the credentials, the validators' checks of the type): a few microseconds each
 * request, and a few kilobytes for the collector. c.req.header() with no name, and c.req.raw.headers,
 * stay the web request's own.
 */
export function readHeadersFromNode(req: HonoRequest, incoming: IncomingMessage): void {
  const { rawHeaders } = incoming;
  // Hono's own reading, from its class (one function for all requests, none bound per request).
  const webHeader = (Object.getPrototypeOf(req) as { header: WebHeader }).header;
  (req as { header: WebHeader }).header = (name?: string) =>
    name && token.test(name) ? rawHeader(rawHeaders, name) : webHeader.call(req, name);
}

type WebHeader = (this: HonoRequest, name?: string) => unknown;
