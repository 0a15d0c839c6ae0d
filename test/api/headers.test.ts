import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let proxied: TestApp;
let ws: Awaited<ReturnType<TestApp['workspace']>>;

beforeAll(async () => {
  t = await createTestApp();
  proxied = await createTestApp({ env: { TRUST_PROXY: 'true' } });
  ws = await t.workspace('Headers');
});
afterAll(async () => {
  await t.close();
  await proxied.close();
});

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('security headers', () => {
  it('every answer carries a Content-Security-Policy, errors included', async () => {
    for (const res of [
      await t.request('GET', '/health'),
      await t.request('GET', '/customers'),
      await t.request('GET', '/no-such-route'),
      await t.as(ws.apiKey).get('/customers'),
    ]) {
      const csp = res.headers.get('content-security-policy');
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
    }
  });

  it("the API reference page's inline script and style are allowed by hash, and nothing else inline (the web app's files by 'self')", async () => {
    const res = await t.app.request('/api/v1/docs');
    const html = await res.text();
    const csp = res.headers.get('content-security-policy')!;
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src'))!;
    const styleSrc = csp.split('; ').find((d) => d.startsWith('style-src'))!;
    expect(scriptSrc).toBe(`script-src 'self' ${sha256(scripts[0]!)}`);
    for (const style of styles) expect(styleSrc).toContain(sha256(style));
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).not.toMatch(/\son\w+="/);

    const problems = await t.app.request('/docs/problems');
    const style = /<style>([\s\S]*?)<\/style>/.exec(await problems.text())![1]!;
    expect(problems.headers.get('content-security-policy')).toContain(sha256(style));
  });

  it('answers that show a secret are not stored by any cache', async () => {
    const key = await t.as(ws.apiKey).post('/api-keys', { name: 'shown once', role: 'agent' });
    expect(key.status).toBe(201);
    expect(key.headers.get('cache-control')).toBe('no-store');
    const login = await t.request('POST', '/auth/login', {
      body: { email: ws.email, password: ws.password },
    });
    expect(login.status).toBe(200);
    expect(login.headers.get('cache-control')).toBe('no-store');
  });

  it('the session cookie is Secure behind a TLS proxy only when TRUST_PROXY says to believe it', async () => {
    const login = (app: TestApp, owner: { email: string; password: string }) =>
      app.request('POST', '/auth/login', {
        body: { email: owner.email, password: owner.password },
        headers: { 'x-forwarded-proto': 'https' },
      });
    const untrusted = await login(t, ws);
    expect(untrusted.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
    const trusted = await login(proxied, await proxied.workspace('Proxied'));
    expect(trusted.status).toBe(200);
    expect(trusted.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });
});
