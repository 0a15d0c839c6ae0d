import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { eventOutbox } from '../../platform/events/outbox-table.js';
import { toDomainEvent } from '../../platform/events/to-domain-event.js';
import { slaConversations } from './schema.js';
import { slaDesk } from './test-fixtures.js';
import { trackConversations } from './track-conversations.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ workers: true });
}, 60_000);
afterAll(async () => t?.close(), 60_000);

const messageEvents = async (workspaceId: string) =>
  (
    await t.handle.db
      .select()
      .from(eventOutbox)
      .where(
        and(eq(eventOutbox.workspaceId, workspaceId), eq(eventOutbox.type, 'conversation.message_added')),
      )
      .orderBy(asc(eventOutbox.id))
  ).map(toDomainEvent);

// The app's deps, with a database that counts what the listener asks of it.
function countingDeps() {
  const used = { execute: 0, transaction: 0 };
  const db = new Proxy(t.deps.db, {
    get(target, key, receiver) {
      if (key === 'execute' || key === 'transaction') used[key]++;
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { used, deps: { ...t.deps, db, jobs: t.background!.queue } };
}

const clocksOf = (conversationId: string) =>
  t.handle.db.select().from(slaConversations).where(eq(slaConversations.conversationId, conversationId));

describe('conversations service levels do not follow', () => {
  it('cost the listener one statement per batch and no transaction', async () => {
    const d = await slaDesk(t, 'Unfollowed');
    const ids = [await d.open(), await d.open(), await d.open()];
    for (const id of ids) await d.desk.say(id, 'agent', 'Hello!');
    await d.settle();
    const events = await messageEvents(d.workspaceId);
    expect(events).toHaveLength(3);

    const { used, deps } = countingDeps();
    await Promise.all(events.map((e) => trackConversations.handle(e, deps)));
    expect(used).toEqual({ execute: 1, transaction: 0 });
    for (const id of ids) expect(await clocksOf(id)).toHaveLength(0);
  });

  it('are followed from the first event read after a policy is created, even one delivered again', async () => {
    const d = await slaDesk(t, 'Later');
    const id = await d.open();
    await d.desk.say(id, 'customer', 'Anyone?');
    await d.settle();
    expect(await clocksOf(id)).toHaveLength(0);
    const [event] = await messageEvents(d.workspaceId);

    // This process has answered "not followed" for the workspace; the policy comes after.
    await d.policy({ name: 'All', targets: { firstHumanResponseSeconds: 3600 } });
    const { deps } = countingDeps();
    await trackConversations.handle(event!, deps);
    expect(await clocksOf(id)).toHaveLength(1);
    expect((await d.target(id, 'firstHumanResponse'))!.status).toBe('active');
  });

  it('keep following a conversation with clocks after its policy is deleted', async () => {
    const d = await slaDesk(t, 'Deleted');
    const policy = await d.policy({ name: 'All', targets: { firstHumanResponseSeconds: 3600 } });
    const id = await d.open();
    expect(await clocksOf(id)).toHaveLength(1);
    expect((await d.api.delete(`/sla-policies/${policy.id}`)).status).toBeLessThan(300);
    await d.desk.say(id, 'agent', 'Hello!');
    const [event] = await messageEvents(d.workspaceId);
    const { deps } = countingDeps();
    await trackConversations.handle(event!, deps);
  });
});
