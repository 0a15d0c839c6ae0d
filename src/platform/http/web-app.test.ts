import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppEnv } from './app-env.js';
import { webAppFallback } from './web-app.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'earshot-web-'));
mkdirSync(path.join(root, 'assets'));
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
writeFileSync(path.join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
writeFileSync(path.join(os.tmpdir(), 'earshot-web-secret.txt'), 'secret');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function app(webRoot: string | undefined) {
  const hono = new Hono<AppEnv>();
  hono.get('/api/v1/health', (c) => c.json({ status: 'ok' }));
  hono.get('/attached', (c) => c.text('a route of its own'));
  const webApp = webAppFallback(webRoot);
  hono.notFound(async (c) => (await webApp(c)) ?? c.json({ code: 'ROUTE_NOT_FOUND' }, 404));
  return hono;
}

describe('the web app on the HTTP edge', () => {
  const served = app(root);

  it('serves index.html at / and for any screen path, asking browsers to check it again', async () => {
    for (const url of ['/', '/conversations/4f9c2a1e-0000-4000-8000-000000000000', '/sign-in']) {
      const res = await served.request(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<title>app</title>');
    }
  });

  it('serves hashed assets to be kept for good', async () => {
    const res = await served.request('/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(await res.text()).toBe('console.log(1)');
    expect((await served.request('/assets/index-removed.js')).status).toBe(404);
  });

  it('leaves every route to itself, and answers only GET', async () => {
    expect(await (await served.request('/attached')).text()).toBe('a route of its own');
    expect((await served.request('/', { method: 'POST' })).status).toBe(404);
    const head = await served.request('/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('never answers an /api path, so an unknown one stays a 404 problem', async () => {
    expect((await served.request('/api/v1/health')).status).toBe(200);
    const res = await served.request('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 'ROUTE_NOT_FOUND' });
  });

  it('never reads outside its folder', async () => {
    for (const url of [
      '/../earshot-web-secret.txt',
      '/%2e%2e/earshot-web-secret.txt',
      '/assets/%2e%2e%2f..%2fearshot-web-secret.txt',
    ]) {
      const res = await served.request(url);
      expect(await res.text(), url).not.toContain('secret');
    }
  });

  it('without a build, / sends people to the API reference', async () => {
    const bare = app(path.join(root, 'missing'));
    const res = await bare.request('/');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/api/v1/docs');
    expect((await bare.request('/elsewhere')).status).toBe(404);
  });
});
