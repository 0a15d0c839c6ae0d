import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import type { AppEnv } from './app-env.js';
import { defaultHeaders, edgeHeaders } from './edge-headers.js';

const app = new Hono<AppEnv>();
app.onError((error, c) => c.json({ status: error instanceof AppError ? error.status : 500 }, 500));
app.use('*', edgeHeaders());
app.get('/plain', (c) => c.json({ requestId: c.get('requestId') }));
app.get('/own', (c) => c.body('x', 200, { 'Cross-Origin-Resource-Policy': 'cross-origin' }));
app.get('/fails', () => {
  throw new AppError('FORBIDDEN');
});

// A real Node server (headers set on the node response) and in-process requests (on the web answer).
let server: Server;
let base: string;
beforeAll(async () => {
  server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const ways = {
  'behind the Node server': (path: string, init?: RequestInit) => fetch(`${base}${path}`, init),
  'in-process': (path: string, init?: RequestInit) => app.request(path, init),
};

describe('edgeHeaders', () => {
  it("sets what Hono's secureHeaders() sets by default", async () => {
    const reference = new Hono();
    reference.use('*', secureHeaders());
    reference.get('/', (c) => c.body(''));
    const expected = [...(await reference.request('/')).headers].filter(([name]) => name !== 'content-type');
    const ours = defaultHeaders.filter(([name]) => name !== 'content-security-policy');
    expect(Object.fromEntries(ours)).toEqual(Object.fromEntries(expected));
  });

  for (const [way, send] of Object.entries(ways)) {
    it(`${way}: every answer, errors included, has the defaults and a request id; a route's own header stands`, async () => {
      for (const path of ['/plain', '/fails', '/own']) {
        const res = await send(path);
        const own = path === '/own';
        for (const [name, value] of defaultHeaders) {
          expect(res.headers.get(name), `${path} ${name}`).toBe(
            own && name === 'cross-origin-resource-policy' ? 'cross-origin' : value,
          );
        }
        expect(res.headers.get('x-request-id')).toMatch(/^[\w-]{36}$/);
      }
      const plain = await send('/plain');
      expect(await plain.json()).toEqual({ requestId: plain.headers.get('x-request-id') });
    });

    it(`${way}: keeps a caller's plain request id, and replaces one that is not`, async () => {
      const kept = await send('/plain', { headers: { 'x-request-id': 'trace-42=' } });
      expect(kept.headers.get('x-request-id')).toBe('trace-42=');
      const replaced = await send('/plain', { headers: { 'x-request-id': 'no spaces <allowed>' } });
      expect(replaced.headers.get('x-request-id')).not.toBe('no spaces <allowed>');
      expect(await replaced.json()).toEqual({ requestId: replaced.headers.get('x-request-id') });
    });
  }
});
