import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { sweepRouting } from './sweep-routing-job.js';
import { routingDesk } from './test-fixtures.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => t?.close(), 60_000);

describe('presence', () => {
  it('lets an agent set their own presence, as a heartbeat, and only supervisors and up set others', async () => {
    const d = await routingDesk(t, { agents: 1 });
    const key = await d.api.post('/api-keys', { name: 'Agent desk', role: 'agent' });
    const agent = t.as(key.json.key);
    const mine = await agent.put('/me/presence', { status: 'online' });
    expect(mine.status, mine.text).toBe(200);
    // A key acts for the member who made it.
    expect(mine.json).toMatchObject({ userId: d.userId, status: 'online', returned: 0 });
    expect((await agent.put(`/users/${d.agents[0]}/presence`, { status: 'online' })).status).toBe(403);

    // A heartbeat keeps the agent online through the sweep; a stopped one does not.
    const soon = new Date(Date.now() + 30_000);
    await sweepRouting(t.deps, soon);
    expect((await d.loads()).find((l) => l.userId === d.userId)!.status).toBe('online');
    await sweepRouting(t.deps, new Date(Date.now() + 60_000));
    expect((await d.loads()).find((l) => l.userId === d.userId)!.status).toBe('away');
  });

  it('refuses bad input', async () => {
    const d = await routingDesk(t, { agents: 1 });
    const [agent] = d.agents;
    const refused = [
      [await d.api.put(`/users/${agent}/presence`, { status: 'busy' }), 'status'],
      [await d.api.put(`/users/${agent}/presence`, {}), 'status'],
      [await d.api.put(`/users/${agent}/presence`, { status: 'online', mood: 'good' }), ''],
      [await d.api.patch(`/users/${agent}`, { capacity: { chat: -1 } }), 'capacity.chat'],
      [await d.api.patch(`/users/${agent}`, { capacity: { chat: 1.5 } }), 'capacity.chat'],
      [await d.api.patch(`/users/${agent}`, { capacity: { fax: 1 } }), 'capacity.fax'],
      [await d.api.patch(`/users/${agent}`, {}), ''],
      [await d.api.patch(`/teams/${d.teamId}`, { autoAssign: 'yes' }), 'autoAssign'],
      [await d.api.patch(`/teams/${d.teamId}`, {}), ''],
    ] as const;
    for (const [res, field] of refused) {
      expect(res.status, res.text).toBe(400);
      if (field) expect(res.json.invalid_params.map((p: { name: string }) => p.name)).toContain(field);
    }
    expect(
      (await d.api.put(`/users/00000000-0000-4000-8000-000000000000/presence`, { status: 'online' })).status,
    ).toBe(404);
    // A capacity change merges into the current one and the member shows it.
    const changed = await d.api.patch(`/users/${agent}`, { capacity: { phone: 0 } });
    expect(changed.json.capacity).toEqual({ chat: 3, email: 10, phone: 0, social: 5 });
    const team = await d.api.patch(`/teams/${d.teamId}`, { name: 'Billing', autoAssign: false });
    expect(team.json).toMatchObject({ name: 'Billing', autoAssign: false });
  });
});

describe('tenancy', () => {
  it("never routes one workspace's conversations to another's agents, nor shows them", async () => {
    const a = await routingDesk(t, { agents: 1 });
    const b = await routingDesk(t, { agents: 1, capacity: { chat: 10 } });
    await b.presence(b.agents[0]!, 'online');
    const waiting = await a.wait();
    await a.desk.say(waiting, 'agent', 'An answer in A');
    expect(await b.dispatch()).toBe(0);
    expect(await a.dispatch()).toBe(0); // A's agent is offline
    expect(await a.routing(waiting)).toMatchObject({ state: 'queued', position: 1 });
    expect((await b.api.get(`/conversations/${waiting}`)).status).toBe(404);
    expect((await b.api.put(`/users/${a.agents[0]}/presence`, { status: 'online' })).status).toBe(404);
    expect((await b.api.patch(`/teams/${a.teamId}`, { autoAssign: false })).status).toBe(404);
    const today = new Date().toISOString().slice(0, 10);
    const bReport = (await b.api.get(`/reports/time-to-first-human?from=${today}&to=${today}`)).json;
    expect(bReport.count).toBe(0);
    expect((await b.items()).map((i) => i.conversationId)).not.toContain(waiting);
  });
});
