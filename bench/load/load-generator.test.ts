import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoad } from './load-generator.js';
import type { LoadOptions } from './load-options.js';
import { httpServerOnLoopback, type Loopback } from './loopback-servers.js';

// The whole generator, in its own process as the bench runs it, against a node:http server.

const bodies = new Map<string, string[]>();
let server: Loopback;
beforeAll(async () => {
  server = await httpServerOnLoopback((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (piece: string) => (body += piece));
    req.on('end', () => {
      const seen = bodies.get(req.url!) ?? [];
      bodies.set(req.url!, [...seen.slice(-2), body]);
      if (req.url === '/refuse') {
        res.writeHead(503, { 'content-type': 'text/plain' });
        res.end(`busy: ${'z'.repeat(400)}`);
      } else {
        res.writeHead(201, { 'content-type': 'application/json', 'content-length': 2 });
        res.end('{}');
      }
    });
  });
});
afterAll(() => server.close());

const options = (o: Partial<LoadOptions>): LoadOptions => ({
  host: '127.0.0.1',
  port: server.port,
  method: 'POST',
  paths: ['/a', '/b'],
  headers: { 'content-type': 'application/json' },
  body: '{"n":{n}}',
  connections: 2,
  warmupMs: 100,
  durationMs: 400,
  maxRequests: 1_000_000,
  expectStatus: 201,
  ...o,
});

describe('runLoad', () => {
  it('measures a window after the warm-up, one keep-alive connection a client', async () => {
    const before = server.connections();
    const r = await runLoad(options({}));
    expect(r.errors).toBe(0);
    // Few requests on a loaded machine, but the window is the one asked for.
    expect(r.requests).toBeGreaterThan(0);
    expect(r.answered).toBeGreaterThanOrEqual(r.requests);
    expect(r.elapsedMs).toBeCloseTo(400, 6);
    expect(r.p50Ms).toBeGreaterThan(0);
    expect(r.p99Ms).toBeGreaterThanOrEqual(r.p50Ms);
    expect(r.maxMs).toBeGreaterThanOrEqual(r.p99Ms);
    expect(r.cpuMs).toBeGreaterThan(0);
    expect(server.connections() - before).toBe(2);
    // Each client numbers its own bodies.
    const last = bodies.get('/a')!.map((b) => JSON.parse(b).n as number);
    expect(last[1]).toBe(last[0]! + 1);
  });

  it('stops at the request cap', async () => {
    const r = await runLoad(options({ warmupMs: 0, durationMs: 60_000, maxRequests: 50 }));
    expect(r.requests).toBe(50);
    expect(r.elapsedMs).toBeLessThan(30_000);
  });

  it('counts a wrong status as an error and keeps the start of its body', async () => {
    const sample = `busy: ${'z'.repeat(294)}`;
    const warm = await runLoad(options({ paths: ['/a', '/refuse'] }));
    expect(warm.errors).toBeGreaterThan(5);
    expect(warm.errorSamples).toEqual(Array(5).fill(`503 (warm-up) ${sample}`));
    const cold = await runLoad(options({ paths: ['/a', '/refuse'], warmupMs: 0 }));
    expect(cold.errorSamples).toEqual(Array(5).fill(`503 ${sample}`));
    expect(cold.requests).toBeGreaterThan(0);
  });
});
