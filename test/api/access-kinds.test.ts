import { createHmac } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateStaff } from '../../src/modules/identity/index.js';
import { signLink } from '../../src/platform/access/signed-link.js';
import { issueVisitorToken } from '../../src/platform/access/visitor-token.js';
import { createRouter } from '../../src/platform/http/app-env.js';
import { createHttpApp } from '../../src/platform/http/create-http-app.js';
import {
  defineRoute,
  publicAccess,
  signedLink,
  staff,
  visitor,
  webhook,
} from '../../src/platform/http/define-route.js';
import { hmacSignedWebhook } from '../../src/platform/http/webhook-verifiers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let key: string;
let workspaceId: string;
let probe: ReturnType<typeof createHttpApp>;
const hookSecret = 'whsec_' + 'k'.repeat(32);
const ok = {
  200: { description: 'ok', content: { 'application/json': { schema: z.object({}).passthrough() } } },
};

// One route of each access kind, mounted on the same HTTP edge the application uses.
function probeRouter() {
  const r = createRouter();
  const get = (path: string, operationId: string) => ({
    method: 'get' as const,
    path,
    operationId,
    summary: operationId,
    responses: ok,
  });
  r.openapi(defineRoute(staff('customers:read'), get('/probe/staff', 'staffProbe')), (c) =>
    c.json({ workspaceId: c.var.scope.workspaceId }, 200),
  );
  r.openapi(defineRoute(visitor, get('/probe/visitor', 'visitorProbe')), (c) => c.json(c.var.visitor, 200));
  r.openapi(defineRoute(signedLink, get('/probe/link', 'linkProbe')), (c) =>
    c.json({ ...c.var.link, expiresAt: c.var.link.expiresAt.toISOString() }, 200),
  );
  r.openapi(defineRoute(publicAccess, get('/probe/public', 'publicProbe')), (c) => c.json({}, 200));
  r.openapi(
    defineRoute(webhook(hmacSignedWebhook({ header: 'x-signature', secretFor: () => hookSecret })), {
      method: 'post',
      path: '/probe/hook',
      operationId: 'hookProbe',
      summary: 'hookProbe',
      request: { body: { required: true, content: { 'message/rfc822': { schema: z.string() } } } },
      responses: ok,
    }),
    async (c) => c.json({ bytes: (await c.req.text()).length }, 200),
  );
  return r;
}

beforeAll(async () => {
  t = await createTestApp();
  const ws = await t.workspace('Access kinds');
  key = ws.apiKey;
  workspaceId = ws.workspaceId;
  probe = createHttpApp(t.deps, { routers: [probeRouter()], staff: authenticateStaff(t.deps) });
});
afterAll(() => t.close());

const secret = () => t.deps.config.sessionSecret;
const visitorToken = () => issueVisitorToken(secret(), { workspaceId, customerId: crypto.randomUUID() });

describe('staff routes', () => {
  it('refuse a visitor token on every staff route of the API document', async () => {
    const doc = (await t.request('GET', '/openapi.json')).json;
    const token = visitorToken();
    const staffRoutes = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(
      ([path, ops]) =>
        Object.entries(ops)
          .filter(([, op]) => JSON.stringify(op.security ?? []).includes('bearer'))
          .map(([method]) => ({
            method: method.toUpperCase(),
            path: path.replace('{id}', crypto.randomUUID()),
          })),
    );
    expect(staffRoutes.length).toBeGreaterThan(30);
    for (const route of staffRoutes) {
      const res = await t.request(route.method, route.path, {
        headers: { authorization: `Bearer ${token}` },
        ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: {} }),
      });
      expect(res.status, `${route.method} ${route.path}`).toBe(401);
    }
  });

  it('accept an API key with the permission', async () => {
    const res = await probe.request('/api/v1/probe/staff', { headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ workspaceId });
  });
});

describe('visitor routes', () => {
  it('accept a visitor token and know its workspace and customer', async () => {
    const customerId = crypto.randomUUID();
    const token = issueVisitorToken(secret(), { workspaceId, customerId });
    const res = await probe.request('/api/v1/probe/visitor', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ workspaceId, customerId });
  });

  it('refuse staff credentials, a forged token and an expired one', async () => {
    const forged = visitorToken().slice(0, -2) + 'xx';
    const expired = issueVisitorToken(secret(), { workspaceId, customerId: crypto.randomUUID() }, -1);
    const foreign = issueVisitorToken('y'.repeat(40), { workspaceId, customerId: crypto.randomUUID() });
    for (const token of [key, forged, expired, foreign]) {
      const res = await probe.request('/api/v1/probe/visitor', {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(401);
    }
  });
});

describe('webhook routes', () => {
  const mime = 'From: a@example.com\r\nSubject: hi\r\n\r\nhello';
  const sign = (body: string, s = hookSecret) => createHmac('sha256', s).update(body).digest('hex');
  const post = (body: string, headers: Record<string, string>) =>
    probe.request('/api/v1/probe/hook', { method: 'POST', body, headers });

  it('accept the declared body type with a good signature', async () => {
    const res = await post(mime, { 'content-type': 'message/rfc822', 'x-signature': `sha256=${sign(mime)}` });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ bytes: mime.length });
  });

  it('refuse a bad or missing signature', async () => {
    for (const signature of [sign(mime, 'other-secret'), sign(mime + ' '), undefined]) {
      const res = await post(mime, {
        'content-type': 'message/rfc822',
        ...(signature ? { 'x-signature': signature } : {}),
      });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { code: string }).code).toBe('SIGNATURE_INVALID');
    }
  });

  it('refuse a body type the route does not declare', async () => {
    const body = JSON.stringify({ text: mime });
    const res = await post(body, { 'content-type': 'application/json', 'x-signature': sign(body) });
    expect(res.status).toBe(415);
  });
});

describe('signed links', () => {
  const path = '/api/v1/probe/link';
  const link = (expiresAt: Date, forPath = path) =>
    signLink(secret(), forPath, { workspaceId, subjectId: 'quote-1', expiresAt });

  it('open with their token until they expire', async () => {
    const expiresAt = new Date(Date.now() + 60_000);
    const res = await probe.request(link(expiresAt));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ workspaceId, subjectId: 'quote-1' });
  });

  it('answer 410 once expired, 401 when tampered with or made for another path', async () => {
    const expired = await probe.request(link(new Date(Date.now() - 1_000)));
    expect(expired.status).toBe(410);
    expect(((await expired.json()) as { code: string }).code).toBe('LINK_EXPIRED');
    const good = link(new Date(Date.now() + 60_000));
    expect((await probe.request(good.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A')))).status).toBe(401);
    const other = link(new Date(Date.now() + 60_000), '/api/v1/probe/other');
    expect((await probe.request(other.replace('/probe/other', '/probe/link'))).status).toBe(401);
    expect((await probe.request(path)).status).toBe(401);
  });
});

describe('public routes and body types', () => {
  it('a public route needs no credentials', async () => {
    expect((await probe.request('/api/v1/probe/public')).status).toBe(200);
  });

  it('a JSON route refuses another content type with 415', async () => {
    const res = await t.request('POST', '/customers', {
      key,
      raw: 'name=Ann',
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(415);
    expect(res.json.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
