import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { readBodyWithin } from './read-body.js';

// A real Node server, so the body is read from the socket's stream as in production.
const app = new Hono();
app.onError((error, c) => c.json({ status: error instanceof AppError ? error.status : 500 }, 200));
app.use('*', readBodyWithin(64));
app.post('/json', async (c) => c.json({ got: await c.req.json() }));
app.post('/bytes', async (c) => c.json({ got: [...new Uint8Array(await c.req.arrayBuffer())] }));

let server: Server;
let port: number;
beforeAll(async () => {
  server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// Sends the chunks one by one; without a content-length they travel chunked.
function post(path: string, chunks: (string | Uint8Array)[], headers: Record<string, string>) {
  return new Promise<unknown>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d));
      res.on('end', () => resolve(JSON.parse(text)));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('readBodyWithin', () => {
  it('reads a JSON body for the route', async () => {
    const body = JSON.stringify({ text: 'héllo' });
    expect(
      await post('/json', [body], {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
      }),
    ).toEqual({ got: { text: 'héllo' } });
  });

  it('hands bytes over exactly, whatever the chunks', async () => {
    const got = await post('/bytes', [new Uint8Array([0, 255, 10]), new Uint8Array([13, 0])], {
      'content-type': 'application/octet-stream',
    });
    expect(got).toEqual({ got: [0, 255, 10, 13, 0] });
  });

  it('refuses a declared length over the limit', async () => {
    const body = 'x'.repeat(65);
    expect(await post('/bytes', [body], { 'content-length': '65' })).toEqual({ status: 413 });
  });

  it('refuses a chunked body once it grows past the limit', async () => {
    expect(
      await post('/json', ['{"a":"', 'x'.repeat(40), 'y'.repeat(40), '"}'], {
        'content-type': 'application/json',
      }),
    ).toEqual({ status: 413 });
  });

  it('refuses an over-long body of an in-process request', async () => {
    const res = await app.request('/json', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ a: 'x'.repeat(100) }),
    });
    expect(await res.json()).toEqual({ status: 413 });
  });
});
