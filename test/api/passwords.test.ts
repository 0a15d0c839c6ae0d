import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeAdminCommand } from '../../src/app/admin-commands.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let ws: Awaited<ReturnType<TestApp['workspace']>>;

beforeAll(async () => {
  t = await createTestApp();
  ws = await t.workspace('Passwords');
});
afterAll(() => t.close());

const login = async (email: string, password: string) => {
  const res = await t.request('POST', '/auth/login', { body: { email, password } });
  return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '' };
};

describe('the password rule wherever a password is set', () => {
  it('refuses the email, a repeated character and a common password when adding a member', async () => {
    for (const password of ['ann.lee@pw.test', 'ann.lee2024!', 'zzzzzzzzzzzz', 'Password123!']) {
      const res = await t.as(ws.apiKey).post('/users', { email: 'ann.lee@pw.test', role: 'agent', password });
      expect(res.status, password).toBe(400);
      expect(res.json.invalid_params.map((p: { name: string }) => p.name)).toContain('password');
    }
    const ok = await t
      .as(ws.apiKey)
      .post('/users', { email: 'ann.lee@pw.test', role: 'agent', password: 'tulip-anvil-42-orbit' });
    expect(ok.status, ok.text).toBe(201);
  });

  it('refuses them in the admin commands too', async () => {
    await expect(
      executeAdminCommand(t.deps, 'init', {
        workspace: 'X',
        admin: 'boss@pw.test',
        password: 'boss@pw.test',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      executeAdminCommand(t.deps, 'user.add', {
        workspace: ws.workspaceId,
        email: 'bob@pw.test',
        role: 'agent',
        password: 'qwertyuiop1',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('POST /me/password', () => {
  it('changes the password with the current one, keeps this session and ends the others', async () => {
    const email = 'carol@pw.test';
    const old = 'first-tulip-anvil';
    expect((await t.as(ws.apiKey).post('/users', { email, role: 'agent', password: old })).status).toBe(201);
    const here = await login(email, old);
    const elsewhere = await login(email, old);

    const wrong = await t.request('POST', '/me/password', {
      cookie: here.cookie,
      body: { currentPassword: 'not it at all', newPassword: 'second-tulip-anvil' },
    });
    expect(wrong.status).toBe(403);
    expect(wrong.json.code).toBe('CURRENT_PASSWORD_WRONG');
    const weak = await t.request('POST', '/me/password', {
      cookie: here.cookie,
      body: { currentPassword: old, newPassword: 'carol2024!!!' },
    });
    expect(weak.status).toBe(400);

    const changed = await t.request('POST', '/me/password', {
      cookie: here.cookie,
      body: { currentPassword: old, newPassword: 'second-tulip-anvil' },
    });
    expect(changed.status, changed.text).toBe(204);
    expect((await t.request('GET', '/me', { cookie: here.cookie })).status).toBe(200);
    expect((await t.request('GET', '/me', { cookie: elsewhere.cookie })).status).toBe(401);
    expect((await login(email, old)).status).toBe(401);
    expect((await login(email, 'second-tulip-anvil')).status).toBe(200);
  });

  it('refuses a key that belongs to no person', async () => {
    const { apiKey } = (await executeAdminCommand(t.deps, 'apikey.create', {
      workspace: ws.workspaceId,
      name: 'system',
    })) as { apiKey: string };
    const res = await t
      .as(apiKey)
      .post('/me/password', { currentPassword: 'x', newPassword: 'tulip-anvil-42-orbit' });
    expect(res.status).toBe(403);
  });
});
