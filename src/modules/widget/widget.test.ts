import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
let admin: ReturnType<TestApp['as']>;
let ws: Awaited<ReturnType<TestApp['workspace']>>;
let key: string;
let secret: string;

const sign = (s: string, id: string) => createHmac('sha256', s).update(id).digest('hex');
const visitor = (token: string) => ({
  get: (path: string) => t.request('GET', path, { key: token }),
  post: (path: string, body?: unknown) => t.request('POST', path, { key: token, body: body ?? {} }),
});
async function session(body: Record<string, unknown>) {
  return t.request('POST', '/widget/sessions', { body: { workspaceKey: key, ...body } });
}

beforeAll(async () => {
  t = await createTestApp();
  ws = await t.workspace('Widget');
  admin = t.as(ws.apiKey);
  const widget = await admin.get('/channels/widget');
  expect(widget.status).toBe(200);
  key = widget.json.workspaceKey;
  secret = widget.json.signingSecret;
}, 60_000);
afterAll(() => t.close());

describe('widget smoke', () => {
  it('an anonymous visitor starts a chat, sends, reads', async () => {
    const s = await session({});
    expect(s.status, s.text).toBe(201);
    const v = visitor(s.json.token);
    const started = await v.post('/widget/conversations', { text: 'hello', clientId: 'c1' });
    expect(started.status, started.text).toBe(201);
    const id = started.json.id;
    const again = await v.post('/widget/conversations', { text: 'hello', clientId: 'c1' });
    expect(again.status, again.text).toBe(200);
    expect(again.json.id).toBe(id);
    const m = await v.post(`/widget/conversations/${id}/messages`, { text: 'more', clientId: 'c2' });
    expect(m.status, m.text).toBe(201);
    expect(m.json.seq).toBe(2);
    const list = await v.get(`/widget/conversations/${id}/messages?after=1`);
    expect(list.status, list.text).toBe(200);
    expect(list.json.items.map((i: { text: string }) => i.text)).toEqual(['more']);
    const conf = await t.request('GET', `/widget/config?workspaceKey=${key}`);
    expect(conf.status, conf.text).toBe(200);
    const signed = await session({ customerId: 'u-1', signature: sign(secret, 'u-1') });
    expect(signed.status, signed.text).toBe(201);
    expect(signed.json.verified).toBe(true);
  });
});
