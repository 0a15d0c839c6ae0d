import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { PerMethodRouter } from './per-method-router.js';

// Routes as Hono composes them: middleware for every method, a fixed segment beside a parameter
// (beyond RegExpRouter) under GET, and parameters under POST.
function buildApp(router: PerMethodRouter<any>) {
  const app = new Hono({ router });
  app.use('*', async (c, next) => {
    await next();
    c.header('x-seen', 'yes');
  });
  app.get('/promises/lookup', (c) => c.text('lookup'));
  app.get('/promises/:id', (c) => c.text(`promise ${c.req.param('id')}`));
  app.get('/promises/:id/attempts', (c) => c.text(`attempts ${c.req.param('id')}`));
  app.post('/conversations/:id/messages', (c) => c.text(`message to ${c.req.param('id')}`));
  app.all('/anything', (c) => c.text(`any ${c.req.method}`));
  return app;
}

const call = async (app: Hono, method: string, path: string) => {
  const res = await app.request(path, { method });
  return { status: res.status, text: await res.text(), seen: res.headers.get('x-seen') };
};

describe('PerMethodRouter', () => {
  it('matches each method as Hono would, middleware first', async () => {
    const app = buildApp(new PerMethodRouter());
    expect(await call(app, 'GET', '/promises/lookup')).toEqual({ status: 200, text: 'lookup', seen: 'yes' });
    expect(await call(app, 'GET', '/promises/p1')).toEqual({ status: 200, text: 'promise p1', seen: 'yes' });
    expect((await call(app, 'GET', '/promises/p1/attempts')).text).toBe('attempts p1');
    expect((await call(app, 'POST', '/conversations/c9/messages')).text).toBe('message to c9');
    expect((await call(app, 'DELETE', '/anything')).text).toBe('any DELETE');
    expect((await call(app, 'POST', '/anything')).text).toBe('any POST');
    // A method no route names still runs the middleware, then finds nothing.
    expect(await call(app, 'PATCH', '/promises/p1')).toEqual({
      status: 404,
      text: '404 Not Found',
      seen: 'yes',
    });
    expect((await call(app, 'POST', '/promises/lookup')).status).toBe(404);
  });

  it('lets a method whose paths RegExpRouter holds use it, though another method falls back', async () => {
    const router = new PerMethodRouter<any>();
    const app = buildApp(router);
    await call(app, 'POST', '/conversations/c1/messages');
    await call(app, 'GET', '/promises/lookup');
    expect(router.activeRouterNames()).toEqual({
      GET: 'SmartRouter + TrieRouter',
      POST: 'SmartRouter + RegExpRouter',
    });
  });

  it('refuses a route added once it has matched', async () => {
    const router = new PerMethodRouter<any>();
    await call(buildApp(router), 'GET', '/promises/lookup');
    expect(() => router.add('GET', '/late', () => undefined)).toThrow();
  });
});
