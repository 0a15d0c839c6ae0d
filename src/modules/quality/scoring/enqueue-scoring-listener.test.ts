import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { helpDesk } from '../../../../test/support/help-desk.js';
import { waitUntil } from '../../../../test/support/wait-until.js';
import { eventOutbox } from '../../../platform/events/outbox-table.js';
import { toDomainEvent } from '../../../platform/events/to-domain-event.js';
import { sweepPromises } from '../../promises/index.js';
import { enqueueScoringListener } from './enqueue-scoring-listener.js';

let t: TestApp;
let desk: ReturnType<typeof helpDesk>;
let api: ReturnType<TestApp['as']>;

beforeAll(async () => {
  t = await createTestApp({ workers: true });
  api = t.as((await t.workspace('Twice')).apiKey);
  desk = helpDesk(api);
}, 60_000);
afterAll(() => t?.close(), 60_000);

const count = async (query: ReturnType<typeof sql>) =>
  ((await t.handle.db.execute(query)) as unknown as { rows: { n: number }[] }).rows[0]!.n;

describe('the scoring listener', () => {
  it('queues one scoring job for a status change delivered twice, even after the first job ran', async () => {
    const conv = await desk.conversation({
      customerId: (await desk.customer()).id,
      text: 'The app logs me out every time I open it.',
    });
    await desk.say(conv.id, 'agent', 'I have cleared your old sessions; it will keep you signed in now.');
    await desk.status(conv.id, 'resolved');
    await waitUntil('the conversation to be scored', async () => {
      const res = await api.get(`/conversations/${conv.id}/quality`);
      return res.status === 200;
    });
    const jobs = () =>
      count(
        sql`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'quality.score-conversation' AND data->>'conversationId' = ${conv.id}`,
      );
    const scores = () =>
      count(sql`SELECT count(*)::int AS n FROM quality_scores WHERE conversation_id = ${conv.id}`);
    expect(await jobs()).toBe(1);

    // A dispatcher that ran the listener and died before recording it: the event is due again.
    const [row] = await t.handle.db
      .update(eventOutbox)
      .set({ deliveredAt: null, nextAttemptAt: sql`now()` })
      .where(
        sql`${eventOutbox.type} = 'conversation.status_changed' AND ${eventOutbox.data}->>'conversationId' = ${conv.id}`,
      )
      .returning();
    await t.background!.dispatcher.drain();
    await waitUntil('the redelivery to be recorded', async () => {
      const [again] = await t.handle.db
        .select()
        .from(eventOutbox)
        .where(sql`${eventOutbox.id} = ${row!.id}`);
      return again!.deliveredAt;
    });
    // And the listener handed the same event by hand once more.
    await enqueueScoringListener.handle(toDomainEvent(row!), { ...t.deps, jobs: t.background!.queue });

    expect(await jobs()).toBe(1);
    expect(await scores()).toBe(1);
  });

  it('scores a finished conversation again when a promise made in it breaks: Road 4, with the promise as the reason', async () => {
    const conv = await desk.conversation({
      customerId: (await desk.customer()).id,
      text: 'Could you send me the corrected invoice?',
    });
    await desk.say(conv.id, 'agent', 'Of course. I will email the corrected invoice by tomorrow.');
    await desk.say(conv.id, 'customer', 'Great, thank you.');
    const owner = await desk.member('agent', 'Avery Agent');
    const promise = await api.post('/promises', {
      conversationId: conv.id,
      type: 'follow_up',
      ownerId: owner.id,
      dueAt: new Date(Date.now() + 3_600_000).toISOString(),
      terms: 'Email the corrected invoice',
    });
    expect(promise.status, promise.text).toBe(201);
    await desk.status(conv.id, 'resolved');
    const quality = async () => (await api.get(`/conversations/${conv.id}/quality`)).json;
    await waitUntil('the first score', async () => (await quality()).road !== undefined);
    expect((await quality()).road).not.toBe(4);

    await sweepPromises(t.deps, new Date(Date.now() + 3 * 3_600_000));
    await waitUntil('the score after the promise broke', async () => (await quality()).road === 4, 30_000);
    expect(JSON.stringify((await quality()).reasons)).toContain('broken promise');
  });
});
