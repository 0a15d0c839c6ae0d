import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeAdminCommand } from '../../src/app/admin-commands.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// PGlite has one connection, so requests there never overlap; the race needs PostgreSQL.
describe.runIf(process.env.DATABASE_URL)('the last owner, on PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('two owners demoting each other at once never leave the workspace without an owner', async () => {
    const ws = await t.workspace('Two owners');
    const { apiKey: system } = (await executeAdminCommand(t.deps, 'apikey.create', {
      workspace: ws.workspaceId,
      name: 'operator',
      role: 'owner',
    })) as { apiKey: string };
    const password = 'a long enough password';
    const second = await t
      .as(system)
      .post('/users', { email: 'second-owner@owners.test', role: 'owner', password });
    expect(second.status, second.text).toBe(201);
    const cookieOf = async (email: string, pass: string) =>
      (await t.request('POST', '/auth/login', { body: { email, password: pass } })).headers
        .get('set-cookie')!
        .split(';')[0]!;
    const owners = [
      { id: ws.userId, cookie: await cookieOf(ws.email, ws.password) },
      { id: second.json.id as string, cookie: await cookieOf('second-owner@owners.test', password) },
    ];

    for (let round = 0; round < 10; round++) {
      for (const o of owners)
        expect((await t.as(system).patch(`/users/${o.id}`, { role: 'owner' })).status).toBe(200);
      const [a, b] = await Promise.all([
        t.request('PATCH', `/users/${owners[1]!.id}`, { cookie: owners[0]!.cookie, body: { role: 'admin' } }),
        t.request('PATCH', `/users/${owners[0]!.id}`, { cookie: owners[1]!.cookie, body: { role: 'admin' } }),
      ]);
      const members = (await t.as(system).get('/users')).json.data as { role: string }[];
      expect(members.filter((m) => m.role === 'owner')).toHaveLength(1);
      // The loser either waited on the lock (409: the last owner stays) or was already demoted (403).
      expect([a.status, b.status].filter((s) => s === 200)).toHaveLength(1);
      expect([a.status, b.status].every((s) => [200, 403, 409].includes(s))).toBe(true);
    }
  }, 60_000);
});
