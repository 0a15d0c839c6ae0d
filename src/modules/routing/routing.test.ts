import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { auditTrail } from '../workspaces/index.js';
import { sweepRouting } from './sweep-routing-job.js';
import { capacity, routingDesk } from './test-fixtures.js';

let t: TestApp;

beforeAll(async () => {
  // No workers: each test routes by calling what the listener calls, so it decides when.
  t = await createTestApp();
}, 60_000);
afterAll(async () => t?.close(), 60_000);

describe('routing', () => {
  // A hundred conversations created one by one: slow on a busy machine, so it is given room.
  it('offers 100 waiting conversations to 5 equal agents in arrival order, spreading the load evenly', async () => {
    const d = await routingDesk(t, { agents: 5, capacity: { chat: 30 } });
    const arrived: string[] = [];
    for (let i = 0; i < 100; i++) arrived.push(await d.wait(`Question ${i}`));
    for (const agent of d.agents) await d.presence(agent, 'online');
    expect(await d.dispatch()).toBe(100);

    const items = await d.items();
    const offered = [...items].sort((a, b) => a.offeredAt!.getTime() - b.offeredAt!.getTime());
    expect(offered.map((i) => i.conversationId)).toEqual(arrived);
    expect(new Set(items.map((i) => i.state))).toEqual(new Set(['offered']));
    const perAgent = d.agents.map((a) => items.filter((i) => i.agentId === a).length);
    expect(Math.max(...perAgent) - Math.min(...perAgent)).toBeLessThanOrEqual(1);
    // The counters routing decides by agree with what each agent holds.
    const loads = await d.loads();
    for (const agent of d.agents) {
      expect(loads.find((l) => l.userId === agent)!.chat).toBe(perAgent[d.agents.indexOf(agent)]);
    }
    // The conversation shows who it went to, and conversations agree.
    const first = (await d.api.get(`/conversations/${arrived[0]}`)).json;
    expect(first.routing).toMatchObject({ state: 'offered', teamId: d.teamId, position: null });
    expect(first.assigneeId).toBe(first.routing.agentId);
  }, 120_000);

  it('never offers one conversation twice when several processes route the same queue at once', async () => {
    const d = await routingDesk(t, { agents: 5, capacity: { chat: 4 } });
    for (let i = 0; i < 24; i++) await d.wait(`Question ${i}`);
    for (const agent of d.agents) await d.presence(agent, 'online');
    // On PostgreSQL each runs on its own connection: they take turns on the agents' rows.
    const offered = await Promise.all([d.dispatch(), d.dispatch(), d.dispatch(), d.dispatch()]);
    expect(offered.reduce((a, b) => a + b, 0)).toBe(20);
    const items = await d.items();
    expect(items.filter((i) => i.state === 'offered')).toHaveLength(20);
    expect(items.filter((i) => i.state === 'queued')).toHaveLength(4);
    for (const load of (await d.loads()).filter((l) => d.agents.includes(l.userId)))
      expect(load.chat).toBe(4);
    const events = await d.scoped((ctx) =>
      ctx.tx.execute(
        sql`SELECT count(*)::int AS n FROM conversation_events WHERE type = 'assigned' AND workspace_id = ${d.workspaceId}`,
      ),
    );
    expect((events as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(20);
  });

  it('never offers to an away, offline or full agent, and offers more when a capacity grows', async () => {
    const d = await routingDesk(t, { agents: 4, capacity: { chat: 1 } });
    const [online, away, , full] = d.agents;
    await d.presence(online!, 'online');
    await d.presence(away!, 'away');
    await capacity(d.api, full!, { chat: 0 });
    await d.presence(full!, 'online');
    const waiting = [await d.wait(), await d.wait(), await d.wait()];
    expect(await d.dispatch()).toBe(1);
    expect(await d.routing(waiting[0]!)).toMatchObject({ state: 'offered', agentId: online });
    expect(await d.routing(waiting[1]!)).toMatchObject({ state: 'queued', agentId: null, position: 1 });
    expect(await d.routing(waiting[2]!)).toMatchObject({ state: 'queued', position: 2 });
    expect(await d.dispatch()).toBe(0);

    await capacity(d.api, full!, { chat: 2 });
    expect(await d.dispatch()).toBe(2);
    expect(await d.routing(waiting[1]!)).toMatchObject({ state: 'offered', agentId: full });
    expect(await d.routing(waiting[2]!)).toMatchObject({ state: 'offered', agentId: full });
  });

  it('keeps a queue per kind: a place of one kind takes nothing of another, and a position counts only its own kind', async () => {
    const d = await routingDesk(t, { agents: 2, capacity: { chat: 1, email: 1, phone: 0, social: 0 } });
    const [first, second] = d.agents;
    const chats = [await d.wait('chat 1'), await d.wait('chat 2'), await d.wait('chat 3')];
    const mail = await d.wait('mail 1', 'email');
    expect(await d.routing(mail)).toMatchObject({ state: 'queued', position: 1 });
    expect(await d.routing(chats[2]!)).toMatchObject({ position: 3 });

    await d.presence(first!, 'online');
    // One chat and one email place: the head of each kind's queue, not the first two chats.
    expect(await d.dispatch()).toBe(2);
    expect(await d.routing(chats[0]!)).toMatchObject({ state: 'offered', agentId: first });
    expect(await d.routing(mail)).toMatchObject({ state: 'offered', agentId: first });
    expect(await d.routing(chats[1]!)).toMatchObject({ state: 'queued', position: 1 });

    // Only email room left anywhere, and no email waits: nothing moves, nothing is locked.
    await capacity(d.api, second!, { chat: 0, email: 3 });
    await d.presence(second!, 'online');
    expect(await d.dispatch()).toBe(0);
    await capacity(d.api, second!, { chat: 2, email: 3 });
    expect(await d.dispatch()).toBe(2);
    expect(await d.routing(chats[1]!)).toMatchObject({ state: 'offered', agentId: second });
    expect(await d.routing(chats[2]!)).toMatchObject({ state: 'offered', agentId: second });
  });

  it('serves the most urgent first, then by arrival', async () => {
    const d = await routingDesk(t, { agents: 1, capacity: { chat: 1 } });
    await d.wait('normal');
    const urgent = (
      await d.api.post('/conversations', {
        customerId: d.customerId,
        channel: 'chat',
        teamId: d.teamId,
        priority: 'urgent',
        message: { text: 'Everything is down' },
      })
    ).json.id;
    expect(await d.routing(urgent)).toMatchObject({ state: 'queued', position: 1 });
    await d.presence(d.agents[0]!, 'online');
    await d.dispatch();
    expect(await d.routing(urgent)).toMatchObject({ state: 'offered' });
  });

  it('moves a conversation in its queue when its priority changes, keeping its arrival', async () => {
    const d = await routingDesk(t, { agents: 1, capacity: { chat: 1 } });
    const first = await d.wait('first');
    const second = await d.wait('second');
    const before = await d.routing(second);
    expect(before).toMatchObject({ position: 2 });
    const raised = await d.api.post(`/conversations/${second}/priority`, { priority: 'high' });
    expect(raised.status, raised.text).toBe(200);
    expect(raised.json.routing).toMatchObject({
      state: 'queued',
      position: 1,
      enqueuedAt: before!.enqueuedAt,
    });
    expect(await d.routing(first)).toMatchObject({ position: 2 });
    await d.presence(d.agents[0]!, 'online');
    await d.dispatch();
    expect(await d.routing(second)).toMatchObject({ state: 'offered', agentId: d.agents[0] });
    expect(await d.routing(first)).toMatchObject({ state: 'queued', position: 1 });

    // Lowered below the rest of the queue, it waits behind them.
    const later = await d.wait('later');
    await d.api.post(`/conversations/${first}/priority`, { priority: 'low' });
    expect(await d.routing(later)).toMatchObject({ position: 1 });
    expect(await d.routing(first)).toMatchObject({ position: 2 });
  });

  it('gives back unanswered offers when the agent goes away, each with its original enqueuedAt', async () => {
    const d = await routingDesk(t, { agents: 1, capacity: { chat: 5 } });
    const [agent] = d.agents;
    const answeredId = await d.wait('first');
    const unansweredId = await d.wait('second');
    const before = await d.routing(unansweredId);
    await d.presence(agent!, 'online');
    await d.dispatch();
    await d.desk.say(answeredId, 'agent', 'Hi, I am on it.');
    expect(await d.routing(answeredId)).toMatchObject({ state: 'assigned', agentId: agent });

    // The heartbeat stops: the sweep finds the agent unseen for longer than allowed.
    const later = new Date(Date.now() + 60_000);
    expect((await sweepRouting(t.deps, later)).away).toBeGreaterThanOrEqual(1);
    const back = await d.routing(unansweredId);
    expect(back).toMatchObject({
      state: 'queued',
      agentId: null,
      position: 1,
      enqueuedAt: before!.enqueuedAt,
    });
    expect((await d.api.get(`/conversations/${unansweredId}`)).json.assigneeId).toBeNull();
    // What the agent answered stays theirs.
    expect(await d.routing(answeredId)).toMatchObject({ state: 'assigned', agentId: agent });
    const load = (await d.loads()).find((l) => l.userId === agent)!;
    expect(load).toMatchObject({ status: 'away', chat: 1 });
  });

  it('returns a reopened conversation to its last agent when available, otherwise to the front of the queue', async () => {
    const d = await routingDesk(t, { agents: 1, capacity: { chat: 5 } });
    const [agent] = d.agents;
    await d.presence(agent!, 'online');
    const id = await d.wait();
    await d.dispatch();
    await d.desk.say(id, 'agent', 'Done, anything else?');
    await d.desk.status(id, 'resolved');
    expect(await d.routing(id)).toBeNull();
    expect((await d.loads()).find((l) => l.userId === agent)!.chat).toBe(0);

    await d.desk.say(id, 'customer', 'Actually, one more thing');
    expect(await d.routing(id)).toMatchObject({ state: 'offered', agentId: agent });
    expect((await d.api.get(`/conversations/${id}`)).json.assigneeId).toBe(agent);
    // Not the conversation's first human reply, yet it answers the offer: the agent keeps it.
    await d.desk.say(id, 'agent', 'Sure, go ahead.');
    expect(await d.routing(id)).toMatchObject({ state: 'assigned', agentId: agent });
    await d.presence(agent!, 'away');
    expect(await d.routing(id)).toMatchObject({ state: 'assigned', agentId: agent });
    expect((await d.items()).find((i) => i.conversationId === id)).toMatchObject({ state: 'assigned' });
    expect((await d.loads()).find((l) => l.userId === agent)).toMatchObject({ status: 'away', chat: 1 });

    await d.desk.status(id, 'closed');
    await d.presence(agent!, 'offline');
    const older = await d.wait('been waiting');
    await d.desk.say(id, 'customer', 'Still broken');
    const reopened = await d.routing(id);
    expect(reopened).toMatchObject({ state: 'queued', agentId: null, position: 1 });
    expect(await d.routing(older)).toMatchObject({ position: 2 });
    expect((await d.api.get(`/conversations/${id}`)).json.assigneeId).toBeNull();
  });

  it('moves a transferred conversation to the new team, freeing the agent who held it', async () => {
    const d = await routingDesk(t, { agents: 1, capacity: { chat: 1 } });
    const [agent] = d.agents;
    await d.presence(agent!, 'online');
    const id = await d.wait();
    await d.dispatch();
    const other = await d.desk.team(`Second line ${d.workspaceId.slice(0, 8)}`, []);
    const res = await d.api.post(`/conversations/${id}/transfer`, {
      teamId: other.id,
      note: 'Needs billing',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.routing).toMatchObject({ state: 'queued', teamId: other.id, agentId: null, position: 1 });
    expect((await d.loads()).find((l) => l.userId === agent)!.chat).toBe(0);
    // The freed agent takes the next one of their own queue.
    const next = await d.wait();
    await d.dispatch();
    expect(await d.routing(next)).toMatchObject({ state: 'offered', agentId: agent });
  });

  it('allows a manual assignment over capacity and records it', async () => {
    const d = await routingDesk(t, { agents: 1, capacity: { chat: 1 } });
    const [agent] = d.agents;
    const first = await d.wait();
    const second = await d.wait();
    for (const id of [first, second]) {
      const res = await d.api.post(`/conversations/${id}/assign`, { userId: agent });
      expect(res.status, res.text).toBe(200);
      expect(res.json.routing).toMatchObject({ state: 'assigned', agentId: agent });
    }
    expect((await d.loads()).find((l) => l.userId === agent)!.chat).toBe(2);
    // Created for a person straight away: held by them, never queued, counted as well.
    const direct = await d.desk.conversation({
      customerId: d.customerId,
      text: 'Hi',
      assigneeId: agent,
      teamId: d.teamId,
    });
    expect(await d.routing(direct.id)).toMatchObject({ state: 'assigned', agentId: agent, enqueuedAt: null });
    expect((await d.loads()).find((l) => l.userId === agent)!.chat).toBe(3);
    expect(await d.scoped((ctx) => auditTrail(ctx, 'conversation', first))).toEqual([]);
    expect(await d.scoped((ctx) => auditTrail(ctx, 'conversation', second))).toEqual([
      expect.objectContaining({
        action: 'routing.assigned_over_capacity',
        data: { userId: agent, kind: 'chat', load: 2, capacity: 1 },
      }),
    ]);
  });

  it('shows each waiting conversation its position and an estimate that follows the queue', async () => {
    const d = await routingDesk(t, { agents: 2, capacity: { chat: 1 } });
    const ids = [await d.wait(), await d.wait(), await d.wait()];
    const list = (await d.api.get(`/conversations?teamId=${d.teamId}`)).json.data as any[];
    const byId = new Map(list.map((c) => [c.id, c.routing]));
    expect(ids.map((id) => byId.get(id).position)).toEqual([1, 2, 3]);
    // No history yet: 30 to 60 seconds per round of agents ahead (none online counts as one).
    expect(byId.get(ids[2]).estimatedWait).toEqual({ minSeconds: 90, maxSeconds: 180 });

    await d.presence(d.agents[0]!, 'online');
    await d.presence(d.agents[1]!, 'online');
    // With both agents online the queue moves two at a time.
    expect((await d.routing(ids[2]!))!.estimatedWait).toEqual({ minSeconds: 60, maxSeconds: 120 });
    await d.dispatch();
    expect(await d.routing(ids[2]!)).toMatchObject({ state: 'queued', position: 1 });
    expect((await d.routing(ids[2]!))!.estimatedWait).toEqual({ minSeconds: 30, maxSeconds: 60 });
  });
});
