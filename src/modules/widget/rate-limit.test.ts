import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { rateLimits } from './rate-limit.js';

let t: TestApp;
let workspaceKey: string;

// Behind a proxy, so each test speaks from an address of its own.
beforeAll(async () => {
  t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
  const ws = await t.workspace();
  workspaceKey = (await t.as(ws.apiKey).get('/channels/widget')).json.workspaceKey;
}, 60_000);
afterAll(() => t.close());

const from = (address: string) => ({ 'x-forwarded-for': address });

async function session(address: string) {
  return t.request('POST', '/widget/sessions', { body: { workspaceKey }, headers: from(address) });
}

describe('widget rate limits', () => {
  it('refuse a visitor over its limit with 429 and Retry-After, while another visitor goes on', async () => {
    const token = (await session('198.51.100.1')).json.token;
    const other = (await session('198.51.100.1')).json.token;
    const list = (key: string) =>
      t.request('GET', '/widget/conversations', { key, headers: from('198.51.100.1') });
    for (let i = 0; i < rateLimits.visitor; i++) expect((await list(token)).status).toBe(200);
    const refused = await list(token);
    expect(refused.status).toBe(429);
    expect(refused.json.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await list(other)).status).toBe(200);
  }, 120_000);

  it('refuse an address asking for too many sessions, while another address goes on', async () => {
    for (let i = 0; i < rateLimits.sessionsPerAddress; i++) {
      expect((await session('203.0.113.9')).status).toBe(201);
    }
    const refused = await session('203.0.113.9');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeTruthy();
    expect((await session('203.0.113.10')).status).toBe(201);
  }, 120_000);
});
