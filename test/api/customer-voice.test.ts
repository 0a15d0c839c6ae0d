import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let ws: Awaited<ReturnType<TestApp['workspace']>>;
let conversationId: string;

const impersonate = ['conversations:impersonate-customer'];

beforeAll(async () => {
  t = await createTestApp();
  ws = await t.workspace('Voices');
  const customer = await t.as(ws.apiKey).post('/customers', { name: 'Cora', identities: [] });
  const conv = await t.as(ws.apiKey).post('/conversations', {
    customerId: customer.json.id,
    channel: 'chat',
    message: { text: 'My order never arrived.' },
  });
  expect(conv.status, conv.text).toBe(201);
  conversationId = conv.json.id;
});
afterAll(() => t.close());

async function agentSession() {
  const email = `agent-${Math.random().toString(36).slice(2)}@voices.test`;
  await t.as(ws.apiKey).post('/users', { email, role: 'agent', password: 'a long enough password' });
  const login = await t.request('POST', '/auth/login', {
    body: { email, password: 'a long enough password' },
  });
  return login.headers.get('set-cookie')!.split(';')[0]!;
}

describe('only an integration speaks for the customer', () => {
  it("an agent cannot post the customer's side, in a reply or a new conversation", async () => {
    const cookie = await agentSession();
    const post = (body: unknown) =>
      t.request('POST', `/conversations/${conversationId}/messages`, { cookie, body });
    const asCustomer = await post({ role: 'customer', text: 'Thanks, you were great!' });
    expect(asCustomer.status).toBe(403);
    expect(asCustomer.json.code).toBe('FORBIDDEN');
    expect((await post({ role: 'agent', text: 'Let me check.' })).status).toBe(201);

    const customer = await t.as(ws.apiKey).post('/customers', { name: 'Dov', identities: [] });
    const created = await t.request('POST', '/conversations', {
      cookie,
      body: { customerId: customer.json.id, channel: 'phone', message: { text: 'Called about a refund' } },
    });
    expect(created.status).toBe(403);
    const asAgent = await t.request('POST', '/conversations', {
      cookie,
      body: {
        customerId: customer.json.id,
        channel: 'phone',
        message: { text: 'Calling back', role: 'agent' },
      },
    });
    expect(asAgent.status).toBe(201);
  });

  it("an owner's ordinary key cannot either; a key an owner created with the permission can", async () => {
    const plain = await t.as(ws.apiKey).post('/api-keys', { name: 'plain', role: 'owner' });
    const denied = await t.as(plain.json.key).post(`/conversations/${conversationId}/messages`, {
      role: 'customer',
      text: 'Hello?',
    });
    expect(denied.status).toBe(403);
    const channel = await t.as(ws.apiKey).post('/api-keys', {
      name: 'Mail channel',
      role: 'agent',
      permissions: impersonate,
    });
    expect(channel.status, channel.text).toBe(201);
    expect(channel.json.permissions).toEqual(impersonate);
    const said = await t.as(channel.json.key).post(`/conversations/${conversationId}/messages`, {
      role: 'customer',
      text: 'Any news on my order?',
    });
    expect(said.status, said.text).toBe(201);
  });

  it('only an owner hands the permission out, and it lapses when the owner is demoted', async () => {
    const email = `second-owner-${Date.now()}@voices.test`;
    const password = 'a long enough password';
    const added = await t.as(ws.apiKey).post('/users', { email, role: 'owner', password });
    const cookie = (await t.request('POST', '/auth/login', { body: { email, password } })).headers
      .get('set-cookie')!
      .split(';')[0]!;
    const key = await t.request('POST', '/api-keys', {
      cookie,
      body: { name: 'integration', role: 'agent', permissions: impersonate },
    });
    expect(key.status).toBe(201);
    expect((await t.as(ws.apiKey).patch(`/users/${added.json.id}`, { role: 'admin' })).status).toBe(200);

    const lapsed = await t.as(key.json.key).post(`/conversations/${conversationId}/messages`, {
      role: 'customer',
      text: 'Still waiting.',
    });
    expect(lapsed.status).toBe(403);
    const byAdmin = await t.request('POST', '/api-keys', {
      cookie,
      body: { name: 'another', role: 'agent', permissions: impersonate },
    });
    expect(byAdmin.status).toBe(403);
    const unknown = await t.as(ws.apiKey).post('/api-keys', { name: 'x', permissions: ['members:manage'] });
    expect(unknown.status).toBe(400);
  });
});
