import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { inWorkspace } from '../../src/platform/tenancy/scope.js';
import { customers } from '../../src/modules/customers/schema.js';

let t: TestApp;
let mine: ReturnType<TestApp['as']>;
const foreign = {} as Record<'customer' | 'conversation' | 'team' | 'key' | 'user', string>;

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.workspace('Mine');
  const b = await t.workspace('Theirs');
  mine = t.as(a.apiKey);
  const theirs = t.as(b.apiKey);
  const customer = await theirs.post('/customers', {
    name: 'Secret Sam',
    identities: [{ type: 'email', value: 'sam@theirs.test' }],
  });
  const conv = await theirs.post('/conversations', {
    customerId: customer.json.id,
    channel: 'email',
    message: { text: 'private' },
  });
  const team = await theirs.post('/teams', { name: 'Their team' });
  const key = await theirs.post('/api-keys', { name: 'theirs' });
  Object.assign(foreign, {
    customer: customer.json.id,
    conversation: conv.json.id,
    team: team.json.id,
    key: key.json.id,
    user: b.userId,
  });
});
afterAll(() => t.close());

describe('tenancy', () => {
  it("answers 404 for every route given another workspace's id, and never its data", async () => {
    const c = foreign.conversation;
    const attempts = [
      mine.get(`/customers/${foreign.customer}`),
      mine.patch(`/customers/${foreign.customer}`, { name: 'hijack' }),
      mine.post(`/customers/${foreign.customer}/merge`, { sourceId: randomUUID() }),
      mine.get(`/conversations/${c}`),
      mine.post(`/conversations/${c}/messages`, { role: 'agent', text: 'hello' }),
      mine.post(`/conversations/${c}/assign`, { userId: null }),
      mine.post(`/conversations/${c}/transfer`, { userId: foreign.user, note: 'x' }),
      mine.post(`/conversations/${c}/status`, { status: 'closed' }),
      mine.post(`/conversations/${c}/verify`, { method: 'otp' }),
      mine.get(`/teams/${foreign.team}`),
      mine.post(`/teams/${foreign.team}/members`, { userId: foreign.user }),
      mine.delete(`/api-keys/${foreign.key}`),
      mine.patch(`/users/${foreign.user}`, { role: 'agent' }),
      mine.delete(`/users/${foreign.user}`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status, res.text).toBe(404);
      expect(res.text).not.toContain('Secret Sam');
      expect(res.text).not.toContain('private');
    }
  });

  it('does not let a foreign id in a body reach another workspace', async () => {
    const res = await mine.post('/conversations', {
      customerId: foreign.customer,
      channel: 'chat',
      message: { text: 'hi' },
    });
    expect(res.status).toBe(404);
    expect(res.json.invalid_params[0].name).toBe('customerId');
    const own = await mine.post('/customers', { name: 'Mine' });
    const merge = await mine.post(`/customers/${own.json.id}/merge`, { sourceId: foreign.customer });
    expect(merge.status).toBe(404);
  });

  it('leaves identities and search to their own workspace', async () => {
    const found = await mine.get('/customers?identity=sam@theirs.test');
    expect(found.json.data).toEqual([]);
    // The same identity may exist once in each workspace.
    const dup = await mine.post('/customers', {
      name: 'Another Sam',
      identities: [{ type: 'email', value: 'SAM@theirs.test' }],
    });
    expect(dup.status).toBe(201);
  });

  it('is enforced by the database even when a query forgets the workspace filter', async () => {
    const a = await t.workspace('Isolated');
    const rows = await inWorkspace(
      t.deps,
      { workspaceId: a.workspaceId, actor: { type: 'system', role: 'owner', userId: null } },
      (ctx) => ctx.tx.select({ n: sql<number>`count(*)::int` }).from(customers),
    );
    expect(rows[0]!.n).toBe(0);
  });
});
