import { once } from 'node:events';
import net from 'node:net';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from './app-env.js';
import { edgeHeaders } from './edge-headers.js';
import { rawHeader } from './node-request-headers.js';

// What the Node server's own conversion gives (its newHeadersFromIncoming): the reference.
const webHeaders = (raw: string[]) => {
  const pairs: [string, string][] = [];
  for (let i = 0; i < raw.length; i += 2) if (!raw[i]!.startsWith(':')) pairs.push([raw[i]!, raw[i + 1]!]);
  return new Headers(pairs);
};

describe('rawHeader', () => {
  const raw = [
    'Host',
    'example.test',
    'Content-Type',
    'application/json',
    'X-Forwarded-For',
    '10.0.0.1',
    'x-forwarded-for',
    '10.0.0.2',
    'Authorization',
    'Bearer a',
    'authorization',
    'Bearer b',
    'X-Empty',
    '',
    'X-Spaced',
    ' \tvalue with spaces\t ',
    'Set-Cookie',
    'a=1',
    'set-cookie',
    'b=2',
    ':path',
    '/x',
  ];
  const names = [
    'host',
    'Content-Type',
    'CONTENT-TYPE',
    'x-forwarded-for',
    'authorization',
    'x-empty',
    'x-spaced',
    'set-cookie',
    'x-missing',
    'content-length',
  ];

  it('answers as Headers.get does: any case, repeated lines joined in order, trimmed, absent as undefined', () => {
    const reference = webHeaders(raw);
    for (const name of names) expect(rawHeader(raw, name), name).toBe(reference.get(name) ?? undefined);
  });
});

// Behind the Node server, every header the request path reads answers as the web request would.
const app = new Hono<AppEnv>();
app.use('*', edgeHeaders());
app.post('/echo', (c) =>
  c.json({
    read: Object.fromEntries(
      ['content-type', 'Authorization', 'x-repeated', 'x-request-id', 'x-missing'].map((n) => [
        n,
        [c.req.header(n) ?? null, c.req.raw.headers.get(n)],
      ]),
    ),
    all: c.req.header(),
  }),
);

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
beforeAll(() => (server.listening ? undefined : once(server, 'listening')));
afterAll(() => new Promise((resolve) => server.close(resolve)));

// A raw request, so that a header can repeat and keep its own case (fetch would merge them).
function send(head: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const { port } = server.address() as AddressInfo;
    const socket = net.connect(port, '127.0.0.1', () =>
      socket.end(`${head}Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`),
    );
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('readHeadersFromNode', () => {
  it('answers each header as the web request does, and all of them as before', async () => {
    const answer = await send(
      'POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        'AUTHORIZATION: Bearer k\r\nX-Repeated: one\r\nx-repeated: two\r\nX-Request-Id: mine-1\r\n',
      '{}',
    );
    const { read, all } = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as {
      read: Record<string, [string | null, string | null]>;
      all: Record<string, string>;
    };
    for (const [name, [ours, web]] of Object.entries(read)) expect(ours, name).toBe(web);
    expect(read['x-repeated']![0]).toBe('one, two');
    expect(read['Authorization']![0]).toBe('Bearer k');
    expect(all['x-repeated']).toBe('one, two');
    expect(answer).toMatch(/^x-request-id: mine-1\r$/im);
  });
});
