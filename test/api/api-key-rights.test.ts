import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { executeAdminCommand } from '../../src/app/admin-commands.js';
import { users } from '../../src/modules/workspaces/schema.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let ws: Awaited<ReturnType<TestApp['workspace']>>;

beforeAll(async () => {
  t = await createTestApp();
  ws = await t.workspace('Keys');
});
afterAll(() => t.close());

const password = 'a long enough password';

// A member with a role, signed in, and an API key they created themselves.
async function memberWithKey(role: string, keyRole = role) {
  const email = `${role}-${Math.random().toString(36).slice(2)}@keys.test`;
  const added = await t.as(ws.apiKey).post('/users', { email, name: `A ${role}`, role, password });
  expect(added.status, added.text).toBe(201);
  const login = await t.request('POST', '/auth/login', { body: { email, password } });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const key = await t.request('POST', '/api-keys', {
    cookie,
    body: { name: `${role}'s key`, role: keyRole },
  });
  expect(key.status, key.text).toBe(201);
  return { id: added.json.id as string, cookie, key: key.json.key as string, keyId: key.json.id as string };
}

describe("a key is capped by its creator's current rights", () => {
  it("a demoted admin's key acts as the new role and cannot promote its creator back", async () => {
    const admin = await memberWithKey('admin');
    expect((await t.as(admin.key).get('/api-keys')).status).toBe(200);
    expect((await t.as(ws.apiKey).patch(`/users/${admin.id}`, { role: 'agent' })).status).toBe(200);

    expect((await t.as(admin.key).get('/me')).json.workspace.role).toBe('agent');
    expect((await t.as(admin.key).get('/api-keys')).status).toBe(403);
    const promote = await t.as(admin.key).patch(`/users/${admin.id}`, { role: 'admin' });
    expect(promote.status).toBe(403);
    expect((await t.as(ws.apiKey).get(`/users`)).json.data.find((m: any) => m.id === admin.id).role).toBe(
      'agent',
    );
  });

  it("a removed member's keys are revoked and stop working at once", async () => {
    const admin = await memberWithKey('admin');
    expect((await t.as(ws.apiKey).delete(`/users/${admin.id}`)).status).toBe(204);
    expect((await t.as(admin.key).get('/me')).status).toBe(401);
    const created = await t.as(admin.key).post('/users', { email: 'x@keys.test', role: 'admin' });
    expect(created.status).toBe(401);
    const keys = await t.as(ws.apiKey).get('/api-keys');
    expect(keys.json.data.find((k: any) => k.id === admin.keyId).revokedAt).not.toBeNull();
  });

  it("a deleted person's keys go with them rather than becoming keys of the system", async () => {
    const admin = await memberWithKey('admin');
    await t.deps.db.delete(users).where(eq(users.id, admin.id));
    expect((await t.as(admin.key).get('/me')).status).toBe(401);
  });

  it("an admin's key cannot revoke an owner's key, but can revoke its own and a peer's", async () => {
    const admin = await memberWithKey('admin');
    const peer = await memberWithKey('admin', 'agent');
    const owners = await t.as(ws.apiKey).post('/api-keys', { name: 'owner agent-role key', role: 'agent' });
    const initial = (await t.as(ws.apiKey).get('/api-keys')).json.data.find(
      (k: any) => k.name === 'Initial key',
    );

    for (const id of [initial.id, owners.json.id]) {
      const res = await t.as(admin.key).delete(`/api-keys/${id}`);
      expect(res.status).toBe(403);
      expect(res.json.code).toBe('FORBIDDEN');
    }
    expect((await t.as(ws.apiKey).get('/me')).status).toBe(200);
    expect((await t.as(owners.json.key).get('/me')).status).toBe(200);

    expect((await t.as(admin.key).delete(`/api-keys/${peer.keyId}`)).status).toBe(200);
    expect((await t.as(admin.key).delete(`/api-keys/${admin.keyId}`)).status).toBe(200);
    expect((await t.as(admin.key).get('/me')).status).toBe(401);
  });

  it('a key made by the system answers to its own role: an admin revokes an admin one, not an owner one', async () => {
    const admin = await memberWithKey('admin');
    const make = (role: string) =>
      executeAdminCommand(t.deps, 'apikey.create', {
        workspace: ws.workspaceId,
        name: `system ${role}`,
        role,
      });
    const ownerKey = (await make('owner')) as { apiKeyId: string; apiKey: string };
    const adminKey = (await make('admin')) as { apiKeyId: string };
    expect((await t.as(ownerKey.apiKey).get('/me')).json.workspace.role).toBe('owner');
    expect((await t.as(admin.key).delete(`/api-keys/${ownerKey.apiKeyId}`)).status).toBe(403);
    expect((await t.as(admin.key).delete(`/api-keys/${adminKey.apiKeyId}`)).status).toBe(200);
  });
});
