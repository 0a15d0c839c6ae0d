import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { eventOutbox } from '../../platform/events/outbox-table.js';
import { toDomainEvent } from '../../platform/events/to-domain-event.js';
import { slaConversations, slaDaily, slaTargets } from './schema.js';
import { eventsOf, slaDesk } from './test-fixtures.js';
import { trackConversations } from './track-conversations.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ workers: true });
}, 60_000);
afterAll(async () => t?.close(), 60_000);

/** Every conversation event of one conversation, as the outbox would deliver them. */
async function conversationEvents(conversationId: string) {
  const rows = await t.handle.db
    .select()
    .from(eventOutbox)
    .where(
      and(
        sql`${eventOutbox.type} LIKE 'conversation.%'`,
        sql`${eventOutbox.data}->>'conversationId' = ${conversationId}`,
      ),
    )
    .orderBy(asc(eventOutbox.id));
  return rows.map(toDomainEvent);
}

const deliver = (events: Awaited<ReturnType<typeof conversationEvents>>) =>
  Promise.all(
    events
      .filter((e) => trackConversations.on.includes(e.type))
      .map((e) => trackConversations.handle(e, { ...t.deps, jobs: t.background!.queue })),
  );

describe('following conversations from the outbox', () => {
  it('changes nothing when events come again, or in another order', async () => {
    const d = await slaDesk(t, 'Again');
    await d.policy({
      name: 'All',
      targets: { firstHumanResponseSeconds: 3600, nextResponseSeconds: 600, resolutionSeconds: 86_400 },
    });
    const id = await d.open();
    await d.desk.say(id, 'agent', 'Hello!');
    await d.desk.say(id, 'customer', 'Still there?');
    await d.desk.status(id, 'waiting_on_customer');
    await d.settle();
    const before = await d.sla(id);
    const rows = () => t.handle.db.select().from(slaTargets).where(eq(slaTargets.conversationId, id));
    const targetsBefore = await rows();
    const rollup = () => t.handle.db.select().from(slaDaily).where(eq(slaDaily.workspaceId, d.workspaceId));
    const rollupBefore = await rollup();

    // Every event twice more: once in order, once newest first, side by side.
    const events = await conversationEvents(id);
    expect(events.map((e) => e.type)).toEqual([
      'conversation.created',
      'conversation.message_added',
      'conversation.message_added',
      'conversation.status_changed',
    ]);
    for (const e of events) await deliver([e]);
    await deliver([...events].reverse());

    expect(await d.sla(id)).toEqual(before);
    expect(await rows()).toEqual(targetsBefore);
    expect(await rollup()).toEqual(rollupBefore);
    expect(await eventsOf(t, 'sla.met', id)).toHaveLength(1);
    expect(before!.targets.map((x) => [x.kind, x.status])).toEqual([
      ['firstHumanResponse', 'met'],
      ['nextResponse', 'paused'],
      ['resolution', 'paused'],
    ]);
  });

  it('builds the clocks of a conversation older than the first policy from its history', async () => {
    const d = await slaDesk(t, 'History');
    // No policy yet: nothing is followed.
    const id = await d.open();
    await d.desk.say(id, 'agent', 'Hello!');
    await d.desk.status(id, 'waiting_on_customer');
    await d.settle();
    expect(await d.sla(id)).toBeNull();

    const policy = await d.policy({
      name: 'All',
      targets: { firstHumanResponseSeconds: 3600, nextResponseSeconds: 600, resolutionSeconds: 86_400 },
    });
    // Its next event: the history says it was answered, then waited on the customer, who now writes.
    await d.desk.say(id, 'customer', 'Here is the log file');
    await d.settle();
    const sla = (await d.sla(id))!;
    expect(sla.policyId).toBe(policy.id);
    expect(sla.targets.map((x) => [x.kind, x.status])).toEqual([
      ['firstHumanResponse', 'met'],
      ['nextResponse', 'active'],
      ['resolution', 'active'],
    ]);
    const next = sla.targets.find((x) => x.kind === 'nextResponse')!;
    expect((Date.parse(next.dueAt!) - Date.parse(next.startedAt)) / 1000).toBe(600);
  });

  it("meets no first-human target with a bot's or an automation key's reply, live or rebuilt", async () => {
    const d = await slaDesk(t, 'Bots');
    await d.policy({
      name: 'All',
      targets: { firstHumanResponseSeconds: 3600, nextResponseSeconds: 600, resolutionSeconds: 86_400 },
    });
    const key = await d.api.post('/api-keys', { name: 'Auto', role: 'agent', kind: 'automation' });
    const automation = t.as(key.json.key);
    const id = await d.open();
    const first = () => d.target(id, 'firstHumanResponse');
    const automated = await automation.post(`/conversations/${id}/messages`, {
      role: 'agent',
      text: 'Got it!',
    });
    expect(automated.status, automated.text).toBe(201);
    await d.desk.say(id, 'bot', 'Here are some articles that may help.');
    await d.settle();
    expect((await first())!.status).toBe('active');
    // Rebuilt from the history (the clocks of a conversation older than its policy): the same.
    await t.handle.db.delete(slaTargets).where(eq(slaTargets.conversationId, id));
    await t.handle.db.delete(slaConversations).where(eq(slaConversations.conversationId, id));
    await d.desk.say(id, 'customer', 'Hello? Anyone?');
    await d.settle();
    expect((await first())!.status).toBe('active');
    await d.desk.say(id, 'agent', 'Sorry for the wait!');
    await d.settle();
    expect((await first())!.status).toBe('met');
  });

  it('follows nothing in a workspace without a policy, and shows null', async () => {
    const d = await slaDesk(t, 'None');
    const id = await d.open();
    await d.desk.say(id, 'agent', 'Hi');
    await d.settle();
    expect(await d.sla(id)).toBeNull();
    const list = await d.api.get('/conversations');
    expect(list.json.data.find((c: { id: string }) => c.id === id).sla).toBeNull();
    expect(await t.handle.db.select().from(slaTargets).where(eq(slaTargets.conversationId, id))).toEqual([]);
  });
});
