import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { routingItems } from './schema.js';
import { routingDesk } from './test-fixtures.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => t?.close(), 60_000);

describe('GET /routing/live', () => {
  it("shows each queue's waiting, offered and longest wait, and the agents' presence, load and capacity", async () => {
    const d = await routingDesk(t, { agents: 2, capacity: { chat: 1 } });
    const [first, second] = d.agents;
    const waiting = [await d.wait(), await d.wait(), await d.wait()];
    // The oldest waited two minutes: the live view measures from when it was queued.
    await d.scoped((ctx) =>
      ctx.tx.execute(
        sql`UPDATE ${routingItems} SET enqueued_at = now() - interval '120 seconds' WHERE conversation_id = ${waiting[0]}`,
      ),
    );
    let live = await d.api.get('/routing/live');
    expect(live.status, live.text).toBe(200);
    expect(live.json.queues).toEqual([
      { teamId: d.teamId, waiting: 3, offered: 0, longestWaitSeconds: expect.any(Number) },
    ]);
    expect(live.json.queues[0].longestWaitSeconds).toBeGreaterThanOrEqual(120);
    expect(live.json.queues[0].longestWaitSeconds).toBeLessThan(180);

    await d.presence(first!, 'online');
    await d.presence(second!, 'away');
    expect(await d.dispatch()).toBe(1);
    live = await d.api.get('/routing/live');
    expect(live.json.queues).toEqual([
      { teamId: d.teamId, waiting: 2, offered: 1, longestWaitSeconds: expect.any(Number) },
    ]);
    // The longest waiter was offered first, so the longest wait now is a younger one's.
    expect(live.json.queues[0].longestWaitSeconds).toBeLessThan(120);
    const agents = new Map(live.json.agents.map((a: { userId: string }) => [a.userId, a]));
    expect(agents.get(first)).toMatchObject({
      status: 'online',
      load: { chat: 1, email: 0, phone: 0, social: 0 },
      capacity: { chat: 1 },
    });
    expect(agents.get(second)).toMatchObject({ status: 'away', load: { chat: 0 } });
    expect(typeof (agents.get(first) as { lastSeenAt: string }).lastSeenAt).toBe('string');
  });

  it("shows nothing of another workspace's queues or agents, and only to supervisors and up", async () => {
    const a = await routingDesk(t, { agents: 1 });
    const b = await routingDesk(t, { agents: 1 });
    await a.wait();
    await a.presence(a.agents[0]!, 'online');
    const seenByB = (await b.api.get('/routing/live')).json;
    expect(seenByB.queues).toEqual([]);
    expect(seenByB.agents.map((x: { userId: string }) => x.userId)).not.toContain(a.agents[0]);

    const agentKey = await a.api.post('/api-keys', { name: 'An agent', role: 'agent' });
    expect((await t.as(agentKey.json.key).get('/routing/live')).status).toBe(403);
    const supervisorKey = await a.api.post('/api-keys', { name: 'A supervisor', role: 'supervisor' });
    expect((await t.as(supervisorKey.json.key).get('/routing/live')).status).toBe(200);
  });
});
