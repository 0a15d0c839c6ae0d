import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => t?.close(), 60_000);

async function signIn(email: string, password: string) {
  const login = await t.request('POST', '/auth/login', { body: { email, password } });
  expect(login.status, login.text).toBe(200);
  return login.headers.get('set-cookie')!.split(';')[0]!;
}

describe('switching workspaces', () => {
  it("lists a person's workspaces and moves one session to another, where they act with that role", async () => {
    const acme = await t.workspace('Acme Switch');
    const globex = await t.workspace('Globex Switch');
    const elsewhere = await t.workspace('Initech Switch');
    const added = await t.as(globex.apiKey).post('/users', { email: acme.email, role: 'agent' });
    expect(added.status, added.text).toBe(201);
    const cookie = await signIn(acme.email, acme.password);
    const other = await signIn(acme.email, acme.password);

    const listed = await t.request('GET', '/me/workspaces', { cookie });
    expect(listed.status, listed.text).toBe(200);
    expect(listed.json.data).toEqual([
      { id: acme.workspaceId, name: 'Acme Switch', role: 'owner', current: true },
      { id: globex.workspaceId, name: 'Globex Switch', role: 'agent', current: false },
    ]);

    const switched = await t.request('POST', '/me/workspace', {
      cookie,
      body: { workspaceId: globex.workspaceId },
    });
    expect(switched.status, switched.text).toBe(200);
    expect(switched.json.workspace).toEqual({ id: globex.workspaceId, name: 'Globex Switch', role: 'agent' });
    const me = await t.request('GET', '/me', { cookie });
    expect(me.json.workspace).toMatchObject({ id: globex.workspaceId, role: 'agent' });
    // As an agent there, the owner's rights in Acme do not follow.
    expect((await t.request('GET', '/api-keys', { cookie })).status).toBe(403);
    // The person's other session stays where it was.
    expect((await t.request('GET', '/me', { cookie: other })).json.workspace.id).toBe(acme.workspaceId);

    // A workspace they are not a member of is refused, and the session stays put.
    const refused = await t.request('POST', '/me/workspace', {
      cookie,
      body: { workspaceId: elsewhere.workspaceId },
    });
    expect(refused.status, refused.text).toBe(404);
    expect((await t.request('GET', '/me', { cookie })).json.workspace.id).toBe(globex.workspaceId);
    const bad = await t.request('POST', '/me/workspace', { cookie, body: { workspaceId: 'nope' } });
    expect(bad.status).toBe(400);
    expect(bad.json.invalid_params.map((p: { name: string }) => p.name)).toEqual(['workspaceId']);
  });

  it('has nothing to switch for an API key, which belongs to one workspace', async () => {
    const acme = await t.workspace('Key Switch');
    const api = t.as(acme.apiKey);
    expect((await api.get('/me/workspaces')).status).toBe(403);
    expect((await api.post('/me/workspace', { workspaceId: acme.workspaceId })).status).toBe(403);
    expect((await t.request('GET', '/me/workspaces')).status).toBe(401);
  });
});
