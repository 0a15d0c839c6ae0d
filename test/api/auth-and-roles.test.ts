import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let ws: Awaited<ReturnType<TestApp['workspace']>>;

beforeAll(async () => {
  t = await createTestApp();
  ws = await t.workspace('Acme');
});
afterAll(() => t.close());

async function loginAs(email: string, password: string) {
  const res = await t.request('POST', '/auth/login', { body: { email, password } });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  return { res, cookie };
}

async function memberWithRole(role: string) {
  const email = `${role}-${Math.random().toString(36).slice(2)}@acme.test`;
  const added = await t
    .as(ws.apiKey)
    .post('/users', { email, name: `A ${role}`, role, password: 'a long enough password' });
  expect(added.status).toBe(201);
  const { cookie } = await loginAs(email, 'a long enough password');
  return { cookie: cookie!, id: added.json.id as string };
}

describe('login', () => {
  it('sets an httpOnly SameSite session cookie that authenticates, and logout ends it', async () => {
    const { res, cookie } = await loginAs(ws.email.toUpperCase(), ws.password);
    expect(res.status).toBe(200);
    expect(res.json.workspace).toMatchObject({ id: ws.workspaceId, role: 'owner' });
    const header = res.headers.get('set-cookie')!;
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);

    const me = await t.request('GET', '/me', { cookie });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ auth: 'session', user: { email: ws.email } });

    expect((await t.request('POST', '/auth/logout', { cookie })).status).toBe(204);
    expect((await t.request('GET', '/me', { cookie })).status).toBe(401);
  });

  it('refuses a wrong password and a forged cookie with a problem', async () => {
    const { res } = await loginAs(ws.email, 'wrong password!');
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ code: 'INVALID_CREDENTIALS', status: 401 });
    const forged = await t.request('GET', '/me', { cookie: 'earshot_session=ess_abc_def' });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('refuses requests without credentials and with revoked keys', async () => {
    expect((await t.request('GET', '/customers')).status).toBe(401);
    const created = await t.as(ws.apiKey).post('/api-keys', { name: 'temp', role: 'agent' });
    expect(created.status).toBe(201);
    expect(created.json.key).toMatch(/^esk_/);
    expect((await t.as(created.json.key).get('/me')).status).toBe(200);
    const listed = await t.as(ws.apiKey).get('/api-keys');
    expect(JSON.stringify(listed.json)).not.toContain(created.json.key);
    expect((await t.as(ws.apiKey).delete(`/api-keys/${created.json.id}`)).json.revokedAt).not.toBeNull();
    expect((await t.as(created.json.key).get('/me')).status).toBe(401);
  });
});

describe('roles', () => {
  it('an agent works conversations but cannot manage API keys or members', async () => {
    const agent = await memberWithRole('agent');
    expect((await t.request('GET', '/customers', { cookie: agent.cookie })).status).toBe(200);
    const keys = await t.request('POST', '/api-keys', { cookie: agent.cookie, body: { name: 'mine' } });
    expect(keys.status).toBe(403);
    expect(keys.json.code).toBe('FORBIDDEN');
    expect((await t.request('GET', '/api-keys', { cookie: agent.cookie })).status).toBe(403);
    expect(
      (
        await t.request('POST', '/users', {
          cookie: agent.cookie,
          body: { email: 'x@acme.test', role: 'agent' },
        })
      ).status,
    ).toBe(403);
  });

  it('an executive reads their workspace but not another, and cannot write', async () => {
    const exec = await memberWithRole('executive');
    const other = await t.workspace('Globex');
    const foreign = await t.as(other.apiKey).post('/customers', { name: 'Globex customer', identities: [] });
    const own = await t.as(ws.apiKey).post('/customers', { name: 'Acme customer', identities: [] });

    expect((await t.request('GET', `/customers/${own.json.id}`, { cookie: exec.cookie })).status).toBe(200);
    const denied = await t.request('GET', `/customers/${foreign.json.id}`, { cookie: exec.cookie });
    expect(denied.status).toBe(404);
    expect(denied.text).not.toContain('Globex customer');
    expect(
      (await t.request('POST', '/customers', { cookie: exec.cookie, body: { name: 'x', identities: [] } }))
        .status,
    ).toBe(403);
  });

  it('a change of role or a removal applies to the very next request', async () => {
    const admin = await memberWithRole('admin');
    expect((await t.request('GET', '/api-keys', { cookie: admin.cookie })).status).toBe(200);
    expect((await t.as(ws.apiKey).patch(`/users/${admin.id}`, { role: 'agent' })).status).toBe(200);
    expect((await t.request('GET', '/api-keys', { cookie: admin.cookie })).status).toBe(403);
    expect((await t.as(ws.apiKey).delete(`/users/${admin.id}`)).status).toBe(204);
    expect((await t.request('GET', '/me', { cookie: admin.cookie })).status).toBe(401);
  });

  it("a supervisor sets a member's capacity but not their role; an agent neither", async () => {
    const supervisor = await memberWithRole('supervisor');
    const agent = await memberWithRole('agent');
    const patch = (cookie: string, body: unknown) =>
      t.request('PATCH', `/users/${agent.id}`, { cookie, body });
    const capacity = await patch(supervisor.cookie, { capacity: { chat: 4 } });
    expect(capacity.status, capacity.text).toBe(200);
    expect(capacity.json.capacity).toMatchObject({ chat: 4 });
    const promote = await patch(supervisor.cookie, { role: 'admin', capacity: { chat: 9 } });
    expect(promote.status).toBe(403);
    const members = (await t.as(ws.apiKey).get('/users')).json.data as { id: string }[];
    expect(members.find((m) => m.id === agent.id)).toMatchObject({ role: 'agent', capacity: { chat: 4 } });
    expect((await patch(agent.cookie, { capacity: { chat: 20 } })).status).toBe(403);
  });

  it('an admin cannot hand out the owner role, and the last owner stays', async () => {
    const admin = await memberWithRole('admin');
    const res = await t.request('POST', '/users', {
      cookie: admin.cookie,
      body: { email: 'boss@acme.test', role: 'owner' },
    });
    expect(res.status).toBe(403);
    const me = await t.as(ws.apiKey).get('/me');
    expect(me.status).toBe(200);
    const demote = await t.as(ws.apiKey).patch(`/users/${ws.userId}`, { role: 'agent' });
    expect(demote.status).toBe(409);
    expect(demote.json.code).toBe('INVALID_STATE');
  });
});
